/**
 * Calendar arithmetic on `YYYY-MM-DD` strings without `Date`: the score walks thousands of points
 * per account, and building a Date per point would dominate the run time. A day number counts days
 * since 1970-01-01 (proleptic Gregorian), so differences are plain subtraction.
 */

import { civilDay, dateOfDay } from '../calendar';

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/** Day number of a `YYYY-MM-DD` date, or of the date part of an ISO date-time (its local date). */
export function dayNumber(date: string): number {
  return civilDay(digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3), digit(date, 5) * 10 + digit(date, 6), digit(date, 8) * 10 + digit(date, 9));
}

export { dateOfDay };

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
