import { z } from '../model/zod';
import { IsoDateTime } from '../model/dates';
import { AppErrorData } from '../errors';

/** Loopback addresses may use plain HTTP (a local export server, and the tests); any other host must be HTTPS. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isAllowedSourceUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  } catch {
    return false;
  }
}

/** A usage endpoint the CSM configured: fetched by the background on a schedule and on demand. */
export const UsageSourceConfig = z.object({
  url: z.string().check(z.maxLength(2000), z.refine(isAllowedSourceUrl, 'must be an https:// address')),
  /** The header the token goes in, e.g. Authorization or X-API-Key. */
  headerName: z._default(z.string().check(z.regex(/^[A-Za-z0-9-]{1,100}$/, 'not a header name')), 'Authorization'),
  /** Sent as is (e.g. "Bearer …"). Never exported in backups. */
  token: z._default(z.string().check(z.maxLength(5000)), ''),
  refreshHours: z._default(z.int().check(z.gte(1), z.lte(168)), 6),
});
export type UsageSourceConfig = z.infer<typeof UsageSourceConfig>;

/** What the options page shows of the last fetches: the last good data stays usable offline. */
export const UsageSourceStatus = z.object({
  lastAttemptAt: z._default(z.nullable(IsoDateTime), null),
  lastSuccessAt: z._default(z.nullable(IsoDateTime), null),
  lastError: z._default(z.nullable(AppErrorData), null),
  lastRows: z._default(z.int().check(z.nonnegative()), 0),
  lastMonths: z._default(z.int().check(z.nonnegative()), 0),
});
export type UsageSourceStatus = z.infer<typeof UsageSourceStatus>;

/** The host permission pattern the source needs (asked for at run time, optional in the manifest). */
export function sourceOriginPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

export const USAGE_SOURCE_ALARM = 'usage-source-refresh';
/** Responses larger than this are refused rather than read into the worker's memory. */
export const SOURCE_MAX_BYTES = 100 * 1024 * 1024;
