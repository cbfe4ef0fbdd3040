import { describe, expect, it } from 'vitest';
import { openAdoptionDb } from '../db/open';
import type { UsageRecord } from '../model/usage';
import { groupIntoMonths } from './months';
import { layMonthsIntoYears } from '../model/usage-year';
import { setUsageLink, storeUsageImport, usageSeriesForAccount, usageSourceAccounts } from './store';
import { ACCOUNT_KEY, uniqueDbName } from '@/tests/unit/factories';

const record = (date: string, value: number, sourceAccountKey = 'id:A-1'): UsageRecord => ({
  id: date, sourceAccountKey, account: { id: sourceAccountKey.slice(3), domain: '', name: '' }, date, metric: 'activeUsers', subscription: '', value, importedAt: '2026-11-01T00:00:00.000Z', source: 'f.csv',
});
const NOW = '2026-11-01T00:00:00.000Z';
/** Records as an import sends them: grouped into months, the months into years. */
const yearsOf = (records: UsageRecord[], at: string) => layMonthsIntoYears(new Map(), groupIntoMonths(records, at));
const LATER = '2026-11-05T00:00:00.000Z';
const link = (sourceAccountKey: string) => ({ sourceAccountKey, accountKey: ACCOUNT_KEY, how: 'record-id' as const, linkedAt: '2026-11-01T00:00:00.000Z' });

describe('usage store', () => {
  it('stores an import once however often it is imported, and reads it through the link', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const commit = { years: yearsOf([record('2026-11-01', 3), record('2026-11-02', 4)], NOW), links: [link('id:A-1')], mapping: null };
    await storeUsageImport(db, commit);
    await storeUsageImport(db, { ...commit, years: yearsOf([record('2026-11-01', 3), record('2026-11-02', 4)], LATER) });
    expect(await db.count('usageYears')).toBe(1);
    // The same figures imported again later are not written again.
    expect((await db.getAll('usageYears'))[0]?.updatedAt).toBe(NOW);
    expect((await usageSeriesForAccount(db, ACCOUNT_KEY))[0]?.points).toEqual([{ date: '2026-11-01', value: 3 }, { date: '2026-11-02', value: 4 }]);
  });

  it('writes nothing when any record of the import fails', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const good = yearsOf([record('2026-11-01', 3)], NOW);
    // A link whose key path is missing makes its put fail inside the transaction.
    const broken = { sourceAccountKey: undefined } as unknown as ReturnType<typeof link>;
    await expect(storeUsageImport(db, { years: good, links: [link('id:A-1'), broken], mapping: null })).rejects.toThrow();
    expect(await db.count('usageYears')).toBe(0);
    expect(await db.count('usageLinks')).toBe(0);
  });

  it('checks every record as it writes it: one that breaks its schema is named, and nothing is stored', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const [good] = yearsOf([record('2026-11-01', 3)], NOW);
    if (!good) throw new Error('no year');
    const infinite = { ...good, id: `${good.id}-b`, months: good.months.map((m) => m && m.map((v) => (v === null ? null : Infinity))) };
    const error = await storeUsageImport(db, { years: [good, infinite], links: [link('id:A-1')], mapping: null }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'internal', detail: expect.stringMatching(/^usage year not stored: months\.10\.0: /) });
    expect(await db.count('usageYears')).toBe(0);
    expect(await db.count('usageLinks')).toBe(0);
  });

  it('lists usage accounts with their links, and remembers a link made by hand', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    await storeUsageImport(db, { years: yearsOf([record('2026-11-01', 3, 'id:B-2'), record('2026-11-01', 5, 'id:A-1')], NOW), links: [link('id:A-1')], mapping: null });
    const before = await usageSourceAccounts(db);
    expect(before.map((s) => [s.sourceAccountKey, s.link?.how ?? null])).toEqual([['id:A-1', 'record-id'], ['id:B-2', null]]);
    await setUsageLink(db, 'id:B-2', ACCOUNT_KEY, new Date('2026-11-03T00:00:00Z'));
    expect((await usageSourceAccounts(db)).find((s) => s.sourceAccountKey === 'id:B-2')?.link?.how).toBe('manual');
    expect((await usageSeriesForAccount(db, ACCOUNT_KEY))[0]?.points).toEqual([{ date: '2026-11-01', value: 8 }]);
  });

  it('keeps a year of months in one record, and a later file covering part of a month keeps the days it lacks', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const first = yearsOf([record('2026-01-31', 1), record('2026-06-01', 2), record('2026-11-01', 3), record('2026-11-02', 4), record('2025-12-31', 9)], NOW);
    await storeUsageImport(db, { years: first, links: [link('id:A-1')], mapping: null });
    expect(await db.count('usageYears')).toBe(2);
    await storeUsageImport(db, { years: yearsOf([record('2026-11-02', 40), record('2026-11-03', 50)], LATER), links: [], mapping: null });
    expect(await db.count('usageYears')).toBe(2);
    expect((await usageSeriesForAccount(db, ACCOUNT_KEY))[0]?.points).toEqual([
      { date: '2025-12-31', value: 9 },
      { date: '2026-01-31', value: 1 },
      { date: '2026-06-01', value: 2 },
      { date: '2026-11-01', value: 3 },
      { date: '2026-11-02', value: 40 },
      { date: '2026-11-03', value: 50 },
    ]);
  });
});
