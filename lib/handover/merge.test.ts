import { describe, expect, it } from 'vitest';
import type { EditableEntry } from '../model/entry';
import type { Interaction } from '../model/interaction';
import { versionKey } from '../model/handover';
import { mergeEntry, sameContent, unionHistory } from './merge';
import { ACCOUNT_KEY } from '@/tests/unit/factories';

const NOW = '2026-11-25T00:00:00.000Z';

function note(patch: Partial<Interaction> = {}): EditableEntry {
  return {
    store: 'interactions',
    record: {
      id: 'n1', accountKey: ACCOUNT_KEY, type: 'call', occurredAt: '2026-11-20T10:00:00.000Z', tone: 'positive', notes: 'Kickoff', attendeeIds: [], internalAttendees: [], nextSteps: [], internalOnly: false,
      createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z', revision: 0, ...patch,
    },
  };
}

describe('merge rules', () => {
  it('adds what is missing, and leaves equal content alone whatever its revision or key order', () => {
    expect(mergeEntry(note(), undefined, new Set(), NOW)).toEqual([{ kind: 'added', put: note() }]);
    expect(mergeEntry(note({ revision: 3, updatedAt: NOW }), note(), new Set(), NOW)).toEqual([{ kind: 'unchanged' }]);
    expect(sameContent({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true);
  });

  it('changes nothing for a version received before, even when the local copy was since edited or deleted', () => {
    const received = note();
    const seen = new Set([versionKey(received)]);
    expect(mergeEntry(received, note({ notes: 'edited here', revision: 1 }), seen, NOW)).toEqual([{ kind: 'unchanged' }]);
    expect(mergeEntry(received, undefined, seen, NOW)).toEqual([{ kind: 'unchanged' }]);
  });

  it('takes a newer version over a copy untouched since it was received; keeps both when both changed', () => {
    const seen = new Set([versionKey(note())]);
    const newer = note({ notes: 'sender’s newer', revision: 1, updatedAt: NOW });
    expect(mergeEntry(newer, note(), seen, NOW)).toEqual([{ kind: 'updated', put: newer }]);
    expect(mergeEntry(newer, note({ notes: 'mine', revision: 1 }), seen, NOW)).toEqual([{ kind: 'conflicts', version: true }]);
    expect(mergeEntry(newer, note({ notes: 'mine' }), new Set(), NOW)).toEqual([{ kind: 'conflicts', version: true }]);
  });

  it('never moves a record stored under another account', () => {
    expect(mergeEntry(note(), note({ accountKey: 'salesforce:acme:001Dn00000ZZZZZAA9' }), new Set(), NOW)).toEqual([{ kind: 'conflicts', version: true }]);
  });

  it('unites status histories, oldest first, each change once', () => {
    const a = { status: 'working' as const, changedAt: '2026-01-01T00:00:00.000Z', perceivedBy: 'A', reason: '' };
    const b = { status: 'achieved' as const, changedAt: '2026-03-01T00:00:00.000Z', perceivedBy: 'B', reason: 'done' };
    const c = { status: 'partially-achieved' as const, changedAt: '2026-02-01T00:00:00+09:00', perceivedBy: 'A', reason: '' };
    expect(unionHistory([a, b], [a, c])).toEqual([a, c, b]);
    expect(unionHistory([a], [a])).toEqual([a]);
  });
});
