import { AppError, type ErrorCode } from '../errors';
import type { TeamTouch, WritableCrm } from '../model/crm-write';
import type { ActivityContent } from './activity';

/** Where an account lives in its CRM, as a writer needs it: the API's host and the record's id there. */
export interface CrmTarget {
  crm: WritableCrm;
  /** `acme.my.salesforce.com`, `contoso.crm4.dynamics.com`, `api.hubapi.com`. */
  apiHost: string;
  recordId: string;
}

/** A fetch as the writers use it: the worker's own, or in tests one routed to a local server. */
export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

/**
 * One CRM's activities API. Every method throws an AppError with a `crm-*` code on failure
 * (see `isRetryable`), with the CRM's own words as its detail.
 */
export interface CrmActivityWriter {
  /** Creates the activity on the account; its id in the CRM. */
  create(target: CrmTarget, content: ActivityContent): Promise<string>;
  /** Replaces the activity's subject, body and date with the content's. */
  update(target: CrmTarget, activityId: string, content: ActivityContent): Promise<void>;
  /** The activity on the account carrying `ref` in its body, created at or after `since`; null when there is none. */
  findByRef(target: CrmTarget, ref: string, since: string): Promise<string | null>;
  /** The account's most recent activities (newest first, at most `limit`), whoever wrote them. */
  recent(target: CrmTarget, limit: number): Promise<(TeamTouch & { ref: string | null })[]>;
}

/** Failures worth another try later by themselves; the others wait for the CSM (or an admin) to act. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['crm-offline', 'crm-session', 'crm-rate-limit', 'crm-server']);

export function isRetryable(code: ErrorCode): boolean {
  return RETRYABLE.has(code);
}

/** A failed request as an AppError: `retryAfterMs` when the CRM said how long to wait. */
export class CrmWriteError extends AppError {
  constructor(
    code: ErrorCode,
    detail: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(code, detail);
  }
}

/** Sends a request; a network failure or timeout is `crm-offline`. */
export async function send(fetcher: Fetcher, url: string, init: RequestInit, timeoutMs = 30_000): Promise<Response> {
  try {
    return await fetcher(url, { ...init, signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
  } catch (error) {
    throw new CrmWriteError('crm-offline', error instanceof Error ? error.message : String(error));
  }
}

/** `Retry-After` in seconds or as a date, in milliseconds; null when absent or unreadable. */
export function retryAfterMs(response: Response, now = Date.now()): number | null {
  const value = response.headers.get('retry-after');
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The answer's body as JSON, or null when it is empty or not JSON (an HTML error page from a proxy). */
export async function jsonOf(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The code for an HTTP status no CRM-specific body explained: 401 session, 429 rate limit, 5xx server, 404 gone, else rejected. */
export function codeOfStatus(status: number): ErrorCode {
  if (status === 401) return 'crm-session';
  if (status === 429) return 'crm-rate-limit';
  if (status >= 500) return 'crm-server';
  if (status === 404 || status === 410) return 'crm-gone';
  return 'crm-rejected';
}
