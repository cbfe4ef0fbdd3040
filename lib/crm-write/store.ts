import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { parseStored, parseStoredList } from '../db/records';
import { CrmWrite, type CrmWriteStatus, type WritableCrm } from '../model/crm-write';

/** The stored write of an interaction, or undefined. */
export async function getWrite(db: IDBPDatabase<AdoptionDb>, interactionId: string): Promise<CrmWrite | undefined> {
  const stored: unknown = await db.get('crmWrites', interactionId);
  return stored === undefined ? undefined : parseStored(CrmWrite, stored, `CRM write ${interactionId}`);
}

/**
 * Changes an interaction's write in one transaction, from what is stored at that moment (a save
 * may have asked for a newer revision while a write was on its way). `change` returns the new
 * record, or null to delete it; undefined leaves it as it is.
 */
export async function changeWrite(db: IDBPDatabase<AdoptionDb>, interactionId: string, change: (stored: CrmWrite | undefined) => CrmWrite | null | undefined): Promise<CrmWrite | undefined> {
  const tx = db.transaction('crmWrites', 'readwrite');
  const raw: unknown = await tx.store.get(interactionId);
  const stored = raw === undefined ? undefined : CrmWrite.safeParse(raw).data;
  const next = change(stored);
  if (next === null) await tx.store.delete(interactionId);
  else if (next !== undefined) await tx.store.put(CrmWrite.parse(next));
  await tx.done;
  return next ?? undefined;
}

/** Writes waiting whose time has come, oldest wish first. */
export async function dueWrites(db: IDBPDatabase<AdoptionDb>, now: Date): Promise<CrmWrite[]> {
  const { items } = parseStoredList(CrmWrite, await db.getAllFromIndex('crmWrites', 'byState', 'waiting'));
  const at = now.getTime();
  return items.filter((w) => Date.parse(w.nextAttemptAt) <= at).sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt));
}

/** When the next waiting write is due (null: none waits). */
export async function nextDue(db: IDBPDatabase<AdoptionDb>): Promise<string | null> {
  const { items } = parseStoredList(CrmWrite, await db.getAllFromIndex('crmWrites', 'byState', 'waiting'));
  return items.reduce<string | null>((min, w) => (min === null || w.nextAttemptAt < min ? w.nextAttemptAt : min), null);
}

/** Each touch's write on the account, as the timeline shows it. */
export async function writeStatuses(db: IDBPDatabase<AdoptionDb>, accountKey: string): Promise<CrmWriteStatus[]> {
  const { items } = parseStoredList(CrmWrite, await db.getAllFromIndex('crmWrites', 'byAccount', accountKey));
  return items.map(({ interactionId, crm, state, lastError, writtenAt, nextAttemptAt, attempts }) => ({ interactionId, crm, state, lastError, writtenAt, nextAttemptAt, attempts }));
}

/** The activity ids of the account's touches written from this browser: the team's touches are the others. */
export async function ownActivityIds(db: IDBPDatabase<AdoptionDb>, accountKey: string): Promise<Set<string>> {
  const { items } = parseStoredList(CrmWrite, await db.getAllFromIndex('crmWrites', 'byAccount', accountKey));
  return new Set(items.flatMap((w) => (w.activityId ? [w.activityId] : [])));
}

/** How many writes wait and how many failed, per CRM (the settings page's line). */
export async function writeCounts(db: IDBPDatabase<AdoptionDb>): Promise<Record<WritableCrm, { waiting: number; failed: number }>> {
  const counts: Record<WritableCrm, { waiting: number; failed: number }> = { salesforce: { waiting: 0, failed: 0 }, dynamics: { waiting: 0, failed: 0 }, hubspot: { waiting: 0, failed: 0 } };
  for (const state of ['waiting', 'failed'] as const) {
    const { items } = parseStoredList(CrmWrite, await db.getAllFromIndex('crmWrites', 'byState', state));
    for (const w of items) counts[w.crm][state]++;
  }
  return counts;
}

/** Failed writes (of one interaction, or all) wait again from now: the CSM asked to retry. */
export async function retryWrites(db: IDBPDatabase<AdoptionDb>, now: Date, interactionId?: string): Promise<void> {
  const tx = db.transaction('crmWrites', 'readwrite');
  const byState = tx.store.index('byState');
  const ids = interactionId ? [interactionId] : [...(await byState.getAllKeys('failed')), ...(await byState.getAllKeys('waiting'))];
  for (const id of ids) {
    const parsed = CrmWrite.safeParse(await tx.store.get(id));
    if (!parsed.success || (parsed.data.state !== 'failed' && parsed.data.state !== 'waiting')) continue;
    // An activity deleted in the CRM is written again as a new one (the error said so).
    const gone = parsed.data.lastError?.code === 'crm-gone';
    await tx.store.put({ ...parsed.data, state: 'waiting', attempts: 0, nextAttemptAt: now.toISOString(), updatedAt: now.toISOString(), ...(gone ? { activityId: null, createSentAt: null } : {}) });
  }
  await tx.done;
}
