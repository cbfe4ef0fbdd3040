import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { UsageSourceConfig, UsageSourceStatus } from './source';

/** Keys in the `settings` store. */
export const SOURCE_KEY = 'usage-source';
export const SOURCE_STATUS_KEY = 'usage-source-status';

export async function getUsageSource(db: IDBPDatabase<AdoptionDb>): Promise<UsageSourceConfig | null> {
  const parsed = UsageSourceConfig.safeParse(await db.get('settings', SOURCE_KEY));
  return parsed.success ? parsed.data : null;
}

export async function getUsageSourceStatus(db: IDBPDatabase<AdoptionDb>): Promise<UsageSourceStatus> {
  const parsed = UsageSourceStatus.safeParse((await db.get('settings', SOURCE_STATUS_KEY)) ?? {});
  return parsed.success ? parsed.data : UsageSourceStatus.parse({});
}

export async function saveUsageSource(db: IDBPDatabase<AdoptionDb>, config: UsageSourceConfig | null): Promise<void> {
  if (config === null) {
    const tx = db.transaction('settings', 'readwrite');
    await Promise.all([tx.store.delete(SOURCE_KEY), tx.store.delete(SOURCE_STATUS_KEY), tx.done]);
    return;
  }
  await db.put('settings', UsageSourceConfig.parse(config), SOURCE_KEY);
}

export async function saveUsageSourceStatus(db: IDBPDatabase<AdoptionDb>, status: UsageSourceStatus): Promise<void> {
  await db.put('settings', UsageSourceStatus.parse(status), SOURCE_STATUS_KEY);
}
