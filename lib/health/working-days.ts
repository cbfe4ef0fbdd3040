/**
 * Which days of a usage file say what a normal working day looks like. A daily active-user figure
 * from a Sunday, from Golden Week or from New Year is not a sample of the account's adoption: the
 * office is closed. The usage figures are read on working days only, and as a median, so a partial
 * day (an export taken in the morning) or a holiday this list does not know moves nothing.
 */

import { dayOfWeek, dayNumber } from '../calendar';
import type { UsagePoint } from '../model/usage';

/**
 * Holiday periods when most Japanese offices close, as [month, first day, last day] (inclusive):
 * New Year (29 Dec – 3 Jan), Golden Week (29 Apr – 5 May), Obon (13 – 16 Aug). Single public
 * holidays are left to the median: one day out of twenty does not move it.
 */
export const HOLIDAY_PERIODS: readonly (readonly [month: number, from: number, to: number])[] = [
  [12, 29, 31],
  [1, 1, 3],
  [4, 29, 30],
  [5, 1, 5],
  [8, 13, 16],
];

/** Fewer working days with figures than this and the median falls back to every day with figures. */
export const MIN_WORKING_DAYS = 5;

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/**
 * Each date's answer, kept: a health score asks it for every day of every window, and a portfolio
 * for the same few hundred dates across all accounts (years of dates are a few thousand entries).
 */
const workingDays = new Map<string, boolean>();

/** Monday to Friday and outside the holiday periods, for a `YYYY-MM-DD` date. */
export function isWorkingDay(date: string): boolean {
  let working = workingDays.get(date);
  if (working === undefined) {
    working = workingDayOf(date);
    workingDays.set(date, working);
  }
  return working;
}

function workingDayOf(date: string): boolean {
  const weekday = dayOfWeek(dayNumber(date));
  if (weekday === 0 || weekday === 6) return false;
  const month = digit(date, 5) * 10 + digit(date, 6);
  const day = digit(date, 8) * 10 + digit(date, 9);
  for (const [m, from, to] of HOLIDAY_PERIODS) if (m === month && day >= from && day <= to) return false;
  return true;
}

let sortBuffer = new Float64Array(128);

/** The middle figure (the mean of the two middle ones for an even count); null for none. Sorts a copy. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // Sorted in a kept typed array: numerically without a comparator call per pair, and no new
  // array per window (a health score takes several medians per series).
  if (sortBuffer.length < values.length) sortBuffer = new Float64Array(Math.max(values.length, sortBuffer.length * 2));
  const sorted = sortBuffer.subarray(0, values.length);
  sorted.set(values);
  sorted.sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The figures of a window, newest first: those of working days, and all of them. */
export interface WindowFigures {
  working: number[];
  all: number[];
}

/** Figures of the points in points[from, to) (sorted oldest first), newest first. */
export function windowFigures(points: readonly UsagePoint[], from: number, to: number): WindowFigures {
  const working: number[] = [];
  const all: number[] = [];
  for (let i = to - 1; i >= from; i--) {
    const p = points[i];
    if (!p) continue;
    all.push(p.value);
    if (isWorkingDay(p.date)) working.push(p.value);
  }
  return { working, all };
}

/** What a typical day was read from: working days, or every day with figures when working days were too few. */
export type DayBasis = 'workingDays' | 'allDays';
