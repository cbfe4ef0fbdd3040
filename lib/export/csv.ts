/**
 * CSV for spreadsheets. UTF-8 with a byte-order mark so Excel (Japanese Excel included) reads
 * it as UTF-8, CRLF line ends, and every cell safe from formula injection.
 */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A cell that a spreadsheet could run as a formula (starting with `=`, `+`, `-`, `@`, tab or
 * carriage return) is prefixed with an apostrophe, which makes it text. Plain negative numbers
 * cannot run anything and stay numbers.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number | null | undefined): string {
  const text = neutraliseFormula(value === null || value === undefined ? '' : String(value));
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return UTF8_BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
