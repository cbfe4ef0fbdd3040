// Builders for the health tests: small, valid model objects with only what a test cares about.
import type { GoalMetric, GoalStatus, SuccessGoal } from '@/lib/model/goal';
import type { Interaction, InteractionType, Tone } from '@/lib/model/interaction';
import { defaultPolarity, type Polarity, type Severity, type Signal, type SignalKind } from '@/lib/model/signal';
import type { Stakeholder, StakeholderRole } from '@/lib/model/stakeholder';
import type { UsageMetric, UsagePoint, UsageSeries } from '@/lib/model/usage';
import { dateOfDay, dayNumber } from '@/lib/calendar';
import type { HealthInput } from '@/lib/health/score';
import { DEFAULT_HEALTH_WEIGHTS } from '@/lib/health/weights';

export const AS_OF = '2026-06-30';
const accountKey = 'salesforce:acme:001A';

/** The date `n` days before `asOf`. */
export const daysAgo = (n: number, asOf = AS_OF): string => dateOfDay(dayNumber(asOf) - n);
export const at = (date: string): string => `${date}T10:00:00.000Z`;

/** A daily series from `fromAgo` days before AS_OF to `toAgo` days before (inclusive), oldest first. */
export function daily(metric: UsageMetric, fromAgo: number, toAgo: number, value: number | ((ago: number) => number), subscription = ''): UsageSeries {
  const points: UsagePoint[] = [];
  for (let ago = fromAgo; ago >= toAgo; ago--) points.push({ date: daysAgo(ago), value: typeof value === 'number' ? value : value(ago) });
  return { subscription, metric, points };
}

let counter = 0;
const nextId = (prefix: string) => `${prefix}${++counter}`;

export function interaction(o: { ago: number; tone?: Tone | null; type?: InteractionType; id?: string }): Interaction {
  const occurredAt = at(daysAgo(o.ago));
  return {
    id: o.id ?? nextId('i'), accountKey, type: o.type ?? 'call', occurredAt, tone: o.tone ?? null, notes: '',
    attendeeIds: [], internalAttendees: [], nextSteps: [], internalOnly: false, createdAt: occurredAt, updatedAt: occurredAt, revision: 0,
  };
}

export function signal(o: {
  kind: SignalKind; ago: number; severity?: Severity; polarity?: Polarity; resolvedAgo?: number;
  interactionId?: string; whatHappened?: string; otherLabel?: string;
}): Signal {
  const occurredAt = at(daysAgo(o.ago));
  return {
    id: nextId('s'), accountKey, kind: o.kind, otherLabel: o.otherLabel ?? '', polarity: o.polarity ?? defaultPolarity(o.kind),
    severity: o.severity ?? 'medium', stakeholderId: null, whatHappened: o.whatHappened ?? '', howTheyFeel: '', occurredAt,
    detectedAt: occurredAt, detectedVia: 'meeting', interactionId: o.interactionId ?? null,
    resolvedAt: o.resolvedAgo === undefined ? null : at(daysAgo(o.resolvedAgo)), createdAt: occurredAt, updatedAt: occurredAt, revision: 0,
  };
}

/** A goal with its status history as [status, days ago] pairs, oldest first; created at the first. */
export function goal(history: [GoalStatus, number][], o: { metric?: GoalMetric | null; createdAgo?: number } = {}): SuccessGoal {
  const createdAt = at(daysAgo(o.createdAgo ?? history[0]?.[1] ?? 0));
  return {
    id: nextId('g'), accountKey, title: 'Goal', successLooksLike: '', horizon: 'light', targetDate: null, metric: o.metric ?? null,
    statusHistory: history.map(([status, ago]) => ({ status, changedAt: at(daysAgo(ago)), perceivedBy: '', reason: '' })),
    createdAt, updatedAt: createdAt, revision: 0,
  };
}

export function stakeholder(o: { role: StakeholderRole; name?: string; leftAgo?: number | null; updatedAgo?: number }): Stakeholder {
  const left = o.leftAgo !== undefined;
  return {
    id: nextId('p'), accountKey, name: o.name ?? 'Aiko Tanaka', title: '', role: o.role, influence: 'high', preferredChannel: null,
    personalityNotes: '', status: left ? 'left' : 'active', activeSince: null,
    leftOn: o.leftAgo === undefined || o.leftAgo === null ? null : daysAgo(o.leftAgo),
    createdAt: at(daysAgo(800)), updatedAt: at(daysAgo(o.updatedAgo ?? 0)), revision: 0,
  };
}

export function healthInput(o: Partial<HealthInput> = {}): HealthInput {
  return { asOf: AS_OF, usage: [], interactions: [], signals: [], goals: [], stakeholders: [], weights: DEFAULT_HEALTH_WEIGHTS, ...o };
}
