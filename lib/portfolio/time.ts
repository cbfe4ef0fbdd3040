/**
 * Date arithmetic on ISO strings without Date objects: the ranking reads every timeline entry of
 * every account, and allocating a Date per entry is what made such loops slow. Day numbers are
 * days since 1970-01-01 on the proleptic Gregorian calendar.
 */

import { civilDay, dayNumber } from '../calendar';

export const DAY_MS = 86_400_000;

const code = (s: string, i: number) => s.charCodeAt(i) - 48;
const digits2 = (s: string, i: number) => code(s, i) * 10 + code(s, i + 1);
const digits4 = (s: string, i: number) => digits2(s, i) * 100 + digits2(s, i + 2);

const DASH = 45;
const COLON = 58;
const DOT = 46;
const T = 84;
const Z = 90;
const PLUS = 43;

const isDigit = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/**
 * Milliseconds since the epoch of an ISO date-time with offset (`2026-11-25T09:30:00.000Z`,
 * `…+09:00`), NaN when unreadable. The usual layout is read by hand; anything else goes to
 * Date.parse.
 */
export function epochMs(iso: string): number {
  const n = iso.length;
  if (
    n < 20 ||
    iso.charCodeAt(4) !== DASH ||
    iso.charCodeAt(7) !== DASH ||
    iso.charCodeAt(10) !== T ||
    iso.charCodeAt(13) !== COLON ||
    iso.charCodeAt(16) !== COLON ||
    !(isDigit(iso, 0) && isDigit(iso, 1) && isDigit(iso, 2) && isDigit(iso, 3) && isDigit(iso, 5) && isDigit(iso, 6) && isDigit(iso, 8) && isDigit(iso, 9)) ||
    !(isDigit(iso, 11) && isDigit(iso, 12) && isDigit(iso, 14) && isDigit(iso, 15) && isDigit(iso, 17) && isDigit(iso, 18))
  ) {
    return Date.parse(iso);
  }
  let i = 19;
  let ms = 0;
  if (iso.charCodeAt(i) === DOT) {
    // The first three fraction digits; further ones are below what Date keeps.
    let scale = 100;
    i++;
    const start = i;
    while (i < n && isDigit(iso, i)) {
      if (scale >= 1) ms += code(iso, i) * scale;
      scale /= 10;
      i++;
    }
    if (i === start) return Number.NaN;
  }
  const sign = iso.charCodeAt(i);
  let offsetMinutes: number;
  if (sign === Z && i === n - 1) offsetMinutes = 0;
  else if ((sign === PLUS || sign === DASH) && i === n - 6 && iso.charCodeAt(i + 3) === COLON && isDigit(iso, i + 1) && isDigit(iso, i + 2) && isDigit(iso, i + 4) && isDigit(iso, i + 5)) {
    offsetMinutes = (sign === DASH ? -1 : 1) * (digits2(iso, i + 1) * 60 + digits2(iso, i + 4));
  } else return Date.parse(iso);
  const month = digits2(iso, 5);
  const day = digits2(iso, 8);
  const hour = digits2(iso, 11);
  const minute = digits2(iso, 14);
  const second = digits2(iso, 17);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  return civilDay(digits4(iso, 0), month, day) * DAY_MS + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + ms;
}

/**
 * The form `Date.toISOString()` writes (`2026-11-25T09:30:00.000Z`), which the extension stores:
 * two such strings compare as text in the order of time, so most entries need no parsing at all.
 */
export function isCanonicalUtc(iso: string): boolean {
  return iso.length === 24 && iso.charCodeAt(23) === Z && iso.charCodeAt(19) === DOT && iso.charCodeAt(10) === T && iso.charCodeAt(4) === DASH;
}

/**
 * The latest of many ISO instants that is not after `nowMs`, with the item it came from. Canonical
 * UTC strings are compared as text against the best so far; other forms are parsed.
 */
export class LatestUpTo<T extends object> {
  private readonly nowMs: number;
  private readonly nowIso: string;
  private bestText: string | null = null;
  private bestTextItem: T | null = null;
  private bestParsedMs = Number.NEGATIVE_INFINITY;
  private bestParsedItem: T | null = null;

  constructor(clock: Pick<Clock, 'nowMs' | 'nowIso'>) {
    this.nowMs = clock.nowMs;
    this.nowIso = clock.nowIso;
  }

  offer(iso: string, item: T): void {
    if (isCanonicalUtc(iso)) {
      if (iso <= this.nowIso && (this.bestText === null || iso > this.bestText)) {
        this.bestText = iso;
        this.bestTextItem = item;
      }
      return;
    }
    const ms = epochMs(iso);
    if (ms <= this.nowMs && ms > this.bestParsedMs) {
      this.bestParsedMs = ms;
      this.bestParsedItem = item;
    }
  }

  /** The latest item and its instant, or null when nothing was offered (or all were later than now). */
  result(): { item: T; ms: number } | null {
    if (this.bestText === null || this.bestTextItem === null) return this.bestParsedItem === null ? null : { item: this.bestParsedItem, ms: this.bestParsedMs };
    const textMs = epochMs(this.bestText);
    return this.bestParsedItem !== null && this.bestParsedMs > textMs ? { item: this.bestParsedItem, ms: this.bestParsedMs } : { item: this.bestTextItem, ms: textMs };
  }

  /** The latest item, without working out its instant when it need not be. */
  latest(): T | null {
    if (this.bestParsedItem === null) return this.bestTextItem;
    return this.result()?.item ?? null;
  }
}

/** The moment the ranking is computed for, and the CSM's calendar day. */
export interface Clock {
  /** `YYYY-MM-DD`: due dates and the renewal date are compared with it. */
  today: string;
  todayNumber: number;
  /** Elapsed days are counted up to this instant. */
  nowMs: number;
  /** The same instant in canonical UTC form. */
  nowIso: string;
}

/**
 * An ISO date-time with offset (its date as written is today, hence `localNow`), or `YYYY-MM-DD`:
 * then "now" is the end of that day in UTC, so elapsed days are whole UTC calendar days.
 */
export function readClock(today: string): Clock {
  const todayNumber = dayNumber(today);
  if (!Number.isNaN(todayNumber)) {
    const nowMs = (todayNumber + 1) * DAY_MS - 1;
    return { today, todayNumber, nowMs, nowIso: new Date(nowMs).toISOString() };
  }
  const nowMs = epochMs(today);
  const date = today.slice(0, 10);
  const dateNumber = dayNumber(date);
  if (Number.isNaN(nowMs) || Number.isNaN(dateNumber)) throw new RangeError(`not a date or date-time: ${today}`);
  return { today: date, todayNumber: dateNumber, nowMs, nowIso: new Date(nowMs).toISOString() };
}

/**
 * The current instant written with the local offset (`2026-11-25T08:00:00.000+09:00`): what the
 * page passes as `today`, so due dates and renewals are compared with the CSM's own calendar day.
 */
export function localNow(now: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const offset = -now.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` +
    `T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}.${pad(now.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
