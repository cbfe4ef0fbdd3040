import { describe, expect, it } from 'vitest';
import { HealthScore } from './model';
import { computeHealth } from './score';
import { dayOfWeek, dayNumber } from '../calendar';
import { AS_OF, daily, daysAgo, healthInput, interaction } from '@/tests/unit/health-fixtures';
import { dailyHistory, healthTrend, usageSparkline } from './trend';

describe('healthTrend', () => {
  it('treats moves of 3 points or fewer as flat', () => {
    expect(healthTrend(70, 67)).toBe('flat');
    expect(healthTrend(67, 70)).toBe('flat');
    expect(healthTrend(70, 70)).toBe('flat');
    expect(healthTrend(71, 67)).toBe('up');
    expect(healthTrend(66, 70)).toBe('down');
  });

  it('is unknown without both scores', () => {
    expect(healthTrend(null, 70)).toBe('unknown');
    expect(healthTrend(70, null)).toBe('unknown');
    expect(healthTrend(null, null)).toBe('unknown');
  });
});

describe('dailyHistory', () => {
  it('scores each of the last N days, oldest first, each seeing only its own past', () => {
    const input = healthInput({ interactions: [interaction({ ago: 2, tone: 'positive' })] });
    const history = dailyHistory(input, 4);
    expect(history.map((h) => h.asOf)).toEqual(['2026-06-27', '2026-06-28', '2026-06-29', '2026-06-30']);
    expect(history.map((h) => h.score === null)).toEqual([true, false, false, false]);
    expect(history.at(-1)).toEqual(computeHealth(input));
    for (const h of history) expect(HealthScore.safeParse(h).success).toBe(true);
    expect(dailyHistory(input, 0)).toEqual([]);
  });

  it('does not dip at weekends when the account works Monday to Friday', () => {
    // About 100 of 120 seats on weekdays, 36 at weekends; each day's score sees the file up to that day.
    const weekend = (ago: number) => dayOfWeek(dayNumber(daysAgo(ago))) % 6 === 0;
    const usage = [daily('activeUsers', 200, 0, (ago) => (weekend(ago) ? 36 : 100)), daily('licensedSeats', 200, 0, 120)];
    const history = dailyHistory(healthInput({ usage }), 10); // 21 – 30 June 2026, two weekends
    const seatReasons = history.map((h) => h.components.find((c) => c.id === 'usage')?.reasons[0]);
    expect(new Set(history.map((h) => h.score))).toEqual(new Set([history[0]?.score]));
    for (const reason of seatReasons) expect(reason).toEqual({ key: 'health.reason.seatUtilisation.workingDays', params: { percent: 83, active: 100, seats: 120, weeks: 4 } });
  });

  it('crosses month and year ends', () => {
    expect(dailyHistory(healthInput({ asOf: '2026-01-01' }), 2).map((h) => h.asOf)).toEqual(['2025-12-31', '2026-01-01']);
  });
});

describe('usageSparkline', () => {
  it('sums active users per day over subscriptions, 0 on days without figures', () => {
    const series = [
      daily('activeUsers', 4, 0, (ago) => 10 + ago, 'A'),
      daily('activeUsers', 2, 1, 100, 'B'),
      daily('activeUsers', 30, 6, 999, 'A'), // before the window
      daily('activeUsers', -1, -3, 999, 'A'), // after asOf
      daily('licensedSeats', 4, 0, 500, 'A'),
    ];
    expect(usageSparkline(series, AS_OF, 6)).toEqual([0, 14, 13, 112, 111, 10]);
    expect(usageSparkline(series, AS_OF)).toHaveLength(90);
    expect(usageSparkline([], AS_OF, 3)).toEqual([0, 0, 0]);
  });
});
