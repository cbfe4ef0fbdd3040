import type { UsageSeries } from '../model/usage';
import { upperBound } from './dates';
import { dateOfDay, dayNumber } from '../calendar';
import type { HealthScore } from './model';
import { computeHealth, type HealthInput } from './score';
import type { TrendDirection } from '../model/trend';


/** Moves of this many points or fewer are noise (one touch, one day's figures), shown as flat. */
export const TREND_DEAD_BAND = 3;

/** How far back the trend arrow compares. */
export const TREND_DAYS = 30;

export function healthTrend(current: number | null, previous: number | null): TrendDirection {
  if (current === null || previous === null) return 'unknown';
  const delta = current - previous;
  return delta > TREND_DEAD_BAND ? 'up' : delta < -TREND_DEAD_BAND ? 'down' : 'flat';
}

/**
 * The score of each of the last `days` days up to `input.asOf`, oldest first: for back-filling the
 * daily history when data is first imported. Each day sees only what was dated on or before it.
 */
export function dailyHistory(input: HealthInput, days: number): HealthScore[] {
  const last = dayNumber(input.asOf);
  const history: HealthScore[] = [];
  for (let day = last - Math.max(0, Math.floor(days)) + 1; day <= last; day++) history.push(computeHealth({ ...input, asOf: dateOfDay(day) }));
  return history;
}

/**
 * Active users per day over the `days` days ending `asOf`, oldest first, summed over
 * subscriptions; 0 on a day without any figure. For the small chart beside the score.
 */
export function usageSparkline(series: readonly UsageSeries[], asOf: string, days = 90): number[] {
  const length = Math.max(0, Math.floor(days));
  const values = new Array<number>(length).fill(0);
  const first = dayNumber(asOf) - length + 1;
  const before = dateOfDay(first - 1);
  for (const s of series) {
    if (s.metric !== 'activeUsers') continue;
    const end = upperBound(s.points, asOf);
    for (let i = upperBound(s.points, before); i < end; i++) {
      const p = s.points[i];
      if (!p) continue;
      const index = dayNumber(p.date) - first;
      values[index] = (values[index] ?? 0) + p.value;
    }
  }
  return values;
}
