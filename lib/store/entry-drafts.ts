import type { IDBPDatabase } from 'idb';
import { EntryDraft } from '../model/entry-draft';
import type { AccountKey } from '../model/account';
import { AppError } from '../errors';
import { parseStoredList } from '../db/records';
import type { AdoptionDb } from '../db/schema';

/**
 * Stores an editor's unsaved edit under the editor's own id. A change handled after a later one of
 * the same editor (requests can wake in any order after a worker restart) never overwrites it.
 */
export async function saveEntryDraft(db: IDBPDatabase<AdoptionDb>, draft: EntryDraft): Promise<void> {
  const tx = db.transaction('entryDrafts', 'readwrite');
  const stored = parseStoredList(EntryDraft, [await tx.store.get(draft.id)].filter((d) => d !== undefined)).items[0];
  if (stored && stored.accountKey !== draft.accountKey) {
    await tx.done;
    throw new AppError('gone', 'the draft under this id is another account’s');
  }
  if (!stored || stored.version.writer !== draft.version.writer || stored.version.seq < draft.version.seq) await tx.store.put(draft);
  await tx.done;
}

/**
 * The unsaved edits an opening sidebar offers again: the account's drafts no open editor is writing
 * (`heldElsewhere`: other tabs' drafts), oldest first. A damaged one is left out.
 */
export async function freeEntryDrafts(db: IDBPDatabase<AdoptionDb>, accountKey: AccountKey, heldElsewhere: ReadonlySet<string>): Promise<EntryDraft[]> {
  const { items } = parseStoredList(EntryDraft, await db.getAllFromIndex('entryDrafts', 'byAccount', accountKey));
  return items.filter((d) => !heldElsewhere.has(d.id)).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
}

/** Deletes one editor's draft of the account (saved or cancelled); a draft of another account under that id stays. */
export async function clearEntryDraft(db: IDBPDatabase<AdoptionDb>, accountKey: AccountKey, draftId: string): Promise<void> {
  const tx = db.transaction('entryDrafts', 'readwrite');
  const stored = await tx.store.get(draftId);
  if (stored?.accountKey === accountKey) await tx.store.delete(draftId);
  await tx.done;
}
