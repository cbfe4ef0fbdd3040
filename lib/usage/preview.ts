import type { UsageAccountLink, UsageMetric, UsageRecord } from '../model/usage';
import { mappingProblems, type ColumnMapping, type MappingProblem } from './mapping';
import { matchUsageAccounts, type AccountMatch, type CrmAccountForMatch } from './match';
import type { ParsedTable, ParseWarning } from './parse';
import { toUsageRecords, type DateOrderUsed, type RejectedRow } from './rows';

/**
 * What an import would do, computed before anything is written: the records to store, the
 * accounts they belong to and how each was matched, every refused row, duplicates, the date
 * range and the metrics. The UI shows it; on confirmation `records` (and the links the user
 * accepts) go to the store in one transaction.
 */

export interface PreviewAccount extends AccountMatch {
  /** Rows of the file with figures for this account. */
  rows: number;
  /** Records that would be stored for it. */
  records: number;
}

export interface ImportPreview {
  /** Empty when `problems` is not: a mapping without a date, account or figure column stores nothing. */
  records: UsageRecord[];
  problems: MappingProblem[];
  /** Data rows in the file (blank rows excluded). */
  rowCount: number;
  /** Rows that produced records. */
  acceptedRows: number;
  accounts: PreviewAccount[];
  matchedAccounts: number;
  unmatchedAccounts: number;
  rejected: RejectedRow[];
  /** Rows that repeated an earlier row's (account, date, metric, subscription); the later row won. */
  duplicateRows: number;
  duplicateFigures: number;
  dateRange: { from: string; to: string } | null;
  metrics: UsageMetric[];
  subscriptions: string[];
  dateOrder: DateOrderUsed;
  warnings: ParseWarning[];
}

export interface PreviewInput {
  table: ParsedTable;
  mapping: ColumnMapping;
  crmAccounts: readonly CrmAccountForMatch[];
  links: readonly UsageAccountLink[];
  /** Stored on each record, e.g. the file name. */
  source: string;
  importedAt: string;
  onProgress?: (fraction: number) => void;
}

export function buildImportPreview(input: PreviewInput): ImportPreview {
  const problems = mappingProblems(input.mapping);
  // With a broken mapping every row would be refused for the same reason: say it once instead.
  const rows = problems.length === 0 ? input.table.rows : [];
  const converted = toUsageRecords(rows, input.mapping, {
    source: input.source,
    importedAt: input.importedAt,
    onProgress: input.onProgress,
  });

  const recordsByAccount = new Map<string, number>();
  const metrics = new Set<UsageMetric>();
  const subscriptions = new Set<string>();
  let from = '';
  let to = '';
  for (const r of converted.records) {
    recordsByAccount.set(r.sourceAccountKey, (recordsByAccount.get(r.sourceAccountKey) ?? 0) + 1);
    metrics.add(r.metric);
    if (r.subscription !== '') subscriptions.add(r.subscription);
    if (from === '' || r.date < from) from = r.date;
    if (to === '' || r.date > to) to = r.date;
  }

  const rowsByAccount = new Map(converted.accounts.map((a) => [a.sourceAccountKey, a.rows]));
  const accounts = matchUsageAccounts(converted.accounts, input.crmAccounts, input.links).map(
    (m): PreviewAccount => ({ ...m, rows: rowsByAccount.get(m.sourceAccountKey) ?? 0, records: recordsByAccount.get(m.sourceAccountKey) ?? 0 }),
  );
  const matchedAccounts = accounts.filter((a) => a.match !== null).length;

  return {
    records: converted.records,
    problems,
    rowCount: problems.length === 0 ? converted.rowCount : input.table.rows.length,
    acceptedRows: converted.acceptedRows,
    accounts,
    matchedAccounts,
    unmatchedAccounts: accounts.length - matchedAccounts,
    rejected: converted.rejected,
    duplicateRows: converted.duplicateRows,
    duplicateFigures: converted.duplicateFigures,
    dateRange: from === '' ? null : { from, to },
    metrics: [...metrics].sort(metricOrder),
    subscriptions: [...subscriptions].sort(),
    dateOrder: converted.dateOrder,
    warnings: input.table.warnings,
  };
}

const STANDARD_ORDER: Record<string, number> = { activeUsers: 0, licensedSeats: 1, logins: 2 };

/** Standard metrics first in a fixed order, then features alphabetically. */
function metricOrder(a: string, b: string): number {
  const ra = STANDARD_ORDER[a] ?? 3;
  const rb = STANDARD_ORDER[b] ?? 3;
  return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
}
