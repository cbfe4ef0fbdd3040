import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { Interaction } from '../model/interaction';
import { AppError } from '../errors';
import { parseStored } from '../db/records';
import { EditableEntry, SaveOutcome, type EditableStore } from '../model/entry';
import { Stakeholder } from '../model/stakeholder';


function parseEntry(store: EditableStore, value: unknown): EditableEntry {
  return parseStored(EditableEntry, { store, record: value }, store);
}

/** Instants are stored in UTC so the indexes order them by time. */
function normalised(entry: EditableEntry): EditableEntry {
  const utc = (iso: string) => new Date(iso).toISOString();
  switch (entry.store) {
    case 'interactions':
      return { ...entry, record: { ...entry.record, occurredAt: utc(entry.record.occurredAt) } };
    case 'signals':
      return { ...entry, record: { ...entry.record, occurredAt: utc(entry.record.occurredAt), detectedAt: utc(entry.record.detectedAt) } };
    default:
      return entry;
  }
}

/**
 * Saves a new or edited record. `baseRevision` is the revision the editor started from (null for
 * a new record): if the stored one has moved on, nothing is written and the caller gets the
 * stored version, so two tabs never silently overwrite each other.
 */
export async function saveEntry(
  db: IDBPDatabase<AdoptionDb>,
  entry: EditableEntry,
  baseRevision: number | null,
  now: Date,
  newStakeholder?: Stakeholder,
  draft?: { id: string },
): Promise<SaveOutcome> {
  // The stakeholders too when a signal brings the new person it is about (duplicates in a scope are
  // ignored); the editor's draft, deleted with the save so no unsaved edit is offered once saved.
  const tx = db.transaction([entry.store, ...(newStakeholder ? ['stakeholders' as const] : []), ...(draft ? ['entryDrafts' as const] : [])], 'readwrite');
  const store = tx.objectStore(entry.store);
  const stored = await store.get(entry.record.id);
  const current = stored === undefined ? undefined : parseEntry(entry.store, stored);
  if (current && current.record.revision !== baseRevision) {
    await tx.done;
    return { status: 'conflict', current };
  }
  if (!current && baseRevision !== null) {
    await tx.done;
    throw new AppError('gone', entry.record.id);
  }
  const saved = normalised(
    EditableEntry.parse({ store: entry.store, record: { ...entry.record, revision: (current?.record.revision ?? -1) + 1, updatedAt: now.toISOString() } }),
  );
  // A person the signal is about, new to the map: stored with it, or not at all (kept if already there, as after a retry).
  if (newStakeholder) {
    const stakeholders = tx.objectStore('stakeholders');
    if ((await stakeholders.get(newStakeholder.id)) === undefined) await stakeholders.put(Stakeholder.parse(newStakeholder));
  }
  await store.put(saved.record);
  if (draft) {
    const drafts = tx.objectStore('entryDrafts');
    const kept = await drafts.get(draft.id);
    if (kept?.accountKey === entry.record.accountKey) await drafts.delete(draft.id);
  }
  await tx.done;
  return { status: 'saved', entry: saved };
}

/** Deletes a record and returns it, so the caller can offer undo. */
export async function deleteEntry(db: IDBPDatabase<AdoptionDb>, store: EditableStore, id: string): Promise<EditableEntry | null> {
  const tx = db.transaction(store, 'readwrite');
  const stored = await tx.objectStore(store).get(id);
  if (stored === undefined) {
    await tx.done;
    return null;
  }
  const entry = parseEntry(store, stored);
  await tx.objectStore(store).delete(id);
  await tx.done;
  return entry;
}

/** Undo of a delete: puts the record back exactly as it was. */
export async function restoreEntry(db: IDBPDatabase<AdoptionDb>, entry: EditableEntry): Promise<void> {
  await db.put(entry.store, entry.record);
}

/** Marks one next step of an interaction done, with the same conflict check as any edit. */
export async function completeNextStep(db: IDBPDatabase<AdoptionDb>, interactionId: string, stepId: string, baseRevision: number, now: Date): Promise<SaveOutcome> {
  const stored = await db.get('interactions', interactionId);
  if (stored === undefined) throw new AppError('gone', interactionId);
  const interaction = parseStored(Interaction, stored, 'interaction');
  const nextSteps = interaction.nextSteps.map((s) => (s.id === stepId ? { ...s, doneAt: now.toISOString() } : s));
  return saveEntry(db, { store: 'interactions', record: { ...interaction, nextSteps } }, baseRevision, now);
}
