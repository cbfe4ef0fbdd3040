import { z } from './zod';
import { AccountKey } from './account';
import { IsoDate, IsoDateTime } from './dates';
import { LIMITS } from './limits';

/** light: near term (about 3 months); deep: long term (about a year). */
export const GoalHorizon = z.enum(['light', 'deep']);
export type GoalHorizon = z.infer<typeof GoalHorizon>;

/** Progress toward a goal, on an ordered scale from no outlook to achieved. */
export const GOAL_STATUSES = ['no-outlook', 'working', 'partial-expected', 'partially-achieved', 'achieved'] as const;
export const GoalStatus = z.enum(GOAL_STATUSES);
export type GoalStatus = z.infer<typeof GoalStatus>;


export const GoalMetric = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(LIMITS.name)),
  unit: z._default(z.string().check(z.maxLength(LIMITS.metricUnit)), ''),
  start: z.number(),
  current: z.number(),
  target: z.number(),
});
export type GoalMetric = z.infer<typeof GoalMetric>;

/** Every change of status is kept: when, who perceived it, and why. */
export const GoalStatusChange = z.object({
  status: GoalStatus,
  changedAt: IsoDateTime,
  perceivedBy: z._default(z.string().check(z.maxLength(LIMITS.name)), ''),
  reason: z._default(z.string().check(z.maxLength(LIMITS.longText)), ''),
});
export type GoalStatusChange = z.infer<typeof GoalStatusChange>;

export const SuccessGoal = z.object({
  id: z.string().check(z.minLength(1)),
  accountKey: AccountKey,
  title: z.string().check(z.minLength(1), z.maxLength(LIMITS.goalTitle)),
  successLooksLike: z._default(z.string().check(z.maxLength(LIMITS.longText)), ''),
  horizon: GoalHorizon,
  targetDate: z.nullable(IsoDate),
  metric: z.nullable(GoalMetric),
  /** Oldest first; the last entry is the current status. */
  statusHistory: z.array(GoalStatusChange).check(z.minLength(1)),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Incremented on every save, so two tabs editing the same goal notice each other. */
  revision: z._default(z.int().check(z.nonnegative()), 0),
});
export type SuccessGoal = z.infer<typeof SuccessGoal>;

export function currentStatus(goal: Pick<SuccessGoal, 'statusHistory'>): GoalStatusChange {
  const last = goal.statusHistory[goal.statusHistory.length - 1];
  if (!last) throw new Error('a goal always has a status');
  return last;
}

/**
 * The goal editor's fields as typed (numbers as text, read when saved: lib/parse-number.ts), what an
 * unsaved edit of a goal keeps (./entry-draft.ts).
 */
export const GoalForm = z.object({
  title: z.string(),
  successLooksLike: z.string(),
  horizon: GoalHorizon,
  targetDate: z.string(),
  metricName: z.string(),
  metricUnit: z.string(),
  start: z.string(),
  current: z.string(),
  target: z.string(),
  status: GoalStatus,
  reason: z.string(),
  perceivedBy: z.string(),
});
export type GoalForm = z.infer<typeof GoalForm>;
