import { describe, expect, it } from 'vitest';
import { PrimedReads, firstTimelinePage } from './primed-reads';
import type { TimelinePage } from '../model/timeline';

const KEY = 'salesforce:001Dn00000ABCDEFGH';
const page = (note: string): TimelinePage => ({ entries: [], next: null, damaged: note.length });

function primedWith(now: { t: number }, note = 'first') {
  const reads = new PrimedReads(() => now.t);
  const asked: string[] = [];
  reads.prime(KEY, async (query) => (asked.push(`${query.accountKey} ${query.kinds.length} kinds, ${query.limit}`), page(note)));
  return { reads, asked };
}

describe('PrimedReads', () => {
  it('hands out the first page once, for the query the sidebar makes first', async () => {
    const { reads, asked } = primedWith({ t: 0 });
    expect(asked).toEqual([`${KEY} 6 kinds, 100`]);
    expect(await reads.takeTimeline(firstTimelinePage(KEY))).toEqual(page('first'));
    expect(reads.takeTimeline(firstTimelinePage(KEY))).toBeUndefined();
  });

  it('matches the kinds whatever their order, and nothing else', async () => {
    const { reads } = primedWith({ t: 0 });
    const first = firstTimelinePage(KEY);
    expect(reads.takeTimeline({ ...first, kinds: ['interaction'] })).toBeUndefined();
    expect(reads.takeTimeline({ ...first, limit: 50 })).toBeUndefined();
    expect(reads.takeTimeline({ ...first, before: { at: '2026-01-01T00:00:00.000Z', id: 'x' } })).toBeUndefined();
    expect(reads.takeTimeline({ ...first, accountKey: 'salesforce:001Dn00000ZZZZZZZZ' })).toBeUndefined();
    expect(await reads.takeTimeline({ ...first, kinds: [...first.kinds].reverse() })).toEqual(page('first'));
  });

  it('hands out nothing after a write, or once it is old', () => {
    const now = { t: 0 };
    const written = primedWith(now);
    written.reads.invalidate();
    expect(written.reads.takeTimeline(firstTimelinePage(KEY))).toBeUndefined();

    const old = primedWith(now);
    now.t = 10_001;
    expect(old.reads.takeTimeline(firstTimelinePage(KEY))).toBeUndefined();
  });

  it('keeps the latest read of an account when primed again', async () => {
    const now = { t: 0 };
    const { reads } = primedWith(now);
    reads.prime(KEY, async () => page('second read'));
    expect(await reads.takeTimeline(firstTimelinePage(KEY))).toEqual(page('second read'));
  });

  it('a failed read is handed out as failed (the caller reads again), and is never an unhandled rejection', async () => {
    const reads = new PrimedReads(() => 0);
    reads.prime(KEY, () => Promise.reject(new Error('blocked')));
    await expect(reads.takeTimeline(firstTimelinePage(KEY))).rejects.toThrow('blocked');
  });
});
