import type { IDBPDatabase } from 'idb';
import { applyNotesEdit, QuickLogDraft, type DraftVersion, type QuickLogDraftUpdate } from '../model/quick-log';
import { AppError } from '../errors';
import type { AccountKey } from '../model/account';
import { parseStoredList } from '../db/records';
import type { AdoptionDb } from '../db/schema';

/**
 * Stores a draft as sent, under its own id (each form writes its own): whole, or its notes as an
 * edit of the stored draft. An edit of a draft that is no longer the one stored (it was saved or
 * cleared, or another form took it over) is refused with `gone`, and the form sends it whole instead.
 */
export async function saveDraft(db: IDBPDatabase<AdoptionDb>, update: QuickLogDraftUpdate): Promise<void> {
  const { notesEdit, ...draft } = update;
  const tx = db.transaction('drafts', 'readwrite');
  const stored = parseStoredList(QuickLogDraft, [await tx.store.get(draft.id)].filter((d) => d !== undefined)).items[0];
  // An id is one form's draft of one account: never written over with another account's.
  if (stored && stored.accountKey !== draft.accountKey) {
    await tx.done;
    throw new AppError('gone', 'the draft under this id is another account’s');
  }
  // Requests can be handled out of order (after a worker restart they all wait for the tab's record
  // and wake in any order): a form's older keystroke never overwrites its newer one.
  if (stored && isOlder(draft.version, stored.version)) {
    await tx.done;
    return;
  }
  if (!notesEdit) {
    await tx.store.put(draft);
    await tx.done;
    return;
  }
  if (!stored || !sameVersion(stored.version, notesEdit.base) || notesEdit.at + notesEdit.remove > stored.form.notes.length) {
    await tx.done;
    throw new AppError('gone', 'the stored draft is not the one this edit follows');
  }
  await tx.store.put({ ...draft, form: { ...draft.form, notes: applyNotesEdit(stored.form.notes, notesEdit) } });
  await tx.done;
}

/** Whether `a` was sent by the same form as `b`, before it. */
function isOlder(a: DraftVersion | undefined, b: DraftVersion | undefined): boolean {
  return a !== undefined && b !== undefined && a.writer === b.writer && a.seq < b.seq;
}

function sameVersion(a: DraftVersion | undefined, b: DraftVersion): boolean {
  return a !== undefined && a.writer === b.writer && a.seq === b.seq;
}

/**
 * The draft a quick log opening on the account should continue: the newest of the account's
 * drafts that no open form is writing (`heldElsewhere`: the drafts of other tabs' forms). A
 * damaged one is dropped rather than blocking the form.
 */
export async function getDraft(db: IDBPDatabase<AdoptionDb>, accountKey: AccountKey, heldElsewhere: ReadonlySet<string> = new Set()): Promise<QuickLogDraft | null> {
  const { items } = parseStoredList(QuickLogDraft, await db.getAllFromIndex('drafts', 'byAccount', accountKey));
  const free = items.filter((d) => !heldElsewhere.has(d.id));
  return free.reduce<QuickLogDraft | null>((newest, d) => (newest === null || d.updatedAt > newest.updatedAt ? d : newest), null);
}

/** Deletes one draft of the account (a draft of another account under that id stays). */
export async function clearDraft(db: IDBPDatabase<AdoptionDb>, accountKey: AccountKey, draftId: string): Promise<void> {
  const tx = db.transaction('drafts', 'readwrite');
  const stored = await tx.store.get(draftId);
  if (stored?.accountKey === accountKey) await tx.store.delete(draftId);
  await tx.done;
}
