import type { IDBPDatabase } from 'idb';
import { abortTransaction, parseStoredList } from '../db/records';
import type { AdoptionDb } from '../db/schema';
import { BACKED_UP_STORE_NAMES, BACKED_UP_STORES, LOCAL_SETTINGS, SETTINGS, SettingsEntry, type BackedUpStore, type SettingsKey } from '../db/stores';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type BackupCounts, type BackupRecords } from './format';

type RecordStore = Exclude<BackedUpStore, 'settings'>;
const RECORD_STORES = BACKED_UP_STORE_NAMES.filter((name): name is RecordStore => name !== 'settings');

/** Every record of every backed-up store. Damaged records are left out and counted, so the file always restores. */
export async function exportBackup(db: IDBPDatabase<AdoptionDb>, now: Date): Promise<{ backup: Backup; damaged: number }> {
  const tx = db.transaction(BACKED_UP_STORE_NAMES, 'readonly');
  let damaged = 0;
  const records: Partial<Record<BackedUpStore, unknown[]>> = {};
  for (const store of RECORD_STORES) {
    const list = parseStoredList(BACKED_UP_STORES[store], await tx.objectStore(store).getAll());
    damaged += list.damaged;
    records[store] = list.items;
  }
  // Settings keep their keys out of line: read both and pair them.
  const settingsKeys = await tx.objectStore('settings').getAllKeys();
  const settingsValues = await tx.objectStore('settings').getAll();
  const pairs = settingsValues.map((value, i) => ({ key: settingsKeys[i], value })).filter(({ key }) => !LOCAL_SETTINGS.has(key as SettingsKey));
  const settings = parseStoredList(SettingsEntry, pairs);
  // A backup file must not carry a credential.
  for (const entry of settings.items) if (entry.key === 'usage-source') entry.value = { ...entry.value, token: '' };
  damaged += settings.damaged;
  records.settings = settings.items;
  await tx.done;
  // Each list was parsed by its store's schema above, which is the backup's schema for it.
  return { backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), records: records as BackupRecords }, damaged };
}

/**
 * Writes a parsed backup in one transaction: all of it or, on any failure, none of it.
 * Records are keyed by id, so restoring the same backup twice creates no duplicates.
 */
export async function restoreBackup(db: IDBPDatabase<AdoptionDb>, backup: Backup): Promise<BackupCounts> {
  const tx = db.transaction(BACKED_UP_STORE_NAMES, 'readwrite');
  const writes: Promise<unknown>[] = [];
  try {
    for (const store of RECORD_STORES) {
      const objectStore = tx.objectStore(store);
      // Each list was validated by this store's schema (Backup); TypeScript cannot pair a union of stores with their lists.
      for (const record of backup.records[store]) writes.push(objectStore.put(record as never));
    }
    const settings = tx.objectStore('settings');
    for (const entry of backup.records.settings) {
      // Backups carry no token: keep the one this browser has for the same source.
      if (entry.key === 'usage-source' && entry.value.token === '') {
        const incoming = entry.value;
        writes.push(settings.get(entry.key).then((here) => {
          const local = SETTINGS['usage-source'].safeParse(here);
          return settings.put(local.success && local.data.url === incoming.url ? { ...incoming, token: local.data.token } : incoming, entry.key);
        }));
      } else writes.push(settings.put(entry.value, entry.key));
    }
    await Promise.all(writes);
    await tx.done;
  } catch (error) {
    abortTransaction(tx, writes);
    throw error;
  }
  return Object.fromEntries(BACKED_UP_STORE_NAMES.map((store) => [store, backup.records[store].length])) as BackupCounts;
}
