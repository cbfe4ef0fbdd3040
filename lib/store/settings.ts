import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { CsmSettings } from '../model/settings';

const KEY = 'csm';

/** The stored settings, or the defaults when none (or unreadable ones) are stored. */
export async function getSettings(db: IDBPDatabase<AdoptionDb>): Promise<CsmSettings> {
  const parsed = CsmSettings.safeParse((await db.get('settings', KEY)) ?? {});
  return parsed.success ? parsed.data : CsmSettings.parse({});
}

export async function saveSettings(db: IDBPDatabase<AdoptionDb>, settings: CsmSettings): Promise<void> {
  await db.put('settings', CsmSettings.parse(settings), KEY);
}
