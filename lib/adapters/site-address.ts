import type { AddressPattern } from '../model/site-definition';
import { HASH_PATH, placeholdersOf, RECORD_PART } from '../model/site-definition-rules';

/**
 * Matches an address against a taught site's pattern. Templates are compiled here from escaped
 * literal text and fixed placeholder classes, so a definition can never bring its own regular
 * expression (nor one that backtracks for ever).
 */

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function compile(template: string, rest: string): RegExp {
  const parts = template.split(/\{[a-z][a-z0-9_]{0,30}\}/i).map(escape);
  return new RegExp(`^${parts.join(`(${RECORD_PART})`)}${rest}$`);
}

/** A trailing slash is the same page (but `/` and `!/` stay a route). */
const trimSlash = (path: string) => path.replace(/([^!])\/$/, '$1');

/**
 * A hash that is a single-page app's route (`#/customers/42?tab=2`, `#!/deal/7`): its path, and
 * what follows its `?`. Null for any other hash (`#record=345`).
 */
function hashRoute(url: URL): { path: string; rest: string } | null {
  const hash = url.hash.replace(/^#/, '');
  if (!HASH_PATH.test(hash)) return null;
  const q = hash.indexOf('?');
  return q < 0 ? { path: hash, rest: '' } : { path: hash.slice(0, q), rest: hash.slice(q + 1) };
}

/** The record id parts an address names, in template order (path, query, hash path, hash), or null when it is not such a record. */
export function matchAddress(pattern: AddressPattern, url: URL): string[] | null {
  const parts: string[] = [];
  const take = (template: string, value: string, rest: string): boolean => {
    const m = compile(template, rest).exec(value);
    if (!m) return false;
    parts.push(...m.slice(1, placeholdersOf(template).length + 1).map((p) => p ?? ''));
    return true;
  };
  // As the address writes it (percent-encoded), the way the pattern was taught from it.
  const path = url.pathname;
  if (!take(pattern.path, path.length > 1 ? path.replace(/\/$/, '') : path, '')) return null;
  for (const q of pattern.query) {
    const value = url.searchParams.get(q.name);
    if (value === null || !take(q.value, value, '')) return null;
  }
  let hash = url.hash.replace(/^#/, '');
  if (pattern.hashPath) {
    // Matched whole, like the path; the taught `hash` pairs (if any) then follow the route's `?`.
    const route = hashRoute(url);
    if (!route || !take(pattern.hashPath, trimSlash(route.path), '')) return null;
    hash = route.rest;
  }
  // More may follow the taught hash (`#record=345&tab=2`).
  if (pattern.hash !== '' && !take(pattern.hash, hash, '(?:[&/?;].*)?')) return null;
  return parts;
}

/** One part of an address that may identify the record (the teaching mode lists them). */
export interface AddressPart {
  value: string;
  /** A number or id-like value: offered ticked. */
  idLike: boolean;
}

const ID_LIKE = /^(?=[A-Za-z0-9_.-]*\d)[A-Za-z0-9_.-]{1,64}$/;
const PART = /^[A-Za-z0-9_.-]{1,64}$/;

interface Split {
  path: string[];
  query: [string, string][];
  /** A route's segments (`#/customers/42` → `['', 'customers', '42']`); none for a hash of pairs. */
  hashPath: string[];
  hash: [string, string][];
}

function split(url: URL): Split {
  const route = hashRoute(url);
  return {
    path: url.pathname.split('/'),
    query: [...url.searchParams.entries()],
    hashPath: route ? route.path.split('/') : [],
    hash: (route ? route.rest : url.hash.replace(/^#/, ''))
      .split('&')
      .filter((kv) => kv.includes('='))
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  };
}

/** The parts of an address that could identify a record, in the order templates name them (path, query, hash path, hash). */
export function addressParts(url: URL): AddressPart[] {
  const { path, query, hashPath, hash } = split(url);
  return [...path, ...query.map(([, v]) => v), ...hashPath, ...hash.map(([, v]) => v)].filter((v) => PART.test(v)).map((value) => ({ value, idLike: ID_LIKE.test(value) }));
}

/**
 * The pattern for records like this address, the chosen parts (indexes into `addressParts`) as
 * placeholders: `/k/12/show#record=345` with both chosen gives `/k/{id1}/show` and `record={id2}`;
 * `/app#/customers/42` with 42 chosen gives `/app` and the hash path `/customers/{id1}`.
 * Query and hash parameters not chosen are left out (they do not tell records apart), and so is a
 * hash path none of whose parts (nor of the pairs after its `?`) is chosen (a view, not a record).
 */
export function patternFrom(url: URL, chosen: ReadonlySet<number>): AddressPattern {
  const { path, query, hashPath, hash } = split(url);
  let index = -1;
  let named = 0;
  const take = (value: string): string | null => {
    if (!PART.test(value)) return null;
    index++;
    return chosen.has(index) ? `{id${++named}}` : null;
  };
  const pathT = path.map((seg) => take(seg) ?? seg).join('/').replace(/(.)\/$/, '$1');
  const queryT = query.flatMap(([name, v]) => {
    const t = take(v);
    return t ? [{ name, value: t }] : [];
  });
  const beforeHash = named;
  const hashPathT = trimSlash(hashPath.map((seg) => take(seg) ?? seg).join('/'));
  const hashT = hash
    .flatMap(([k, v]) => {
      const t = take(v);
      return t ? [`${k}=${t}`] : [];
    })
    .join('&');
  // Only when the address has a route that names part of the record: older definitions keep their shape.
  const routeNamed = hashPath.length > 0 && named > beforeHash;
  return { path: pathT, query: queryT, hash: hashT, ...(routeNamed && { hashPath: hashPathT }) };
}
