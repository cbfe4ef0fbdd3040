import type { IDBPDatabase, IDBPObjectStore } from 'idb';
import type { AdoptionDb } from '../db/schema';
import type { AccountKey } from '../model/account';
import { Interaction } from '../model/interaction';
import type { LoggedTouch, QuickLogForm } from '../model/quick-log';
import { Signal, detectedViaOf } from '../model/signal';
import { Stakeholder } from '../model/stakeholder';
import { dropPortfolioRow } from './portfolio';

/**
 * The ids of one save, all from the id the sidebar made where the user saved: the interaction's
 * id is that id, the others follow from it in order. The same save retried (its answer was lost)
 * makes the same records, so it replaces what the first attempt stored instead of adding to it.
 */
export function idsOfSave(saveId: string): () => string {
  let n = 0;
  return () => (n++ === 0 ? saveId : `${saveId}.${n - 1}`);
}

/** Turns the quick log form into the records it stands for. Pure: ids and time are passed in (the interaction's id first). */
export function recordsFromQuickLog(form: QuickLogForm, accountKey: AccountKey, now: Date, newId: () => string): LoggedTouch {
  const at = now.toISOString();
  const interactionId = newId();
  const occurredAt = new Date(form.occurredAt ?? at).toISOString();
  const stakeholders = form.newAttendees.map((name) =>
    Stakeholder.parse({ id: newId(), accountKey, name: name.trim(), role: 'other', createdAt: at, updatedAt: at }),
  );
  const interaction = Interaction.parse({
    id: interactionId,
    accountKey,
    type: form.type,
    occurredAt,
    tone: form.tone,
    notes: form.notes,
    attendeeIds: [...form.attendeeIds, ...stakeholders.map((s) => s.id)],
    internalAttendees: form.internalAttendees,
    nextSteps: form.nextSteps.filter((s) => s.text.trim() !== '').map((s) => ({ id: newId(), text: s.text.trim(), dueDate: s.dueDate, doneAt: null })),
    internalOnly: form.internalOnly,
    createdAt: at,
    updatedAt: at,
  });
  // A person a signal is about who is not in the map yet: one new stakeholder per name (an
  // attendee typed with the same name is that person), not an attendee unless typed as one.
  const personNamed = (name: string): string => {
    const known = stakeholders.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (known) return known.id;
    const made = Stakeholder.parse({ id: newId(), accountKey, name, role: 'other', createdAt: at, updatedAt: at });
    stakeholders.push(made);
    return made.id;
  };
  const signals = form.signals.map(({ newStakeholderName = '', ...draft }) =>
    Signal.parse({
      ...draft,
      stakeholderId: draft.stakeholderId ?? (newStakeholderName.trim() === '' ? null : personNamed(newStakeholderName.trim())),
      id: newId(),
      accountKey,
      occurredAt,
      detectedAt: at,
      detectedVia: detectedViaOf(form.type),
      interactionId: interaction.id,
      createdAt: at,
      updatedAt: at,
    }),
  );
  return { interaction, signals, stakeholders };
}

async function deleteDraftOf(drafts: IDBPObjectStore<AdoptionDb, ['interactions', 'signals', 'stakeholders', 'drafts'], 'drafts', 'readwrite'>, accountKey: AccountKey, draftId: string): Promise<void> {
  if ((await drafts.get(draftId))?.accountKey === accountKey) await drafts.delete(draftId);
}

/** The keys that follow `id` in `idsOfSave`. */
const followingIds = (id: string) => IDBKeyRange.bound(`${id}.`, `${id}.\uffff`);

/**
 * Stores a logged touch, clears the draft it was typed in (`draftId`: that form's draft only,
 * never another tab's) and drops the account's kept portfolio row, all in one transaction, and
 * returns it as stored.
 * A touch already stored under the same interaction id is the same save tried again (its answer
 * was lost when the worker stopped): it is replaced, not stored twice, keeping when it was first
 * created; what the earlier attempt stored and this one no longer has goes.
 */
export async function saveLoggedTouch(db: IDBPDatabase<AdoptionDb>, touch: LoggedTouch, draftId?: string): Promise<LoggedTouch> {
  const tx = db.transaction(['interactions', 'signals', 'stakeholders', 'drafts', 'portfolioCache'], 'readwrite');
  const interactions = tx.objectStore('interactions');
  const signals = tx.objectStore('signals');
  const stakeholders = tx.objectStore('stakeholders');
  const { accountKey } = touch.interaction;
  const earlierRead = interactions.get(touch.interaction.id);
  // What does not depend on an earlier attempt is asked at once, beside the read of that attempt.
  const independent = Promise.all([
    ...touch.signals.map((s) => signals.put(s)),
    ...touch.stakeholders.map((s) => stakeholders.put(s)),
    ...(draftId === undefined ? [] : [deleteDraftOf(tx.objectStore('drafts'), accountKey, draftId)]),
    dropPortfolioRow(tx, accountKey),
  ]);
  // Awaited below; if the transaction fails, the read throws first and this must not go unhandled.
  independent.catch(() => undefined);
  const earlier = await earlierRead;
  const stored: LoggedTouch = earlier
    ? { ...touch, interaction: { ...touch.interaction, createdAt: earlier.createdAt, revision: earlier.revision + 1 } }
    : touch;
  const removals: Promise<unknown>[] = [];
  if (earlier) {
    const kept = new Set([...stored.signals, ...stored.stakeholders].map((r) => r.id));
    const [signalIds, stakeholderIds] = await Promise.all([signals.getAllKeys(followingIds(earlier.id)), stakeholders.getAllKeys(followingIds(earlier.id))]);
    for (const id of signalIds) if (!kept.has(id)) removals.push(signals.delete(id));
    for (const id of stakeholderIds) if (!kept.has(id)) removals.push(stakeholders.delete(id));
  }
  await Promise.all([independent, ...removals, interactions.put(stored.interaction), tx.done]);
  return stored;
}
