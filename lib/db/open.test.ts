import { describe, expect, it, vi } from 'vitest';
import { deleteDB, openDB } from 'idb';
import { openAdoptionDb } from './open';
import { DB_VERSION, MIGRATIONS } from './schema';
import { timelinePage } from '../store/timeline';
import { recordVisit } from '../store/visit';
import { getDraft } from '../store/drafts';
import { accountOverview } from '../store/overview';
import { getSettings } from '../store/settings';
import { usageSeriesForAccount } from '../usage/store';
import { EMPTY_QUICK_LOG } from '../model/quick-log';
import { layMonthsIntoYears } from '../model/usage-year';
import { ACCOUNT_KEY, LEGACY_ACCOUNT_KEY, reading, sequentialIds, uniqueDbName } from '@/tests/unit/factories';

/**
 * Data as each older version stored it, written with the raw IndexedDB API of that version. Every
 * version before 7 keyed accounts without their org: the upgrade moves them to ACCOUNT_KEY.
 */
const SEEDS: Record<number, (db: IDBDatabase) => Promise<void>> = {
  1: async (db) => {
    const tx = db.transaction(['accounts', 'snapshots', 'interactions'], 'readwrite');
    tx.objectStore('accounts').put({ key: LEGACY_ACCOUNT_KEY, crm: 'salesforce', recordId: '001Dn00000ABCDEAA1', name: 'Globex', url: 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABCDEAA1/view', firstSeenAt: '2026-01-01T00:00:00.000Z', lastSeenAt: '2026-01-01T00:00:00.000Z' });
    tx.objectStore('snapshots').put({ id: 's1', accountKey: LEGACY_ACCOUNT_KEY, visitId: 'old', takenAt: '2026-01-01T00:00:00.000Z', fields: [{ key: 'Industry', label: 'Industry', value: 'Retail' }] });
    tx.objectStore('interactions').put({ id: 'i1', accountKey: LEGACY_ACCOUNT_KEY, type: 'call', occurredAt: '2026-01-02T09:00:00.000Z', tone: 'neutral', notes: 'v1 note', createdAt: '2026-01-02T09:00:00.000Z', updatedAt: '2026-01-02T09:00:00.000Z' });
    tx.objectStore('interactions').put({ id: 'i2', accountKey: LEGACY_ACCOUNT_KEY, type: 'email', occurredAt: '2026-01-05T09:00:00.000Z', tone: null, notes: 'later v1 note', createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z' });
    await done(tx);
  },
  2: async (db) => {
    await SEEDS[1]!(db);
    const tx = db.transaction(['drafts'], 'readwrite');
    tx.objectStore('drafts').put({ accountKey: LEGACY_ACCOUNT_KEY, form: { ...EMPTY_QUICK_LOG, notes: 'half-typed' }, updatedAt: '2026-01-06T00:00:00.000Z' });
    await done(tx);
  },
  3: async (db) => {
    await SEEDS[2]!(db);
    const tx = db.transaction(['goals', 'settings'], 'readwrite');
    tx.objectStore('goals').put({ id: 'g1', accountKey: LEGACY_ACCOUNT_KEY, title: 'Roll out to sales', successLooksLike: '', horizon: 'light', targetDate: null, metric: null, statusHistory: [{ status: 'working', changedAt: '2026-01-03T00:00:00.000Z', perceivedBy: '', reason: '' }], createdAt: '2026-01-03T00:00:00.000Z', updatedAt: '2026-01-03T00:00:00.000Z', revision: 0 });
    // Settings saved before health weights existed: they must still read, weights defaulted.
    tx.objectStore('settings').put({ toneStaleDays: 21 }, 'csm');
    await done(tx);
  },
  4: async (db) => {
    await SEEDS[3]!(db);
    await seedUsage(db, LEGACY_ACCOUNT_KEY);
  },
  // Version 5 added only a derived cache; its drafts are still one per account, keyed by it (version 6 moves them).
  5: async (db) => {
    await SEEDS[4]!(db);
  },
  // Version 6: drafts by their own id; accounts still keyed without their org (version 7 moves them).
  6: async (db) => {
    await SEEDS[1]!(db);
    await seedUsage(db, LEGACY_ACCOUNT_KEY);
    const tx = db.transaction(['drafts', 'goals', 'settings'], 'readwrite');
    tx.objectStore('drafts').put({ id: 'form-1', accountKey: LEGACY_ACCOUNT_KEY, form: { ...EMPTY_QUICK_LOG, notes: 'half-typed' }, updatedAt: '2026-01-06T00:00:00.000Z' });
    tx.objectStore('goals').put({ id: 'g1', accountKey: LEGACY_ACCOUNT_KEY, title: 'Roll out to sales', successLooksLike: '', horizon: 'light', targetDate: null, metric: null, statusHistory: [{ status: 'working', changedAt: '2026-01-03T00:00:00.000Z', perceivedBy: '', reason: '' }], createdAt: '2026-01-03T00:00:00.000Z', updatedAt: '2026-01-03T00:00:00.000Z', revision: 0 });
    tx.objectStore('settings').put({ toneStaleDays: 21 }, 'csm');
    await done(tx);
  },
  // Version 7: accounts keyed by org (the upgrade to 8 only adds the learnt field names).
  7: (db) => seedKeyedByOrg(db),
  // Version 8: the learnt field names (the upgrade to 9 only adds the handovers store).
  8: (db) => seedKeyedByOrg(db),
  // Version 9: handovers (the upgrade to 10 only adds the CRM writes store).
  9: (db) => seedKeyedByOrg(db),
  // Version 10: usage by month (version 11 keeps it by year).
  10: (db) => seedKeyedByOrg(db),
  // Version 11: usage by year (the upgrade to 12 only adds the entry editors' drafts).
  11: (db) => seedKeyedByOrg(db, seedUsageYears),
};

const usageMonth = (month: string, days: (number | null)[]) => ({
  id: JSON.stringify(['id:GX', '', 'activeUsers', month]), sourceAccountKey: 'id:GX', account: { id: 'GX', domain: '', name: 'Globex' }, subscription: '', metric: 'activeUsers' as const, month, days, updatedAt: '2026-01-04T00:00:00.000Z', source: 'usage.csv',
});
const usageDays = (first: number) => [first, first + 1, ...new Array<null>(29).fill(null)];
const USAGE_MONTHS = [usageMonth('2025-12', usageDays(5)), usageMonth('2026-01', usageDays(10)), usageMonth('2026-02', usageDays(20))];

/** A usage link and usage months as versions 4 to 10 stored them: one record a month, and one record that never parsed. */
async function seedUsage(db: IDBDatabase, accountKey: string): Promise<void> {
  const tx = db.transaction(['usageLinks', 'usageMonths'], 'readwrite');
  tx.objectStore('usageLinks').put({ sourceAccountKey: 'id:GX', accountKey, how: 'manual', linkedAt: '2026-01-04T00:00:00.000Z' });
  for (const month of USAGE_MONTHS) tx.objectStore('usageMonths').put(month);
  tx.objectStore('usageMonths').put({ id: 'broken', sourceAccountKey: 'id:GX', month: 'not a month' });
  await done(tx);
}

/** The same link and usage as version 11 stores it: one record a year. */
async function seedUsageYears(db: IDBDatabase, accountKey: string): Promise<void> {
  const tx = db.transaction(['usageLinks', 'usageYears'], 'readwrite');
  tx.objectStore('usageLinks').put({ sourceAccountKey: 'id:GX', accountKey, how: 'manual', linkedAt: '2026-01-04T00:00:00.000Z' });
  for (const year of layMonthsIntoYears(new Map(), USAGE_MONTHS)) tx.objectStore('usageYears').put(year);
  await done(tx);
}

/** Data as versions 7 and later store it: accounts keyed by org. */
async function seedKeyedByOrg(db: IDBDatabase, usage = seedUsage): Promise<void> {
  const tx = db.transaction(['accounts', 'snapshots', 'interactions', 'drafts', 'goals', 'settings'], 'readwrite');
  tx.objectStore('accounts').put({ key: ACCOUNT_KEY, crm: 'salesforce', recordId: '001Dn00000ABCDEAA1', name: 'Globex', url: 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABCDEAA1/view', firstSeenAt: '2026-01-01T00:00:00.000Z', lastSeenAt: '2026-01-01T00:00:00.000Z' });
  tx.objectStore('snapshots').put({ id: 's1', accountKey: ACCOUNT_KEY, visitId: 'old', takenAt: '2026-01-01T00:00:00.000Z', fields: [{ key: 'Industry', label: 'Industry', value: 'Retail' }] });
  tx.objectStore('interactions').put({ id: 'i1', accountKey: ACCOUNT_KEY, type: 'call', occurredAt: '2026-01-02T09:00:00.000Z', tone: 'neutral', notes: 'v1 note', createdAt: '2026-01-02T09:00:00.000Z', updatedAt: '2026-01-02T09:00:00.000Z' });
  tx.objectStore('interactions').put({ id: 'i2', accountKey: ACCOUNT_KEY, type: 'email', occurredAt: '2026-01-05T09:00:00.000Z', tone: null, notes: 'later v1 note', createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z' });
  tx.objectStore('drafts').put({ id: 'form-1', accountKey: ACCOUNT_KEY, form: { ...EMPTY_QUICK_LOG, notes: 'half-typed' }, updatedAt: '2026-01-06T00:00:00.000Z' });
  tx.objectStore('goals').put({ id: 'g1', accountKey: ACCOUNT_KEY, title: 'Roll out to sales', successLooksLike: '', horizon: 'light', targetDate: null, metric: null, statusHistory: [{ status: 'working', changedAt: '2026-01-03T00:00:00.000Z', perceivedBy: '', reason: '' }], createdAt: '2026-01-03T00:00:00.000Z', updatedAt: '2026-01-03T00:00:00.000Z', revision: 0 });
  tx.objectStore('settings').put({ toneStaleDays: 21 }, 'csm');
  await done(tx);
  await usage(db, ACCOUNT_KEY);
}

function done(tx: IDBTransaction) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
}

describe('database migrations', () => {
  it('has seed data for every older version', () => {
    for (let v = 1; v < DB_VERSION; v++) expect(SEEDS[v], `seed for version ${v}`).toBeDefined();
  });

  for (let version = 1; version < MIGRATIONS.length; version++) {
    it(`upgrades a version-${version} database with its data intact`, async () => {
      const name = uniqueDbName();
      const old = await openAdoptionDb(name, version);
      await SEEDS[version]!(old as unknown as IDBDatabase);
      old.close();

      const db = await openAdoptionDb(name);
      expect(db.version).toBe(DB_VERSION);
      const timeline = await timelinePage(db, { accountKey: ACCOUNT_KEY, kinds: ['interaction'], before: null, limit: 10 });
      expect(timeline.damaged).toBe(0);
      expect(timeline.entries.map((e) => e.kind === 'interaction' && e.interaction.notes)).toEqual(['later v1 note', 'v1 note']);
      expect((await getDraft(db, ACCOUNT_KEY))?.form.notes ?? null).toBe(version >= 2 ? 'half-typed' : null);
      const visit = await recordVisit(db, reading({ fields: [{ key: 'Industry', label: 'Industry', value: 'Manufacturing' }] }), new Date('2026-02-01T00:00:00Z'), sequentialIds);
      expect(visit.changes).toEqual([{ key: 'Industry', label: 'Industry', before: 'Retail', after: 'Manufacturing' }]);
      expect(visit.account.firstSeenAt).toBe('2026-01-01T00:00:00.000Z');
      if (version >= 3) {
        expect((await accountOverview(db, ACCOUNT_KEY)).goals.map((g) => g.title)).toEqual(['Roll out to sales']);
        const settings = await getSettings(db);
        expect(settings.toneStaleDays).toBe(21);
        expect(settings.healthWeights.usage).toBeGreaterThan(0);
      }
      if (version >= 4) {
        // Usage months move into their years: December 2025 in one, January and February 2026 in another.
        expect(await db.count('usageYears')).toBe(2);
        expect((await usageSeriesForAccount(db, ACCOUNT_KEY)).map((s) => s.points.map((p) => `${p.date}=${p.value}`).join(' '))).toEqual([
          '2025-12-01=5 2025-12-02=6 2026-01-01=10 2026-01-02=11 2026-02-01=20 2026-02-02=21',
        ]);
      }
      db.close();
    });
  }

  it('creates the current schema from nothing', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    expect([...db.objectStoreNames].sort()).toEqual(['accounts', 'crmWrites', 'drafts', 'entryDrafts', 'fieldNames', 'goals', 'handovers', 'healthHistory', 'interactions', 'portfolioCache', 'settings', 'signals', 'snapshots', 'stakeholders', 'usageLinks', 'usageMappings', 'usageYears']);
    db.close();
  });
});

describe('a connection and a newer version', () => {
  it('closes itself when another context asks for a newer version, so that upgrade runs at once', async () => {
    const name = uniqueDbName();
    const closed = vi.fn();
    const current = await openAdoptionDb(name, DB_VERSION, { closed });
    const blocked = vi.fn();
    // The next version of the extension, as another page would open it.
    const newer = await openDB(name, DB_VERSION + 1, {
      blocked,
      upgrade: (db) => void db.createObjectStore('fromTheFuture'),
    });
    expect(blocked).not.toHaveBeenCalled();
    expect(closed).toHaveBeenCalledWith('versionchange');
    expect(newer.version).toBe(DB_VERSION + 1);
    expect([...newer.objectStoreNames]).toContain('fromTheFuture');
    expect(() => current.transaction('accounts')).toThrow();
    newer.close();
  });

  it('lets the database be deleted elsewhere', async () => {
    const name = uniqueDbName();
    const closed = vi.fn();
    await openAdoptionDb(name, DB_VERSION, { closed });
    const blocked = vi.fn();
    await deleteDB(name, { blocked });
    expect(blocked).not.toHaveBeenCalled();
    expect(closed).toHaveBeenCalledWith('versionchange');
  });

  it('says when its own upgrade waits for an older connection that does not close', async () => {
    const name = uniqueDbName();
    // An older version's connection with no versionchange handler.
    const old = await openDB(name, DB_VERSION - 1, { upgrade: (db, from, to, tx) => MIGRATIONS.slice(from, to ?? 0).forEach((m) => m(db, tx)) });
    let opened = false;
    const blocked = vi.fn();
    const upgrading = openAdoptionDb(name, DB_VERSION, { blocked }).then((db) => {
      opened = true;
      return db;
    });
    await vi.waitFor(() => expect(blocked).toHaveBeenCalled());
    expect(opened).toBe(false);
    old.close();
    const db = await upgrading;
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });
});
