import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, MIGRATIONS, type AdoptionDb } from './schema';

/** Opens the database, running every migration after the version it was stored at. */
export async function openAdoptionDb(name = DB_NAME, version = DB_VERSION): Promise<IDBPDatabase<AdoptionDb>> {
  // Migrations are written against the untyped database (old versions had other shapes);
  // once they have run, the database has the current typed shape.
  const db = await openDB(name, version, {
    upgrade(upgrading, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) MIGRATIONS[v]?.(upgrading, tx);
    },
  });
  return db as unknown as IDBPDatabase<AdoptionDb>;
}
