import type { IDBPDatabase } from 'idb';
import { QuickLogDraft } from '../model/quick-log';
import type { AccountKey } from '../model/account';
import { parseStoredList } from '../db/records';
import type { AdoptionDb } from '../db/schema';

export async function saveDraft(db: IDBPDatabase<AdoptionDb>, draft: QuickLogDraft): Promise<void> {
  await db.put('drafts', draft);
}

/** The draft for an account; a damaged one is dropped rather than blocking the form. */
export async function getDraft(db: IDBPDatabase<AdoptionDb>, accountKey: AccountKey): Promise<QuickLogDraft | null> {
  const stored = await db.get('drafts', accountKey);
  return parseStoredList(QuickLogDraft, stored === undefined ? [] : [stored]).items[0] ?? null;
}

export async function clearDraft(db: IDBPDatabase<AdoptionDb>, accountKey: AccountKey): Promise<void> {
  await db.delete('drafts', accountKey);
}
