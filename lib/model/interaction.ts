import { z } from './zod';
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
  id: z.string().check(z.minLength(1)),
  text: z.string().check(z.minLength(1), z.maxLength(LIMITS.nextStep)),
  dueDate: z.nullable(IsoDate),
  doneAt: z._default(z.nullable(IsoDateTime), null),
});
export type NextStep = z.infer<typeof NextStep>;

/** What the quick log form submits. Fields added after version 1 default, so old records still parse. */
export const InteractionInput = z.object({
  accountKey: AccountKey,
  type: InteractionType,
  occurredAt: IsoDateTime,
  tone: z.nullable(Tone),
  notes: z.string().check(z.maxLength(NOTES_MAX)),
  /** Stakeholders (by id) who took part. */
  attendeeIds: z._default(z.array(z.string().check(z.minLength(1))).check(z.maxLength(LIMITS.attendees)), []),
  /** People on our side, as typed. */
  internalAttendees: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(LIMITS.name))).check(z.maxLength(LIMITS.internalAttendees)), []),
  nextSteps: z._default(z.array(NextStep).check(z.maxLength(LIMITS.nextSteps)), []),
  /** Left out of QBR exports unless asked for. */
  internalOnly: z._default(z.boolean(), false),
});
export type InteractionInput = z.infer<typeof InteractionInput>;

export const Interaction = z.extend(InteractionInput, {
  id: z.string().check(z.minLength(1)),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Incremented on every save, so two tabs editing the same touch notice each other. */
  revision: z._default(z.int().check(z.nonnegative()), 0),
});
export type Interaction = z.infer<typeof Interaction>;
