import { z } from './zod';
import { AccountKey } from './account';
import { IsoDateTime, IsoDate } from './dates';
import { Interaction, InteractionType, NOTES_MAX, Tone } from './interaction';
import { Polarity, Severity, Signal, SignalKind } from './signal';
import { Stakeholder } from './stakeholder';
import { LIMITS } from './limits';

/**
 * The quick log's schemas in two strengths: `capped` is what can be saved (the caps of
 * ./limits.ts); uncapped is the form as typed, kept as a draft on every keystroke, so a draft
 * never refuses anything the form holds, even past what can be saved.
 */
function quickLogSchemas(capped: boolean) {
  const text = (max: number) => (capped ? z.string().check(z.maxLength(max)) : z.string());
  const list = <T extends z.ZodMiniType>(item: T, max: number) => (capped ? z.array(item).check(z.maxLength(max)) : z.array(item));
  const name = capped ? z.string().check(z.minLength(1), z.maxLength(LIMITS.name)) : z.string();
  /** A signal as picked in the quick log; it becomes a Signal linked to the saved interaction. */
  const signal = z.object({
    kind: SignalKind,
    otherLabel: z._default(text(LIMITS.name), ''),
    polarity: Polarity,
    severity: Severity,
    stakeholderId: z._default(z.nullable(z.string()), null),
    /** Who it is about when that person is not in the stakeholder map yet (a name a suggestion found): made a stakeholder on save. */
    newStakeholderName: z.optional(text(LIMITS.name)),
    whatHappened: z._default(text(LIMITS.longText), ''),
    howTheyFeel: z._default(text(LIMITS.longText), ''),
  });
  const step = z.object({
    text: text(LIMITS.nextStep),
    dueDate: z.nullable((capped ? IsoDate : z.string())),
  });
  /** Everything the quick log form holds. */
  const form = z.object({
    type: InteractionType,
    /** null: "now" at the time of saving. */
    occurredAt: z.nullable((capped ? IsoDateTime : z.string())),
    tone: z.nullable(Tone),
    notes: text(NOTES_MAX),
    attendeeIds: z._default(list(z.string().check(z.minLength(1)), LIMITS.attendees), []),
    /** Names typed for people not yet in the stakeholder map: created as stakeholders on save. */
    newAttendees: z._default(list(name, LIMITS.newAttendees), []),
    internalAttendees: z._default(list(name, LIMITS.internalAttendees), []),
    signals: z._default(list(signal, LIMITS.signals), []),
    nextSteps: z._default(list(step, LIMITS.nextSteps), []),
    internalOnly: z._default(z.boolean(), false),
  });
  return { signal, step, form };
}
const saved = quickLogSchemas(true);
const asTyped = quickLogSchemas(false);

export const SignalDraft = saved.signal;
export type SignalDraft = z.infer<typeof SignalDraft>;

export const NextStepDraft = saved.step;
export type NextStepDraft = z.infer<typeof NextStepDraft>;

/** The quick log as it can be saved. */
export const QuickLogForm = saved.form;
export type QuickLogForm = z.infer<typeof QuickLogForm>;

/** The quick log as typed, without caps: what a draft holds. */
export const QuickLogFormAsTyped = asTyped.form;

export const EMPTY_QUICK_LOG: QuickLogForm = {
  type: 'call',
  occurredAt: null,
  tone: null,
  notes: '',
  attendeeIds: [],
  newAttendees: [],
  internalAttendees: [],
  signals: [],
  nextSteps: [],
  internalOnly: false,
};

/** The id the sidebar gives a save when the user saves (a UUID), sent again when the save is retried. */
export const SaveId = z.uuid();
export type SaveId = z.infer<typeof SaveId>;

/** Which sender's which change a stored draft is, so the next change can be sent as an edit of it. */
export const DraftVersion = z.object({ writer: z.string().check(z.minLength(1), z.maxLength(64)), seq: z.int().check(z.nonnegative()) });
export type DraftVersion = z.infer<typeof DraftVersion>;

/**
 * Which draft: each quick log form writes its own (two tabs on one account never share one), a
 * UUID made when the form starts, or the account key for a draft kept before there could be several.
 */
export const DraftId = z.string().check(z.minLength(1), z.maxLength(200));

const DraftFields = z.object({
  id: DraftId,
  accountKey: AccountKey,
  form: QuickLogFormAsTyped,
  updatedAt: IsoDateTime,
  version: z.optional(DraftVersion),
});

/** A draft stored before drafts had ids (one per account, keyed by it, e.g. in an older backup) takes its account key as its id. */
function withLegacyId(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || 'id' in value) return value;
  const accountKey: unknown = Reflect.get(value, 'accountKey');
  return typeof accountKey === 'string' ? { ...value, id: accountKey } : value;
}

/** The quick log as it is being typed, kept on every keystroke so nothing is lost. */
export const QuickLogDraft = z.pipe(z.transform(withLegacyId), DraftFields);
export type QuickLogDraft = z.infer<typeof QuickLogDraft>;

/** A change of the notes since the draft `base`: `remove` characters at `at` replaced by `insert`. */
export const NotesEdit = z.object({
  base: DraftVersion,
  at: z.int().check(z.nonnegative()),
  remove: z.int().check(z.nonnegative()),
  insert: z.string(),
});
export type NotesEdit = z.infer<typeof NotesEdit>;

/**
 * A draft as the quick log sends it: whole, or, while a long note is typed, with its notes as an
 * edit of the draft stored before (`form.notes` is then left empty). A keystroke in a megabyte of
 * notes is then a message of a few bytes: quick to send, and out of the page before a tab closed
 * right after it is torn down.
 */
export const QuickLogDraftUpdate = z.extend(DraftFields, { notesEdit: z.optional(NotesEdit) });
export type QuickLogDraftUpdate = z.infer<typeof QuickLogDraftUpdate>;

/**
 * The edit that turns `before` into `after`: the part between their common start and common end.
 * Never splits a surrogate pair (a lone half would not survive the trip as UTF-8).
 */
export function notesEditBetween(before: string, after: string): Omit<NotesEdit, 'base'> {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  if (end > 0 && isLowSurrogate(after.charCodeAt(after.length - end))) end--;
  return { at: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** `notes` with an edit applied. */
export function applyNotesEdit(notes: string, edit: Pick<NotesEdit, 'at' | 'remove' | 'insert'>): string {
  return notes.slice(0, edit.at) + edit.insert + notes.slice(edit.at + edit.remove);
}

/** True when the form holds anything worth saving (or worth restoring as a draft). */
export function hasContent(form: QuickLogForm): boolean {
  return (
    form.notes.trim() !== '' ||
    form.tone !== null ||
    form.signals.length > 0 ||
    form.nextSteps.some((s) => s.text.trim() !== '') ||
    form.attendeeIds.length > 0 ||
    form.newAttendees.length > 0
  );
}

/** What one quick log save stores: the touch, its signals, and stakeholders created from names typed in the attendees field. */
export const LoggedTouch = z.object({ interaction: Interaction, signals: z.array(Signal), stakeholders: z.array(Stakeholder) });
export type LoggedTouch = z.infer<typeof LoggedTouch>;
