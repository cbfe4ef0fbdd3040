import { z } from 'zod';
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
  const text = (max: number) => (capped ? z.string().max(max) : z.string());
  const list = <T extends z.ZodType>(item: T, max: number) => (capped ? z.array(item).max(max) : z.array(item));
  const name = capped ? z.string().min(1).max(LIMITS.name) : z.string();
  /** A signal as picked in the quick log; it becomes a Signal linked to the saved interaction. */
  const signal = z.object({
    kind: SignalKind,
    otherLabel: text(LIMITS.name).default(''),
    polarity: Polarity,
    severity: Severity,
    stakeholderId: z.string().nullable().default(null),
    whatHappened: text(LIMITS.longText).default(''),
    howTheyFeel: text(LIMITS.longText).default(''),
  });
  const step = z.object({
    text: text(LIMITS.nextStep),
    dueDate: (capped ? IsoDate : z.string()).nullable(),
  });
  /** Everything the quick log form holds. */
  const form = z.object({
    type: InteractionType,
    /** null: "now" at the time of saving. */
    occurredAt: (capped ? IsoDateTime : z.string()).nullable(),
    tone: Tone.nullable(),
    notes: text(NOTES_MAX),
    attendeeIds: list(z.string().min(1), LIMITS.attendees).default([]),
    /** Names typed for people not yet in the stakeholder map: created as stakeholders on save. */
    newAttendees: list(name, LIMITS.newAttendees).default([]),
    internalAttendees: list(name, LIMITS.internalAttendees).default([]),
    signals: list(signal, LIMITS.signals).default([]),
    nextSteps: list(step, LIMITS.nextSteps).default([]),
    internalOnly: z.boolean().default(false),
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

/** The quick log as it is being typed, kept on every keystroke so nothing is lost. */
export const QuickLogDraft = z.object({
  accountKey: AccountKey,
  form: QuickLogFormAsTyped,
  updatedAt: IsoDateTime,
});
export type QuickLogDraft = z.infer<typeof QuickLogDraft>;

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
