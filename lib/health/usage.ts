import type { UsageSeries } from '../model/usage';
import { clamp, upperBound } from './dates';
import { dateOfDay, dayNumber } from '../calendar';
import type { ComponentResult, Reason } from './model';
import { MIN_WORKING_DAYS, median, windowFigures, type DayBasis, type WindowFigures } from './working-days';

/**
 * How much each sub-part counts inside the usage value. Seat utilisation is the plainest sign of
 * adoption; the two trends and feature breadth say where it is heading and how deep it goes.
 * A sub-part without data is left out and the others are averaged.
 */
export const USAGE_PART_WEIGHTS = { seats: 40, trend30: 20, trend90: 20, breadth: 20 } as const;

/** Utilisation and breadth at or above this share count as full marks: few accounts use every seat or feature. */
export const FULL_SHARE = 0.8;
/** A seat figure older than this says nothing about today. */
export const SEAT_FIGURE_FRESH_DAYS = 90;
/** Trend: flat usage scores this; each percent of change moves it by TREND_SLOPE (±20% up / −30% down hit the ends). */
export const TREND_FLAT_VALUE = 60;
export const TREND_SLOPE = 2;
/** Changes smaller than this are described as steady (the value still moves with them). */
const STEADY_PERCENT = 5;

const round1 = (x: number) => Math.round(x * 10) / 10;
const isFeature = (metric: string) => metric.startsWith('feature:');

interface Part {
  weight: number;
  value: number;
  reason: Reason;
}

/** Days of figures seat utilisation reads: four whole weeks, so every weekday comes up equally often. */
export const SEAT_WINDOW_WEEKS = 4;
const SEAT_WINDOW_DAYS = SEAT_WINDOW_WEEKS * 7;

/** The latest day with an active-users figure on or before asOf, over all subscriptions; null when none. */
function latestActiveDay(active: readonly UsageSeries[], asOf: string): string | null {
  let latest: string | null = null;
  for (const s of active) {
    const p = s.points[upperBound(s.points, asOf) - 1];
    if (p && (latest === null || p.date > latest)) latest = p.date;
  }
  return latest;
}

/** The figures of one series dated in (after, upTo], newest first, split into working days and all days. */
const figuresIn = (s: UsageSeries, after: string, upTo: string): WindowFigures => windowFigures(s.points, upperBound(s.points, after), upperBound(s.points, upTo));

/** A window without figures has nothing to fall back from; one with figures needs enough working days. */
const enoughWorkingDays = (f: WindowFigures) => f.all.length === 0 || f.working.length >= MIN_WORKING_DAYS;

/**
 * How far before its own window the previous side of a trend may reach for working days a holiday
 * took from it: New Year with its weekends is up to nine days.
 */
export const TREND_HOLIDAY_SLACK_DAYS = 14;

/**
 * Active users over the `days` days of data ending `end` (the latest day with a figure, so a late
 * export leaves no empty days in the window) against the days before, summed over subscriptions
 * (so a new subscription shows as growth, an ended one as decline). Like with like: the current
 * side is the median of the working days (weekends and the holiday periods left out) with figures
 * in its window; the previous side is the median of the same number of working days just before it,
 * taken from the `days` before and, when holidays left those short, up to TREND_HOLIDAY_SLACK_DAYS
 * further back. So neither a weekend ending nor Golden Week in one window tips the comparison.
 * When a series has too few working days with figures on either side, both of its sides use every
 * day with figures instead, and the reason says so. Null when there is no figure in the last `days`
 * days up to asOf, or none in the `days` before the current window.
 */
function trendPart(active: readonly UsageSeries[], end: string | null, today: number, days: 30 | 90, weight: number): Part | null {
  if (end === null || dayNumber(end) <= today - days) return null;
  const last = dayNumber(end);
  const mid = dateOfDay(last - days);
  const start = dateOfDay(last - 2 * days);
  const reach = dateOfDay(last - 2 * days - TREND_HOLIDAY_SLACK_DAYS);
  let current = 0;
  let previous = 0;
  let hasCurrent = false;
  let hasPrevious = false;
  let basis: DayBasis = 'workingDays';
  for (const s of active) {
    const cur = figuresIn(s, mid, end);
    const inWindow = figuresIn(s, start, mid);
    // Older figures only fill in for a window that has some: one without any means none before.
    const older = inWindow.all.length > 0 && cur.all.length > 0 ? figuresIn(s, reach, start) : { working: [], all: [] };
    const prev = { working: [...inWindow.working, ...older.working], all: [...inWindow.all, ...older.all] };
    const useWorking = enoughWorkingDays(cur) && enoughWorkingDays(prev);
    if (!useWorking) basis = 'allDays';
    const pick = (f: WindowFigures) => (useWorking ? f.working : f.all);
    const curValues = pick(cur);
    // As many days before as now, the latest first; a series with nothing now (ended) keeps its window.
    const prevValues = curValues.length > 0 ? pick(prev).slice(0, curValues.length) : pick(inWindow);
    const c = median(curValues);
    const p = median(prevValues);
    if (c !== null) { current += c; hasCurrent = true; }
    if (p !== null) { previous += p; hasPrevious = true; }
  }
  if (!hasCurrent || !hasPrevious) return null;
  const params = { days, current: round1(current), previous: round1(previous) };
  if (previous <= 0) {
    return current > 0
      ? { weight, value: 100, reason: { key: `health.reason.activeUsersStarted.${basis}`, params } }
      : { weight, value: 0, reason: { key: 'health.reason.noActiveUsers', params: { days } } };
  }
  const percent = ((current - previous) / previous) * 100;
  const direction = percent >= STEADY_PERCENT ? 'Up' : percent <= -STEADY_PERCENT ? 'Down' : 'Steady';
  return {
    weight,
    value: clamp(TREND_FLAT_VALUE + TREND_SLOPE * percent),
    reason: { key: `health.reason.activeUsers${direction}.${basis}`, params: { ...params, percent: Math.round(Math.abs(percent)) } },
  };
}

/**
 * Seat utilisation: a typical working day's active users over the licensed seats, over the
 * subscriptions that have both. The typical working day is the median of the working days (Monday
 * to Friday outside the holiday periods) with a figure in the four weeks ending on the latest day
 * with an active-users figure: neither a Sunday, a holiday nor a late export makes it, and one odd
 * day does not move it. A subscription with fewer than MIN_WORKING_DAYS such days (a monthly figure,
 * a file of a few days) takes the median of all its days with figures, and the reason says so.
 * Seats are each subscription's latest seat figure. Null when the latest figures are stale.
 */
function seatPart(series: readonly UsageSeries[], active: readonly UsageSeries[], end: string | null, asOf: string, today: number): Part | null {
  const freshAfter = dateOfDay(today - SEAT_FIGURE_FRESH_DAYS);
  if (end === null || end <= freshAfter) return null;
  const seatsBySubscription = new Map<string, number>();
  for (const s of series) {
    if (s.metric !== 'licensedSeats') continue;
    const latest = s.points[upperBound(s.points, asOf) - 1];
    if (!latest || latest.date <= freshAfter) continue;
    seatsBySubscription.set(s.subscription, (seatsBySubscription.get(s.subscription) ?? 0) + latest.value);
  }
  const windowStart = dateOfDay(dayNumber(end) - SEAT_WINDOW_DAYS);
  const activeBySubscription = new Map<string, number>();
  let fewestWorkingDays: number | null = null;
  for (const s of active) {
    if (!seatsBySubscription.has(s.subscription)) continue;
    const { working, all } = figuresIn(s, windowStart, end);
    if (all.length === 0) continue;
    const useWorking = working.length >= MIN_WORKING_DAYS;
    if (!useWorking) fewestWorkingDays = Math.min(fewestWorkingDays ?? working.length, working.length);
    activeBySubscription.set(s.subscription, (activeBySubscription.get(s.subscription) ?? 0) + (median(useWorking ? working : all) ?? 0));
  }
  let activeUsers = 0;
  let seats = 0;
  for (const [subscription, typical] of activeBySubscription) {
    activeUsers += typical;
    seats += seatsBySubscription.get(subscription) ?? 0;
  }
  if (seats <= 0) return null;
  const share = activeUsers / seats;
  const params = { percent: Math.round(share * 100), active: Math.round(activeUsers), seats, weeks: SEAT_WINDOW_WEEKS };
  return {
    weight: USAGE_PART_WEIGHTS.seats,
    value: clamp((share / FULL_SHARE) * 100),
    reason: fewestWorkingDays === null
      ? { key: 'health.reason.seatUtilisation.workingDays', params }
      : { key: 'health.reason.seatUtilisation.allDays', params: { ...params, workingDays: fewestWorkingDays } },
  };
}

/** Share of the features ever seen (up to asOf) with a non-zero figure in the last 30 days. */
function breadthPart(series: readonly UsageSeries[], asOf: string, today: number): Part | null {
  const recentAfter = dateOfDay(today - 30);
  const used = new Map<string, boolean>();
  for (const s of series) {
    if (!isFeature(s.metric)) continue;
    const end = upperBound(s.points, asOf);
    if (end === 0) continue;
    let inUse = used.get(s.metric) ?? false;
    for (let i = end - 1; !inUse && i >= 0; i--) {
      const p = s.points[i];
      if (!p || p.date <= recentAfter) break;
      if (p.value > 0) inUse = true;
    }
    used.set(s.metric, inUse);
  }
  if (used.size === 0) return null;
  let inUse = 0;
  for (const u of used.values()) if (u) inUse++;
  const share = inUse / used.size;
  return {
    weight: USAGE_PART_WEIGHTS.breadth,
    value: clamp((share / FULL_SHARE) * 100),
    reason: { key: 'health.reason.featureBreadth', params: { used: inUse, total: used.size } },
  };
}

/**
 * Usage from the imported figures on or before `asOf`: seat utilisation, active-user trend over 30
 * and 90 days, feature breadth. Seat utilisation and the trends read the days up to the latest day
 * with an active-users figure (not asOf: a late export leaves empty days at the end), and take the
 * median of working days (see working-days.ts), so a file that ends on a Sunday or in Golden Week
 * reads like the working week. Points must be sorted oldest first (as UsageSeries promises), so
 * the cut-off and the windows are found by binary search. Logins are not scored: active users say
 * the same with less noise. Null when no sub-part has data.
 */
export function usageComponent(series: readonly UsageSeries[], asOf: string): ComponentResult | null {
  const today = dayNumber(asOf);
  const active = series.filter((s) => s.metric === 'activeUsers');
  const end = latestActiveDay(active, asOf);
  const parts = [
    seatPart(series, active, end, asOf, today),
    trendPart(active, end, today, 30, USAGE_PART_WEIGHTS.trend30),
    trendPart(active, end, today, 90, USAGE_PART_WEIGHTS.trend90),
    breadthPart(series, asOf, today),
  ].filter((p): p is Part => p !== null);
  if (parts.length === 0) return null;
  let total = 0;
  let weights = 0;
  for (const p of parts) {
    total += p.value * p.weight;
    weights += p.weight;
  }
  return { id: 'usage', value: Math.round(total / weights), reasons: parts.map((p) => p.reason) };
}
