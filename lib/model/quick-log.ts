import { z } from 'zod';
import { AccountKey, IsoDateTime } from './account';
import { IsoDate } from './goal';
import { InteractionType, NOTES_MAX, Tone } from './interaction';
import { Polarity, Severity, SignalKind } from './signal';

/** A signal as picked in the quick log; it becomes a Signal linked to the saved interaction. */
export const SignalDraft = z.object({
  kind: SignalKind,
  otherLabel: z.string().max(200).default(''),
  polarity: Polarity,
  severity: Severity,
  stakeholderId: z.string().nullable().default(null),
  whatHappened: z.string().max(5000).default(''),
  howTheyFeel: z.string().max(5000).default(''),
});
export type SignalDraft = z.infer<typeof SignalDraft>;

export const NextStepDraft = z.object({
  text: z.string().max(1000),
  dueDate: IsoDate.nullable(),
});
export type NextStepDraft = z.infer<typeof NextStepDraft>;

/** Everything the quick log form holds, as typed. */
export const QuickLogForm = z.object({
  type: InteractionType,
  /** null: "now" at the time of saving. */
  occurredAt: IsoDateTime.nullable(),
  tone: Tone.nullable(),
  notes: z.string().max(NOTES_MAX),
  attendeeIds: z.array(z.string().min(1)).max(100).default([]),
  /** Names typed for people not yet in the stakeholder map: created as stakeholders on save. */
  newAttendees: z.array(z.string().min(1).max(200)).max(20).default([]),
  internalAttendees: z.array(z.string().min(1).max(200)).max(50).default([]),
  signals: z.array(SignalDraft).max(20).default([]),
  nextSteps: z.array(NextStepDraft).max(50).default([]),
  internalOnly: z.boolean().default(false),
});
export type QuickLogForm = z.infer<typeof QuickLogForm>;

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
  form: QuickLogForm,
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
