import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createImportSession, looksGarbled, looksLikeSpreadsheet } from './import-session';
import { mappingSignature, type ColumnMapping } from './mapping';
import { monthsHeld, monthsOfYears } from '../model/usage-year';
import { UsageImportCommit, type UsageImportResult } from './store';
import { AppError } from '../errors';
import { USAGE_FILE_MAX, WorkerReply, WorkerRequest, type PreviewSummary } from './worker-protocol';

const fixture = (name: string): ArrayBuffer => {
  const bytes = readFileSync(resolve('tests/fixtures/usage', name));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};
const text = (s: string): ArrayBuffer => new TextEncoder().encode(s).buffer;

const CRM = [
  { accountKey: 'salesforce:acme:001000000000002AAA', recordId: '001000000000002AAA', name: 'Globex Corporation', website: 'https://globex.com' },
  { accountKey: 'salesforce:acme:0015g00000AbCdEAAV', recordId: '0015g00000AbCdEAAV', name: 'Acme Inc.' },
];
const NOW = new Date('2026-11-30T09:00:00.000Z');

/** What the worker's database does with a commit: here, keeps it in `stored`. */
const recorded = (stored: UsageImportCommit[]) => async (commit: UsageImportCommit): Promise<UsageImportResult> => {
  stored.push(commit);
  return { months: monthsHeld(commit.years), links: commit.links.length, accountKeys: [...new Set(commit.links.map((l) => l.accountKey))] };
};

/** A session whose replies are collected, each one checked against the protocol, and whose stored imports are kept. */
function harness({
  now = () => NOW,
  later = (_task: () => void) => undefined,
  store,
}: { now?: () => Date; later?: (task: () => void) => void; store?: (commit: UsageImportCommit) => Promise<UsageImportResult> } = {}) {
  const replies: WorkerReply[] = [];
  const stored: UsageImportCommit[] = [];
  const session = createImportSession({
    post: (reply) => {
      // What the page does with every message: validate it.
      replies.push(WorkerReply.parse(reply));
    },
    store: store ?? recorded(stored),
    now,
    progressEveryMs: 0,
    later,
  });
  /** Opening and previewing answer at once, without waiting. */
  const send = (message: unknown) => {
    const from = replies.length;
    void session.handle(message);
    return replies.slice(from);
  };
  /** Confirm: the replies once the import is stored (or refused). */
  const commit = async (sessionId = 1) => {
    const from = replies.length;
    await session.handle({ type: 'commit', session: sessionId });
    return replies.slice(from);
  };
  const last = <T extends WorkerReply['type']>(out: WorkerReply[], type: T): Extract<WorkerReply, { type: T }> => {
    const found = out.filter((r): r is Extract<WorkerReply, { type: T }> => r.type === type).pop();
    if (!found) throw new Error(`no ${type} reply in ${JSON.stringify(out.map((r) => r.type))}`);
    return found;
  };
  const open = (bytes: ArrayBuffer, fileName = 'usage.csv', sessionId = 1, links: unknown[] = []) =>
    send({ type: 'open', session: sessionId, fileName, bytes, crmAccounts: CRM, links });
  const preview = (mapping: ColumnMapping | null = null, origin: 'remembered' | 'user' = 'remembered', sessionId = 1): PreviewSummary =>
    last(send({ type: 'preview', session: sessionId, mapping, origin }), 'preview').preview;
  return { send, commit, last, open, preview, replies, stored };
}

describe('usage import session (the worker body)', () => {
  it('reads a file, previews it with the guessed mapping and stores months, links and the mapping', async () => {
    const h = harness();
    const opened = h.open(fixture('utf8-bom.csv'), 'utf8-bom.csv');
    expect(opened.some((r) => r.type === 'progress' && r.phase === 'reading')).toBe(true);
    const { file } = h.last(opened, 'parsed');
    expect(file).toMatchObject({ name: 'utf8-bom.csv', format: 'csv', encoding: 'utf-8-bom', delimiter: ',', rowCount: 3 });
    expect(file.headers[0]).toBe('Account ID');
    expect(file.samples).toHaveLength(3);
    expect(file.signature).toBe(mappingSignature(file.headers));

    const preview = h.preview();
    expect(preview.mappingOrigin).toBe('guessed');
    expect(preview.problems).toEqual([]);
    expect(preview.rowCount).toBe(3);
    expect(preview.acceptedRows).toBe(3);
    // The 15- and 18-character forms of Acme's id are two source accounts, one CRM account.
    expect(preview.accountCount).toBe(3);
    expect(preview.matchedAccounts).toBe(3);
    expect(preview.matchedBy).toEqual({ 'record-id': 3 });
    expect(preview.rejectedCount).toBe(0);
    expect(preview.dateRange).toEqual({ from: '2026-11-24', to: '2026-11-25' });

    const out = await h.commit();
    expect(h.stored).toHaveLength(1);
    const [commit] = h.stored;
    if (!commit) throw new Error('nothing stored');
    const parts = monthsOfYears(commit.years);
    const done = h.last(out, 'committed');
    expect(h.last(out, 'storing').months).toBe(parts.length);
    expect(parts).toHaveLength(done.result.months);
    expect(done.records).toBe(preview.recordCount);
    expect(done.result.accountKeys).toEqual(['salesforce:acme:0015g00000AbCdEAAV', 'salesforce:acme:001000000000002AAA']);
    expect(commit.links.map((l) => [l.sourceAccountKey, l.accountKey, l.how])).toEqual([
      ['id:0015g00000AbCdE', 'salesforce:acme:0015g00000AbCdEAAV', 'record-id'],
      ['id:0015g00000AbCdEAAV', 'salesforce:acme:0015g00000AbCdEAAV', 'record-id'],
      ['id:001000000000002', 'salesforce:acme:001000000000002AAA', 'record-id'],
    ]);
    expect(commit.mapping?.signature).toBe(file.signature);
    // What is stored passes the stored records' schemas.
    expect(UsageImportCommit.safeParse(commit).success).toBe(true);
    expect(parts.find((m) => m.metric === 'activeUsers' && m.sourceAccountKey === 'id:0015g00000AbCdE')?.days.slice(23, 25)).toEqual([1234, null]);
  });

  it('lists every rejected row with its line and reason, first rows only but the exact total', () => {
    const h = harness();
    h.open(fixture('bad-rows.csv'), 'bad-rows.csv');
    const preview = h.preview();
    expect(preview.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, 'bad-date'],
      [4, 'not-a-number'],
      [5, 'no-account'],
      [6, 'no-figures'],
      [7, 'bad-date'],
    ]);
    expect(preview.rejectedCount).toBe(5);
    expect(preview.duplicateRows).toBe(1);

    const rows = ['Account ID,Date,Active Users', ...Array.from({ length: 450 }, (_, i) => `A${i},not a date,${i}`), 'A1,2026-11-25,3'];
    const many = harness();
    many.open(text(rows.join('\n')));
    const big = many.preview();
    expect(big.rejected).toHaveLength(200);
    expect(big.rejectedCount).toBe(450);
    expect(big.rejected[0]).toMatchObject({ line: 2, reason: 'bad-date', detail: 'not a date', column: 'Date' });
    expect(big.recordCount).toBe(1);
  });

  // Issue 15: such rows passed the preview (0 rejected) and then failed the background's check of
  // the whole import on Confirm.
  it('refuses Infinity and overlong figures in the preview, and stores the other rows as valid records', async () => {
    const h = harness();
    h.open(fixture('overflow.csv'), 'overflow.csv');
    const preview = h.preview();
    expect(preview.rejected.map((r) => [r.line, r.reason, r.column])).toEqual([
      [3, 'not-finite', 'Active Users'],
      [5, 'too-long', 'Active Users'],
      [6, 'not-finite', 'Licensed Seats'],
    ]);
    expect(preview.rejectedCount).toBe(3);
    expect(preview.acceptedRows).toBe(3);
    expect(preview.recordCount).toBe(6);

    const done = h.last(await h.commit(), 'committed');
    expect(done.records).toBe(6);
    expect(UsageImportCommit.safeParse(h.stored[0]).success).toBe(true);

    // A 12 MB cell of digits: refused, and the page is sent a few characters of it, not 12 MB.
    const big = harness();
    big.open(text(`Account ID,Date,Active Users\nA1,2026-12-01,5\nA1,2026-12-02,${'1'.repeat(12 * 1024 * 1024)}\n`));
    const bigPreview = big.preview();
    expect(bigPreview.rejected).toEqual([{ line: 3, reason: 'too-long', detail: `${'1'.repeat(79)}…`, column: 'Active Users' }]);
    expect(bigPreview.recordCount).toBe(1);
    expect(big.last(await big.commit(), 'committed').result.months).toBe(1);
    expect(UsageImportCommit.safeParse(big.stored[0]).success).toBe(true);
  });

  it('reads a Shift_JIS file with Japanese headers', () => {
    const h = harness();
    const { file } = h.last(h.open(fixture('shift-jis.csv'), 'shift-jis.csv'), 'parsed');
    expect(file.encoding).toBe('shift_jis');
    expect(file.headers.slice(0, 4)).toEqual(['取引先ID', '取引先名', '日付', 'アクティブユーザー数']);
    const preview = h.preview();
    expect(preview.mapping.columns.slice(0, 4).map((c) => c.role)).toEqual(['accountId', 'accountName', 'date', 'activeUsers']);
    expect(preview.acceptedRows).toBe(4);
    expect(preview.accounts.map((a) => a.account.name)).toContain('㈱サンプル商事');
  });

  it('reads a JSON export (rows under "rows"), with the line of a refused row', () => {
    const h = harness();
    const { file } = h.last(h.open(fixture('usage.json'), 'usage.json'), 'parsed');
    expect(file).toMatchObject({ format: 'json', delimiter: null, rowCount: 3 });
    const preview = h.preview();
    expect(preview.acceptedRows).toBe(2);
    expect(preview.rejected).toEqual([expect.objectContaining({ reason: 'bad-date', detail: 'yesterday' })]);
    expect(preview.rejected[0]?.line).toBeGreaterThan(1);
  });

  it('groups what Confirm stores while the preview is read, stamped when Confirm comes, and never for a preview since replaced', async () => {
    let now = NOW;
    const tasks: (() => void)[] = [];
    const runLater = () => tasks.splice(0).forEach((task) => task());
    const committed = async (h: ReturnType<typeof harness>) => {
      const done = h.last(await h.commit(), 'committed');
      return { ...h.stored.at(-1), done };
    };
    // The same file committed without grouping ahead: what a prepared commit must equal.
    const plain = harness({ now: () => now });
    plain.open(fixture('utf8-bom.csv'));
    plain.preview();
    now = new Date('2026-11-30T09:05:00.000Z');
    const expected = await committed(plain);

    now = NOW;
    const h = harness({ now: () => now, later: (task) => tasks.push(task) });
    h.open(fixture('utf8-bom.csv'));
    const guessed = h.preview();
    expect(tasks).toHaveLength(1);
    runLater();
    now = new Date('2026-11-30T09:05:00.000Z');
    const prepared = await committed(h);
    expect(prepared).toEqual(expected);
    expect(new Set(prepared.years?.map((y) => y.updatedAt))).toEqual(new Set(['2026-11-30T09:05:00.000Z']));

    // Grouped for the guessed mapping, then the user ignores a column: Confirm sends the new mapping's years.
    const ignoring: ColumnMapping = { ...guessed.mapping, columns: guessed.mapping.columns.map((c) => (c.header === 'Logins' ? { ...c, role: 'ignore' } : c)) };
    const again = harness({ later: (task) => tasks.push(task) });
    again.open(fixture('utf8-bom.csv'));
    again.preview();
    runLater();
    again.preview(ignoring, 'user');
    const afterRecheck = await committed(again);
    expect(afterRecheck.years?.length).toBeGreaterThan(0);
    expect(afterRecheck.years?.some((y) => y.metric === 'logins')).toBe(false);
    expect(expected.years?.some((y) => y.metric === 'logins')).toBe(true);
    // A grouping still waiting when the mapping changed is dropped, not used for the new one.
    const late = harness({ later: (task) => tasks.push(task) });
    late.open(fixture('utf8-bom.csv'));
    late.preview();
    late.preview(ignoring, 'user');
    runLater();
    expect((await committed(late)).years?.some((y) => y.metric === 'logins')).toBe(false);
  });

  it('uses a remembered mapping when the headers are the same, in any order, and a corrected one on re-check', async () => {
    const h = harness();
    const { file } = h.last(h.open(fixture('utf8-bom.csv')), 'parsed');
    const guessed = h.preview();
    const corrected: ColumnMapping = {
      ...guessed.mapping,
      columns: guessed.mapping.columns.map((c) => (c.header === 'Logins' ? { ...c, role: 'ignore' } : c)),
    };
    const rechecked = h.preview(corrected, 'user');
    expect(rechecked.mappingOrigin).toBe('user');
    expect(rechecked.metrics).not.toContain('logins');
    await h.commit();
    const committed = h.stored[0];
    expect(committed?.mapping?.mapping.columns.find((c) => c.header === 'Logins')?.role).toBe('ignore');

    // Next file, same columns in another order: starts from the remembered mapping.
    const reordered = 'Product,Logins,Account ID,Account Name,Date,Active Users,Licensed Seats,feature_reports\nPro,5,A1,Acme,2026-11-26,3,4,5\n';
    const next = harness();
    const parsed = next.last(next.open(text(reordered)), 'parsed');
    expect(parsed.file.signature).toBe(file.signature);
    const remembered = next.preview(committed?.mapping?.mapping ?? null, 'remembered');
    expect(remembered.mappingOrigin).toBe('remembered');
    expect(remembered.mapping.columns.map((c) => c.header)).toEqual(parsed.file.headers);
    expect(remembered.mapping.columns[1]).toMatchObject({ header: 'Logins', role: 'ignore' });

    // Different headers: the remembered mapping does not fit and the columns are guessed.
    const other = harness();
    other.open(text('Website,Day,MAU\nacme.com,2026-11-25,5\n'));
    expect(other.preview(corrected, 'remembered').mappingOrigin).toBe('guessed');
  });

  it('reports mapping problems (no date column) and refuses to commit', async () => {
    const h = harness();
    h.open(text('Account ID,Active Users\nA1,5\nA2,6\n'));
    const preview = h.preview();
    expect(preview.problems.map((p) => p.code)).toEqual(['no-date']);
    expect(preview.recordCount).toBe(0);
    const out = await h.commit();
    expect(h.last(out, 'failed').error.code).toBe('no-rows');
    expect(out.some((r) => r.type === 'storing' || r.type === 'committed')).toBe(false);
    expect(h.stored).toHaveLength(0);
  });

  it('refuses garbage, spreadsheets, empty and oversized files with a code the page translates', () => {
    let seed = 7;
    const garbage = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    const cases: [ArrayBuffer, string][] = [
      [garbage.buffer, 'garbled'],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]).buffer, 'spreadsheet'],
      [new ArrayBuffer(0), 'empty-file'],
      [text('\n\n'), 'empty-file'],
      [text('Account ID,Date,Active Users\n'), 'no-rows'],
      [text('{"rows": 5}'), 'unexpected-json-shape'],
      [text('[{"a": 1},'), 'invalid-json'],
      [text(`${'x'.repeat(600)},Date\n1,2\n`), 'bad-headers'],
    ];
    for (const [bytes, code] of cases) {
      const h = harness();
      expect(h.last(h.open(bytes, 'file.csv'), 'failed').error.code, code).toBe(code);
      // Nothing is kept: a preview of that file is refused.
      expect(h.last(h.send({ type: 'preview', session: 1, mapping: null, origin: 'remembered' }), 'failed').error.code).toBe('no-file');
    }
    const big = harness();
    // The size is checked before anything is read (a sparse buffer costs nothing here).
    const failed = big.last(big.open(new ArrayBuffer(USAGE_FILE_MAX + 1)), 'failed');
    expect(failed.error).toEqual({ code: 'too-large', detail: String(USAGE_FILE_MAX + 1) });
  });

  it('answers malformed requests and requests for another file with an error instead of throwing', () => {
    const h = harness();
    expect(h.last(h.send({ type: 'open', session: 3, fileName: 'x.csv', bytes: 'not bytes', crmAccounts: [], links: [] }), 'failed')).toMatchObject({ session: 3, error: { code: 'internal' } });
    expect(h.last(h.send(null), 'failed').error.code).toBe('internal');
    h.open(fixture('utf8-bom.csv'), 'a.csv', 4);
    expect(h.last(h.send({ type: 'preview', session: 5, mapping: null, origin: 'remembered' }), 'failed').error.code).toBe('no-file');
    h.send({ type: 'reset', session: 4 });
    expect(h.last(h.send({ type: 'preview', session: 4, mapping: null, origin: 'remembered' }), 'failed').error.code).toBe('no-file');
  });

  it('spaces progress messages out and always ends a phase at 100 %', () => {
    let t = 0;
    const replies: WorkerReply[] = [];
    const session = createImportSession({ post: (r) => replies.push(r), store: recorded([]), now: () => NOW, clock: () => (t += 1), progressEveryMs: 1000 });
    const rows = ['Account ID,Date,Active Users', ...Array.from({ length: 30_000 }, (_, i) => `A${i % 50},2026-11-${String((i % 28) + 1).padStart(2, '0')},${i}`)];
    session.handle({ type: 'open', session: 1, fileName: 'p.csv', bytes: text(rows.join('\n')), crmAccounts: [], links: [] });
    const progress = replies.filter((r) => r.type === 'progress');
    expect(progress.length).toBeLessThanOrEqual(3);
    expect(progress.at(-1)).toMatchObject({ phase: 'reading', fraction: 1 });
  });

  it('stores the whole import in one go, says so with its months first, and ends grouping at 100 %', async () => {
    // 500 accounts × 2 metrics × 2 months of one year: 2,000 months in 1,000 years.
    const rows = ['Account ID,Date,Active Users,Logins', ...Array.from({ length: 500 }, (_, i) => [`A${i},2026-10-25,${i},${i + 1}`, `A${i},2026-11-25,${i},${i + 1}`]).flat()];
    const h = harness();
    h.open(text(rows.join('\n')));
    h.preview();
    const out = await h.commit();
    expect(h.stored.map((c) => c.years.length)).toEqual([1000]);
    expect(out.filter((r) => r.type !== 'progress').map((r) => r.type)).toEqual(['storing', 'committed']);
    expect(out.find((r) => r.type === 'storing')).toMatchObject({ months: 2000 });
    expect(out.at(-1)).toMatchObject({ type: 'committed', result: { months: 2000, links: 0, accountKeys: [] }, records: 2000, accounts: 500 });
    const grouping = out.filter((r) => r.type === 'progress' && r.phase === 'grouping');
    expect(grouping.at(-1)).toMatchObject({ fraction: 1 });
  });

  it('says what the database refused, keeps the file, and stores it on the next Confirm', async () => {
    let refuse = true;
    const stored: UsageImportCommit[] = [];
    const h = harness({
      store: async (commit) => {
        if (refuse) throw new AppError('store-blocked', 'the upgrade to version 12 waits for another connection of an older version to close');
        return recorded(stored)(commit);
      },
    });
    h.open(fixture('utf8-bom.csv'));
    h.preview();
    const refused = await h.commit();
    expect(h.last(refused, 'store-failed').error).toMatchObject({ code: 'store-blocked' });
    expect(refused.some((r) => r.type === 'committed')).toBe(false);
    refuse = false;
    expect(h.last(await h.commit(), 'committed').result.months).toBeGreaterThan(0);
    expect(stored).toHaveLength(1);
  });

  it('validates what goes in and comes out', () => {
    expect(WorkerRequest.safeParse({ type: 'commit', session: -1 }).success).toBe(false);
    expect(WorkerRequest.safeParse({ type: 'preview', session: 1, mapping: { columns: [{ header: 'x', role: 'bogus' }] }, origin: 'user' }).success).toBe(false);
    expect(WorkerReply.safeParse({ type: 'progress', session: 1, phase: 'reading', fraction: 2 }).success).toBe(false);
    expect(WorkerReply.safeParse({ type: 'failed', session: 1, error: { code: 'nope', detail: '' } }).success).toBe(false);
    expect(WorkerReply.safeParse({ type: 'committed', session: 1, result: { months: 1, links: 0, accountKeys: ['not a key'] }, records: 1, accounts: 1 }).success).toBe(false);
    expect(WorkerReply.safeParse({ type: 'store-failed', session: 1, error: { code: 'storage' } }).success).toBe(false);
  });

  it('tells garbled text and spreadsheets from CSV', () => {
    expect(looksGarbled('Account,Date\r\nA,2026-11-25\n\tx')).toBe(false);
    expect(looksGarbled(`Account,Date\n${'A,2026-11-25\n'.repeat(100)}\ufffd`)).toBe(false);
    expect(looksGarbled('\u0000\u0001\u0002\u0003\u0004\u0005abc')).toBe(true);
    expect(looksLikeSpreadsheet(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toBe(true);
    expect(looksLikeSpreadsheet(new TextEncoder().encode('Account'))).toBe(false);
  });
});
