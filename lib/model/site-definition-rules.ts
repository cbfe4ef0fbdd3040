/**
 * The plain rules of a site definition (its format name and regular expressions), without zod: the
 * schema (site-definition.ts) checks with them, and so do the content scripts' reader
 * (lib/content/site-definitions.ts) and address matcher, which must not carry zod.
 */

export const SITE_DEFINITION_FORMAT = 'adoption-sidebar-site';

/** A host name (lower case, no port, no wildcard). */
export const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** A placeholder's name in an address template. */
export const PLACEHOLDER = /\{([a-z][a-z0-9_]{0,30})\}/gi;

/** What a placeholder matches in an address: an id, never a separator of keys or paths. */
export const RECORD_PART = '[A-Za-z0-9_.-]{1,64}';

/** A hash path's template starts like a single-page app's route: `/customers/{id}`, `!/deal/{id}`. */
export const HASH_PATH = /^!?\//;

export const DEFINITION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** ISO 8601 with its offset (a plain pattern: zod's ISO checks would double the schema's size). */
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}
