import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';
import { parseUsageText, UsageParseError } from './parse';

const fixtureText = (name: string) => decodeBytes(new Uint8Array(readFileSync(resolve('tests/fixtures/usage', name)))).text;

describe('parseUsageText: CSV', () => {
  it('reads a comma CSV with BOM and CRLF, keeping quoted thousands together', () => {
    const table = parseUsageText(fixtureText('utf8-bom.csv'));
    expect(table.format).toBe('csv');
    expect(table.delimiter).toBe(',');
    expect(table.headers).toEqual(['Account ID', 'Account Name', 'Date', 'Active Users', 'Licensed Seats', 'Logins', 'feature_reports', 'Product']);
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(table.rows[0]?.cells).toEqual(['0015g00000AbCdE', 'Acme Inc.', '2026-11-24', '1,234', '1500', '4321', '17', 'Analytics Pro']);
    expect(table.warnings).toEqual([]);
  });

  it('detects semicolons and tabs', () => {
    const semi = parseUsageText(fixtureText('semicolon.csv'));
    expect(semi.delimiter).toBe(';');
    expect(semi.headers).toEqual(['customer_id', 'company', 'day', 'DAU', 'seats', 'Dashboards usage']);
    expect(semi.rows.map((r) => [r.line, r.cells[0], r.cells[2]])).toEqual([
      [2, 'C-1', '25/11/2026'],
      [3, 'C-1', '01/12/2026'],
      [4, 'C-2', '02/12/2026'],
    ]);
    const tsv = parseUsageText(fixtureText('tabs.tsv'));
    expect(tsv.delimiter).toBe('\t');
    expect(tsv.headers).toEqual(['Website', 'Day', 'MAU', 'Licenses', 'Exports count']);
    expect(tsv.rows[2]).toEqual({ line: 4, cells: ['WWW.Initech.de:443', '20261126', '41', '50', '0'] });
  });

  it('keeps quoted newlines, commas and doubled quotes, numbering rows by the line they start on', () => {
    const table = parseUsageText(fixtureText('quoted-newlines.csv'));
    expect(table.rows.map((r) => [r.line, r.cells[0], r.cells[1]])).toEqual([
      [2, 'A1', 'Acme, Inc.'],
      [3, 'A2', 'Globex\nHoldings, Ltd.'],
      [5, 'A3', 'He said "hi"'],
      [6, 'A4', 'Line one\n\nline three'],
      [9, 'A5', 'Plain'],
    ]);
  });

  it('counts CRLF inside quoted cells as one line, and skips blank lines without losing count', () => {
    const table = parseUsageText('a,b\r\n\r\n"x\r\ny",1\r\n\r\nz,2\r\n');
    expect(table.rows).toEqual([
      { line: 3, cells: ['x\r\ny', '1'] },
      { line: 6, cells: ['z', '2'] },
    ]);
  });

  it('gives the same rows whatever the chunk size (rows split across chunks)', () => {
    const text = fixtureText('quoted-newlines.csv');
    const whole = parseUsageText(text);
    const progress: number[] = [];
    const chunked = parseUsageText(text, { chunkSize: 7, onProgress: (f) => progress.push(f) });
    expect(chunked.rows).toEqual(whole.rows);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('pads short rows, trims long ones with a warning, and reports an unclosed quote', () => {
    const table = parseUsageText('a,b,c\n1\n1,2,3,4\n5,"open\n6,7,8\n');
    expect(table.rows[0]).toEqual({ line: 2, cells: ['1', '', ''] });
    expect(table.rows[1]).toEqual({ line: 3, cells: ['1', '2', '3'] });
    expect(table.warnings).toEqual([
      { line: 3, code: 'extra-cells' },
      { line: 4, code: 'unclosed-quote' },
    ]);
  });

  it('honours an Excel sep= line', () => {
    const table = parseUsageText('sep=;\na;b\n1,5;2\n');
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['a', 'b']);
    expect(table.rows).toEqual([{ line: 3, cells: ['1,5', '2'] }]);
  });

  it('refuses an empty file', () => {
    expect(() => parseUsageText('\n\n')).toThrow(UsageParseError);
  });
});

describe('parseUsageText: JSON', () => {
  it('reads { rows: [...] } with the line each row object starts on', () => {
    const table = parseUsageText(fixtureText('usage.json'));
    expect(table.format).toBe('json');
    expect(table.headers).toEqual(['accountId', 'accountName', 'date', 'activeUsers', 'licensedSeats', 'feature:Reports', 'plan']);
    expect(table.rows).toEqual([
      { line: 12, cells: ['001000000000001', 'Acme Inc.', '2026-11-25', '1240', '1500', '17', 'Pro'] },
      { line: 21, cells: ['001000000000002', 'Globex', '2026-11-25', '98', '', '', 'Lite'] },
      { line: 29, cells: ['001000000000003', 'Initech', 'yesterday', '5', '', '', 'Lite'] },
    ]);
  });

  it('reads a bare array and { data: [...] }', () => {
    expect(parseUsageText('[\n{"a":1},\n{"a":"x","b":true}\n]').rows).toEqual([
      { line: 2, cells: ['1', ''] },
      { line: 3, cells: ['x', 'true'] },
    ]);
    const data = parseUsageText('{"data":[{"k":"v"}], "x": {"y": [{"z": 1}]}}');
    expect(data.headers).toEqual(['k']);
    expect(data.rows).toEqual([{ line: 1, cells: ['v'] }]);
  });

  it('refuses invalid JSON and other shapes with a code', () => {
    const code = (text: string) => {
      try {
        parseUsageText(text, { fileName: 'x.json' });
        return 'parsed';
      } catch (error) {
        return error instanceof UsageParseError ? error.code : 'other';
      }
    };
    expect(code('{"rows": [')).toBe('invalid-json');
    expect(code('{"rows": 3}')).toBe('unexpected-json-shape');
    expect(code('[1, 2]')).toBe('unexpected-json-shape');
    expect(code('')).toBe('empty-file');
  });
});
