import { z } from '../model/zod';
import { UsageAccountLink, UsageAccountRef } from '../model/usage';
import { AccountKey } from '../model/account';
import { AppErrorData } from '../errors';
import { UsageImportResult } from './store';
import { USAGE_ENCODINGS } from './decode';
import { ColumnMapping, type MappingProblemCode } from './mapping';
import type { CrmAccountForMatch as CrmAccountForMatchType } from './match';
import { REJECT_REASONS } from './rows';

/**
 * Messages between the options page and the usage-import worker (lib/usage/import.worker.ts),
 * both ways validated with zod. The worker keeps the parsed table and the hundreds of thousands
 * of records; the page only ever gets summaries. On Confirm the worker stores the import itself,
 * in one transaction on a connection of its own (the extension's origin, like the background),
 * and the page then tells the background which accounts' usage changed (`usage.imported`).
 *
 * Conversation, one file at a time (`session` ties replies to the file they belong to):
 *   page → open(bytes)              worker → progress… → parsed (headers, signature) | failed
 *   page → preview(mapping | null)  worker → progress… → preview | failed      (again to re-check)
 *   page → commit                   worker → progress… → storing → committed | store-failed | failed
 *
 * Why the worker writes and not the background: carrying a big import's years to the background
 * (35 messages for 200,000 rows, each serialised by the page and validated again there) took
 * about a third as long as storing them. Each record is checked against its stored schema as it
 * is written (storeUsageImport), and the import is still one transaction.
 */

/** Files past this are refused before they are read (a usage export this big should be split). */
export const USAGE_FILE_MAX = 200 * 1024 * 1024;
/** What the preview carries of long lists; the totals are always exact. */
export const PREVIEW_REJECTED_MAX = 200;
export const PREVIEW_WARNINGS_MAX = 200;
export const PREVIEW_ACCOUNTS_MAX = 500;
export const SAMPLE_ROWS = 3;
/** What one import may hold in all, in months with figures. */
export const COMMIT_MONTHS_MAX = 500_000;
export const COMMIT_LINKS_MAX = 100_000;

const Session = z.int().check(z.nonnegative());

/**
 * The same shape as `CrmAccountForMatch` in lib/messaging/protocol.ts, declared here so the
 * worker's bundle does not pull in the whole request protocol.
 */
export const CrmAccountForMatch = z.object({
  accountKey: AccountKey,
  recordId: z.string(),
  name: z.string(),
  website: z.optional(z.string()),
}) satisfies z.ZodMiniType<CrmAccountForMatchType>;

// Keyed by the type itself, so a new problem code in mapping.ts is a type error until listed.
const MAPPING_PROBLEM_CODES: { [C in MappingProblemCode]: C } = {
  'no-date': 'no-date',
  'no-account': 'no-account',
  'no-figures': 'no-figures',
  'duplicate-role': 'duplicate-role',
  'no-feature-name': 'no-feature-name',
  'duplicate-feature': 'duplicate-feature',
};
const MappingProblemShape = z.object({ code: z.enum(MAPPING_PROBLEM_CODES), detail: z.string() });
const Fraction = z.number().check(z.gte(0), z.lte(1));

export const ImportPhase = z.enum(['reading', 'checking', 'grouping']);
export type ImportPhase = z.infer<typeof ImportPhase>;

/** Why a file cannot be imported; each has a `usageImport.error.*` or `usage.parseError.*` message. */
export const ImportErrorCode = z.enum([
  'too-large',
  'garbled',
  'spreadsheet',
  'empty-file',
  'invalid-json',
  'unexpected-json-shape',
  'no-rows',
  'bad-headers',
  'too-much',
  'no-file',
  'internal',
]);
export type ImportErrorCode = z.infer<typeof ImportErrorCode>;

export const ImportError = z.object({
  code: ImportErrorCode,
  /** Technical detail (kept for support) or the figure the message names. */
  detail: z.string().check(z.maxLength(2000)),
});
export type ImportError = z.infer<typeof ImportError>;

// ---------------------------------------------------------------------------------------------
// Page → worker

export const WorkerRequest = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('open'),
    session: Session,
    fileName: z.string().check(z.maxLength(1000)),
    bytes: z.instanceof(ArrayBuffer),
    crmAccounts: z.array(CrmAccountForMatch).check(z.maxLength(100_000)),
    links: z.array(UsageAccountLink).check(z.maxLength(COMMIT_LINKS_MAX)),
  }),
  z.object({
    type: z.literal('preview'),
    session: Session,
    /** null: guess from the headers. */
    mapping: z.nullable(ColumnMapping),
    /** `remembered`: a mapping stored for these headers (re-aligned to this file's column order); `user`: corrected by hand. */
    origin: z.enum(['remembered', 'user']),
  }),
  z.object({ type: z.literal('commit'), session: Session }),
  /** Forget the file (cancel); the worker can take the next one. */
  z.object({ type: z.literal('reset'), session: Session }),
]);
export type WorkerRequest = z.infer<typeof WorkerRequest>;

// ---------------------------------------------------------------------------------------------
// Worker → page

export const FileSummary = z.object({
  name: z.string(),
  size: z.int().check(z.nonnegative()),
  format: z.enum(['csv', 'json']),
  encoding: z.enum(USAGE_ENCODINGS),
  delimiter: z.nullable(z.enum([',', '\t', ';'])),
  rowCount: z.int().check(z.nonnegative()),
  headers: z.array(z.string()),
  /** The first few rows (cells cut to 80 characters), shown beside each column. */
  samples: z.array(z.array(z.string())),
  /** `mappingSignature(headers)`: the key a confirmed mapping is remembered under. */
  signature: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type FileSummary = z.infer<typeof FileSummary>;

export const RejectedRowSummary = z.object({
  line: z.int(),
  reason: z.enum(REJECT_REASONS),
  detail: z.string(),
  column: z.string(),
});

const MatchHow = UsageAccountLink.shape.how;

export const PreviewAccountSummary = z.object({
  sourceAccountKey: z.string(),
  account: UsageAccountRef,
  match: z.nullable(z.object({ accountKey: z.string(), how: MatchHow, remembered: z.boolean() })),
  candidates: z.array(z.string()),
  rows: z.int(),
  records: z.int(),
});
export type PreviewAccountSummary = z.infer<typeof PreviewAccountSummary>;

export const PreviewSummary = z.object({
  mapping: ColumnMapping,
  mappingOrigin: z.enum(['remembered', 'guessed', 'user']),
  problems: z.array(MappingProblemShape),
  rowCount: z.int(),
  acceptedRows: z.int(),
  recordCount: z.int(),
  /** Unmatched first, then by rows; at most PREVIEW_ACCOUNTS_MAX. */
  accounts: z.array(PreviewAccountSummary),
  accountCount: z.int(),
  matchedAccounts: z.int(),
  unmatchedAccounts: z.int(),
  /** How many accounts matched each way (remembered links counted under `remembered`). */
  matchedBy: z.partialRecord(z.enum(['record-id', 'domain', 'name', 'manual', 'remembered']), z.int()),
  /** The first PREVIEW_REJECTED_MAX rejected rows, in file order. */
  rejected: z.array(RejectedRowSummary),
  rejectedCount: z.int(),
  duplicateRows: z.int(),
  duplicateFigures: z.int(),
  dateRange: z.nullable(z.object({ from: z.string(), to: z.string() })),
  metrics: z.array(z.string()),
  subscriptions: z.array(z.string()),
  dateOrder: z.object({ order: z.enum(['mdy', 'dmy']), decidedBy: z.enum(['mapping', 'file', 'default']), ambiguous: z.int() }),
  warnings: z.array(z.object({ line: z.int(), code: z.enum(['unclosed-quote', 'malformed-quote', 'extra-cells']) })),
  warningCount: z.int(),
});
export type PreviewSummary = z.infer<typeof PreviewSummary>;

export const WorkerReply = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), session: Session, phase: ImportPhase, fraction: Fraction }),
  z.object({ type: z.literal('parsed'), session: Session, file: FileSummary }),
  z.object({ type: z.literal('preview'), session: Session, preview: PreviewSummary }),
  /** The import is grouped; its one transaction begins now (each record is checked as it is written). */
  z.object({ type: z.literal('storing'), session: Session, months: z.int().check(z.nonnegative()) }),
  z.object({
    type: z.literal('committed'),
    session: Session,
    result: UsageImportResult,
    records: z.int().check(z.nonnegative()),
    accounts: z.int().check(z.nonnegative()),
  }),
  /** The database refused the import (full, blocked by an old version, …): nothing was stored. */
  z.object({ type: z.literal('store-failed'), session: Session, error: AppErrorData }),
  z.object({ type: z.literal('failed'), session: Session, error: ImportError }),
]);
export type WorkerReply = z.infer<typeof WorkerReply>;
