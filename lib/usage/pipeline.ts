import type { UsageAccountLink } from '../model/usage';
import { layMonthsIntoYears, type UsageYear } from '../model/usage-year';
import { applyRememberedMapping, guessMapping, mappingSignature, type ColumnMapping } from './mapping';
import { linksToRemember, type CrmAccountForMatch } from './match';
import { groupIntoMonths } from './months';
import { parseUsageText, UsageParseError, type ParsedTable } from './parse';
import { buildImportPreview, type ImportPreview } from './preview';
import type { ImportError } from './worker-protocol';

/**
 * The usage pipeline, written once for both ways usage data arrives: a file imported on the
 * settings page (import-session.ts, run in the import worker) and the configured source
 * (source-fetch.ts, run in the background).
 *
 *   text ──readUsageTable──► table ──checkUsage──► mapping + preview ──usageToStore──► years + links
 *                                                  (records, matches,
 *                                                   refused rows)
 *
 * What differs between the two is left to them:
 * - where the text comes from: a file's bytes, decoded and checked in the worker; a source's
 *   response body;
 * - which mapping is tried first: the one the page remembered or the user corrected; the one
 *   remembered in the database (either falls back to a guess from the headers);
 * - where the results go: to the page as summaries and parts of months, then to the background;
 *   straight into the store.
 */

/** Ends a step with a reason the caller reports: the page in the user's words, the source as `source-format`. */
export class UsageImportFailure extends Error {
  constructor(readonly error: ImportError) {
    super(`${error.code}: ${error.detail}`);
    this.name = 'UsageImportFailure';
  }
}

export const failImport = (code: ImportError['code'], detail = ''): never => {
  throw new UsageImportFailure({ code, detail: detail.slice(0, 2000) });
};

/** A header longer than a mapping can hold, or more columns: not a header line. */
const HEADER_MAX = 500;
const COLUMNS_MAX = 2000;
/** Rows the guess looks at to tell figures from text. */
const GUESS_SAMPLE_ROWS = 50;

export interface UsageTable {
  table: ParsedTable;
  /** `mappingSignature(headers)`: the key a confirmed mapping is remembered under. */
  signature: string;
}

/** Text → table (CSV or JSON). Throws UsageImportFailure when it cannot be read as one. */
export function readUsageTable(text: string, options: { fileName: string; onProgress?: (fraction: number) => void }): UsageTable {
  let table: ParsedTable;
  try {
    table = parseUsageText(text, options);
  } catch (error) {
    if (error instanceof UsageParseError) return failImport(error.code, error.message);
    throw error;
  }
  if (table.headers.length > COLUMNS_MAX || table.headers.some((h) => h.length > HEADER_MAX)) failImport('bad-headers', String(table.headers.length));
  return { table, signature: mappingSignature(table.headers) };
}

export interface UsageCheckInput {
  /** Tried first, re-aligned to this table's column order; null, or a mapping for other headers, means guess. */
  mapping: ColumnMapping | null;
  crmAccounts: readonly CrmAccountForMatch[];
  links: readonly UsageAccountLink[];
  /** Stored on each record: the file name, or the source's host. */
  source: string;
  importedAt: string;
  onProgress?: (fraction: number) => void;
}

export interface UsageCheck {
  mapping: ColumnMapping;
  /** The mapping tried first did not fit (or there was none): the columns were guessed. */
  guessed: boolean;
  preview: ImportPreview;
}

/** Table → the mapping used and what an import would store, matched to CRM accounts. Nothing is written. */
export function checkUsage(table: ParsedTable, input: UsageCheckInput): UsageCheck {
  const fitted = input.mapping ? applyRememberedMapping(table.headers, input.mapping) : null;
  const mapping = fitted ?? guessMapping(table.headers, table.rows.slice(0, GUESS_SAMPLE_ROWS).map((r) => r.cells));
  const preview = buildImportPreview({
    table,
    mapping,
    crmAccounts: input.crmAccounts,
    links: input.links,
    source: input.source,
    importedAt: input.importedAt,
    onProgress: input.onProgress,
  });
  return { mapping, guessed: fitted === null, preview };
}

export interface UsageToStore {
  /** The figures by year, as the database keeps them (lib/model/usage-year.ts). */
  years: UsageYear[];
  /** How many months with figures the years hold. */
  monthCount: number;
  /** The automatic matches not remembered yet. */
  links: UsageAccountLink[];
}

/**
 * A checked preview → the year records and the links to store (see store.ts storeUsageImport).
 * Grouped into years here, before they are sent: a year is one record for the background's
 * messages as for the database, about half the bytes of its months sent one by one.
 */
export function usageToStore(preview: ImportPreview, at: string): UsageToStore {
  const months = groupIntoMonths(preview.records, at);
  return { years: layMonthsIntoYears(new Map(), months), monthCount: months.length, links: linksToRemember(preview.accounts, at) };
}

/** The same years and links as stored at `at`: grouped before the user confirmed, stamped when they did. */
export function storedAt<T extends UsageToStore>(toStore: T, at: string): T {
  return { ...toStore, years: toStore.years.map((y) => ({ ...y, updatedAt: at })), links: toStore.links.map((l) => ({ ...l, linkedAt: at })) };
}
