import type { IDBPDatabase } from 'idb';
import { AppError } from '../errors';
import { openAdoptionDb } from './open';
import { DB_NAME, DB_VERSION, type AdoptionDb } from './schema';

/** The database for the next request: the open connection, or a new one. */
export type DbAccess = () => Promise<IDBPDatabase<AdoptionDb>>;

/**
 * How long an open may take before requests are told the store is blocked although the browser
 * has not said so: an open queued behind another context's upgrade, itself blocked, gets no
 * `blocked` event of its own. Opening takes milliseconds otherwise.
 */
export const STALLED_OPEN_MS = 10_000;

export interface DbConnectionOptions {
  name?: string;
  version?: number;
  /** See STALLED_OPEN_MS. */
  stalledAfterMs?: number;
  /**
   * An open that had been reported blocked has completed: what failed with `store-blocked` may be
   * done again now (e.g. ask the tabs whose sidebar is still waiting to send their record again).
   */
  onRecovered?: () => void;
}

/** One open of the database, from the request to its connection's close. */
interface Attempt {
  opened: Promise<IDBPDatabase<AdoptionDb>>;
  db?: IDBPDatabase<AdoptionDb>;
  /** Set while the open waits on another connection: requests fail with it at once. */
  blocked?: AppError;
  /** Requests waiting for this open, failed when it turns out to be blocked. */
  readonly waiting: Set<(error: AppError) => void>;
}

/**
 * The background's one connection, opened on first use and kept. It is never waited on silently:
 *
 * - another context asks for a newer version (`versionchange`): the connection closes at once
 *   (openAdoptionDb) and is forgotten; the next request opens a new one.
 * - the browser closes it abnormally (`terminated`): forgotten; the next request reopens.
 * - the open is `blocked` by another connection of an older version that does not close (or
 *   takes longer than `stalledAfterMs`): the requests waiting, and every request after, fail
 *   with `store-blocked` while the open goes on; once the other connection closes, the open
 *   completes and the next request gets the database.
 * - the open fails: forgotten; the next request tries again.
 */
export function createDbConnection(options: DbConnectionOptions = {}): DbAccess {
  const { name = DB_NAME, version = DB_VERSION, stalledAfterMs = STALLED_OPEN_MS, onRecovered } = options;
  let current: Attempt | undefined;

  const start = (): Attempt => {
    const attempt: Attempt = { opened: undefined as never, waiting: new Set() };
    const forget = () => {
      if (current === attempt) current = undefined;
    };
    const block = (detail: string) => {
      if (attempt.db || attempt.blocked) return;
      attempt.blocked = new AppError('store-blocked', detail);
      for (const fail of attempt.waiting) fail(attempt.blocked);
      attempt.waiting.clear();
    };
    const stall = setTimeout(() => block(`the database did not open within ${stalledAfterMs / 1000} s`), stalledAfterMs);
    attempt.opened = openAdoptionDb(name, version, {
      blocked: () => block(`the upgrade to version ${version} waits for another connection of an older version to close`),
      closed: forget,
    }).then(
      (db) => {
        clearTimeout(stall);
        const wasBlocked = attempt.blocked !== undefined;
        attempt.blocked = undefined;
        attempt.db = db;
        if (wasBlocked) onRecovered?.();
        return db;
      },
      (error: unknown) => {
        clearTimeout(stall);
        forget();
        throw error;
      },
    );
    // A failed open nobody waits for (every request already told it is blocked) is not unhandled.
    attempt.opened.catch(() => undefined);
    return attempt;
  };

  return () => {
    current ??= start();
    const attempt = current;
    if (attempt.db) return Promise.resolve(attempt.db);
    if (attempt.blocked) return Promise.reject(attempt.blocked);
    return new Promise((resolve, reject) => {
      attempt.waiting.add(reject);
      attempt.opened.then(resolve, reject).finally(() => attempt.waiting.delete(reject));
    });
  };
}

/**
 * Runs one task on a connection of its own, closed when the task is done: for a context that
 * writes seldom and must not hold the database open (the usage-import worker). Like the
 * background's connection, an open held up by an older connection fails with `store-blocked`
 * instead of waiting silently; if it completes later, it is closed at once.
 */
export async function withOwnConnection<T>(task: (db: IDBPDatabase<AdoptionDb>) => Promise<T>, options: Omit<DbConnectionOptions, 'onRecovered'> = {}): Promise<T> {
  // Recovered means it had been blocked, and the task was then told so: nobody uses this connection.
  const access = createDbConnection({ ...options, onRecovered: () => void access().then((db) => db.close(), () => undefined) });
  const db = await access();
  try {
    return await task(db);
  } finally {
    db.close();
  }
}
