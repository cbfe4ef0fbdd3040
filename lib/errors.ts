import { z } from './model/zod';
import { contentError } from './content-problem';
import { pickLocale, type Locale } from './i18n/locale';

/** What went wrong, in a form every context can show in the user's language. */
export const ErrorCode = z.enum([
  /** A protocol mismatch: a message of an unknown type or shape (e.g. a page left open across an extension update). */
  'invalid-message',
  /** A known request whose content breaks a rule (a note too long, a title empty): `detail` says what, in the user's words. */
  'invalid-content',
  /** The sender may not send this request (lib/background/sender-policy.ts): a content script asking for data, a sidebar for another account. */
  'not-allowed',
  'invalid-backup',
  'unsupported-backup',
  'backup-not-json',
  /** A handover package refused: not JSON, not a package (or damaged), from a newer version, or a backup given by mistake. */
  'handover-not-json',
  'invalid-handover',
  'unsupported-handover',
  'handover-is-backup',
  /** A handover cannot be exported before the sender's name is set in settings (the receiver's timeline shows it). */
  'sender-name-missing',
  /** An account asked for by key has nothing stored (`detail`: the key). */
  'account-unknown',
  'storage',
  /**
   * The database cannot be opened yet: another connection of an older version (a tab or window
   * of the extension from before an update) is open and does not close, so the upgrade waits.
   * The open goes on in the background and succeeds once that connection closes (lib/db/connection.ts).
   */
  'store-blocked',
  /**
   * The address names an account whose record the page has not shown for a while (a CRM that is
   * slow or failed to render it): the sidebar says so rather than reading forever, and still shows
   * the record as soon as the page does.
   */
  'record-not-shown',
  'damaged',
  'internal',
  'unreachable',
  /**
   * The request went out but no answer came back: the worker stopped (or was stopped) while it
   * handled it. A write may have been stored; retrying is safe, because saves carry an id made
   * where the user acted and a retry replaces what the first attempt stored.
   */
  'unanswered',
  'gone',
  'source-unreachable',
  'source-http',
  'source-format',
  'source-permission',
  /** A site definition file that is not one (lib/model/site-definition.ts). */
  'invalid-site',
  /**
   * Writing a touch to the CRM (lib/crm-write): the CRM could not be reached, its session has
   * expired, it limits requests for now, or it failed on its side: all retried with growing waits.
   */
  'crm-offline',
  'crm-session',
  'crm-rate-limit',
  'crm-server',
  /** Refused for good until someone acts: the org lets no browser session use its API, the CRM rejected the content, the activity was deleted there, a permission or token is missing. */
  'crm-api-blocked',
  'crm-rejected',
  'crm-gone',
  'crm-permission',
  'crm-token',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppErrorData = z.object({
  code: ErrorCode,
  detail: z.string(),
  /** For `invalid-content`: which field (see lib/content-problem.ts) and its limit. */
  field: z.optional(z.string()),
  limit: z.optional(z.number()),
});
export type AppErrorData = z.infer<typeof AppErrorData>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly about: { field?: string; limit?: number } = {},
  ) {
    super(`${code}: ${detail}`);
  }

  toData(): AppErrorData {
    return { code: this.code, detail: this.detail, ...this.about };
  }
}

/** Any thrown value as error data: known errors keep their code, validation errors say what was wrong (see `validationErrorData`), the rest become `storage` or `internal`. */
export function toErrorData(error: unknown, input?: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  if (error instanceof z.core.$ZodError) return validationErrorData(error.issues, input);
  if (error instanceof DOMException) return { code: 'storage', detail: `${error.name}: ${error.message}` };
  return { code: 'internal', detail: error instanceof Error ? error.message : String(error) };
}

/**
 * Where a zod issue is and what it says (`records.interactions.0.type: Invalid option…`), or
 * `fallback` when there is none; `under`: the path of the value that was parsed.
 */
export function issueDetail(issue: z.core.$ZodIssue | undefined, fallback = 'invalid', under: readonly PropertyKey[] = []): string {
  return issue ? `${[...under, ...issue.path].map(String).join('.')}: ${issue.message}` : fallback;
}

/**
 * Why a request (or a record made from it) was refused. When every issue is about what was typed
 * (too long, too many, empty, out of range, a malformed date), it is `invalid-content` with the
 * problem in the user's words; anything else (an unknown request type, a missing or mistyped
 * property) is a protocol mismatch: `invalid-message`. `input` is the value the issues' paths
 * start from.
 */
export function validationErrorData(issues: readonly z.core.$ZodIssue[], input: unknown, locale: Locale = userLocale()): AppErrorData {
  const content = contentError(locale, issues, input);
  if (content) return content;
  return { code: 'invalid-message', detail: issueDetail(issues[0]) };
}

/** The browser's language, as the extension's pages pick it (the background has no page to ask). */
function userLocale(): Locale {
  return pickLocale(globalThis.navigator?.language);
}
