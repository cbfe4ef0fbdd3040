import { z } from 'zod';
import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import type { AccountKey } from '../model/account';
import { Interaction, NextStep, Tone } from '../model/interaction';
import { Signal } from '../model/signal';
import { SuccessGoal } from '../model/goal';
import { Stakeholder } from '../model/stakeholder';
import { IsoDateTime } from '../model/account';
import { parseStoredList } from '../db/records';

export const ToneReading = z.object({ at: IsoDateTime, tone: Tone, interactionId: z.string() });
export type ToneReading = z.infer<typeof ToneReading>;

export const OpenStep = z.object({ interactionId: z.string(), interactionRevision: z.number().int(), step: NextStep });
export type OpenStep = z.infer<typeof OpenStep>;

/** What the sidebar's first screen needs besides the timeline. */
export const AccountOverview = z.object({
  goals: z.array(SuccessGoal),
  stakeholders: z.array(Stakeholder),
  openSignals: z.array(Signal),
  /** Tones of the most recent interactions that noted one, newest first. */
  recentTones: z.array(ToneReading),
  lastInteractionAt: IsoDateTime.nullable(),
  openSteps: z.array(OpenStep),
  damaged: z.number().int(),
});
export type AccountOverview = z.infer<typeof AccountOverview>;

const RECENT_TONES = 10;

export async function accountOverview(db: IDBPDatabase<AdoptionDb>, accountKey: AccountKey): Promise<AccountOverview> {
  const tx = db.transaction(['goals', 'stakeholders', 'signals', 'interactions'], 'readonly');
  const goals = parseStoredList(SuccessGoal, await tx.objectStore('goals').index('byAccount').getAll(accountKey));
  const stakeholders = parseStoredList(Stakeholder, await tx.objectStore('stakeholders').index('byAccount').getAll(accountKey));
  const range = IDBKeyRange.bound([accountKey, '', ''], [accountKey, '\uffff', '']);
  const signals = parseStoredList(Signal, await tx.objectStore('signals').index('byAccount').getAll(range));
  // Open next steps can sit on any interaction, so every one of the account's is read.
  const interactions = parseStoredList(Interaction, await tx.objectStore('interactions').index('byAccount').getAll(range));
  await tx.done;

  const newestFirst = interactions.items.reverse();
  const recentTones: ToneReading[] = [];
  const openSteps: OpenStep[] = [];
  for (const interaction of newestFirst) {
    if (interaction.tone && recentTones.length < RECENT_TONES) recentTones.push({ at: interaction.occurredAt, tone: interaction.tone, interactionId: interaction.id });
    for (const step of interaction.nextSteps) if (step.doneAt === null) openSteps.push({ interactionId: interaction.id, interactionRevision: interaction.revision, step });
  }
  return {
    goals: goals.items.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    stakeholders: stakeholders.items.sort((a, b) => a.name.localeCompare(b.name)),
    openSignals: signals.items.filter((s) => s.resolvedAt === null).reverse(),
    recentTones,
    lastInteractionAt: newestFirst[0]?.occurredAt ?? null,
    openSteps,
    damaged: goals.damaged + stakeholders.damaged + signals.damaged + interactions.damaged,
  };
}
