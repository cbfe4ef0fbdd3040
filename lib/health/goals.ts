import { currentStatus, type GoalStatus, type SuccessGoal } from '../model/goal';
import { dateOf } from './dates';
import type { ComponentResult, Reason } from './model';

/**
 * The goal status scale as values. Not evenly spaced: "working" is the normal state of a live
 * goal, so it sits mid-scale, while "no outlook" is a clear warning.
 */
export const GOAL_STATUS_VALUE: Record<GoalStatus, number> = {
  'no-outlook': 0,
  working: 50,
  'partial-expected': 65,
  'partially-achieved': 80,
  achieved: 100,
};

/**
 * The goals as they stood on `asOf`: those created by then, their status history cut at that
 * day. A goal with no status by then is left out. Goals needing no cut are returned as they are.
 */
export function goalsAsOf(goals: readonly SuccessGoal[], asOf: string): SuccessGoal[] {
  const result: SuccessGoal[] = [];
  for (const goal of goals) {
    if (dateOf(goal.createdAt) > asOf) continue;
    if (dateOf(currentStatus(goal).changedAt) <= asOf) {
      result.push(goal);
      continue;
    }
    const statusHistory = goal.statusHistory.filter((s) => dateOf(s.changedAt) <= asOf);
    if (statusHistory.length > 0) result.push({ ...goal, statusHistory });
  }
  return result;
}

/** Goals from the status of each success goal on `asOf`, averaged. Null when there was none. */
export function goalsComponent(goals: readonly SuccessGoal[], asOf: string): ComponentResult | null {
  const current = goalsAsOf(goals, asOf);
  if (current.length === 0) return null;
  let total = 0;
  let achieved = 0;
  let noOutlook = 0;
  for (const goal of current) {
    const status = currentStatus(goal).status;
    total += GOAL_STATUS_VALUE[status];
    if (status === 'achieved') achieved++;
    else if (status === 'no-outlook') noOutlook++;
  }
  const inProgress = current.length - achieved - noOutlook;
  const reasons: Reason[] = [{ key: 'health.reason.goalsAchieved', params: { achieved, total: current.length } }];
  if (inProgress > 0) reasons.push({ key: 'health.reason.goalsInProgress', params: { count: inProgress } });
  if (noOutlook > 0) reasons.push({ key: 'health.reason.goalsNoOutlook', params: { count: noOutlook } });
  return { id: 'goals', value: Math.round(total / current.length), reasons };
}
