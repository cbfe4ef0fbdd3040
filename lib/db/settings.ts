import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from './schema';
import { SETTINGS, type SettingsKey, type SettingsValue } from './stores';

/** A settings document, validated by its key's schema; null when none is stored or it is unreadable. */
export async function readSetting<K extends SettingsKey>(db: IDBPDatabase<AdoptionDb>, key: K): Promise<SettingsValue<K> | null> {
  const raw: unknown = await db.get('settings', key);
  if (raw === undefined) return null;
  const parsed = SETTINGS[key].safeParse(raw);
  // The schema picked by `key` is the one `SettingsValue<K>` names; TypeScript cannot follow the index.
  return parsed.success ? (parsed.data as SettingsValue<K>) : null;
}

export async function writeSetting<K extends SettingsKey>(db: IDBPDatabase<AdoptionDb>, key: K, value: SettingsValue<K>): Promise<void> {
  await db.put('settings', SETTINGS[key].parse(value), key);
}
