import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { readSetting, writeSetting } from '../db/settings';
import type { SiteDefinition } from '../model/site-definition';

/** The taught sites, as stored (none when unreadable: a damaged document is never half-read). */
export async function siteDefinitions(db: IDBPDatabase<AdoptionDb>): Promise<SiteDefinition[]> {
  return (await readSetting(db, 'site-definitions')) ?? [];
}

/**
 * Stores a definition: replaces the one with its id, or the one for the same host and address (a
 * site taught again, or a teammate's file for a site already taught), else adds it.
 */
export async function saveSiteDefinition(db: IDBPDatabase<AdoptionDb>, definition: SiteDefinition): Promise<SiteDefinition[]> {
  const same = (d: SiteDefinition) => d.id === definition.id || (d.host === definition.host && JSON.stringify(d.address) === JSON.stringify(definition.address));
  const next = [...(await siteDefinitions(db)).filter((d) => !same(d)), definition];
  await writeSetting(db, 'site-definitions', next);
  return next;
}

export async function removeSiteDefinition(db: IDBPDatabase<AdoptionDb>, id: string): Promise<{ removed: SiteDefinition | null; left: SiteDefinition[] }> {
  const all = await siteDefinitions(db);
  const removed = all.find((d) => d.id === id) ?? null;
  const left = all.filter((d) => d.id !== id);
  await writeSetting(db, 'site-definitions', left);
  return { removed, left };
}
