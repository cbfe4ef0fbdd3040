import { describe, expect, it } from 'vitest';
import { buildPortfolio } from '../portfolio/rank';
import { localNow } from '../portfolio/time';
import { openAdoptionDb } from '../db/open';
import { CsmSettings } from '../model/settings';
import { parseBackup } from '../backup/parse';
import { restoreBackup } from '../backup/store';
import { computeHealth, healthTrend } from '../health';
import { recordVisit } from './visit';
import { recordsFromQuickLog, saveLoggedTouch } from './quick-log';
import { readAllAccountRecords } from './account-record';
import { healthInput } from './health';
import { portfolioRows } from './portfolio';
import { storeUsageImport } from '../usage/store';
import { portfolioBackup } from '@/scripts/bench/portfolio-browser.mjs';
import { ACCOUNT_KEY, quickLogForm, reading, sequentialIds, uniqueDbName } from '@/tests/unit/factories';

const settings = CsmSettings.parse({});

describe('the portfolio read from kept rows', () => {
  it('ranks exactly as ranking every account from all its records', async () => {
    const now = new Date('2026-11-25T09:00:00Z');
    const db = await openAdoptionDb(uniqueDbName());
    await restoreBackup(db, parseBackup(JSON.stringify(portfolioBackup(0, 12, now.getTime()))));
    const records = await readAllAccountRecords(db);
    const today = '2026-11-25';
    const expected = buildPortfolio(
      records.map((r) => {
        const current = computeHealth(healthInput(r, [], today, settings.healthWeights));
        const previous = computeHealth(healthInput(r, [], '2026-10-26', settings.healthWeights));
        return { ...r, health: { score: current.score, trend: healthTrend(current.score, previous.score), blindSpots: current.blindSpots.length } };
      }),
      { today: localNow(now), toneStaleDays: settings.toneStaleDays },
    );
    expect(expected).toHaveLength(12);
    expect(await portfolioRows(db, settings, now)).toEqual(expected);
    // Read again: from the kept rows this time, the same.
    expect(await db.count('portfolioCache')).toBe(12);
    expect(await portfolioRows(db, settings, now)).toEqual(expected);
  });

  it('drops the rows of the accounts a usage import touches, linked before it or by it, in the import itself', async () => {
    const now = new Date('2026-11-25T09:00:00Z');
    const db = await openAdoptionDb(uniqueDbName());
    await restoreBackup(db, parseBackup(JSON.stringify(portfolioBackup(0, 4, now.getTime()))));
    const [linkedBefore, linkedNow, untouched, linkedElsewhere] = (await portfolioRows(db, settings, now)).map((r) => r.accountKey);
    const at = now.toISOString();
    const link = (sourceAccountKey: string, accountKey: string | undefined) => ({ sourceAccountKey, accountKey: accountKey ?? '', how: 'manual' as const, linkedAt: at });
    // Linked before the import: one usage account in the file, one not.
    await storeUsageImport(db, { years: [], links: [link('id:B', linkedBefore), link('id:OTHER', linkedElsewhere)], mapping: null });
    const year = (sourceAccountKey: string) => ({
      id: `${sourceAccountKey}|2026|activeUsers`, sourceAccountKey, account: { id: sourceAccountKey, domain: '', name: '' }, subscription: '', metric: 'activeUsers', year: '2026',
      months: [...new Array(10).fill(null), [5, ...new Array(30).fill(null)], null], updatedAt: at, source: 'usage.csv',
    });
    expect(await db.count('portfolioCache')).toBe(4);
    const result = await storeUsageImport(db, { years: [year('id:B'), year('id:N'), year('id:UNLINKED')], links: [link('id:N', linkedNow)], mapping: null });
    expect(new Set(result.accountKeys)).toEqual(new Set([linkedBefore, linkedNow]));
    expect(await db.getAllKeys('portfolioCache')).toEqual([untouched, linkedElsewhere].sort());
  });

  it('drops the row of an account a quick log is saved to, in the save itself, and keeps the others', async () => {
    const now = new Date('2026-11-25T09:00:00Z');
    const db = await openAdoptionDb(uniqueDbName());
    await restoreBackup(db, parseBackup(JSON.stringify(portfolioBackup(0, 3, now.getTime()))));
    const rows = await portfolioRows(db, settings, now);
    expect(await db.count('portfolioCache')).toBe(3);
    const [saved, ...others] = rows.map((r) => r.accountKey);
    await saveLoggedTouch(db, recordsFromQuickLog(quickLogForm({ occurredAt: '2026-11-25T08:00:00.000Z' }), saved!, now, sequentialIds));
    expect(await db.getAllKeys('portfolioCache')).toEqual([...others].sort());
    // Read again, the saved touch is in its row.
    expect((await portfolioRows(db, settings, now)).find((r) => r.accountKey === saved)?.lastTouchAt).toBe('2026-11-25T08:00:00.000Z');
  });

  it('recomputes rows kept from an earlier day', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    await recordVisit(db, reading(), new Date('2026-11-20T09:00:00Z'), sequentialIds);
    const first = await portfolioRows(db, settings, new Date('2026-11-20T10:00:00Z'));
    expect(first.map((r) => r.accountKey)).toEqual([ACCOUNT_KEY]);
    // A touch saved without the rows being redone: the next day recomputes and sees it.
    await saveLoggedTouch(db, recordsFromQuickLog(quickLogForm({ occurredAt: '2026-11-21T09:00:00.000Z' }), ACCOUNT_KEY, new Date('2026-11-21T09:05:00Z'), sequentialIds));
    const later = await portfolioRows(db, settings, new Date('2026-11-22T10:00:00Z'));
    expect(later[0]?.lastTouchAt).toBe('2026-11-21T09:00:00.000Z');
  });
});
