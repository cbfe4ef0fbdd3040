import { describe, expect, it } from 'vitest';
import { usageMonthId, type UsageMonth, type UsageRecord } from '../model/usage';
import { groupIntoMonths } from './months';

/** The plain definition groupIntoMonths must agree with: one JSON id per record. */
function reference(records: readonly UsageRecord[], updatedAt: string): UsageMonth[] {
  const months = new Map<string, UsageMonth>();
  for (const r of records) {
    const month = r.date.slice(0, 7);
    const id = usageMonthId(r.sourceAccountKey, r.subscription, r.metric, month);
    let m = months.get(id);
    if (!m) {
      m = { id, sourceAccountKey: r.sourceAccountKey, account: r.account, subscription: r.subscription, metric: r.metric, month, days: new Array<number | null>(31).fill(null), updatedAt, source: r.source };
      months.set(id, m);
    }
    m.days[Number(r.date.slice(8, 10)) - 1] = r.value;
  }
  return [...months.values()];
}

describe('groupIntoMonths (fast path)', () => {
  it('gives exactly the months of the plain definition, in the same order, for interleaved records', () => {
    const records: UsageRecord[] = [];
    let seed = 1;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const keys = ['id:A', 'id:B', 'domain:c.example', 'name:\u0000odd'];
    for (let i = 0; i < 3000; i++) {
      const key = keys[rand(keys.length)] ?? 'id:A';
      const date = `2026-${String(rand(12) + 1).padStart(2, '0')}-${String(rand(28) + 1).padStart(2, '0')}`;
      const subscription = ['', 'Pro', 'Lite'][rand(3)] ?? '';
      for (const metric of ['activeUsers', 'logins', 'feature:x'] as const) {
        if (rand(4) === 0) continue;
        records.push({ id: `${i}-${metric}`, sourceAccountKey: key, account: { id: key, domain: '', name: '' }, date, metric, subscription, value: rand(1000), importedAt: '2026-11-30T00:00:00.000Z', source: 'f.csv' });
      }
    }
    expect(groupIntoMonths(records, 'now')).toEqual(reference(records, 'now'));
    expect(groupIntoMonths([], 'now')).toEqual([]);
  });
});
