import type { UsagePoint, UsageSeries } from '../model/usage';
import { clamp, dateOfDay, dayNumber, upperBound } from './dates';
import type { ComponentResult, Reason } from './model';

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

/** Average of the figures in points[from, to), or null when there are none (days without a figure are not zeros). */
function average(points: readonly UsagePoint[], from: number, to: number): number | null {
  if (to <= from) return null;
  let sum = 0;
  for (let i = from; i < to; i++) sum += points[i]?.value ?? 0;
  return sum / (to - from);
}

/**
 * Active users in the last `days` days against the `days` before, summed over subscriptions (so a
 * new subscription shows as growth). Null when either window has no figure.
 */
function trendPart(active: readonly UsageSeries[], asOf: string, today: number, days: 30 | 90, weight: number): Part | null {
  const mid = dateOfDay(today - days);
  const start = dateOfDay(today - 2 * days);
  let current = 0;
  let previous = 0;
  let hasCurrent = false;
  let hasPrevious = false;
  for (const s of active) {
    const end = upperBound(s.points, asOf);
    const midIndex = upperBound(s.points, mid);
    const startIndex = upperBound(s.points, start);
    const cur = average(s.points, midIndex, end);
    const prev = average(s.points, startIndex, midIndex);
    if (cur !== null) { current += cur; hasCurrent = true; }
    if (prev !== null) { previous += prev; hasPrevious = true; }
  }
  if (!hasCurrent || !hasPrevious) return null;
  const params = { days, current: round1(current), previous: round1(previous) };
  if (previous <= 0) {
    return current > 0
      ? { weight, value: 100, reason: { key: 'health.reason.activeUsersStarted', params } }
      : { weight, value: 0, reason: { key: 'health.reason.noActiveUsers', params: { days } } };
  }
  const percent = ((current - previous) / previous) * 100;
  const key = percent >= STEADY_PERCENT ? 'health.reason.activeUsersUp' : percent <= -STEADY_PERCENT ? 'health.reason.activeUsersDown' : 'health.reason.activeUsersSteady';
  return { weight, value: clamp(TREND_FLAT_VALUE + TREND_SLOPE * percent), reason: { key, params: { ...params, percent: Math.round(Math.abs(percent)) } } };
}

/** Latest active users over latest licensed seats, over the subscriptions that have both, recent enough. */
function seatPart(series: readonly UsageSeries[], asOf: string, today: number): Part | null {
  const freshAfter = dateOfDay(today - SEAT_FIGURE_FRESH_DAYS);
  const bySubscription = new Map<string, { active: number | null; seats: number | null }>();
  for (const s of series) {
    if (s.metric !== 'activeUsers' && s.metric !== 'licensedSeats') continue;
    const latest = s.points[upperBound(s.points, asOf) - 1];
    if (!latest || latest.date <= freshAfter) continue;
    const entry = bySubscription.get(s.subscription) ?? { active: null, seats: null };
    if (s.metric === 'activeUsers') entry.active = (entry.active ?? 0) + latest.value;
    else entry.seats = (entry.seats ?? 0) + latest.value;
    bySubscription.set(s.subscription, entry);
  }
  let active = 0;
  let seats = 0;
  for (const entry of bySubscription.values()) {
    if (entry.active === null || entry.seats === null) continue;
    active += entry.active;
    seats += entry.seats;
  }
  if (seats <= 0) return null;
  const share = active / seats;
  return {
    weight: USAGE_PART_WEIGHTS.seats,
    value: clamp((share / FULL_SHARE) * 100),
    reason: { key: 'health.reason.seatUtilisation', params: { percent: Math.round(share * 100), active, seats } },
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
 * and 90 days, feature breadth. Points must be sorted oldest first (as UsageSeries promises), so
 * the cut-off and the windows are found by binary search. Logins are not scored: active users say
 * the same with less noise. Null when no sub-part has data.
 */
export function usageComponent(series: readonly UsageSeries[], asOf: string): ComponentResult | null {
  const today = dayNumber(asOf);
  const active = series.filter((s) => s.metric === 'activeUsers');
  const parts = [
    seatPart(series, asOf, today),
    trendPart(active, asOf, today, 30, USAGE_PART_WEIGHTS.trend30),
    trendPart(active, asOf, today, 90, USAGE_PART_WEIGHTS.trend90),
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
