import { describe, expect, it } from 'vitest';
import { openAdoptionDb } from '../db/open';
import { timelinePage } from './timeline';
import { type TimelineEntry } from '../model/timeline';
import { recordVisit } from './visit';
import { saveEntry } from './entries';
import type { SuccessGoal } from '../model/goal';
import type { Interaction } from '../model/interaction';
import { ACCOUNT_KEY, reading, sequentialIds, uniqueDbName } from '@/tests/unit/factories';

function interaction(i: number): Interaction {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
  return { id: `i${String(i).padStart(5, '0')}`, accountKey: ACCOUNT_KEY, type: 'note', occurredAt: at, tone: null, notes: `note ${i}`, attendeeIds: [], internalAttendees: [], nextSteps: [], internalOnly: false, createdAt: at, updatedAt: at, revision: 0 };
}

describe('timeline', () => {
  it('pages through every entry exactly once, newest first, with kinds merged', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const tx = db.transaction('interactions', 'readwrite');
    for (let i = 0; i < 250; i++) void tx.store.put(interaction(i));
    // Two entries at the same instant must not be lost at a page boundary.
    void tx.store.put({ ...interaction(100), id: 'i00100b' });
    await tx.done;
    const goal: SuccessGoal = {
      id: 'g1', accountKey: ACCOUNT_KEY, title: 'Roll out to sales', successLooksLike: '', horizon: 'light', targetDate: null, metric: null,
      statusHistory: [{ status: 'working', changedAt: '2026-01-03T00:30:00.000Z', perceivedBy: '', reason: '' }, { status: 'achieved', changedAt: '2026-01-05T00:30:00.000Z', perceivedBy: 'me', reason: 'All reps active' }],
      createdAt: '2026-01-03T00:30:00.000Z', updatedAt: '2026-01-05T00:30:00.000Z', revision: 0,
    };
    await saveEntry(db, { store: 'goals', record: goal }, null, new Date());
    await recordVisit(db, reading({ visitId: 'a' }), new Date('2026-01-02T00:10:00Z'), sequentialIds);
    await recordVisit(db, reading({ visitId: 'b', fields: [{ key: 'Industry', label: 'Industry', value: 'Energy' }] }), new Date('2026-01-06T00:10:00Z'), sequentialIds);

    const seen: TimelineEntry[] = [];
    let before = null;
    do {
      const page = await timelinePage(db, { accountKey: ACCOUNT_KEY, kinds: ['interaction', 'signal', 'goal-status', 'field-change'], before, limit: 40 });
      seen.push(...page.entries);
      before = page.next;
    } while (before);

    expect(seen).toHaveLength(251 + 2 + 1);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    const times = seen.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(seen.find((e) => e.kind === 'goal-status' && e.change.status === 'achieved')).toMatchObject({ previous: 'working', goalTitle: 'Roll out to sales' });
    expect(seen.find((e) => e.kind === 'field-change')).toMatchObject({ at: '2026-01-06T00:10:00.000Z', changes: [{ key: 'Industry', before: 'Manufacturing', after: 'Energy' }] });
  });

  it('filters by kind', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    await db.put('interactions', interaction(1));
    await recordVisit(db, reading({ visitId: 'a' }), new Date('2026-01-02T00:10:00Z'), sequentialIds);
    await recordVisit(db, reading({ visitId: 'b', fields: [{ key: 'Industry', label: 'Industry', value: 'Energy' }] }), new Date('2026-01-06T00:10:00Z'), sequentialIds);
    const page = await timelinePage(db, { accountKey: ACCOUNT_KEY, kinds: ['field-change'], before: null, limit: 10 });
    expect(page.entries.map((e) => e.kind)).toEqual(['field-change']);
    expect(page.next).toBeNull();
  });
});
