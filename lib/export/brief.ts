import type { Account, RecordField } from '../model/account';
import type { Interaction, NextStep } from '../model/interaction';
import type { Signal } from '../model/signal';
import type { Stakeholder } from '../model/stakeholder';
import { currentStatus, type GoalStatusChange, type SuccessGoal } from '../model/goal';
import { renewalDate } from './renewal';
import { inLocalRange } from './days';
import type { DateRange } from '../model/dates';

export interface BriefInput {
  account: Account;
  /** The record's latest known CRM fields. */
  fields: RecordField[];
  range: DateRange;
  goals: SuccessGoal[];
  signals: Signal[];
  stakeholders: Stakeholder[];
  interactions: Interaction[];
  includeInternal: boolean;
}

export interface BriefGoal {
  goal: SuccessGoal;
  status: GoalStatusChange;
  changesInRange: GoalStatusChange[];
}

export interface BriefStep {
  step: NextStep;
  from: Interaction;
}

/** Everything a QBR brief says, in the order a QBR goes; renderers only lay it out. */
export interface Brief {
  account: Account;
  range: DateRange;
  renewalDate: string | null;
  goals: BriefGoal[];
  risks: Signal[];
  opportunities: Signal[];
  stakeholders: Stakeholder[];
  stakeholderChanges: { stakeholder: Stakeholder; change: 'joined' | 'left'; on: string }[];
  interactions: Interaction[];
  openSteps: BriefStep[];
  completedSteps: BriefStep[];
}

// Instants are compared by the CSM's own calendar day, as the date inputs of the range are.
const inRange = inLocalRange;

/** The last full calendar quarter before `today` (the default range of a QBR). */
export function lastQuarter(today: Date): DateRange {
  const quarter = Math.floor(today.getMonth() / 3);
  const start = new Date(today.getFullYear(), (quarter - 1) * 3, 1);
  const end = new Date(today.getFullYear(), quarter * 3, 0);
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { from: iso(start), to: iso(end) };
}

/**
 * Selects what the brief covers. Signals: raised in the range, or still open. Interactions
 * marked internal only are left out unless asked for, and so are their next steps.
 */
export function buildBrief(input: BriefInput): Brief {
  const { range } = input;
  const interactions = input.interactions
    .filter((i) => inRange(i.occurredAt, range) && (input.includeInternal || !i.internalOnly))
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const relevantSignals = input.signals
    .filter((s) => inRange(s.occurredAt, range) || s.resolvedAt === null)
    .filter((s) => input.includeInternal || !input.interactions.some((i) => i.id === s.interactionId && i.internalOnly))
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const steps = input.interactions
    .filter((i) => input.includeInternal || !i.internalOnly)
    .flatMap((from) => from.nextSteps.map((step) => ({ step, from })));
  return {
    account: input.account,
    range,
    renewalDate: renewalDate(input.fields),
    goals: input.goals.map((goal) => ({ goal, status: currentStatus(goal), changesInRange: goal.statusHistory.filter((c) => inRange(c.changedAt, range)) })),
    risks: relevantSignals.filter((s) => s.polarity === 'risk'),
    opportunities: relevantSignals.filter((s) => s.polarity === 'opportunity'),
    stakeholders: input.stakeholders.filter((s) => s.status === 'active'),
    stakeholderChanges: input.stakeholders.flatMap((s) => [
      ...(s.activeSince && s.activeSince >= range.from && s.activeSince <= range.to ? [{ stakeholder: s, change: 'joined' as const, on: s.activeSince }] : []),
      ...(s.leftOn && s.leftOn >= range.from && s.leftOn <= range.to ? [{ stakeholder: s, change: 'left' as const, on: s.leftOn }] : []),
    ]),
    interactions,
    openSteps: steps.filter((s) => s.step.doneAt === null).sort((a, b) => (a.step.dueDate ?? '9999').localeCompare(b.step.dueDate ?? '9999')),
    completedSteps: steps.filter((s) => s.step.doneAt !== null && inRange(s.step.doneAt, range)),
  };
}
