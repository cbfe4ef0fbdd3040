import { z } from 'zod';
import { AccountKey } from './account';
import { IsoDateTime, IsoDate } from './dates';
import { LIMITS } from './limits';

export const INTERACTION_TYPES = ['call', 'meeting', 'email', 'onsite', 'qbr', 'note'] as const;
export const InteractionType = z.enum(INTERACTION_TYPES);
export type InteractionType = z.infer<typeof InteractionType>;

/** The conversation's temperature as the CSM perceived it, warmest first. */
export const TONES = ['enthusiastic', 'positive', 'neutral', 'hesitant', 'negative'] as const;
export const Tone = z.enum(TONES);
export type Tone = z.infer<typeof Tone>;

/** A touch's notes: far above anything pasted by hand (see ./limits.ts). */
export const NOTES_MAX = LIMITS.notes;

/** A follow-up agreed in a touch. */
export const NextStep = z.object({
  id: z.string().min(1),
  text: z.string().min(1).max(LIMITS.nextStep),
  dueDate: IsoDate.nullable(),
  doneAt: IsoDateTime.nullable().default(null),
});
export type NextStep = z.infer<typeof NextStep>;

/** What the quick log form submits. Fields added after version 1 default, so old records still parse. */
export const InteractionInput = z.object({
  accountKey: AccountKey,
  type: InteractionType,
  occurredAt: IsoDateTime,
  tone: Tone.nullable(),
  notes: z.string().max(NOTES_MAX),
  /** Stakeholders (by id) who took part. */
  attendeeIds: z.array(z.string().min(1)).max(LIMITS.attendees).default([]),
  /** People on our side, as typed. */
  internalAttendees: z.array(z.string().min(1).max(LIMITS.name)).max(LIMITS.internalAttendees).default([]),
  nextSteps: z.array(NextStep).max(LIMITS.nextSteps).default([]),
  /** Left out of QBR exports unless asked for. */
  internalOnly: z.boolean().default(false),
});
export type InteractionInput = z.infer<typeof InteractionInput>;

export const Interaction = InteractionInput.extend({
  id: z.string().min(1),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Incremented on every save, so two tabs editing the same touch notice each other. */
  revision: z.number().int().nonnegative().default(0),
});
export type Interaction = z.infer<typeof Interaction>;
