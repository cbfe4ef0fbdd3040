import type { OpenStep } from '../model/overview';
import { localDate } from '../calendar';

export interface DueSteps {
  overdue: OpenStep[];
  dueSoon: OpenStep[];
}


function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return localDate(new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
}

/** Open next steps past due, and those due within `soonDays` (today included), earliest first. */
export function dueSteps(open: readonly OpenStep[], today: string, soonDays: number): DueSteps {
  const horizon = addDays(today, soonDays);
  const dated = open.filter((s) => s.step.dueDate !== null).sort((a, b) => (a.step.dueDate ?? '').localeCompare(b.step.dueDate ?? ''));
  return {
    overdue: dated.filter((s) => (s.step.dueDate ?? '') < today),
    dueSoon: dated.filter((s) => (s.step.dueDate ?? '') >= today && (s.step.dueDate ?? '') <= horizon),
  };
}
