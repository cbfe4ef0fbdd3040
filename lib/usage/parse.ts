import Papa from 'papaparse';
import { z } from '../model/zod';

/**
 * Text of an imported usage file → a table: headers plus rows of cells, each row with the line
 * of the file it starts on (what the preview shows for a rejected row). CSV goes through
 * papaparse; JSON through JSON.parse and a zod check of its shape.
 *
 * Everything here is synchronous and pure so it can run in a worker; `onProgress` reports the
 * fraction of the text consumed so the page can show a bar.
 */

export interface ParsedRow {
  /** 1-based line of the file the row starts on (for a quoted multi-line CSV row, its first line). */
  line: number;
  /** Cell texts, aligned with `headers`; missing trailing cells are ''. */
  cells: string[];
}

export type CsvDelimiter = ',' | '\t' | ';';

export type ParseWarningCode = 'unclosed-quote' | 'malformed-quote' | 'extra-cells';

export interface ParseWarning {
  line: number;
  code: ParseWarningCode;
}

export interface ParsedTable {
  format: 'csv' | 'json';
  /** Only for CSV. */
  delimiter?: CsvDelimiter;
  headers: string[];
  rows: ParsedRow[];
  /** Problems that did not stop parsing but may explain odd rows. */
  warnings: ParseWarning[];
}

export type ParseErrorCode = 'empty-file' | 'invalid-json' | 'unexpected-json-shape';

/** The file cannot be read as a table at all; `code` is translated by the UI (`usage.parseError.*`). */
export class UsageParseError extends Error {
  constructor(
    readonly code: ParseErrorCode,
    detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'UsageParseError';
  }
}

export interface ParseOptions {
  /** Used only to prefer JSON for `.json` names; content decides otherwise. */
  fileName?: string;
  /** Called with 0…1 as the text is consumed; last call is 1. */
  onProgress?: (fraction: number) => void;
  /** Characters per papaparse chunk: one progress report per chunk. */
  chunkSize?: number;
}

const DELIMITERS: CsvDelimiter[] = [',', '\t', ';'];
const DEFAULT_CHUNK = 1 << 20;

/** CSV/TSV or JSON, decided by the file name, else by the first non-blank character. */
export function parseUsageText(text: string, options: ParseOptions = {}): ParsedTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstChar = /\S/.exec(body.slice(0, 1024))?.[0];
  const looksJson = firstChar === '[' || firstChar === '{';
  if (/\.json$/i.test(options.fileName ?? '') || looksJson) return parseJsonTable(body, options);
  return parseCsvTable(body, options);
}

// ---------------------------------------------------------------------------------------------
// CSV

/** Counts line breaks the way editors number lines: CRLF, lone CR and LF each end one line. */
function lineBreaksIn(cell: string): number {
  if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) return 0;
  let n = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (cell.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

/** Excel writes `sep=;` as a first line to name the delimiter; honour it and drop the line. */
function excelSeparatorHint(text: string): { delimiter: CsvDelimiter; skipChars: number } | null {
  const m = /^sep=(.)\r?\n?/.exec(text.slice(0, 8));
  const d = m?.[1];
  if (!m || d === undefined) return null;
  const delimiter = DELIMITERS.find((x) => x === d);
  return delimiter ? { delimiter, skipChars: m[0].length } : null;
}

export function parseCsvTable(text: string, options: ParseOptions = {}): ParsedTable {
  const hint = excelSeparatorHint(text);
  const input = hint ? text.slice(hint.skipChars) : text;
  const total = input.length || 1;
  let line = hint ? 2 : 1;
  let headers: string[] | null = null;
  const rows: ParsedRow[] = [];
  const warnings: ParseWarning[] = [];
  let delimiter: CsvDelimiter = hint?.delimiter ?? ',';

  // Papaparse hands back arrays (no `header: true`): cheaper than objects, keeps duplicate
  // headers apart, and lets us see empty lines so line numbers stay right. Line numbers are
  // counted from the line breaks inside cells, so no second pass over the text is needed.
  Papa.parse<string[]>(input, {
    delimiter: hint?.delimiter ?? '',
    delimitersToGuess: DELIMITERS,
    skipEmptyLines: false,
    chunkSize: options.chunkSize ?? DEFAULT_CHUNK,
    // Chunked string parsing works at runtime (papaparse's StringStreamer); the typings only
    // allow `chunk` with a `complete` callback, which has nothing left to do here.
    complete: () => undefined,
    chunk(results: Papa.ParseResult<string[]>) {
      const found = DELIMITERS.find((x) => x === results.meta.delimiter);
      if (found) delimiter = found;
      const rowLines: number[] = new Array<number>(results.data.length);
      for (let r = 0; r < results.data.length; r++) {
        const cells = results.data[r] ?? [];
        rowLines[r] = line;
        const start = line;
        line++;
        for (const cell of cells) line += lineBreaksIn(cell);
        if (cells.length === 1 && cells[0] === '') continue; // empty line
        if (headers === null) {
          headers = cells.map((h) => h.trim());
          continue;
        }
        if (cells.length > headers.length) {
          if (cells.slice(headers.length).some((c) => c.trim() !== '')) warnings.push({ line: start, code: 'extra-cells' });
          cells.length = headers.length;
        }
        while (cells.length < headers.length) cells.push('');
        rows.push({ line: start, cells });
      }
      for (const error of results.errors) {
        if (error.code !== 'MissingQuotes' && error.code !== 'InvalidQuotes') continue;
        // An unclosed quote's row is not yet in `data`; it starts on the line after the last row.
        const at = error.row !== undefined ? (rowLines[error.row] ?? line) : line;
        warnings.push({ line: at, code: error.code === 'MissingQuotes' ? 'unclosed-quote' : 'malformed-quote' });
      }
      options.onProgress?.(Math.min(1, results.meta.cursor / total));
    },
  });
  if (headers === null) throw new UsageParseError('empty-file');
  options.onProgress?.(1);
  return { format: 'csv', delimiter, headers, rows, warnings };
}

// ---------------------------------------------------------------------------------------------
// JSON

const JsonRow = z.record(z.string(), z.unknown());
const JsonRows = z.array(JsonRow);
const JsonTable = z.union([JsonRows, z.object({ rows: JsonRows }), z.object({ data: JsonRows })]);

/** JSON scalars as the text a CSV cell would hold, so one converter serves both formats. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Start line of each row object: a single scan that tracks nesting and strings. Rows are the
 * objects directly inside the root array, or inside the root object's `rows`/`data` array.
 */
function jsonRowLines(text: string, key: 'rows' | 'data' | null): number[] {
  const lines: number[] = [];
  // Stack of containers: 'a' array, 'o' object. `rowsDepth` is the stack depth of the row array.
  const stack: string[] = [];
  let rowsDepth = key === null ? 1 : -1;
  let line = 1;
  let lastKey = '';
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) {
      // String: skip to its closing quote (JSON strings hold no raw line breaks).
      const start = i + 1;
      i++;
      while (i < text.length && text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 ? 2 : 1;
      if (stack.length === 1 && expectKey) lastKey = text.slice(start, i);
    } else if (c === 123 || c === 91) {
      if (c === 123 && stack.length === rowsDepth && stack[stack.length - 1] === 'a') lines.push(line);
      if (c === 91 && key !== null && stack.length === 1 && lastKey === key && rowsDepth === -1) rowsDepth = 2;
      stack.push(c === 123 ? 'o' : 'a');
      expectKey = c === 123;
    } else if (c === 125 || c === 93) {
      if (stack.length === rowsDepth && key !== null && c === 93) rowsDepth = -2; // that array is done
      stack.pop();
      expectKey = false;
    } else if (c === 44) expectKey = stack[stack.length - 1] === 'o';
    else if (c === 58) expectKey = false;
  }
  return lines;
}

export function parseJsonTable(text: string, options: ParseOptions = {}): ParsedTable {
  if (text.trim() === '') throw new UsageParseError('empty-file');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageParseError('invalid-json', error instanceof Error ? error.message : '');
  }
  options.onProgress?.(0.3);
  const parsed = JsonTable.safeParse(raw);
  if (!parsed.success) throw new UsageParseError('unexpected-json-shape', parsed.error.issues[0]?.message ?? '');
  const table = parsed.data;
  const objects = Array.isArray(table) ? table : 'rows' in table ? table.rows : table.data;
  const key = Array.isArray(table) ? null : 'rows' in table ? 'rows' : 'data';

  // Headers: every key, in order of first appearance (rows may omit keys).
  const index = new Map<string, number>();
  for (const o of objects) for (const k of Object.keys(o)) if (!index.has(k)) index.set(k, index.size);
  const headers = [...index.keys()];
  const lines = jsonRowLines(text, key);
  options.onProgress?.(0.6);
  const rows = objects.map((o, r): ParsedRow => {
    const cells = new Array<string>(headers.length).fill('');
    for (const [k, v] of Object.entries(o)) {
      const at = index.get(k);
      if (at !== undefined) cells[at] = cellText(v);
    }
    return { line: lines[r] ?? 1, cells };
  });
  options.onProgress?.(1);
  return { format: 'json', headers, rows, warnings: [] };
}
