import type { DateRange } from '../model/dates';

const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;
const MAX_NAME = 80;

/**
 * A file name for an export, after the account and the range:
 * `Globex-Corporation_QBR_2026-07-01_2026-09-30.md`. Characters that file systems refuse are
 * dropped, spaces become dashes; Japanese and other letters are kept.
 */
export function exportFileName(accountName: string, range: DateRange, what: 'QBR' | 'timeline', extension: 'md' | 'csv'): string {
  return `${fileStem(accountName)}_${what}_${range.from}_${range.to}.${extension}`;
}

/** An account's name as part of a file name (`Globex-Corporation`), or `account` when nothing of it is left. */
export function fileStem(accountName: string): string {
  const cleaned = accountName.normalize('NFC').replace(UNSAFE, ' ').trim().replace(/\s+/g, '-').replace(/^[.-]+/, '');
  // By code point, so a name is never cut inside a surrogate pair.
  const name = Array.from(cleaned).slice(0, MAX_NAME).join('').replace(/[.-]+$/, '');
  return name || 'account';
}
