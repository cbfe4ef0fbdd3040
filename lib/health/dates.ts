/**
 * Calendar arithmetic on `YYYY-MM-DD` strings without `Date`: the score walks thousands of points
 * per account, and building a Date per point would dominate the run time. A day number counts days
 * since 1970-01-01 (proleptic Gregorian), so differences are plain subtraction.
 */

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/** Day number of a `YYYY-MM-DD` date, or of the date part of an ISO date-time (its local date). */
export function dayNumber(date: string): number {
  let y = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const m = digit(date, 5) * 10 + digit(date, 6);
  const d = digit(date, 8) * 10 + digit(date, 9);
  // Howard Hinnant's days_from_civil: years start in March so the leap day comes last.
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The `YYYY-MM-DD` date of a day number. */
export function dateOfDay(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** The calendar date an ISO date-time names, in its own offset (as the CSM recorded it). */
export const dateOf = (isoDateTime: string): string => isoDateTime.slice(0, 10);

/**
 * Index of the first item whose date is after `date` in a list sorted oldest first; the items
 * before it are the ones on or before `date`. ISO dates compare correctly as strings.
 */
export function upperBound(sorted: readonly { date: string }[], date: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid]?.date ?? '') <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const clamp = (value: number, min = 0, max = 100): number => (value < min ? min : value > max ? max : value);
