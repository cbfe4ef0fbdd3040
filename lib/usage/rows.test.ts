import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageRecord } from '../model/usage';
import { decodeBytes } from './decode';
import { ColumnMapping, guessMapping } from './mapping';
import { parseUsageText } from './parse';
import { parseFigure, parseUsageDate, resolveDateOrder, toUsageRecords } from './rows';

/** The record id's format: deterministic and unambiguous (JSON escapes any separator a field could contain). */
const usageRecordId = (key: string, date: string, metric: string, subscription: string) => JSON.stringify([key, date, metric, subscription]);

const importedAt = '2026-11-30T09:00:00.000Z';
const load = (name: string) => {
  const table = parseUsageText(decodeBytes(new Uint8Array(readFileSync(resolve('tests/fixtures/usage', name)))).text, { fileName: name });
  return { table, mapping: guessMapping(table.headers, table.rows.slice(0, 50).map((r) => r.cells)) };
};
const convert = (name: string, mapping?: ColumnMapping) => {
  const { table, mapping: guessed } = load(name);
  return toUsageRecords(table.rows, mapping ?? guessed, { source: name, importedAt });
};
const figures = (records: UsageRecord[]) => records.map((r) => `${r.sourceAccountKey} ${r.date} ${r.metric} ${r.subscription} = ${r.value}`);

describe('parseUsageDate', () => {
  it.each([
    ['2026-11-25', '2026-11-25'],
    ['2026/11/25', '2026-11-25'],
    ['2026/1/5', '2026-01-05'],
    ['2026.1.5', '2026-01-05'],
    ['2026-11-25T23:30:00+09:00', '2026-11-25'],
    ['2026/11/25 10:00', '2026-11-25'],
    ['20261125', '2026-11-25'],
    ['2026年11月25日', '2026-11-25'],
    ['２０２６年１月５日', '2026-01-05'],
    ['2026年11月', '2026-11-01'],
    ['2026-11', '2026-11-01'],
    ['11/25/2026', '2026-11-25'],
    ['25/11/2026', '2026-11-25'],
    ['25.11.2026', '2026-11-25'],
    ['46351', '2026-11-25'],
    ['1795564800', '2026-11-25'],
    ['1795564800000', '2026-11-25'],
    [' 2026-11-25 ', '2026-11-25'],
  ])('reads %s', (raw, iso) => {
    expect(parseUsageDate(raw, 'mdy')).toBe(iso);
  });

  it.each(['', 'yesterday', '2026-13-01', '2026-02-30', '2026/11/25/1', '11/25/26', '1234', '99999999', '1800-01-01'])('refuses %s', (raw) => {
    expect(parseUsageDate(raw, 'mdy')).toBeNull();
  });

  it('reads ambiguous day/month dates in the order given', () => {
    expect(parseUsageDate('01/02/2026', 'mdy')).toBe('2026-01-02');
    expect(parseUsageDate('01/02/2026', 'dmy')).toBe('2026-02-01');
  });

  it('lets the file decide the order, else the mapping, else month first', () => {
    expect(resolveDateOrder(['25/11/2026', '01/12/2026'], 'auto')).toEqual({ order: 'dmy', decidedBy: 'file', ambiguous: 1 });
    expect(resolveDateOrder(['11/25/2026', '12/01/2026'], 'auto')).toEqual({ order: 'mdy', decidedBy: 'file', ambiguous: 1 });
    expect(resolveDateOrder(['01/02/2026', '2026-11-25'], 'auto')).toEqual({ order: 'mdy', decidedBy: 'default', ambiguous: 1 });
    expect(resolveDateOrder(['25/11/2026', '11/25/2026'], 'auto')).toEqual({ order: 'mdy', decidedBy: 'default', ambiguous: 0 });
    expect(resolveDateOrder(['01/02/2026'], 'dmy')).toEqual({ order: 'dmy', decidedBy: 'mapping', ambiguous: 1 });
  });
});

describe('parseFigure', () => {
  it.each([
    ['1,234', 1234],
    [' 12 ', 12],
    ['１２３', 123],
    ['１，２３４', 1234],
    ['1 234', 1234],
    ['12.5', 12.5],
    ['-3', -3],
    ['.5', 0.5],
    ['1e3', 1000],
    ['1,234,567.25', 1234567.25],
  ])('reads %s as %d', (raw, value) => {
    expect(parseFigure(raw)).toEqual({ ok: true, value });
  });

  it.each(['', '  ', '-', 'N/A', 'n/a', '#N/A', 'なし', '－', 'null'])('reads %j as no figure', (raw) => {
    expect(parseFigure(raw)).toBeNull();
  });

  it.each(['abc', '1,5', '12,34', '1.2.3', '12%', '$5', '1 2'])('refuses %s', (raw) => {
    expect(parseFigure(raw)).toEqual({ ok: false, problem: 'not-a-number' });
  });

  it('refuses figures that would be stored as Infinity, and cells too long to be a figure', () => {
    expect(parseFigure('1e400')).toEqual({ ok: false, problem: 'not-finite' });
    expect(parseFigure('1'.repeat(400))).toEqual({ ok: false, problem: 'too-long' });
  });
});

describe('toUsageRecords', () => {
  it('turns each figure of a row into one record, keeping Salesforce ids and subscriptions', () => {
    const result = convert('utf8-bom.csv');
    expect(figures(result.records)).toEqual([
      'id:0015g00000AbCdE 2026-11-24 activeUsers Analytics Pro = 1234',
      'id:0015g00000AbCdE 2026-11-24 licensedSeats Analytics Pro = 1500',
      'id:0015g00000AbCdE 2026-11-24 logins Analytics Pro = 4321',
      'id:0015g00000AbCdE 2026-11-24 feature:reports Analytics Pro = 17',
      'id:0015g00000AbCdEAAV 2026-11-25 activeUsers Analytics Pro = 1240',
      'id:0015g00000AbCdEAAV 2026-11-25 licensedSeats Analytics Pro = 1500',
      'id:0015g00000AbCdEAAV 2026-11-25 logins Analytics Pro = 4400',
      'id:001000000000002 2026-11-25 activeUsers Analytics Lite = 98',
      'id:001000000000002 2026-11-25 licensedSeats Analytics Lite = 100',
      'id:001000000000002 2026-11-25 logins Analytics Lite = 250',
      'id:001000000000002 2026-11-25 feature:reports Analytics Lite = 3',
    ]);
    expect(result.rejected).toEqual([]);
    const first = result.records[0];
    expect(first).toEqual({
      id: usageRecordId('id:0015g00000AbCdE', '2026-11-24', 'activeUsers', 'Analytics Pro'),
      sourceAccountKey: 'id:0015g00000AbCdE',
      account: { id: '0015g00000AbCdE', domain: '', name: 'Acme Inc.' },
      date: '2026-11-24',
      metric: 'activeUsers',
      subscription: 'Analytics Pro',
      value: 1234,
      importedAt,
      source: 'utf8-bom.csv',
    });
    // Every record satisfies the stored schema.
    for (const r of result.records) expect(UsageRecord.parse(r)).toEqual(r);
  });

  it('reads day-first files as day-first when their other dates say so', () => {
    const result = convert('semicolon.csv');
    expect(result.dateOrder).toEqual({ order: 'dmy', decidedBy: 'file', ambiguous: 2 });
    expect(figures(result.records)).toEqual([
      'id:C-1 2026-11-25 activeUsers  = 40',
      'id:C-1 2026-11-25 licensedSeats  = 50',
      'id:C-1 2026-11-25 feature:Dashboards usage  = 12',
      'id:C-1 2026-12-01 activeUsers  = 42',
      'id:C-1 2026-12-01 licensedSeats  = 50',
      'id:C-1 2026-12-01 feature:Dashboards usage  = 15',
      'id:C-2 2026-12-02 activeUsers  = 7',
      'id:C-2 2026-12-02 licensedSeats  = 10',
    ]);
  });

  it('keys accounts by domain when the file has no id', () => {
    const result = convert('tabs.tsv');
    expect(result.accounts.map((a) => a.sourceAccountKey)).toEqual(['domain:acme.com', 'domain:globex.com', 'domain:initech.de']);
    expect(figures(result.records).filter((f) => f.includes('Exports'))).toEqual([
      'domain:acme.com 2026-11-25 feature:Exports count  = 5',
      'domain:initech.de 2026-11-26 feature:Exports count  = 0',
    ]);
  });

  it('reads a Shift_JIS file with Japanese dates, full-width digits and names', () => {
    const result = convert('shift-jis.csv');
    expect(result.rejected).toEqual([]);
    expect(figures(result.records).filter((f) => f.includes('activeUsers'))).toEqual([
      'id:JP-001 2026-11-25 activeUsers スタンダード = 123',
      'id:JP-001 2026-11-26 activeUsers スタンダード = 130',
      'id:JP-002 2026-01-05 activeUsers プレミアム = 8',
      'id:JP-003 2026-11-25 activeUsers スタンダード = 55',
    ]);
    expect(result.records.find((r) => r.metric === 'logins')?.value).toBe(1500);
    expect(result.accounts.map((a) => a.account.name)).toEqual(['㈱サンプル商事', 'テスト工業株式会社', '（株）ＡＢＣソリューションズ']);
  });

  it('lists every refused row with its line, reason, column and value; later duplicates win', () => {
    const result = convert('bad-rows.csv');
    expect(result.rejected).toEqual([
      { line: 3, reason: 'bad-date', detail: '2026-13-01', column: 'Date' },
      { line: 4, reason: 'not-a-number', detail: 'abc', column: 'Active Users' },
      { line: 5, reason: 'no-account', detail: '', column: '' },
      { line: 6, reason: 'no-figures', detail: '', column: '' },
      { line: 7, reason: 'bad-date', detail: '', column: 'Date' },
    ]);
    expect(figures(result.records)).toEqual([
      'id:B1 2026-11-25 activeUsers  = 11',
      'id:B1 2026-11-25 logins  = 100',
      'id:B5 2026-11-25 logins  = 7',
    ]);
    expect(result.duplicateRows).toBe(1);
    expect(result.duplicateFigures).toBe(1);
    expect(result.rowCount).toBe(8);
    expect(result.acceptedRows).toBe(3);
    expect(result.accounts).toEqual([
      { sourceAccountKey: 'id:B1', account: { id: 'B1', domain: '', name: 'Good Co' }, rows: 2 },
      { sourceAccountKey: 'id:B5', account: { id: 'B5', domain: '', name: 'Partial' }, rows: 1 },
    ]);
  });

  it('refuses figures that would be Infinity or are too long to be numbers, with their line, and keeps the other rows', () => {
    const result = convert('overflow.csv');
    const long = result.rejected.find((r) => r.reason === 'too-long');
    expect(result.rejected).toEqual([
      { line: 3, reason: 'not-finite', detail: '1e400', column: 'Active Users' },
      { line: 5, reason: 'too-long', detail: long?.detail, column: 'Active Users' },
      { line: 6, reason: 'not-finite', detail: '-1e999', column: 'Licensed Seats' },
    ]);
    // The 400 digits are shown cut short, their start kept so the row can be found.
    expect(long?.detail).toMatch(/^3074185296\d{69}…$/);
    expect(figures(result.records)).toEqual([
      'id:001Dn00000gLbXqIAK 2026-12-01 activeUsers  = 200',
      'id:001Dn00000gLbXqIAK 2026-12-01 licensedSeats  = 250',
      'id:001Dn00000gLbXqIAK 2026-12-03 activeUsers  = 1210',
      'id:001Dn00000gLbXqIAK 2026-12-03 licensedSeats  = 250',
      'id:001Dn00000gLbXqIAK 2026-12-08 activeUsers  = 225',
      'id:001Dn00000gLbXqIAK 2026-12-08 licensedSeats  = 250',
    ]);
    expect(result.acceptedRows).toBe(3);
    for (const r of result.records) expect(UsageRecord.safeParse(r).success).toBe(true);
  });

  it('refuses a JSON figure that overflowed to Infinity as not finite', () => {
    const result = convert('overflow.json');
    expect(result.rejected).toEqual([{ line: 3, reason: 'not-finite', detail: 'Infinity', column: 'activeUsers' }]);
    expect(figures(result.records)).toEqual(['id:001Dn00000gLbXqIAK 2026-12-01 activeUsers  = 200', 'id:001Dn00000gLbXqIAK 2026-12-03 activeUsers  = 210']);
  });

  it('refuses a 12 MB run of digits as too long, naming it in a few characters', () => {
    const digits = '7'.repeat(12 * 1024 * 1024);
    const table = parseUsageText(`Account ID,Date,Active Users\nA1,2026-12-01,5\nA1,2026-12-02,${digits}\nA1,2026-12-03,6\n`);
    const result = toUsageRecords(table.rows, guessMapping(table.headers), { source: 'big.csv', importedAt });
    expect(result.rejected).toEqual([{ line: 3, reason: 'too-long', detail: `${'7'.repeat(79)}…`, column: 'Active Users' }]);
    expect(result.records.map((r) => r.value)).toEqual([5, 6]);
  });

  it('cuts long cell texts shown for any refused row', () => {
    const table = parseUsageText(`Account ID,Date,Active Users\nA1,${'x'.repeat(500)},5\n`);
    const result = toUsageRecords(table.rows, guessMapping(table.headers), { source: 's', importedAt });
    expect(result.rejected).toEqual([{ line: 2, reason: 'bad-date', detail: `${'x'.repeat(79)}…`, column: 'Date' }]);
  });

  it('reads JSON rows the same way, with their JSON line numbers', () => {
    const result = convert('usage.json');
    expect(figures(result.records)).toEqual([
      'id:001000000000001 2026-11-25 activeUsers Pro = 1240',
      'id:001000000000001 2026-11-25 licensedSeats Pro = 1500',
      'id:001000000000001 2026-11-25 feature:Reports Pro = 17',
      'id:001000000000002 2026-11-25 activeUsers Lite = 98',
    ]);
    expect(result.rejected).toEqual([{ line: 29, reason: 'bad-date', detail: 'yesterday', column: 'date' }]);
  });

  it('gives the same ids on a second import, so storing by id never duplicates', () => {
    const a = convert('utf8-bom.csv').records.map((r) => r.id);
    const b = convert('utf8-bom.csv').records.map((r) => r.id);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
  });

  it('keys name-only accounts by the normalised name, so spelling variants collapse', () => {
    const table = parseUsageText('会社名,日付,ログイン数\n株式会社サンプル,2026-11-25,1\nサンプル（株）,2026-11-26,2\n');
    const result = toUsageRecords(table.rows, guessMapping(table.headers), { source: 's', importedAt });
    expect(result.accounts).toEqual([{ sourceAccountKey: 'name:サンプル', account: { id: '', domain: '', name: '株式会社サンプル' }, rows: 2 }]);
  });
});
