import { describe, expect, it } from 'vitest';
import type { Interaction } from '../model/interaction';
import { interactionsForBrief } from './account-record';
import { type AccountRecord } from '../model/account-record';

const interaction = (id: string, occurredAt: string, nextSteps: Interaction['nextSteps'] = []): Interaction => ({
  id, accountKey: 'salesforce:acme:001A', type: 'call', occurredAt, tone: null, notes: id, attendeeIds: [], internalAttendees: [], nextSteps, internalOnly: false, createdAt: occurredAt, updatedAt: occurredAt, revision: 0,
});
const record = (interactions: Interaction[]): AccountRecord => ({
  account: { key: 'salesforce:acme:001A', crm: 'salesforce', recordId: '001A', name: 'A', url: 'https://x', firstSeenAt: '2026-01-01T00:00:00.000Z', lastSeenAt: '2026-01-01T00:00:00.000Z' },
  fields: [], interactions, signals: [], goals: [], stakeholders: [], damaged: 0,
});

describe('interactionsForBrief', () => {
  it('keeps what a brief of the range can show, with a day of margin for time zones', () => {
    const kept = interactionsForBrief(
      record([
        interaction('long before', '2026-05-01T10:00:00.000Z'),
        interaction('evening before, Tokyo morning of the 1st', '2026-06-30T22:00:00.000Z'),
        interaction('inside', '2026-07-15T10:00:00.000Z'),
        interaction('last day, late', '2026-09-30T23:30:00.000Z'),
        interaction('long after', '2026-11-01T10:00:00.000Z'),
        interaction('old, step still open', '2026-01-10T10:00:00.000Z', [{ id: 's1', text: 'x', dueDate: null, doneAt: null }]),
        interaction('old, step done in range', '2026-01-11T10:00:00.000Z', [{ id: 's2', text: 'x', dueDate: null, doneAt: '2026-08-01T10:00:00.000Z' }]),
        interaction('old, step done long ago', '2026-01-12T10:00:00.000Z', [{ id: 's3', text: 'x', dueDate: null, doneAt: '2026-02-01T10:00:00.000Z' }]),
      ]),
      { from: '2026-07-01', to: '2026-09-30' },
    );
    expect(kept.interactions.map((i) => i.id)).toEqual(['evening before, Tokyo morning of the 1st', 'inside', 'last day, late', 'old, step still open', 'old, step done in range']);
  });
});
