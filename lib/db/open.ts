import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, MIGRATIONS, type AdoptionDb } from './schema';

/** Why an open connection went away. */
export type ClosedBecause =
  /** Another context asked for a newer version (an updated extension): this connection closed itself so that upgrade can run. */
  | 'versionchange'
  /** The browser closed the connection abnormally (storage cleared, disk error, the database deleted). */
  | 'terminated';

export interface ConnectionEvents {
  /** The open waits: another connection of an older version is open and has not closed. The open goes on and completes once it does. */
  blocked?: () => void;
  /** The opened connection is closed and must not be used again: open a new one. */
  closed?: (why: ClosedBecause) => void;
}

/**
 * Opens the database, running every migration after the version it was stored at. Every
 * connection closes itself at once when another context asks for a newer version
 * (`versionchange`), so an update of the extension is never held up by a connection of the
 * old one; `events` says when that happens, and when this open is itself held up.
 */
export async function openAdoptionDb(name = DB_NAME, version = DB_VERSION, events: ConnectionEvents = {}): Promise<IDBPDatabase<AdoptionDb>> {
  // Migrations are written against the untyped database (old versions had other shapes);
  // once they have run, the database has the current typed shape.
  const db = await openDB(name, version, {
    upgrade(upgrading, oldVersion, newVersion, tx) {
      const target = newVersion ?? version;
      // Steps run in order; one that reads the store first is waited for. A failed step aborts
      // the upgrade, which leaves the database at its old version.
      const runFrom = (first: number): void => {
        for (let v = first; v < target; v++) {
          const running = MIGRATIONS[v]?.(upgrading, tx);
          if (running) {
            running.then(
              () => runFrom(v + 1),
              () => {
                try {
                  tx.abort();
                } catch {
                  // Already aborted by the failed request itself.
                }
              },
            );
            return;
          }
        }
      };
      runFrom(oldVersion);
    },
    blocked() {
      events.blocked?.();
    },
    blocking(_current, _blocked, event) {
      // Transactions already running finish; new ones on this connection fail.
      (event.target as IDBDatabase).close();
      events.closed?.('versionchange');
    },
    terminated() {
      events.closed?.('terminated');
    },
  });
  return db as unknown as IDBPDatabase<AdoptionDb>;
}
