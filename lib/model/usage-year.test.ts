import { describe, expect, it } from 'vitest';
import type { UsageRecord } from './usage';
import { UsageYear, layMonthsIntoYears, layYearsOver, monthsOfYears, usageYearId } from './usage-year';
import { groupIntoMonths } from '../usage/months';

const account = { id: 'A-1', domain: '', name: 'Globex' };
const record = (date: string, value: number, patch: Partial<UsageRecord> = {}): UsageRecord => ({
  id: date, sourceAccountKey: 'id:A-1', account, date, metric: 'activeUsers', subscription: '', value, importedAt: '2026-11-01T00:00:00.000Z', source: 'f.csv', ...patch,
});
const AT = '2026-11-01T00:00:00.000Z';
const LATER = '2026-11-05T00:00:00.000Z';
const byId = (years: UsageYear[]) => new Map(years.map((y) => [y.id, y]));

describe('usage years', () => {
  it('puts each month of a series in its year, and gives the same months back', () => {
    const months = groupIntoMonths([record('2025-12-31', 1), record('2026-01-01', 2), record('2026-11-02', 3), record('2026-11-02', 4, { metric: 'logins' })], AT);
    const years = layMonthsIntoYears(new Map(), months);
    expect(years.map((y) => y.id).sort()).toEqual([usageYearId('id:A-1', '', 'activeUsers', '2025'), usageYearId('id:A-1', '', 'activeUsers', '2026'), usageYearId('id:A-1', '', 'logins', '2026')].sort());
    for (const y of years) expect(UsageYear.safeParse(y).success).toBe(true);
    const sort = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(sort(monthsOfYears(years))).toEqual(sort(months));
  });

  it('lays a later import over a stored year: its days replace, the days it lacks stay', () => {
    const stored = byId(layMonthsIntoYears(new Map(), groupIntoMonths([record('2026-11-01', 1), record('2026-11-02', 2), record('2026-03-05', 7)], AT)));
    const [year, ...others] = layMonthsIntoYears(stored, groupIntoMonths([record('2026-11-02', 20), record('2026-11-03', 30)], LATER));
    expect(others).toEqual([]);
    expect(year?.months[10]?.slice(0, 4)).toEqual([1, 20, 30, null]);
    expect(year?.months[2]?.[4]).toBe(7);
    expect(year?.updatedAt).toBe(LATER);
    // The stored year is not changed in place.
    expect([...stored.values()][0]?.months[10]?.[1]).toBe(2);
  });

  it('returns nothing when the figures and the account are as stored, and a year whose account was renamed', () => {
    const months = groupIntoMonths([record('2026-11-01', 1), record('2026-12-02', 2)], AT);
    const stored = byId(layMonthsIntoYears(new Map(), months));
    expect(layMonthsIntoYears(stored, groupIntoMonths([record('2026-11-01', 1)], LATER))).toEqual([]);
    const renamed = layMonthsIntoYears(stored, groupIntoMonths([record('2026-11-01', 1, { account: { ...account, name: 'Globex Corp' } })], LATER));
    expect(renamed.map((y) => y.account.name)).toEqual(['Globex Corp']);
  });

  it('lays years over the stored ones as their months would be, passing new years through as they are', () => {
    const first = layMonthsIntoYears(new Map(), groupIntoMonths([record('2026-11-01', 1), record('2025-03-01', 4)], AT));
    // Nothing stored: the very same records.
    const fresh = layYearsOver(new Map(), first);
    expect(fresh).toHaveLength(2);
    fresh.forEach((y, i) => expect(y).toBe(first[i]));
    // Over stored years, with the same ones listed twice and one under an id that is not its own.
    const stored = byId(first);
    const later = layMonthsIntoYears(new Map(), groupIntoMonths([record('2026-11-02', 2)], LATER));
    const twice = layMonthsIntoYears(new Map(), groupIntoMonths([record('2027-01-05', 5)], LATER));
    const twiceAgain = layMonthsIntoYears(new Map(), groupIntoMonths([record('2027-01-06', 6)], LATER));
    const misnamed = layMonthsIntoYears(new Map(), groupIntoMonths([record('2024-02-01', 7)], LATER)).map((y) => ({ ...y, id: 'not its id' }));
    const laid = byId(layYearsOver(stored, [...later, ...twice, ...twiceAgain, ...misnamed]));
    expect([...laid.keys()].sort()).toEqual(['2024', '2026', '2027'].map((year) => usageYearId('id:A-1', '', 'activeUsers', year)).sort());
    expect(laid.get(usageYearId('id:A-1', '', 'activeUsers', '2026'))?.months[10]?.slice(0, 3)).toEqual([1, 2, null]);
    expect(laid.get(usageYearId('id:A-1', '', 'activeUsers', '2027'))?.months[0]?.slice(3, 7)).toEqual([null, 5, 6, null]);
    expect(laid.get(usageYearId('id:A-1', '', 'activeUsers', '2024'))?.months[1]?.[0]).toBe(7);
    // The same figures again: nothing to write.
    expect(layYearsOver(byId(first), first)).toEqual([]);
  });
});
