import type { MessageKey } from '../i18n/en';
import type { UsageEncoding } from './decode';
import type { ColumnRole, MappingProblemCode } from './mapping';
import type { MatchHow } from './match';
import type { ParseErrorCode, ParseWarningCode } from './parse';
import type { DateOrderUsed, RejectReason } from './rows';

/**
 * The usage import pipeline returns codes; these helpers map a code to its message key (the text
 * is in lib/i18n/en.ts and ja.ts) so the UI never builds keys by hand.
 */
export type UsageMessageKey = Extract<MessageKey, `usage.${string}`>;

// Code → key. Typed with template literals, so a new code without a message is a type error.
export const rejectReasonKey = (reason: RejectReason): UsageMessageKey => `usage.reject.${reason}`;
export const columnRoleKey = (role: ColumnRole): UsageMessageKey => `usage.role.${role}`;
export const encodingKey = (encoding: UsageEncoding): UsageMessageKey => `usage.encoding.${encoding}`;
export const mappingProblemKey = (code: MappingProblemCode): UsageMessageKey => `usage.problem.${code}`;
export const parseErrorKey = (code: ParseErrorCode): UsageMessageKey => `usage.parseError.${code}`;
export const parseWarningKey = (code: ParseWarningCode): UsageMessageKey => `usage.warning.${code}`;
export const matchHowKey = (how: MatchHow): UsageMessageKey => `usage.match.${how}`;
export const dateOrderDecidedKey = (used: DateOrderUsed): UsageMessageKey => `usage.dateOrder.decided.${used.decidedBy}`;
export const delimiterKey = (delimiter: ',' | '\t' | ';'): UsageMessageKey =>
  delimiter === ',' ? 'usage.delimiter.comma' : delimiter === '\t' ? 'usage.delimiter.tab' : 'usage.delimiter.semicolon';
