import { z } from './zod';
import { IsoDateTime } from './dates';
import { NextStep, Tone } from './interaction';
import { Signal } from './signal';
import { SuccessGoal } from './goal';
import { Stakeholder } from './stakeholder';

export const ToneReading = z.object({ at: IsoDateTime, tone: Tone, interactionId: z.string() });
export type ToneReading = z.infer<typeof ToneReading>;

export const OpenStep = z.object({ interactionId: z.string(), interactionRevision: z.int(), step: NextStep });
export type OpenStep = z.infer<typeof OpenStep>;

/** What the sidebar's first screen needs besides the timeline. */
export const AccountOverview = z.object({
  goals: z.array(SuccessGoal),
  stakeholders: z.array(Stakeholder),
  openSignals: z.array(Signal),
  /** Tones of the most recent interactions that noted one, newest first. */
  recentTones: z.array(ToneReading),
  lastInteractionAt: z.nullable(IsoDateTime),
  openSteps: z.array(OpenStep),
  damaged: z.int(),
});
export type AccountOverview = z.infer<typeof AccountOverview>;
