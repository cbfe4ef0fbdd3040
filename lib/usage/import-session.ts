import { decodeBytes } from './decode';
import { RememberedMapping, type ColumnMapping } from './mapping';
import type { CrmAccountForMatch } from './match';
import type { ParsedTable } from './parse';
import { checkUsage, failImport, readUsageTable, storedAt, UsageImportFailure, usageToStore, type UsageCheck } from './pipeline';
import type { UsageImportCommit, UsageImportResult } from './store';
import { toErrorData } from '../errors';
import type { ImportPreview } from './preview';
import type { UsageAccountLink } from '../model/usage';
import {
  COMMIT_LINKS_MAX,
  COMMIT_MONTHS_MAX,
  PREVIEW_ACCOUNTS_MAX,
  PREVIEW_REJECTED_MAX,
  PREVIEW_WARNINGS_MAX,
  SAMPLE_ROWS,
  USAGE_FILE_MAX,
  WorkerRequest,
  type FileSummary,
  type ImportError,
  type ImportPhase,
  type PreviewSummary,
  type WorkerReply,
} from './worker-protocol';

/**
 * The usage-import worker's body, as a plain object so it can be unit-tested without a worker:
 * `handle` takes whatever the page posted, validates it, and answers through `post`. It holds one
 * file at a time: the parsed table and, after a preview, its records, which never leave here;
 * the page gets summaries. On commit the import is stored from here (`deps.store`), in one
 * transaction, its years grouped while the preview is read.
 *
 * The reading, checking and grouping are the shared pipeline (pipeline.ts); what is the file
 * import's own is here: decoding the file's bytes, the mapping the page asks for, the limits of
 * one import, and the summaries it posts.
 */

export interface ImportSessionDeps {
  post: (reply: WorkerReply) => void;
  /** Stores a confirmed import in one transaction (storeUsageImport on the worker's own connection). */
  store: (commit: UsageImportCommit) => Promise<UsageImportResult>;
  now: () => Date;
  /** Milliseconds, for spacing progress messages (performance.now in the worker). */
  clock?: () => number;
  /** Least time between two progress messages of one phase; 0 sends every report. */
  progressEveryMs?: number;
  /** Runs a task once the messages already waiting are handled (setTimeout 0 in the worker). */
  later?: (task: () => void) => void;
}

export interface ImportSession {
  /** Settles once the message is handled (a commit: once stored or refused); never rejects. */
  handle: (message: unknown) => Promise<void>;
}

interface Loaded {
  session: number;
  fileName: string;
  table: ParsedTable;
  file: FileSummary;
  crmAccounts: CrmAccountForMatch[];
  links: UsageAccountLink[];
  checked: UsageCheck | null;
  /** What Confirm stores for `checked`, grouped while the user reads its preview. */
  prepared: { checked: UsageCheck; commit: PreparedCommit } | null;
}

/** A commit ready to store, with the months its years hold. */
type PreparedCommit = UsageImportCommit & { monthCount: number };

const SAMPLE_CELL_MAX = 80;

/**
 * Binary files turn into text full of control characters (and, through the Shift_JIS fallback,
 * replacement characters). Real CSV/JSON has none outside tabs and line breaks; a UTF-8 file
 * with a few damaged bytes is still let through so the preview can show the damaged rows.
 */
export function looksGarbled(text: string): boolean {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || c === 0x7f || (c < 32 && c !== 9 && c !== 10 && c !== 13)) bad++;
  }
  return bad > Math.max(4, sample.length * 0.01);
}

/** Excel workbooks (.xlsx is a zip, .xls an OLE2 compound file): say "save as CSV", not "garbled". */
export function looksLikeSpreadsheet(bytes: Uint8Array): boolean {
  const [a, b, c, d] = bytes;
  return (a === 0x50 && b === 0x4b && c === 0x03 && d === 0x04) || (a === 0xd0 && b === 0xcf && c === 0x11 && d === 0xe0);
}

export function createImportSession(deps: ImportSessionDeps): ImportSession {
  const clock = deps.clock ?? (() => Date.now());
  const every = deps.progressEveryMs ?? 50;
  const later = deps.later ?? ((task: () => void) => void setTimeout(task, 0));
  let loaded: Loaded | null = null;

  function progressReporter(session: number, phase: ImportPhase): (fraction: number) => void {
    let lastAt = -Infinity;
    let lastPercent = -1;
    return (fraction) => {
      const f = Math.min(1, Math.max(0, fraction));
      const percent = Math.floor(f * 100);
      const at = clock();
      if (percent === lastPercent || (f < 1 && at - lastAt < every)) return;
      lastAt = at;
      lastPercent = percent;
      deps.post({ type: 'progress', session, phase, fraction: f });
    };
  }

  function open(request: Extract<WorkerRequest, { type: 'open' }>): void {
    loaded = null;
    const { session, bytes, fileName } = request;
    if (bytes.byteLength > USAGE_FILE_MAX) failImport('too-large', String(bytes.byteLength));
    if (bytes.byteLength === 0) failImport('empty-file');
    const view = new Uint8Array(bytes);
    if (looksLikeSpreadsheet(view)) failImport('spreadsheet');
    const reading = progressReporter(session, 'reading');
    reading(0);
    const decoded = decodeBytes(view);
    if (looksGarbled(decoded.text)) failImport('garbled', decoded.encoding);
    // Decoding is one native pass; parsing is the long part, so it gets most of the bar.
    const { table, signature } = readUsageTable(decoded.text, { fileName, onProgress: (f) => reading(0.1 + 0.9 * f) });
    // A source with no rows has nothing new; a file with none was the wrong file.
    if (table.rows.length === 0) failImport('no-rows');
    const file: FileSummary = {
      name: fileName,
      size: bytes.byteLength,
      format: table.format,
      encoding: decoded.encoding,
      delimiter: table.delimiter ?? null,
      rowCount: table.rows.length,
      headers: table.headers,
      samples: table.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells.map((c) => (c.length > SAMPLE_CELL_MAX ? `${c.slice(0, SAMPLE_CELL_MAX - 1)}…` : c))),
      signature,
    };
    loaded = { session, fileName, table, file, crmAccounts: request.crmAccounts, links: request.links, checked: null, prepared: null };
    deps.post({ type: 'parsed', session, file });
  }

  function current(session: number): Loaded {
    if (!loaded || loaded.session !== session) return failImport('no-file');
    return loaded;
  }

  function preview(request: Extract<WorkerRequest, { type: 'preview' }>): void {
    const state = current(request.session);
    state.checked = null;
    const checked = checkUsage(state.table, {
      mapping: request.mapping,
      crmAccounts: state.crmAccounts,
      links: state.links,
      source: state.fileName,
      importedAt: deps.now().toISOString(),
      onProgress: progressReporter(request.session, 'checking'),
    });
    state.checked = checked;
    state.prepared = null;
    const origin = checked.guessed ? 'guessed' : request.origin;
    deps.post({ type: 'preview', session: request.session, preview: summarisePreview(checked.preview, checked.mapping, origin) });
    // What Confirm would store is grouped while the user reads the preview (a 200k-row file's
    // years take about 150 ms), unless another preview or file has come first.
    if (checked.preview.problems.length > 0 || checked.preview.records.length === 0) return;
    later(() => {
      if (loaded !== state || state.checked !== checked || state.prepared) return;
      try {
        state.prepared = { checked, commit: prepare(state, checked, deps.now().toISOString()) };
      } catch {
        // Work done ahead never fails the import: Confirm groups them again and says what went wrong.
      }
    });
  }

  /**
   * The commit the worker stores: grouped while the preview is read (or now, if Confirm came
   * first), stamped with the time of Confirm. Each record is checked as it is stored.
   */
  function toCommit(state: Loaded, checked: UsageCheck): PreparedCommit {
    const at = deps.now().toISOString();
    return state.prepared?.checked === checked ? storedAt(state.prepared.commit, at) : prepare(state, checked, at);
  }

  function prepare(state: Loaded, checked: UsageCheck, at: string): PreparedCommit {
    const { years, monthCount, links } = usageToStore(checked.preview, at);
    if (monthCount > COMMIT_MONTHS_MAX) failImport('too-much', String(monthCount));
    if (links.length > COMMIT_LINKS_MAX) failImport('too-much', String(links.length));
    const remembered = RememberedMapping.safeParse({ signature: state.file.signature, mapping: checked.mapping });
    return { years, links, mapping: remembered.success ? remembered.data : null, monthCount };
  }

  async function commit(request: Extract<WorkerRequest, { type: 'commit' }>): Promise<void> {
    const state = current(request.session);
    const checked = state.checked;
    if (!checked || checked.preview.problems.length > 0 || checked.preview.records.length === 0) return failImport('no-rows');
    const grouping = progressReporter(request.session, 'grouping');
    grouping(0);
    const commit = toCommit(state, checked);
    grouping(1);
    deps.post({ type: 'storing', session: request.session, months: commit.monthCount });
    let result: UsageImportResult;
    try {
      result = await deps.store({ years: commit.years, links: commit.links, mapping: commit.mapping });
    } catch (error) {
      deps.post({ type: 'store-failed', session: request.session, error: toErrorData(error) });
      return;
    }
    deps.post({ type: 'committed', session: request.session, result, records: checked.preview.records.length, accounts: checked.preview.accounts.length });
  }

  return {
    async handle(message) {
      const parsed = WorkerRequest.safeParse(message);
      if (!parsed.success) {
        const session = typeof message === 'object' && message !== null && 'session' in message && typeof message.session === 'number' ? message.session : 0;
        const issue = parsed.error.issues[0];
        deps.post({ type: 'failed', session, error: { code: 'internal', detail: `invalid request${issue ? `: ${issue.path.join('.')} ${issue.message}` : ''}` } });
        return;
      }
      const request = parsed.data;
      try {
        if (request.type === 'open') open(request);
        else if (request.type === 'preview') preview(request);
        else if (request.type === 'commit') await commit(request);
        else if (loaded?.session === request.session) loaded = null;
      } catch (error) {
        if (request.type === 'open') loaded = null;
        const data: ImportError = error instanceof UsageImportFailure ? error.error : { code: 'internal', detail: error instanceof Error ? error.message : String(error) };
        deps.post({ type: 'failed', session: request.session, error: data });
      }
    },
  };
}

const HOW_ORDER = { 'record-id': 0, domain: 1, name: 2, manual: 3 } as const;

/** What the page shows of a preview: totals exact, long lists cut. */
export function summarisePreview(result: ImportPreview, mapping: ColumnMapping, origin: PreviewSummary['mappingOrigin']): PreviewSummary {
  const matchedBy: PreviewSummary['matchedBy'] = {};
  for (const a of result.accounts) {
    if (!a.match) continue;
    const key = a.match.remembered ? 'remembered' : a.match.how;
    matchedBy[key] = (matchedBy[key] ?? 0) + 1;
  }
  const accounts = [...result.accounts]
    .sort((a, b) => {
      if ((a.match === null) !== (b.match === null)) return a.match === null ? -1 : 1;
      const how = (a.match ? HOW_ORDER[a.match.how] : 0) - (b.match ? HOW_ORDER[b.match.how] : 0);
      return how !== 0 ? how : b.rows - a.rows;
    })
    .slice(0, PREVIEW_ACCOUNTS_MAX)
    .map((a) => ({ sourceAccountKey: a.sourceAccountKey, account: a.account, match: a.match, candidates: a.candidates.slice(0, 20), rows: a.rows, records: a.records }));
  return {
    mapping,
    mappingOrigin: origin,
    problems: result.problems,
    rowCount: result.rowCount,
    acceptedRows: result.acceptedRows,
    recordCount: result.records.length,
    accounts,
    accountCount: result.accounts.length,
    matchedAccounts: result.matchedAccounts,
    unmatchedAccounts: result.unmatchedAccounts,
    matchedBy,
    rejected: result.rejected.slice(0, PREVIEW_REJECTED_MAX),
    rejectedCount: result.rejected.length,
    duplicateRows: result.duplicateRows,
    duplicateFigures: result.duplicateFigures,
    dateRange: result.dateRange,
    metrics: result.metrics.slice(0, 200),
    subscriptions: result.subscriptions.slice(0, 50),
    dateOrder: result.dateOrder,
    warnings: result.warnings.slice(0, PREVIEW_WARNINGS_MAX),
    warningCount: result.warnings.length,
  };
}
