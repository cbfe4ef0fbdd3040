import { z } from './zod';
import { DATE_TIME, DEFINITION_ID, HASH_PATH, HOST, PLACEHOLDER, placeholdersOf, SITE_DEFINITION_FORMAT } from './site-definition-rules';

export { placeholdersOf, RECORD_PART, SITE_DEFINITION_FORMAT } from './site-definition-rules';

/**
 * A site the CSM taught the sidebar (any CRM): data only, never code. The address is matched with
 * templates (literal text and `{name}` placeholders), never with a user's regular expression; each
 * value is found again with locators (CSS selectors and label text) that can only select elements of
 * the page they read. Documented in the README (*Taught sites*).
 *
 * zod/mini: the rest of the extension composes these into its full-zod schemas (the protocol, the
 * settings store) as they are. The content scripts carry no zod: they read what the background
 * sends with lib/content/site-definitions.ts, tested to agree with these schemas.
 */

/** A host name (lower case, no port, no wildcard): the one site the definition reads. */
export const SiteHost = z.string().check(z.maxLength(253), z.regex(HOST, 'not a host name'));

/** Literal text and `{name}` placeholders; no other braces. */
const Template = z.string().check(
  z.maxLength(300),
  z.refine((t) => !/[{}]/.test(t.replace(PLACEHOLDER, '')), 'braces only around a placeholder name'),
  z.refine((t) => !/\s/.test(t), 'no spaces'),
);

/** Which addresses are records of the taught kind, and which parts of them identify the record. */
export const AddressPattern = z
  .object({
    /** The path, e.g. `/k/{app}/show` (a trailing slash is ignored). */
    path: Template.check(z.refine((t) => t.startsWith('/'), 'a path starts with /')),
    /** Query parameters that must be present, e.g. `[{ "name": "id", "value": "{record}" }]`. */
    query: z._default(z.array(z.object({ name: z.string().check(z.minLength(1), z.maxLength(100)), value: Template })).check(z.maxLength(4)), []),
    /** The part after `#`, e.g. `record={record}` ('' when the address's hash does not matter); more may follow after `&`. */
    hash: z._default(Template, ''),
    /**
     * The hash as a path (a single-page app's route), e.g. `/customers/{id}` or `!/deal/{id}`:
     * matched like `path` against the hash up to its `?`, and `hash` (if any) then against what
     * follows the `?`. Optional, so definitions made before it parse exactly as they did.
     */
    hashPath: z.optional(Template.check(z.refine((t) => t === '' || HASH_PATH.test(t), 'a hash path starts with / or !/'))),
  })
  .check(
    z.refine((a) => {
      const names = [...placeholdersOf(a.path), ...a.query.flatMap((q) => placeholdersOf(q.value)), ...placeholdersOf(a.hashPath ?? ''), ...placeholdersOf(a.hash)];
      return names.length >= 1 && names.length <= 4 && new Set(names).size === names.length;
    }, 'one to four placeholders, each named once: they identify the record'),
  );
export type AddressPattern = z.infer<typeof AddressPattern>;

/** A CSS selector: it can only select elements; checked again when used (an invalid one finds nothing). */
const Selector = z.string().check(z.refine((s) => s.length >= 1 && s.length <= 500 && !/[\n\r{}]/.test(s), 'not a selector'));

/** How to find one value on the page again: stable attributes first, then the label beside it, then its position. */
export const Locator = z.object({
  /** Selectors made of stable attributes (id, data-*, name, aria-label, itemprop), most specific first. */
  selectors: z._default(z.array(Selector).check(z.maxLength(4)), []),
  /** The page's label beside the value when it was taught ('' when none): a value found elsewhere must sit beside this label. */
  label: z._default(z.string().check(z.maxLength(200)), ''),
  /** The element's position (a selector of positions): the last resort, used only when no label was taught. */
  path: z._default(z.string().check(z.maxLength(500), z.refine((s) => !/[\n\r{}]/.test(s), 'not a selector')), ''),
});
export type Locator = z.infer<typeof Locator>;

export const TaughtField = z.object({
  /** The name the CSM gave the field: the sidebar's `data-field` key. */
  name: z.string().check(z.minLength(1), z.maxLength(100), z.refine((n) => n.trim() === n, 'no spaces around the name')),
  locator: Locator,
});
export type TaughtField = z.infer<typeof TaughtField>;

export const SiteDefinitionId = z.string().check(z.regex(DEFINITION_ID, 'not a definition id'));

export const SiteDefinition = z
  .object({
    format: z.literal(SITE_DEFINITION_FORMAT),
    version: z.literal(1),
    id: SiteDefinitionId,
    /** The CRM's name as the CSM calls it ("kintone", "Our admin"). */
    displayName: z.string().check(z.minLength(1), z.maxLength(100)),
    /** Pages on `https://<host>` only. */
    host: SiteHost,
    address: AddressPattern,
    /** Where the record's name is shown. */
    name: Locator,
    fields: z.array(TaughtField).check(z.maxLength(50)),
    /** ISO 8601 with its offset. */
    updatedAt: z.string().check(z.regex(DATE_TIME, 'not a date and time')),
  })
  .check(z.refine((d) => new Set(d.fields.map((f) => f.name)).size === d.fields.length, 'each field named once'));
export type SiteDefinition = z.infer<typeof SiteDefinition>;

/** Every definition the CSM keeps (a settings document, so backups carry it). */
export const SiteDefinitions = z.array(SiteDefinition).check(z.maxLength(100));

/** The permission pattern a definition needs: its one host. */
export function hostPermissionFor(host: string): string {
  return `https://${host}/*`;
}

/** A definition and whether the browser lets the extension on its host (listed in settings). */
export const SiteDefinitionStatus = z.object({ definition: SiteDefinition, permitted: z.boolean() });
export type SiteDefinitionStatus = z.infer<typeof SiteDefinitionStatus>;
