/** Helpers of the health score over `YYYY-MM-DD` strings; day numbers are in lib/calendar.ts. */

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
