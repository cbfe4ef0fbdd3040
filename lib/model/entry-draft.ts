import { z } from './zod';
import { AccountKey } from './account';
import { IsoDateTime } from './dates';
import { Interaction } from './interaction';
import { Signal } from './signal';
import { Stakeholder } from './stakeholder';
import { GoalForm, SuccessGoal } from './goal';
import { DraftId, DraftVersion } from './quick-log';

/*
 * An unsaved edit of a stored entry (a note, signal, goal or stakeholder open in its editor), kept on
 * every change as the quick log's draft is, so closing the tab or reloading the page loses nothing.
 * The text is kept as typed: a field past its limit is said so by the editor, and still kept.
 */

const InteractionAsTyped = z.extend(Interaction, { notes: z.string() });
const SignalAsTyped = z.extend(Signal, { otherLabel: z.string(), whatHappened: z.string(), howTheyFeel: z.string() });
const StakeholderAsTyped = z.extend(Stakeholder, { name: z.string(), title: z.string(), personalityNotes: z.string() });

/** What the editor holds, by the store its entry lives in. */
export const EntryDraftEdit = z.discriminatedUnion('store', [
  z.object({ store: z.literal('interactions'), record: InteractionAsTyped }),
  /** `newStakeholderName`: a person the signal is about who is not a stakeholder yet. */
  z.object({ store: z.literal('signals'), record: SignalAsTyped, newStakeholderName: z.string() }),
  z.object({ store: z.literal('stakeholders'), record: StakeholderAsTyped }),
  /** A goal is edited as a form (numbers as text); `opened` is the goal as the editor opened it, `goalId` the goal's id (made when a new one is started). */
  z.object({ store: z.literal('goals'), goalId: z.string().check(z.minLength(1), z.maxLength(200)), opened: z.nullable(SuccessGoal), form: GoalForm }),
]);
export type EntryDraftEdit = z.infer<typeof EntryDraftEdit>;

export const EntryDraft = z
  .object({
    /** The editor's own (a UUID made when it opens): two tabs editing one entry never share a draft. */
    id: DraftId,
    accountKey: AccountKey,
    /** The entry's revision when the editor opened it, so a save from elsewhere since is noticed; null for a new entry. */
    baseRevision: z.nullable(z.int().check(z.nonnegative())),
    edit: EntryDraftEdit,
    updatedAt: IsoDateTime,
    version: DraftVersion,
  }).check(z.refine((draft) => [null, draft.accountKey].includes(entryAccountOf(draft.edit)), { message: 'the entry is another account’s', path: ['edit'] }));
export type EntryDraft = z.infer<typeof EntryDraft>;

/** A draft of an entry of one store, as its editor continues it. */
export type EntryDraftOf<S extends EntryDraftEdit['store']> = Omit<EntryDraft, 'edit'> & { edit: Extract<EntryDraftEdit, { store: S }> };

/** The account the edited entry is of (a new goal takes the draft's when saved). */
function entryAccountOf(edit: EntryDraftEdit): string | null {
  return edit.store === 'goals' ? (edit.opened?.accountKey ?? null) : edit.record.accountKey;
}

/** Which entry a draft edits (its store and id), e.g. to show one editor per entry. */
export function draftEntryId(edit: EntryDraftEdit): string {
  return edit.store === 'goals' ? edit.goalId : edit.record.id;
}
