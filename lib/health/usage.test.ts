import { describe, expect, it } from 'vitest';
import { dayOfWeek, dateOfDay, dayNumber } from '../calendar';
import type { UsageMetric, UsagePoint, UsageSeries } from '../model/usage';
import { en } from '../i18n/en';
import type { Reason } from './model';
import { daily, AS_OF } from '@/tests/unit/health-fixtures';
import { usageComponent } from './usage';

const keys = (r: ReturnType<typeof usageComponent>) => r?.reasons.map((x) => x.key);

/** A daily series from `from` to `to` inclusive; a null value leaves that day without a figure. */
function span(metric: UsageMetric, from: string, to: string, value: number | ((date: string) => number | null), subscription = ''): UsageSeries {
  const points: UsagePoint[] = [];
  for (let day = dayNumber(from); day <= dayNumber(to); day++) {
    const date = dateOfDay(day);
    const v = typeof value === 'number' ? value : value(date);
    if (v !== null) points.push({ date, value: v });
  }
  return { subscription, metric, points };
}

const isWeekend = (date: string) => dayOfWeek(dayNumber(date)) % 6 === 0;
/**
 * An office that works Monday to Friday: about `weekday` active users on a weekday (98, 100 or
 * 102, so the figures are not all alike), `weekend` on Saturdays and Sundays.
 */
const office = (weekday: number, weekend: number) => (date: string) => (isWeekend(date) ? weekend : weekday + ((dayNumber(date) % 3) - 1) * 2);

/** The English text of a reason, as the sidebar shows it (numbers unformatted). */
const english = (reason: Reason | undefined) =>
  reason ? en[reason.key].replace(/\{(\w+)\}/g, (_, name: string) => String(reason.params?.[name] ?? `{${name}}`)) : '';

describe('usage component', () => {
  it('is null without figures on or before asOf, or with logins only', () => {
    expect(usageComponent([], AS_OF)).toBeNull();
    expect(usageComponent([daily('activeUsers', -1, -10, 50)], AS_OF)).toBeNull();
    expect(usageComponent([daily('logins', 100, 0, 50)], AS_OF)).toBeNull();
  });

  it('scores seat utilisation from a typical working day over the last 4 weeks, full marks from 80%', () => {
    const r = usageComponent([daily('activeUsers', 27, 0, 40), daily('licensedSeats', 27, 0, 100)], AS_OF);
    expect(r).toEqual({
      id: 'usage', value: 50,
      reasons: [{ key: 'health.reason.seatUtilisation.workingDays', params: { percent: 40, active: 40, seats: 100, weeks: 4 } }],
    });
    expect(usageComponent([daily('activeUsers', 27, 0, 95), daily('licensedSeats', 27, 0, 100)], AS_OF)?.value).toBe(100);
  });

  it('sums seats over subscriptions that have both figures, and ignores stale ones', () => {
    const r = usageComponent(
      [
        daily('activeUsers', 27, 0, 10, 'A'), daily('licensedSeats', 27, 0, 20, 'A'),
        daily('activeUsers', 27, 0, 30, 'B'), daily('licensedSeats', 27, 0, 80, 'B'),
        daily('licensedSeats', 27, 0, 500, 'no active users figure'),
        daily('activeUsers', 60, 40, 500, 'C'), daily('licensedSeats', 60, 0, 500, 'C'), // no active users in the last 4 weeks
      ],
      AS_OF,
    );
    expect(r?.reasons[0]).toEqual({ key: 'health.reason.seatUtilisation.workingDays', params: { percent: 40, active: 40, seats: 100, weeks: 4 } });
    // A seat figure from 120 days ago says nothing about today.
    expect(usageComponent([daily('activeUsers', 120, 120, 10), daily('licensedSeats', 120, 120, 10)], AS_OF)).toBeNull();
  });

  it('compares the last 30 days of active users with the 30 before', () => {
    const up = usageComponent([daily('activeUsers', 59, 0, (ago) => (ago < 30 ? 120 : 100))], AS_OF);
    expect(up).toEqual({
      id: 'usage', value: 100,
      reasons: [{ key: 'health.reason.activeUsersUp.workingDays', params: { days: 30, current: 120, previous: 100, percent: 20 } }],
    });
    const down = usageComponent([daily('activeUsers', 59, 0, (ago) => (ago < 30 ? 85 : 100))], AS_OF);
    expect(down?.value).toBe(30); // 60 − 2 × 15
    expect(down?.reasons[0]?.key).toBe('health.reason.activeUsersDown.workingDays');
  });

  it('compares the last 90 days with the 90 before', () => {
    const r = usageComponent([daily('activeUsers', 179, 0, (ago) => (ago < 90 ? 80 : 100))], AS_OF);
    // 30-day: steady at 80 → 60; 90-day: −20% → 20; equal sub-weights → 40.
    expect(r?.value).toBe(40);
    expect(r?.reasons).toEqual([
      { key: 'health.reason.activeUsersSteady.workingDays', params: { days: 30, current: 80, previous: 80, percent: 0 } },
      { key: 'health.reason.activeUsersDown.workingDays', params: { days: 90, current: 80, previous: 100, percent: 20 } },
    ]);
  });

  it('says when active users appeared or are absent', () => {
    expect(usageComponent([daily('activeUsers', 59, 0, (ago) => (ago < 30 ? 5 : 0))], AS_OF)?.reasons[0]?.key).toBe('health.reason.activeUsersStarted.workingDays');
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
    expect(keys(r)).toEqual(['health.reason.seatUtilisation.workingDays', 'health.reason.activeUsersUp.workingDays', 'health.reason.featureBreadth']);
  });

  it('ignores figures after asOf', () => {
    const before = [daily('activeUsers', 59, 0, 100), daily('licensedSeats', 59, 0, 200)];
    const withFuture = [daily('activeUsers', 59, -30, (ago) => (ago < 0 ? 1000 : 100)), daily('licensedSeats', 59, -30, (ago) => (ago < 0 ? 1 : 200))];
    expect(usageComponent(withFuture, AS_OF)).toEqual(usageComponent(before, AS_OF));
  });
});

describe('usage read over the working week', () => {
  const SEATS = 120;
  const seats = (from: string, to: string) => span('licensedSeats', from, to, SEATS);
  const seatReason = (r: ReturnType<typeof usageComponent>) => r?.reasons.find((x) => x.key.startsWith('health.reason.seatUtilisation'));
  const trendReasons = (r: ReturnType<typeof usageComponent>) => r?.reasons.filter((x) => x.key.startsWith('health.reason.activeUsers'));

  it('reads seat utilisation on a file ending on a Sunday from the working days, and says so', () => {
    // About 100 of 120 seats on weekdays, 36 at weekends; the file ends on Sunday 29 November.
    const usage = [span('activeUsers', '2026-04-01', '2026-11-29', office(100, 36)), seats('2026-04-01', '2026-11-29')];
    const r = usageComponent(usage, '2026-11-29');
    expect(seatReason(r)).toEqual({ key: 'health.reason.seatUtilisation.workingDays', params: { percent: 83, active: 100, seats: 120, weeks: 4 } });
    expect(english(seatReason(r))).toBe('Seat utilisation 83% (typical working day over the last 4 weeks of data: 100 of 120 seats)');
    // The same on the Saturday, the Monday and the Friday before: the weekend moves nothing.
    for (const asOf of ['2026-11-28', '2026-11-30', '2026-11-27']) {
      const cut = [span('activeUsers', '2026-04-01', asOf, office(100, 36)), seats('2026-04-01', asOf)];
      expect(seatReason(usageComponent(cut, asOf))?.params, asOf).toEqual({ percent: 83, active: 100, seats: 120, weeks: 4 });
    }
    // Flat usage reads as steady over 30 and 90 days, weekend ending or not: 83% → full marks (40), steady 60 (20 + 20).
    expect(trendReasons(r)).toEqual([
      { key: 'health.reason.activeUsersSteady.workingDays', params: { days: 30, previous: 100, current: 100, percent: 0 } },
      { key: 'health.reason.activeUsersSteady.workingDays', params: { days: 90, previous: 100, current: 100, percent: 0 } },
    ]);
    expect(r?.value).toBe(80);
  });

  it('reads Golden Week as a holiday, not as a drop', () => {
    // Offices closed 29 April – 5 May 2026: weekday figures down to the weekend level.
    const figures = (date: string) => (date >= '2026-04-29' && date <= '2026-05-05' ? 30 : office(100, 36)(date));
    const inside = usageComponent([span('activeUsers', '2026-01-05', '2026-05-05', figures), seats('2026-01-05', '2026-05-05')], '2026-05-05');
    expect(seatReason(inside)?.params).toEqual({ percent: 83, active: 100, seats: 120, weeks: 4 });
    const after = usageComponent([span('activeUsers', '2026-01-05', '2026-05-10', figures), seats('2026-01-05', '2026-05-10')], '2026-05-10');
    expect(seatReason(after)?.params).toEqual({ percent: 83, active: 100, seats: 120, weeks: 4 });
    expect(trendReasons(after)?.map((x) => [x.key, x.params?.previous, x.params?.current])).toEqual([
      ['health.reason.activeUsersSteady.workingDays', 100, 100],
      ['health.reason.activeUsersSteady.workingDays', 100, 100],
    ]);
  });

  it('reads a late export up to its last day with figures', () => {
    // Active users stop on Saturday 20 June (rows with an empty cell after that); the seat figure goes on to 30 June.
    const usage = [span('activeUsers', '2026-01-05', '2026-06-30', (date) => (date > '2026-06-20' ? null : office(100, 36)(date))), seats('2026-01-05', '2026-06-30')];
    const r = usageComponent(usage, AS_OF);
    expect(seatReason(r)).toEqual({ key: 'health.reason.seatUtilisation.workingDays', params: { percent: 83, active: 100, seats: 120, weeks: 4 } });
    expect(trendReasons(r)?.map((x) => [x.key, x.params?.previous, x.params?.current])).toEqual([
      ['health.reason.activeUsersSteady.workingDays', 100, 100],
      ['health.reason.activeUsersSteady.workingDays', 100, 100],
    ]);
  });

  it('compares like with like in the trends when the file ends at a weekend', () => {
    // Weekdays 100 → 120 in the last 30 days (weekends 36 → 43), ending on a Sunday.
    const growing = (date: string) => (date > '2026-10-30' ? office(120, 43)(date) : office(100, 36)(date));
    const r = usageComponent([span('activeUsers', '2026-04-01', '2026-11-29', growing)], '2026-11-29');
    expect(trendReasons(r)?.[0]).toEqual({ key: 'health.reason.activeUsersUp.workingDays', params: { days: 30, previous: 100, current: 120, percent: 20 } });
    expect(english(trendReasons(r)?.[0])).toBe('Active users up 20% in the last 30 days of data vs the 30 before (typical working day: 100 → 120)');
    // Ending on the Saturday instead gives the same reading.
    const saturday = usageComponent([span('activeUsers', '2026-04-01', '2026-11-28', growing)], '2026-11-28');
    expect(trendReasons(saturday)?.[0]?.params).toEqual({ days: 30, previous: 100, current: 120, percent: 20 });
  });

  it('compares the same number of working days on both sides', () => {
    // Golden Week leaves 17 working days in the last 30 (9 April – 8 May 2026); they are compared with
    // the 17 working days just before (17 March – 8 April), not with all 22 of 10 March – 8 April.
    // Usage grows by one user a calendar day, so the two sides' middles must be as far apart as their windows'.
    const start = dayNumber('2026-03-01');
    const growing = (date: string) => (isWeekend(date) ? 30 : 100 + (dayNumber(date) - start));
    const r = usageComponent([span('activeUsers', '2026-03-01', '2026-05-08', growing)], '2026-05-08');
    // Middles: 21 April (151) and 27 March (126); all 22 working days before would have given 123.5 (+22%).
    expect(trendReasons(r)?.[0]).toEqual({ key: 'health.reason.activeUsersUp.workingDays', params: { days: 30, previous: 126, current: 151, percent: 20 } });
  });

  it('looks back past a holiday for as many working days as the current window has', () => {
    // New Year (29 Dec – 3 Jan) leaves 18 working days in 7 Dec 2026 – 5 Jan 2027, the 30 days before
    // the last 30 (6 Jan – 4 Feb, 22 working days): the previous side reaches back to 1 December for
    // 22. Usage grows by one user a calendar day, so that shows in the previous side's middle.
    const start = dayNumber('2026-10-01');
    const growing = (date: string) => (isWeekend(date) ? 30 : 100 + (dayNumber(date) - start));
    const r = usageComponent([span('activeUsers', '2026-10-01', '2027-02-04', growing)], '2027-02-04');
    // Middles: 20/21 January (211.5) and 15/16 December (175.5); the 18 days alone would give 177.5.
    expect(trendReasons(r)?.[0]?.params).toEqual({ days: 30, previous: 175.5, current: 211.5, percent: 21 });
  });

  it('still counts a subscription that ended as a decline and a new one as growth', () => {
    const ended = usageComponent([daily('activeUsers', 59, 0, 100, 'A'), daily('activeUsers', 59, 40, 50, 'B')], AS_OF);
    expect(trendReasons(ended)?.[0]).toEqual({ key: 'health.reason.activeUsersDown.workingDays', params: { days: 30, previous: 150, current: 100, percent: 33 } });
    const added = usageComponent([daily('activeUsers', 59, 0, 100, 'A'), daily('activeUsers', 20, 0, 50, 'B')], AS_OF);
    expect(trendReasons(added)?.[0]).toEqual({ key: 'health.reason.activeUsersUp.workingDays', params: { days: 30, previous: 100, current: 150, percent: 50 } });
  });

  it('falls back to every day with figures when working days are too few, and says so', () => {
    // Three days of figures: Friday 100, Saturday and Sunday 36.
    const r = usageComponent([span('activeUsers', '2026-11-27', '2026-11-29', office(100, 36)), seats('2026-11-27', '2026-11-29')], '2026-11-29');
    expect(seatReason(r)).toEqual({ key: 'health.reason.seatUtilisation.allDays', params: { percent: 30, active: 36, seats: 120, weeks: 4, workingDays: 1 } });
    expect(english(seatReason(r))).toBe(
      'Seat utilisation 30% (typical day over the last 4 weeks of data, weekends and holidays counted, as working days with figures are too few (1): 36 of 120 seats)',
    );
    // One figure a month (a monthly-active export), 91 in January … 96 in June: the latest is the
    // typical day; the trends compare one month with the one before, three with the three before.
    const monthly = span('activeUsers', '2026-01-01', '2026-06-30', (date) => (date.endsWith('-01') ? 90 + Number(date.slice(5, 7)) : null));
    const m = usageComponent([monthly, span('licensedSeats', '2026-01-01', '2026-06-30', (date) => (date.endsWith('-01') ? 120 : null))], AS_OF);
    expect(seatReason(m)).toEqual({ key: 'health.reason.seatUtilisation.allDays', params: { percent: 80, active: 96, seats: 120, weeks: 4, workingDays: 1 } });
    expect(trendReasons(m)).toEqual([
      { key: 'health.reason.activeUsersSteady.allDays', params: { days: 30, previous: 95, current: 96, percent: 1 } },
      { key: 'health.reason.activeUsersSteady.allDays', params: { days: 90, previous: 92, current: 95, percent: 3 } },
    ]);
  });
});
