import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import type { AccountKey } from '../model/account';
import { Interaction, type InteractionType } from '../model/interaction';
import type { LoggedTouch, QuickLogForm } from '../model/quick-log';
import { Signal, type DetectedVia } from '../model/signal';
import { Stakeholder } from '../model/stakeholder';

const DETECTED_VIA: Record<InteractionType, DetectedVia> = {
  call: 'call',
  meeting: 'meeting',
  onsite: 'meeting',
  qbr: 'meeting',
  email: 'email',
  note: 'other',
};

/** Turns the quick log form into the records it stands for. Pure: ids and time are passed in. */
export function recordsFromQuickLog(form: QuickLogForm, accountKey: AccountKey, now: Date, newId: () => string): LoggedTouch {
  const at = now.toISOString();
  const occurredAt = new Date(form.occurredAt ?? at).toISOString();
  const stakeholders = form.newAttendees.map((name) =>
    Stakeholder.parse({ id: newId(), accountKey, name: name.trim(), role: 'other', createdAt: at, updatedAt: at }),
  );
  const interaction = Interaction.parse({
    id: newId(),
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
  const signals = form.signals.map((draft) =>
    Signal.parse({
      ...draft,
      id: newId(),
      accountKey,
      occurredAt,
      detectedAt: at,
      detectedVia: DETECTED_VIA[form.type],
      interactionId: interaction.id,
      createdAt: at,
      updatedAt: at,
    }),
  );
  return { interaction, signals, stakeholders };
}

/** Stores a logged touch and clears the draft, all in one transaction. */
export async function saveLoggedTouch(db: IDBPDatabase<AdoptionDb>, touch: LoggedTouch): Promise<void> {
  const tx = db.transaction(['interactions', 'signals', 'stakeholders', 'drafts'], 'readwrite');
  await Promise.all([
    tx.objectStore('interactions').put(touch.interaction),
    ...touch.signals.map((s) => tx.objectStore('signals').put(s)),
    ...touch.stakeholders.map((s) => tx.objectStore('stakeholders').put(s)),
    tx.objectStore('drafts').delete(touch.interaction.accountKey),
    tx.done,
  ]);
}
