import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { readSetting, writeSetting } from '../db/settings';
import { CsmSettings } from '../model/settings';

/** The stored settings, or the defaults when none (or unreadable ones) are stored. */
export async function getSettings(db: IDBPDatabase<AdoptionDb>): Promise<CsmSettings> {
  return (await readSetting(db, 'csm')) ?? CsmSettings.parse({});
}

export async function saveSettings(db: IDBPDatabase<AdoptionDb>, settings: CsmSettings): Promise<void> {
  await writeSetting(db, 'csm', settings);
}
