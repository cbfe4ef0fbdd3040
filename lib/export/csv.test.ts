import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, toCsv } from './csv';

describe('formula-safe CSV', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1+cmd|/c calc', `'+1+cmd|/c calc`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `"'\r=1"`],
  ])('never lets %j run as a formula', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('keeps plain numbers, including negative ones, as numbers', () => {
    expect(neutraliseFormula('-12.5')).toBe('-12.5');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(42)).toBe('42');
  });

  it('quotes commas, quotes and newlines, and keeps Japanese text', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('株式会社サンプル')).toBe('株式会社サンプル');
    expect(csvCell(null)).toBe('');
  });

  it('writes a BOM and CRLF lines', () => {
    expect(toCsv(['a', 'b'], [['1', '=x']])).toBe('\uFEFFa,b\r\n1,\'=x\r\n');
  });
});
