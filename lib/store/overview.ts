import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import type { AccountKey } from '../model/account';
import { Interaction } from '../model/interaction';
import { Signal } from '../model/signal';
import { SuccessGoal } from '../model/goal';
import { Stakeholder } from '../model/stakeholder';
import { parseStoredList } from '../db/records';
import type { AccountOverview, OpenStep, ToneReading } from '../model/overview';


const RECENT_TONES = 10;

export async function accountOverview(db: IDBPDatabase<AdoptionDb>, accountKey: AccountKey): Promise<AccountOverview> {
  const tx = db.transaction(['goals', 'stakeholders', 'signals', 'interactions'], 'readonly');
  const goals = parseStoredList(SuccessGoal, await tx.objectStore('goals').index('byAccount').getAll(accountKey));
  const stakeholders = parseStoredList(Stakeholder, await tx.objectStore('stakeholders').index('byAccount').getAll(accountKey));
  const range = IDBKeyRange.bound([accountKey, '', ''], [accountKey, '\uffff', '']);
  const signals = parseStoredList(Signal, await tx.objectStore('signals').index('byAccount').getAll(range));
  // Open next steps can sit on any interaction, so every one of the account's is read; but
  // only those that can matter are validated (an account may have thousands).
  const raw = await tx.objectStore('interactions').index('byAccount').getAll(range);
  await tx.done;

  const recentTones: ToneReading[] = [];
  const openSteps: OpenStep[] = [];
  let lastInteractionAt: string | null = null;
  let damaged = goals.damaged + stakeholders.damaged + signals.damaged;
  for (let i = raw.length - 1; i >= 0; i--) {
    const value: unknown = raw[i];
    const first = i === raw.length - 1;
    if (!first && !(recentTones.length < RECENT_TONES && hasTone(value)) && !hasOpenStep(value)) continue;
    const parsed = Interaction.safeParse(value);
    if (!parsed.success) {
      damaged++;
      continue;
    }
    const interaction = parsed.data;
    lastInteractionAt ??= interaction.occurredAt;
    if (interaction.tone && recentTones.length < RECENT_TONES) recentTones.push({ at: interaction.occurredAt, tone: interaction.tone, interactionId: interaction.id });
    for (const step of interaction.nextSteps) if (step.doneAt === null) openSteps.push({ interactionId: interaction.id, interactionRevision: interaction.revision, step });
  }
  return {
    goals: goals.items.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    stakeholders: stakeholders.items.sort((a, b) => a.name.localeCompare(b.name)),
    openSignals: signals.items.filter((s) => s.resolvedAt === null).reverse(),
    recentTones,
    lastInteractionAt,
    openSteps,
    damaged,
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const hasTone = (v: unknown) => isRecord(v) && typeof v.tone === 'string';
const hasOpenStep = (v: unknown) => isRecord(v) && Array.isArray(v.nextSteps) && v.nextSteps.some((s) => isRecord(s) && (s.doneAt === null || s.doneAt === undefined));
