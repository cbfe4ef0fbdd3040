import type { AddressPattern, Locator, SiteDefinition, TaughtField } from '../model/site-definition';
import { DATE_TIME, DEFINITION_ID, HASH_PATH, HOST, PLACEHOLDER, placeholdersOf, SITE_DEFINITION_FORMAT } from '../model/site-definition-rules';

/**
 * The taught sites' definitions as the background sends them (`site.forPage`), read without zod:
 * zod/mini was about a third of the taught-site content script. Same rules, same output as
 * `SiteDefinitions.safeParse` in lib/model/site-definition.ts, the one source of truth
 * (site-definitions.test.ts holds them together): unknown keys dropped, defaults filled in, and
 * anything invalid refused whole.
 */

/** Thrown by a reader below at the first thing wrong; caught once, in `readSiteDefinitions`. */
const INVALID = Symbol('invalid');
function fail(): never {
  throw INVALID;
}

/** zod's object: anything but null and arrays; keys read as `input[key]`, as zod reads them. */
function fieldsOf(value: unknown): (key: string) => unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail();
  return (key) => Reflect.get(value, key);
}

function text(value: unknown, min: number, max: number, ok: (s: string) => boolean = () => true): string {
  return typeof value === 'string' && value.length >= min && value.length <= max && ok(value) ? value : fail();
}

function list<T>(value: unknown, max: number, item: (v: unknown) => T): T[] {
  if (!Array.isArray(value) || value.length > max) fail();
  const items: readonly unknown[] = value;
  const out: T[] = [];
  // Indexes, not map(): a hole is read as undefined (and refused), as zod reads it.
  for (let i = 0; i < items.length; i++) out.push(item(items[i]));
  return out;
}

/** zod's `_default`: only undefined (or absent) takes the default. */
const or = <T>(value: unknown, fallback: T, read: (v: unknown) => T): T => (value === undefined ? fallback : read(value));

const noBreaksOrBraces = (s: string) => !/[\n\r{}]/.test(s);
const template = (v: unknown) => text(v, 0, 300, (t) => !/[{}]/.test(t.replace(PLACEHOLDER, '')) && !/\s/.test(t));

function address(value: unknown): AddressPattern {
  const get = fieldsOf(value);
  const a: AddressPattern = {
    path: text(template(get('path')), 0, 300, (t) => t.startsWith('/')),
    query: or(get('query'), [], (q) =>
      list(q, 4, (e) => {
        const param = fieldsOf(e);
        return { name: text(param('name'), 1, 100), value: template(param('value')) };
      }),
    ),
    hash: or(get('hash'), '', template),
  };
  // Optional, not defaulted: kept only when present (undefined too), as zod keeps it.
  if (typeof value === 'object' && value !== null && 'hashPath' in value) {
    const hashPath = get('hashPath');
    a.hashPath = hashPath === undefined ? undefined : text(template(hashPath), 0, 300, (t) => t === '' || HASH_PATH.test(t));
  }
  const names = [...placeholdersOf(a.path), ...a.query.flatMap((q) => placeholdersOf(q.value)), ...placeholdersOf(a.hashPath ?? ''), ...placeholdersOf(a.hash)];
  return names.length >= 1 && names.length <= 4 && new Set(names).size === names.length ? a : fail();
}

function locator(value: unknown): Locator {
  const get = fieldsOf(value);
  return {
    selectors: or(get('selectors'), [], (s) => list(s, 4, (v) => text(v, 1, 500, noBreaksOrBraces))),
    label: or(get('label'), '', (v) => text(v, 0, 200)),
    path: or(get('path'), '', (v) => text(v, 0, 500, noBreaksOrBraces)),
  };
}

function field(value: unknown): TaughtField {
  const get = fieldsOf(value);
  return { name: text(get('name'), 1, 100, (n) => n.trim() === n), locator: locator(get('locator')) };
}

function definition(value: unknown): SiteDefinition {
  const get = fieldsOf(value);
  const d: SiteDefinition = {
    format: get('format') === SITE_DEFINITION_FORMAT ? SITE_DEFINITION_FORMAT : fail(),
    version: get('version') === 1 ? 1 : fail(),
    id: text(get('id'), 0, Infinity, (s) => DEFINITION_ID.test(s)),
    displayName: text(get('displayName'), 1, 100),
    host: text(get('host'), 0, 253, (s) => HOST.test(s)),
    address: address(get('address')),
    name: locator(get('name')),
    fields: list(get('fields'), 50, field),
    updatedAt: text(get('updatedAt'), 0, Infinity, (s) => DATE_TIME.test(s)),
  };
  return new Set(d.fields.map((f) => f.name)).size === d.fields.length ? d : fail();
}

/** The definitions (at most 100), or null when the value is not such a list: nothing of it is used then. */
export function readSiteDefinitions(value: unknown): SiteDefinition[] | null {
  try {
    return list(value, 100, definition);
  } catch (error) {
    if (error === INVALID) return null;
    throw error;
  }
}
