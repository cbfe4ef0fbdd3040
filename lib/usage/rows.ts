import type { UsageAccountRef, UsageMetric, UsageRecord } from '../model/usage';
import { cleanFeatureName, type ColumnMapping, type ColumnRole } from './mapping';
import { sourceAccountKey } from './match';
import type { ParsedRow } from './parse';
import { parseNumber, type NumberProblem } from '../parse-number';

/**
 * Parsed rows + a column mapping → UsageRecords, one per (row, metric), and the rows that were
 * refused with a reason code the UI translates.
 *
 * Decisions:
 * - A row with one unreadable figure is refused whole (`not-a-number`; `not-finite` for one
 *   too large to store, e.g. `1e400`; `too-long` for a cell longer than any number), not stored
 *   in part: a half-stored row would be silently wrong, a refused one is visible and fixable.
 *   Refused here, in the preview: the store refuses a non-finite figure too, and would fail the
 *   whole file on Confirm for one row.
 * - Empty cells, `-`, `N/A`, `#N/A`, `なし` mean "no figure", not an error. A row with no figure
 *   at all is refused (`no-figures`) so it does not vanish unnoticed.
 * - The record id is (source account, date, metric, subscription): the same figure imported
 *   twice overwrites itself. Within one file the later row wins and is counted as a duplicate.
 * - Day/month order of `01/02/2026`: unambiguous dates (`25/11/2026`, `11/25/2026`) are read the
 *   only way they can be. Ambiguous ones follow the mapping's `dateOrder` when set, else the
 *   file's own evidence (if its unambiguous dates are all day-first, day-first; otherwise
 *   month-first, the US order Excel writes in English locales). The preview says which was used.
 */

export const REJECT_REASONS = ['bad-date', 'not-a-number', 'not-finite', 'too-long', 'no-account', 'no-figures'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface RejectedRow {
  line: number;
  reason: RejectReason;
  /** The offending cell text ('' when the cell was empty or there is no single cell). */
  detail: string;
  /** The header of the offending column, when there is one. */
  column: string;
}

export interface SourceAccountSummary {
  sourceAccountKey: string;
  /** How the file names the account (first non-empty id/domain/name seen for the key). */
  account: UsageAccountRef;
  /** Rows of the file that produced figures for it. */
  rows: number;
}

export type ResolvedDateOrder = 'mdy' | 'dmy';

export interface DateOrderUsed {
  order: ResolvedDateOrder;
  /** `mapping`: set by the user; `file`: inferred from unambiguous dates; `default`: month-first. */
  decidedBy: 'mapping' | 'file' | 'default';
  /** How many values could be read either way (0: the order did not matter). */
  ambiguous: number;
}

export interface ConversionResult {
  records: UsageRecord[];
  rejected: RejectedRow[];
  accounts: SourceAccountSummary[];
  /** Rows that repeated an earlier row's (account, date, metric, subscription); the later row won. */
  duplicateRows: number;
  /** Figures replaced that way. */
  duplicateFigures: number;
  /** Data rows looked at (blank rows excluded). */
  rowCount: number;
  /** Rows that produced at least one record. */
  acceptedRows: number;
  dateOrder: DateOrderUsed;
}

export interface ConversionOptions {
  /** What the records' `source` says, e.g. the file name. */
  source: string;
  /** ISO date-time with offset, the same for every record of one import. */
  importedAt: string;
  onProgress?: (fraction: number) => void;
}

// ---------------------------------------------------------------------------------------------
// Dates

const NON_ASCII = /[^\x00-\x7f]/;
const YMD = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:(?:T|\s+)\d{1,2}:\d{2}.*)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const JA_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?(?:\s*\S.*)?$/;
const XY_YEAR = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:(?:T|\s+)\d{1,2}:\d{2}.*)?$/;
const EXCEL_SERIAL = /^\d{5}(?:\.\d+)?$/;
const EPOCH = /^\d{10}(?:\d{3})?$/;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Date cell → `YYYY-MM-DD`, or null. Accepts ISO (`2026-11-25`, with a time after it), slashes
 * or dots (`2026/1/5`), `20261125`, `2026年11月25日`, month-only (`2026-11`, `2026年11月` → the
 * 1st, for monthly reports), `11/25/2026` and `25/11/2026` (`order` decides ambiguous ones),
 * Excel serial day numbers (5 digits: 1927–2173) and Unix time (10 digits seconds, 13 digits
 * milliseconds; UTC day). Full-width digits are folded first. A time after a date is ignored:
 * the date is taken as written, not shifted to another zone.
 */
export function parseUsageDate(raw: string, order: ResolvedDateOrder): string | null {
  let t = raw.trim();
  if (NON_ASCII.test(t)) t = t.normalize('NFKC').trim();
  let m = YMD.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3]));
  m = XY_YEAR.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = Number(m[3]);
    if (a > 12) return isoDate(year, b, a);
    if (b > 12) return isoDate(year, a, b);
    return order === 'dmy' ? isoDate(year, b, a) : isoDate(year, a, b);
  }
  m = COMPACT.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = JA_DATE.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3]));
  if (EXCEL_SERIAL.test(t)) {
    // Excel's 1900 date system: day 1 is 1900-01-01 and it counts a 29 Feb 1900 that never was,
    // so from day 61 on, day n is 1899-12-30 + n.
    const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(t)) * 86_400_000);
    return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  if (EPOCH.test(t)) {
    // Unix time from JSON exports: 10 digits are seconds, 13 milliseconds; the UTC day.
    const d = new Date(t.length === 10 ? Number(t) * 1000 : Number(t));
    return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return null;
}

/** Scan the date column once for evidence of day-first or month-first writing. */
export function resolveDateOrder(dates: Iterable<string>, requested: ColumnMapping['dateOrder']): DateOrderUsed {
  let dayFirst = 0;
  let monthFirst = 0;
  let ambiguous = 0;
  for (const raw of dates) {
    let t = raw.trim();
    if (NON_ASCII.test(t)) t = t.normalize('NFKC').trim();
    const m = XY_YEAR.exec(t);
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dayFirst++;
    else if (b > 12 && a <= 12) monthFirst++;
    else if (a <= 12 && b <= 12 && a !== b) ambiguous++;
  }
  if (requested !== 'auto') return { order: requested, decidedBy: 'mapping', ambiguous };
  if (dayFirst > 0 && monthFirst === 0) return { order: 'dmy', decidedBy: 'file', ambiguous };
  if (monthFirst > 0 && dayFirst === 0) return { order: 'mdy', decidedBy: 'file', ambiguous };
  return { order: 'mdy', decidedBy: 'default', ambiguous };
}

// ---------------------------------------------------------------------------------------------
// Numbers

const NO_FIGURE = new Set(['', '-', '--', '—', '–', 'ー', 'n/a', 'na', '#n/a', 'null', 'none', 'nil', 'なし', '該当なし']);

export type FigureReading = { ok: true; value: number } | { ok: false; problem: Exclude<NumberProblem, 'empty'> };

/** A figure cell: its number or why it is not one (lib/parse-number.ts), or `null` for "no figure". */
export function parseFigure(raw: string): FigureReading | null {
  const reading = parseNumber(raw);
  if (reading.ok) return reading;
  if (reading.problem === 'empty') return null;
  if (reading.problem === 'not-a-number') {
    // Only unreadable cells are looked up as "no figure" words: the common case stays one test.
    let t = raw.trim();
    if (NON_ASCII.test(t)) t = t.normalize('NFKC').trim();
    if (NO_FIGURE.has(t.toLowerCase())) return null;
  }
  return { ok: false, problem: reading.problem };
}

/** What a refused row shows of its cell: a line of text, not the megabytes a broken export can hold. */
const DETAIL_MAX = 80;

function shownCell(raw: string): string {
  const t = raw.trim();
  if (t.length <= DETAIL_MAX) return t;
  let end = DETAIL_MAX - 1;
  // Never cut a surrogate pair in half.
  const last = t.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${t.slice(0, end)}…`;
}

// ---------------------------------------------------------------------------------------------
// Rows → records

interface FigureColumn {
  index: number;
  header: string;
  metric: UsageMetric;
}

const STANDARD_METRIC_OF: Partial<Record<ColumnRole, UsageMetric>> = {
  activeUsers: 'activeUsers',
  licensedSeats: 'licensedSeats',
  logins: 'logins',
};

function columnOf(mapping: ColumnMapping, role: ColumnRole): { index: number; header: string } | null {
  const index = mapping.columns.findIndex((c) => c.role === role);
  const column = mapping.columns[index];
  return column ? { index, header: column.header } : null;
}

function figureColumns(mapping: ColumnMapping): FigureColumn[] {
  const out: FigureColumn[] = [];
  const metrics = new Set<string>();
  mapping.columns.forEach((c, index) => {
    let metric: UsageMetric | undefined = STANDARD_METRIC_OF[c.role];
    if (c.role === 'feature') {
      const name = cleanFeatureName(c.feature || c.header);
      if (name !== '') metric = `feature:${name}`;
    }
    // The first column wins a metric named twice; mappingProblems() flags the second.
    if (metric === undefined || metrics.has(metric)) return;
    metrics.add(metric);
    out.push({ index, header: c.header, metric });
  });
  return out;
}

function cleanSubscription(raw: string): string {
  const t = NON_ASCII.test(raw) ? raw.normalize('NFKC') : raw;
  return t.replace(/\s+/g, ' ').trim().slice(0, 200);
}

const PROGRESS_EVERY = 8192;

export function toUsageRecords(rows: readonly ParsedRow[], mapping: ColumnMapping, options: ConversionOptions): ConversionResult {
  const idCol = columnOf(mapping, 'accountId');
  const domainCol = columnOf(mapping, 'accountDomain');
  const nameCol = columnOf(mapping, 'accountName');
  const dateCol = columnOf(mapping, 'date');
  const subscriptionCol = columnOf(mapping, 'subscription');
  const figures = figureColumns(mapping);
  const dateOrder = resolveDateOrder(
    dateCol ? rows.map((r) => r.cells[dateCol.index] ?? '') : [],
    mapping.dateOrder,
  );

  const records: UsageRecord[] = [];
  const rejected: RejectedRow[] = [];
  // Duplicate detection per (account, date, subscription) rather than per figure: one Map entry
  // per row instead of one per record keeps 200k-row files fast. The slot array holds, per
  // figure column, where that metric's record sits in `records` (-1: none yet).
  const slotsByRowKey = new Map<string, number[]>();
  // JSON pieces of the record id, cached: the id is JSON.stringify([key, date, metric,
  // subscription]) built by concatenation, which is much cheaper 1.2 million times over.
  const keyJson = new Map<string, string>();
  const subscriptionJson = new Map<string, string>();
  const metricJson = figures.map((f) => JSON.stringify(f.metric));
  const source = options.source.slice(0, 300);
  const accounts = new Map<string, SourceAccountSummary>();
  let duplicateRows = 0;
  let duplicateFigures = 0;
  let rowCount = 0;
  let acceptedRows = 0;
  const cell = (row: ParsedRow, col: { index: number } | null) => (col ? (row.cells[col.index] ?? '') : '');
  const values = new Array<number | null>(figures.length);
  const lastRef = new Map<string, UsageAccountRef>();
  const keyOfRef = new Map<UsageAccountRef, string>();

  for (let r = 0; r < rows.length; r++) {
    if (options.onProgress && r % PROGRESS_EVERY === 0) options.onProgress(r / rows.length);
    const row = rows[r];
    if (!row || row.cells.every((c) => c.trim() === '')) continue;
    rowCount++;

    const id = cell(row, idCol).trim().slice(0, 200);
    const domain = cell(row, domainCol).trim().slice(0, 300);
    const name = cell(row, nameCol).trim().replace(/\s+/g, ' ').slice(0, 500);
    // Rows of one account usually name it identically: share one ref object between them.
    const cached = lastRef.get(`${id}\u0000${domain}\u0000${name}`);
    const account: UsageAccountRef = cached ?? { id, domain, name };
    const key = cached ? (keyOfRef.get(cached) ?? '') : sourceAccountKey(account);
    if (!cached) {
      lastRef.set(`${id}\u0000${domain}\u0000${name}`, account);
      keyOfRef.set(account, key);
    }
    if (key === '') {
      rejected.push({ line: row.line, reason: 'no-account', detail: '', column: '' });
      continue;
    }
    const rawDate = cell(row, dateCol);
    const date = parseUsageDate(rawDate, dateOrder.order);
    if (date === null) {
      rejected.push({ line: row.line, reason: 'bad-date', detail: shownCell(rawDate), column: dateCol?.header ?? '' });
      continue;
    }

    let bad: RejectedRow | null = null;
    let filled = 0;
    for (let f = 0; f < figures.length; f++) {
      const column = figures[f];
      if (!column) continue;
      const raw = row.cells[column.index] ?? '';
      const reading = parseFigure(raw);
      if (reading !== null && !reading.ok) {
        bad = { line: row.line, reason: reading.problem, detail: shownCell(raw), column: column.header };
        break;
      }
      values[f] = reading === null ? null : reading.value;
      if (reading !== null) filled++;
    }
    if (bad) {
      rejected.push(bad);
      continue;
    }
    if (filled === 0) {
      rejected.push({ line: row.line, reason: 'no-figures', detail: '', column: '' });
      continue;
    }

    const subscription = cleanSubscription(cell(row, subscriptionCol));
    let kJson = keyJson.get(key);
    if (kJson === undefined) keyJson.set(key, (kJson = JSON.stringify(key)));
    let sJson = subscriptionJson.get(subscription);
    if (sJson === undefined) subscriptionJson.set(subscription, (sJson = JSON.stringify(subscription)));
    const rowKey = `${kJson},"${date}",${sJson}`;
    let slots = slotsByRowKey.get(rowKey);
    if (!slots) slotsByRowKey.set(rowKey, (slots = new Array<number>(figures.length).fill(-1)));
    let repeated = false;
    for (let f = 0; f < figures.length; f++) {
      const value = values[f];
      const column = figures[f];
      if (value === null || value === undefined || !column) continue;
      const recordId = `[${kJson},"${date}",${metricJson[f] ?? ''},${sJson}]`;
      // Reading a character flattens V8's rope of concatenated pieces into one string: half the
      // memory for a million ids, and cheaper to clone to the store.
      recordId.charCodeAt(1);
      const record: UsageRecord = {
        id: recordId,
        sourceAccountKey: key,
        account,
        date,
        metric: column.metric,
        subscription,
        value,
        importedAt: options.importedAt,
        source,
      };
      const at = slots[f] ?? -1;
      if (at < 0) {
        slots[f] = records.length;
        records.push(record);
      } else {
        records[at] = record;
        duplicateFigures++;
        repeated = true;
      }
    }
    if (repeated) duplicateRows++;
    acceptedRows++;

    const summary = accounts.get(key);
    if (!summary) accounts.set(key, { sourceAccountKey: key, account: { ...account }, rows: 1 });
    else {
      summary.rows++;
      // Later rows may name the account more fully (an id here, a name there): keep the first of each.
      if (summary.account.id === '') summary.account.id = account.id;
      if (summary.account.domain === '') summary.account.domain = account.domain;
      if (summary.account.name === '') summary.account.name = account.name;
    }
  }
  options.onProgress?.(1);
  return { records, rejected, accounts: [...accounts.values()], duplicateRows, duplicateFigures, rowCount, acceptedRows, dateOrder };
}
