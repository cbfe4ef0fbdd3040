import { describe, expect, it } from 'vitest';
import { goalsAsOf, goalsComponent } from './goals';
import { AS_OF, goal } from '@/tests/unit/health-fixtures';

describe('goals component', () => {
  it('is null without goals created by asOf', () => {
    expect(goalsComponent([], AS_OF)).toBeNull();
    expect(goalsComponent([goal([['working', -5]])], AS_OF)).toBeNull();
    // Created later with a backdated status: it did not exist yet.
    expect(goalsComponent([goal([['achieved', 10]], { createdAgo: -5 })], AS_OF)).toBeNull();
  });

  it('averages the status of each goal on the ordered scale', () => {
    expect(goalsComponent([goal([['achieved', 10]])], AS_OF)?.value).toBe(100);
    expect(goalsComponent([goal([['no-outlook', 10]])], AS_OF)?.value).toBe(0);
    const r = goalsComponent([goal([['working', 100], ['achieved', 10]]), goal([['working', 50]]), goal([['no-outlook', 20]])], AS_OF);
    expect(r).toEqual({
      id: 'goals', value: 50,
      reasons: [
        { key: 'health.reason.goalsAchieved', params: { achieved: 1, total: 3 } },
        { key: 'health.reason.goalsInProgress', params: { count: 1 } },
        { key: 'health.reason.goalsNoOutlook', params: { count: 1 } },
      ],
    });
  });

  it('reads each goal as it stood on asOf', () => {
    const g = goal([['working', 100], ['no-outlook', 50], ['achieved', 10]]);
    expect(goalsAsOf([g], '2026-04-01')[0]?.statusHistory.map((s) => s.status)).toEqual(['working']);
    expect(goalsComponent([g], '2026-04-01')?.value).toBe(50);
    expect(goalsComponent([g], AS_OF)?.value).toBe(100);
    expect(goalsAsOf([g], AS_OF)[0]).toBe(g);
  });
});
