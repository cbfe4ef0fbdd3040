import { describe, expect, it } from 'vitest';
import { openDB, unwrap, type IDBPDatabase } from 'idb';
import { forceCloseDatabase } from 'fake-indexeddb';
import { createDbConnection, withOwnConnection, type DbAccess } from './connection';
import { openAdoptionDb } from './open';
import { DB_VERSION, MIGRATIONS, type AdoptionDb } from './schema';
import type { StoreRecord } from './stores';
import { AppError } from '../errors';
import { ACCOUNT_KEY, uniqueDbName } from '@/tests/unit/factories';

/** A connection of an older version of the extension that has no versionchange handler: it never closes by itself. */
function openOldRaw(name: string, version = DB_VERSION - 1): Promise<IDBPDatabase> {
  return openDB(name, version, {
    upgrade: (db, from, to, tx) => MIGRATIONS.slice(from, to ?? version).forEach((migrate) => migrate(db, tx)),
  });
}

/** The error code a request gets, or 'ok'. */
async function outcome(db: DbAccess): Promise<string> {
  try {
    await db();
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

const SEEN = '2026-01-01T00:00:00.000Z';
const ACCOUNT: StoreRecord<'accounts'> = { key: ACCOUNT_KEY, crm: 'salesforce', recordId: '001Dn00000ABCDEAA1', name: 'Globex', url: 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABCDEAA1/view', firstSeenAt: SEEN, lastSeenAt: SEEN };

describe('the background’s database connection', () => {
  it('opens once and hands the same connection to every request', async () => {
    let recovered = 0;
    const db = createDbConnection({ name: uniqueDbName(), onRecovered: () => recovered++ });
    const [a, b] = await Promise.all([db(), db()]);
    expect(a).toBe(b);
    expect(await db()).toBe(a);
    expect(a.version).toBe(DB_VERSION);
    // Nothing was blocked: nothing to recover from.
    expect(recovered).toBe(0);
    a.close();
  });

  it('closes itself for a newer version, which upgrades at once', async () => {
    const name = uniqueDbName();
    // The extension before an update, and after it (the background of the new version).
    const before = createDbConnection({ name, version: DB_VERSION - 1 });
    await (await before()).put('accounts', ACCOUNT);
    const after = createDbConnection({ name });
    const upgraded = await after();
    expect(upgraded.version).toBe(DB_VERSION);
    expect(await upgraded.get('accounts', ACCOUNT_KEY)).toEqual(ACCOUNT);
    // The old one opens again at its version, which the browser refuses: an error, not a wait.
    await expect(before()).rejects.toMatchObject({ name: 'VersionError' });
    upgraded.close();
  });

  it('reopens on the next request after its connection was closed for another context', async () => {
    const name = uniqueDbName();
    const db = createDbConnection({ name });
    const first = await db();
    await first.put('accounts', ACCOUNT);
    // Another context deletes the database (its delete is not held up by this connection).
    let deleteBlocked = false;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onblocked = () => (deleteBlocked = true);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    expect(deleteBlocked).toBe(false);
    const second = await db();
    expect(second).not.toBe(first);
    expect(await second.get('accounts', ACCOUNT_KEY)).toBeUndefined();
    second.close();
  });

  it('reopens on the next request after the browser closed its connection (terminated)', async () => {
    const db = createDbConnection({ name: uniqueDbName() });
    const first = await db();
    await first.put('accounts', ACCOUNT);
    // fake-indexeddb's types ask for the class, its code takes the connection.
    forceCloseDatabase(unwrap(first) as unknown as Parameters<typeof forceCloseDatabase>[0]);
    const second = await db();
    expect(second).not.toBe(first);
    expect(await second.get('accounts', ACCOUNT_KEY)).toEqual(ACCOUNT);
    second.close();
  });

  it('a blocked upgrade recovers: requests say the store is blocked, and succeed once the old connection closes', async () => {
    const name = uniqueDbName();
    const old = await openOldRaw(name);
    await old.put('accounts', ACCOUNT);
    // Only the browser's `blocked` event can say so here: the stall timer is far away.
    let recovered = 0;
    const db = createDbConnection({ name, stalledAfterMs: 600_000, onRecovered: () => recovered++ });

    // The request waiting for the open is told, not left waiting; so is every request after.
    const error = await db().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('store-blocked');
    expect(await outcome(db)).toBe('store-blocked');
    expect(recovered).toBe(0);

    old.close();
    // The open was kept going: it completes now, says so, and the next request gets the upgraded database.
    await expect.poll(() => recovered).toBe(1);
    expect(await outcome(db)).toBe('ok');
    const upgraded = await db();
    expect(upgraded.version).toBe(DB_VERSION);
    expect(await upgraded.get('accounts', ACCOUNT_KEY)).toEqual(ACCOUNT);
    expect([...upgraded.objectStoreNames]).toContain('portfolioCache');
    upgraded.close();
  });

  it('an open queued behind another blocked upgrade is reported blocked too, and recovers', async () => {
    const name = uniqueDbName();
    const old = await openOldRaw(name, DB_VERSION - 2);
    // Another context upgrading to DB_VERSION - 1 is blocked by `old`; this open queues behind it
    // and gets no `blocked` event of its own: after `stalledAfterMs` it is reported all the same.
    const other = openAdoptionDb(name, DB_VERSION - 1);
    const db = createDbConnection({ name, stalledAfterMs: 50 });
    expect(await outcome(db)).toBe('store-blocked');
    old.close();
    const between = await other;
    expect(between.version).toBe(DB_VERSION - 1);
    // `between` closes itself for this open (openAdoptionDb), which then completes.
    await expect.poll(() => outcome(db)).toBe('ok');
    const upgraded = await db();
    expect(upgraded.version).toBe(DB_VERSION);
    upgraded.close();
  });

  it('a connection of its own (the import worker’s) is closed once its task is done', async () => {
    const name = uniqueDbName();
    let used: IDBPDatabase<AdoptionDb> | undefined;
    const stored = await withOwnConnection(async (db) => {
      used = db;
      await db.put('accounts', ACCOUNT);
      return db.count('accounts');
    }, { name });
    expect(stored).toBe(1);
    // A closed connection refuses new transactions.
    expect(() => used?.transaction('accounts')).toThrow(expect.objectContaining({ name: 'InvalidStateError' }));
    const failed = await withOwnConnection(async (db) => {
      used = db;
      throw new Error('the task failed');
    }, { name }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ message: 'the task failed' });
    expect(() => used?.transaction('accounts')).toThrow(expect.objectContaining({ name: 'InvalidStateError' }));
  });

  it('a connection of its own held up by an old one fails its task at once with store-blocked', async () => {
    const name = uniqueDbName();
    const old = await openOldRaw(name);
    let ran = false;
    const error = await withOwnConnection(async () => (ran = true), { name, stalledAfterMs: 600_000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'store-blocked' });
    expect(ran).toBe(false);
    old.close();
  });

  it('tries again on the next request after an open failed', async () => {
    const name = uniqueDbName();
    const newer = await openDB(name, DB_VERSION + 1);
    newer.close();
    const db = createDbConnection({ name });
    await expect(db()).rejects.toMatchObject({ name: 'VersionError' });
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
    });
    expect((await db()).version).toBe(DB_VERSION);
    (await db()).close();
  });
});
