import { describe, expect, it } from 'vitest';
import { daily, AS_OF } from './test-fixtures';
import { usageComponent } from './usage';

const keys = (r: ReturnType<typeof usageComponent>) => r?.reasons.map((x) => x.key);

describe('usage component', () => {
  it('is null without figures on or before asOf, or with logins only', () => {
    expect(usageComponent([], AS_OF)).toBeNull();
    expect(usageComponent([daily('activeUsers', -1, -10, 50)], AS_OF)).toBeNull();
    expect(usageComponent([daily('logins', 100, 0, 50)], AS_OF)).toBeNull();
  });

  it('scores seat utilisation from the latest figures, full marks from 80%', () => {
    const r = usageComponent([daily('activeUsers', 0, 0, 40), daily('licensedSeats', 0, 0, 100)], AS_OF);
    expect(r).toEqual({ id: 'usage', value: 50, reasons: [{ key: 'health.reason.seatUtilisation', params: { percent: 40, active: 40, seats: 100 } }] });
    expect(usageComponent([daily('activeUsers', 0, 0, 95), daily('licensedSeats', 0, 0, 100)], AS_OF)?.value).toBe(100);
  });

  it('sums seats over subscriptions that have both figures, and ignores stale ones', () => {
    const r = usageComponent(
      [
        daily('activeUsers', 0, 0, 10, 'A'), daily('licensedSeats', 0, 0, 20, 'A'),
        daily('activeUsers', 0, 0, 30, 'B'), daily('licensedSeats', 0, 0, 80, 'B'),
        daily('licensedSeats', 0, 0, 500, 'no active users figure'),
      ],
      AS_OF,
    );
    expect(r?.reasons[0]).toEqual({ key: 'health.reason.seatUtilisation', params: { percent: 40, active: 40, seats: 100 } });
    // A seat figure from 120 days ago says nothing about today.
    expect(usageComponent([daily('activeUsers', 120, 120, 10), daily('licensedSeats', 120, 120, 10)], AS_OF)).toBeNull();
  });

  it('compares the last 30 days of active users with the 30 before', () => {
    const up = usageComponent([daily('activeUsers', 59, 0, (ago) => (ago < 30 ? 120 : 100))], AS_OF);
    expect(up).toEqual({
      id: 'usage', value: 100,
      reasons: [{ key: 'health.reason.activeUsersUp', params: { days: 30, current: 120, previous: 100, percent: 20 } }],
    });
    const down = usageComponent([daily('activeUsers', 59, 0, (ago) => (ago < 30 ? 85 : 100))], AS_OF);
    expect(down?.value).toBe(30); // 60 − 2 × 15
    expect(down?.reasons[0]?.key).toBe('health.reason.activeUsersDown');
  });

  it('compares the last 90 days with the 90 before', () => {
    const r = usageComponent([daily('activeUsers', 179, 0, (ago) => (ago < 90 ? 80 : 100))], AS_OF);
    // 30-day: steady at 80 → 60; 90-day: −20% → 20; equal sub-weights → 40.
    expect(r?.value).toBe(40);
    expect(r?.reasons).toEqual([
      { key: 'health.reason.activeUsersSteady', params: { days: 30, current: 80, previous: 80, percent: 0 } },
      { key: 'health.reason.activeUsersDown', params: { days: 90, current: 80, previous: 100, percent: 20 } },
    ]);
  });

  it('says when active users appeared or are absent', () => {
    expect(usageComponent([daily('activeUsers', 59, 0, (ago) => (ago < 30 ? 5 : 0))], AS_OF)?.reasons[0]?.key).toBe('health.reason.activeUsersStarted');
    const none = usageComponent([daily('activeUsers', 59, 0, 0)], AS_OF);
    expect(none?.value).toBe(0);
    expect(none?.reasons[0]?.key).toBe('health.reason.noActiveUsers');
  });

  it('scores breadth as the share of known features used in the last 30 days', () => {
    const r = usageComponent(
      [
        daily('feature:reports', 60, 0, 3),
        daily('feature:exports', 60, 0, (ago) => (ago === 10 ? 1 : 0)),
        daily('feature:alerts', 60, 0, (ago) => (ago >= 40 ? 4 : 0)), // used, but not lately
        daily('feature:api', 60, 0, 0),
      ],
      AS_OF,
    );
    expect(r).toEqual({ id: 'usage', value: 63, reasons: [{ key: 'health.reason.featureBreadth', params: { used: 2, total: 4 } }] });
  });

  it('averages the sub-parts present by their weights', () => {
    const r = usageComponent(
      [daily('activeUsers', 59, 0, (ago) => (ago < 30 ? 120 : 100)), daily('licensedSeats', 59, 0, 300), daily('feature:a', 5, 0, 1), daily('feature:b', 5, 0, 0)],
      AS_OF,
    );
    // seats 120/300 = 40% → 50 (weight 40); 30-day +20% → 100 (20); breadth 1/2 → 62.5 (20); no 90-day figures before.
    expect(r?.value).toBe(Math.round((50 * 40 + 100 * 20 + 62.5 * 20) / 80));
    expect(keys(r)).toEqual(['health.reason.seatUtilisation', 'health.reason.activeUsersUp', 'health.reason.featureBreadth']);
  });

  it('ignores figures after asOf', () => {
    const before = [daily('activeUsers', 59, 0, 100), daily('licensedSeats', 59, 0, 200)];
    const withFuture = [daily('activeUsers', 59, -30, (ago) => (ago < 0 ? 1000 : 100)), daily('licensedSeats', 59, -30, (ago) => (ago < 0 ? 1 : 200))];
    expect(usageComponent(withFuture, AS_OF)).toEqual(usageComponent(before, AS_OF));
  });
});
