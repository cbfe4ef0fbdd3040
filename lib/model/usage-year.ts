import { z } from './zod';
import { UsageMonth, usageMonthId, type UsageAccountRef } from './usage';

/**
 * How usage is stored: one record per source account, subscription, metric and year, its figures
 * by month and day (`months[0]` is January, null for a month without a figure; in a month, index 0
 * is the 1st). IndexedDB's cost is per record far more than per byte: in a plain page here,
 * 48,000 month records took 4.7-5.5 s to put in one transaction, the same figures as 4,000 years
 * 0.65-0.69 s.
 * `account`, `updatedAt` and `source` are those of the last import that changed the year.
 */
export const UsageYear = z.extend(z.omit(UsageMonth, { month: true, days: true }), {
  year: z.string().check(z.regex(/^\d{4}$/)),
  months: z.array(z.nullable(UsageMonth.shape.days)).check(z.length(12)),
});
export type UsageYear = z.infer<typeof UsageYear>;

/** Deterministic and unambiguous, like a month's id. */
export function usageYearId(sourceAccountKey: string, subscription: string, metric: string, year: string): string {
  return JSON.stringify([sourceAccountKey, subscription, metric, year]);
}

const yearIdOfMonth = (m: UsageMonth): string => usageYearId(m.sourceAccountKey, m.subscription, m.metric, m.month.slice(0, 4));

/** The months a year holds, January first. */
export function monthsOfYear(year: UsageYear): UsageMonth[] {
  const out: UsageMonth[] = [];
  year.months.forEach((days, i) => {
    if (!days) return;
    const month = `${year.year}-${String(i + 1).padStart(2, '0')}`;
    const { sourceAccountKey, account, subscription, metric, updatedAt, source } = year;
    out.push({ id: usageMonthId(sourceAccountKey, subscription, metric, month), sourceAccountKey, account, subscription, metric, month, days, updatedAt, source });
  });
  return out;
}

export const monthsOfYears = (years: readonly UsageYear[]): UsageMonth[] => years.flatMap(monthsOfYear);

/** How many months with figures the years hold. */
export const monthsHeld = (years: readonly UsageYear[]): number => years.reduce((n, y) => n + y.months.filter((days) => days !== null).length, 0);

function sameAccount(a: UsageAccountRef, b: UsageAccountRef): boolean {
  return a.id === b.id && a.domain === b.domain && a.name === b.name;
}

/**
 * Lays incoming months over the stored years: a day the incoming month has replaces the stored
 * figure, a day it lacks keeps it (a file covering part of a month, or imported again). Returns
 * only the years that changed (new, a figure, or how the source names the account), so importing
 * the same file twice writes nothing.
 */
export function layMonthsIntoYears(stored: ReadonlyMap<string, UsageYear>, incoming: readonly UsageMonth[]): UsageYear[] {
  const touched = new Map<string, { year: UsageYear; changed: boolean }>();
  for (const m of incoming) {
    const id = yearIdOfMonth(m);
    let entry = touched.get(id);
    if (!entry) {
      const before = stored.get(id);
      const year: UsageYear = before
        ? { ...before, months: [...before.months] }
        : { id, sourceAccountKey: m.sourceAccountKey, account: m.account, subscription: m.subscription, metric: m.metric, year: m.month.slice(0, 4), months: new Array<null>(12).fill(null), updatedAt: m.updatedAt, source: m.source };
      entry = { year, changed: !before };
      touched.set(id, entry);
    }
    const { year } = entry;
    const index = Number(m.month.slice(5, 7)) - 1;
    const before = year.months[index];
    const days = before ? before.map((value, day) => m.days[day] ?? value) : m.days;
    if (!entry.changed && (!before || days.some((value, day) => value !== before[day]) || !sameAccount(year.account, m.account))) entry.changed = true;
    year.months[index] = days;
    year.account = m.account;
    year.updatedAt = m.updatedAt;
    year.source = m.source;
  }
  return [...touched.values()].filter((e) => e.changed).map((e) => e.year);
}

/**
 * Incoming years laid over the stored ones, as their months would be (layMonthsIntoYears): the
 * years that changed. A year nothing is stored for is written as it came, without going through
 * its months: the whole of a first import.
 */
export function layYearsOver(stored: ReadonlyMap<string, UsageYear>, incoming: readonly UsageYear[]): UsageYear[] {
  const times = new Map<string, number>();
  for (const y of incoming) times.set(y.id, (times.get(y.id) ?? 0) + 1);
  const fresh: UsageYear[] = [];
  const over: UsageYear[] = [];
  for (const y of incoming) {
    // Laid month by month: a year stored already, listed twice, or whose id is not its own.
    const asIs = !stored.has(y.id) && times.get(y.id) === 1 && y.id === usageYearId(y.sourceAccountKey, y.subscription, y.metric, y.year);
    (asIs ? fresh : over).push(y);
  }
  return over.length === 0 ? fresh : [...fresh, ...layMonthsIntoYears(stored, monthsOfYears(over))];
}
