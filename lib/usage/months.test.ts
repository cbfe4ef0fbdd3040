import { describe, expect, it } from 'vitest';
import type { UsageRecord } from '../model/usage';
import { groupIntoMonths, monthsToSeries } from './months';

const account = { id: 'A-1', domain: '', name: 'Globex' };
const record = (date: string, value: number, patch: Partial<UsageRecord> = {}): UsageRecord => ({
  id: `${date}`, sourceAccountKey: 'id:A-1', account, date, metric: 'activeUsers', subscription: '', value, importedAt: '2026-11-01T00:00:00.000Z', source: 'f.csv', ...patch,
});

describe('usage months', () => {
  it('groups figures by account, subscription, metric and month; a later figure for a day wins', () => {
    const months = groupIntoMonths([record('2026-10-31', 5), record('2026-11-01', 7), record('2026-11-01', 8), record('2026-11-02', 1, { metric: 'logins' })], 'now');
    expect(months).toHaveLength(3);
    const nov = months.find((m) => m.month === '2026-11' && m.metric === 'activeUsers');
    expect(nov?.days[0]).toBe(8);
    expect(nov?.days.filter((d) => d !== null)).toHaveLength(1);
    expect(months.find((m) => m.month === '2026-10')?.days[30]).toBe(5);
  });

  it('reads months back as ordered series, summing source accounts linked to one CRM account', () => {
    const other = { sourceAccountKey: 'id:A-2' };
    const months = groupIntoMonths([record('2026-11-02', 3), record('2026-10-30', 1), record('2026-11-02', 4, other), record('2026-11-01', 2, { subscription: 'Pro' })], 'now');
    const series = monthsToSeries(months.reverse());
    expect(series.find((s) => s.subscription === '')?.points).toEqual([{ date: '2026-10-30', value: 1 }, { date: '2026-11-02', value: 7 }]);
    expect(series.find((s) => s.subscription === 'Pro')?.points).toEqual([{ date: '2026-11-01', value: 2 }]);
  });
});
