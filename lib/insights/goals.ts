import { currentStatus, type SuccessGoal } from '../model/goal';
import { daysBetween } from './tone';

/**
 * Every goal achieved and none set since: the customer may feel there is no mountain left to
 * climb, a known churn risk.
 */
export function goalsExhausted(goals: readonly SuccessGoal[]): boolean {
  if (goals.length === 0) return false;
  if (!goals.every((g) => currentStatus(g).status === 'achieved')) return false;
  const lastAchieved = goals.map((g) => currentStatus(g).changedAt).sort().at(-1) ?? '';
  return !goals.some((g) => g.createdAt > lastAchieved);
}

/** How long a goal has been in its current status, in whole days. */
export function daysInStatus(goal: SuccessGoal, now: Date): number {
  return Math.max(0, daysBetween(currentStatus(goal).changedAt, now));
}
