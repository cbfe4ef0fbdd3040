import type { UsageMonth, UsageRecord, UsageSeries } from '../model/usage';

/** Deterministic and unambiguous: JSON escapes any separator a source key could contain. */
export function usageMonthId(sourceAccountKey: string, subscription: string, metric: string, month: string): string {
  return JSON.stringify([sourceAccountKey, subscription, metric, month]);
}

const emptyDays = (): (number | null)[] => new Array<number | null>(31).fill(null);

/** Groups per-day figures into month records; a later figure for the same day wins. */
export function groupIntoMonths(records: readonly UsageRecord[], updatedAt: string): UsageMonth[] {
  const months = new Map<string, UsageMonth>();
  for (const r of records) {
    const month = r.date.slice(0, 7);
    const id = usageMonthId(r.sourceAccountKey, r.subscription, r.metric, month);
    let m = months.get(id);
    if (!m) {
      m = { id, sourceAccountKey: r.sourceAccountKey, account: r.account, subscription: r.subscription, metric: r.metric, month, days: emptyDays(), updatedAt, source: r.source };
      months.set(id, m);
    }
    m.days[Number(r.date.slice(8, 10)) - 1] = r.value;
  }
  return [...months.values()];
}

/**
 * The stored month with the incoming figures laid over it: importing a file again, or a file
 * covering part of a month, replaces those days' figures and keeps the others.
 */
export function mergeMonth(stored: UsageMonth | undefined, incoming: UsageMonth): UsageMonth {
  if (!stored) return incoming;
  return { ...incoming, days: stored.days.map((value, i) => incoming.days[i] ?? value) };
}

/** Month records (any order) → one series per subscription and metric, oldest point first. */
export function monthsToSeries(months: readonly UsageMonth[]): UsageSeries[] {
  const sorted = [...months].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const series = new Map<string, UsageSeries>();
  for (const m of sorted) {
    const key = JSON.stringify([m.subscription, m.metric]);
    let s = series.get(key);
    if (!s) {
      s = { subscription: m.subscription, metric: m.metric, points: [] };
      series.set(key, s);
    }
    m.days.forEach((value, i) => {
      if (value !== null) s.points.push({ date: `${m.month}-${String(i + 1).padStart(2, '0')}`, value });
    });
  }
  // Several source accounts linked to one CRM account: figures of the same day add up.
  for (const s of series.values()) s.points = sumSameDay(s.points);
  return [...series.values()];
}

function sumSameDay(points: UsageSeries['points']): UsageSeries['points'] {
  const sorted = points.length > 1 && points.some((p, i) => i > 0 && p.date <= (points[i - 1]?.date ?? '')) ? [...points].sort((a, b) => (a.date < b.date ? -1 : 1)) : points;
  const out: UsageSeries['points'] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && last.date === p.date) last.value += p.value;
    else out.push({ ...p });
  }
  return out;
}
