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

/**
 * Changes the stored settings: read, changed and written in one transaction, so two changes made
 * at once (the settings form's save and a CRM interface switch) both stay.
 */
export async function updateSettings(db: IDBPDatabase<AdoptionDb>, change: (current: CsmSettings) => CsmSettings): Promise<CsmSettings> {
  const tx = db.transaction('settings', 'readwrite');
  const stored = CsmSettings.safeParse(await tx.store.get('csm'));
  const next = CsmSettings.parse(change(stored.success ? stored.data : CsmSettings.parse({})));
  await tx.store.put(next, 'csm');
  await tx.done;
  return next;
}
