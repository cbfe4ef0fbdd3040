import { z } from 'zod';
import { AccountKey, IsoDateTime } from './account';

export const INTERACTION_TYPES = ['call', 'meeting', 'email', 'onsite', 'qbr', 'note'] as const;
export const InteractionType = z.enum(INTERACTION_TYPES);
export type InteractionType = z.infer<typeof InteractionType>;

/** The conversation's temperature as the CSM perceived it, warmest first. */
export const TONES = ['enthusiastic', 'positive', 'neutral', 'hesitant', 'negative'] as const;
export const Tone = z.enum(TONES);
export type Tone = z.infer<typeof Tone>;

export const NOTES_MAX = 20_000;

/** What the quick log form submits. */
export const InteractionInput = z.object({
  accountKey: AccountKey,
  type: InteractionType,
  occurredAt: IsoDateTime,
  tone: Tone.nullable(),
  notes: z.string().max(NOTES_MAX),
});
export type InteractionInput = z.infer<typeof InteractionInput>;

export const Interaction = InteractionInput.extend({
  id: z.string().min(1),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Interaction = z.infer<typeof Interaction>;

/** The quick log as it is being typed, kept on every keystroke so nothing is lost. */
export const QuickLogDraft = z.object({
  accountKey: AccountKey,
  type: InteractionType,
  /** null: "now" at the time of saving. */
  occurredAt: IsoDateTime.nullable(),
  tone: Tone.nullable(),
  notes: z.string().max(NOTES_MAX),
  updatedAt: IsoDateTime,
});
export type QuickLogDraft = z.infer<typeof QuickLogDraft>;
