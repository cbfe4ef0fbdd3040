import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { readSetting, writeSetting } from '../db/settings';
import { UsageSourceStatus, type UsageSourceConfig } from './source';

export async function getUsageSource(db: IDBPDatabase<AdoptionDb>): Promise<UsageSourceConfig | null> {
  return readSetting(db, 'usage-source');
}

export async function getUsageSourceStatus(db: IDBPDatabase<AdoptionDb>): Promise<UsageSourceStatus> {
  return (await readSetting(db, 'usage-source-status')) ?? UsageSourceStatus.parse({});
}

export async function saveUsageSource(db: IDBPDatabase<AdoptionDb>, config: UsageSourceConfig | null): Promise<void> {
  if (config === null) {
    const tx = db.transaction('settings', 'readwrite');
    await Promise.all([tx.store.delete('usage-source'), tx.store.delete('usage-source-status'), tx.done]);
    return;
  }
  await writeSetting(db, 'usage-source', config);
}

export async function saveUsageSourceStatus(db: IDBPDatabase<AdoptionDb>, status: UsageSourceStatus): Promise<void> {
  await writeSetting(db, 'usage-source-status', status);
}
