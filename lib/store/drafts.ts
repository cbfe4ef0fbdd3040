import type { IDBPDatabase } from 'idb';
import { applyNotesEdit, QuickLogDraft, type DraftVersion, type QuickLogDraftUpdate } from '../model/quick-log';
import { AppError } from '../errors';
import type { AccountKey } from '../model/account';
import { parseStoredList } from '../db/records';
import type { AdoptionDb } from '../db/schema';

/**
 * Stores a draft as sent: whole, or its notes as an edit of the stored draft. An edit of a draft
 * that is no longer the one stored (another tab wrote since, the draft was saved or cleared) is
 * refused with `gone`, and the quick log sends its draft whole instead.
 */
export async function saveDraft(db: IDBPDatabase<AdoptionDb>, update: QuickLogDraftUpdate): Promise<void> {
  const { notesEdit, ...draft } = update;
  if (!notesEdit) {
    await db.put('drafts', draft);
    return;
  }
  const tx = db.transaction('drafts', 'readwrite');
  const stored = parseStoredList(QuickLogDraft, [await tx.store.get(draft.accountKey)].filter((d) => d !== undefined)).items[0];
  if (!stored || !sameVersion(stored.version, notesEdit.base) || notesEdit.at + notesEdit.remove > stored.form.notes.length) {
    await tx.done;
    throw new AppError('gone', 'the stored draft is not the one this edit follows');
  }
  await tx.store.put({ ...draft, form: { ...draft.form, notes: applyNotesEdit(stored.form.notes, notesEdit) } });
  await tx.done;
}

function sameVersion(a: DraftVersion | undefined, b: DraftVersion): boolean {
  return a !== undefined && a.writer === b.writer && a.seq === b.seq;
}

/** The draft for an account; a damaged one is dropped rather than blocking the form. */
export async function getDraft(db: IDBPDatabase<AdoptionDb>, accountKey: AccountKey): Promise<QuickLogDraft | null> {
  const stored = await db.get('drafts', accountKey);
  return parseStoredList(QuickLogDraft, stored === undefined ? [] : [stored]).items[0] ?? null;
}

export async function clearDraft(db: IDBPDatabase<AdoptionDb>, accountKey: AccountKey): Promise<void> {
  await db.delete('drafts', accountKey);
}
