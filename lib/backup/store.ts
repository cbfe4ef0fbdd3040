import type { IDBPDatabase } from 'idb';
import { abortTransaction, parseStoredList } from '../db/records';
import { UsageSourceConfig } from '../usage/source';
import type { AdoptionDb } from '../db/schema';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupRecords, SettingsEntry, type Backup, type BackupCounts } from './format';

const STORES = ['accounts', 'snapshots', 'interactions', 'drafts', 'goals', 'signals', 'stakeholders', 'settings', 'usageMonths', 'usageLinks', 'usageMappings', 'healthHistory'] as const satisfies readonly (keyof BackupRecords)[];

/** Every record of every store. Damaged records are left out and counted, so the file always restores. */
export async function exportBackup(db: IDBPDatabase<AdoptionDb>, now: Date): Promise<{ backup: Backup; damaged: number }> {
  const tx = db.transaction(STORES, 'readonly');
  let damaged = 0;
  const read = async <K extends Exclude<keyof BackupRecords, 'settings'>>(store: K): Promise<BackupRecords[K]> => {
    const list = parseStoredList(BackupRecords.shape[store].element, await tx.objectStore(store).getAll());
    damaged += list.damaged;
    return list.items as BackupRecords[K];
  };
  const settingsKeys = await tx.objectStore('settings').getAllKeys();
  const settingsValues = await tx.objectStore('settings').getAll();
  const settings = parseStoredList(SettingsEntry, settingsValues.map((value, i) => ({ key: settingsKeys[i], value })));
  for (const entry of settings.items) if (entry.key === 'usage-source') entry.value = { ...entry.value, token: '' };
  damaged += settings.damaged;
  const records: BackupRecords = {
    accounts: await read('accounts'),
    snapshots: await read('snapshots'),
    interactions: await read('interactions'),
    drafts: await read('drafts'),
    goals: await read('goals'),
    signals: await read('signals'),
    stakeholders: await read('stakeholders'),
    settings: settings.items,
    usageMonths: await read('usageMonths'),
    usageLinks: await read('usageLinks'),
    usageMappings: await read('usageMappings'),
    healthHistory: await read('healthHistory'),
  };
  await tx.done;
  return { backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), records }, damaged };
}

/**
 * Writes a parsed backup in one transaction: all of it or, on any failure, none of it.
 * Records are keyed by id, so restoring the same backup twice creates no duplicates.
 */
export async function restoreBackup(db: IDBPDatabase<AdoptionDb>, backup: Backup): Promise<BackupCounts> {
  const tx = db.transaction(STORES, 'readwrite');
  const { accounts, snapshots, interactions, drafts, goals, signals, stakeholders, settings, usageMonths, usageLinks, usageMappings, healthHistory } = backup.records;
  const writes: Promise<unknown>[] = [];
  try {
    for (const r of accounts) writes.push(tx.objectStore('accounts').put(r));
    for (const r of snapshots) writes.push(tx.objectStore('snapshots').put(r));
    for (const r of interactions) writes.push(tx.objectStore('interactions').put(r));
    for (const r of drafts) writes.push(tx.objectStore('drafts').put(r));
    for (const r of goals) writes.push(tx.objectStore('goals').put(r));
    for (const r of signals) writes.push(tx.objectStore('signals').put(r));
    for (const r of stakeholders) writes.push(tx.objectStore('stakeholders').put(r));
    for (const r of settings) {
      const store = tx.objectStore('settings');
      // Backups carry no token: keep the one this browser has for the same source.
      if (r.key === 'usage-source' && r.value.token === '') {
        writes.push(store.get(r.key).then((here) => {
          const local = UsageSourceConfig.safeParse(here);
          return store.put(local.success && local.data.url === r.value.url ? { ...r.value, token: local.data.token } : r.value, r.key);
        }));
      } else writes.push(store.put(r.value, r.key));
    }
    for (const r of usageMonths) writes.push(tx.objectStore('usageMonths').put(r));
    for (const r of usageLinks) writes.push(tx.objectStore('usageLinks').put(r));
    for (const r of usageMappings) writes.push(tx.objectStore('usageMappings').put(r));
    for (const r of healthHistory) writes.push(tx.objectStore('healthHistory').put(r));
    await Promise.all(writes);
    await tx.done;
  } catch (error) {
    abortTransaction(tx, writes);
    throw error;
  }
  return {
    accounts: accounts.length,
    snapshots: snapshots.length,
    interactions: interactions.length,
    drafts: drafts.length,
    goals: goals.length,
    signals: signals.length,
    stakeholders: stakeholders.length,
    settings: settings.length,
    usageMonths: usageMonths.length,
    usageLinks: usageLinks.length,
    usageMappings: usageMappings.length,
    healthHistory: healthHistory.length,
  };
}
