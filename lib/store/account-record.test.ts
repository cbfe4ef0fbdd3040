import { describe, expect, it } from 'vitest';
import type { Interaction } from '../model/interaction';
import { interactionsForBrief, readAccountRecord, readAllAccountRecords } from './account-record';
import { openAdoptionDb } from '../db/open';
import { recordVisit } from './visit';
import { recordsFromQuickLog, saveLoggedTouch } from './quick-log';
import { ACCOUNT_KEY, quickLogForm, reading, sequentialIds, uniqueDbName } from '@/tests/unit/factories';
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

describe('reading account records', () => {
  it('gives each account its newest field snapshot and all its touches, one account or all', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const industry = (value: string) => [{ key: 'Name', label: 'Account Name', value: 'Globex Corporation' }, { key: 'Industry', label: 'Industry', value }];
    await recordVisit(db, reading({ fields: industry('Manufacturing') }), new Date('2026-11-01T09:00:00Z'), sequentialIds);
    await recordVisit(db, reading({ visitId: 'visit-2', fields: industry('Retail') }), new Date('2026-11-02T09:00:00Z'), sequentialIds);
    await recordVisit(db, reading({ visitId: 'visit-3', fields: industry('Energy') }), new Date('2026-11-03T09:00:00Z'), sequentialIds);
    const other = 'salesforce:acme:001Dn00000ZZZZZAA1';
    await recordVisit(db, reading({ accountKey: other, recordId: '001Dn00000ZZZZZAA1', url: 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ZZZZZAA1/view', visitId: 'visit-4', fields: industry('Banking') }), new Date('2026-11-04T09:00:00Z'), sequentialIds);
    await saveLoggedTouch(db, recordsFromQuickLog(quickLogForm({ occurredAt: '2026-11-03T10:00:00.000Z' }), ACCOUNT_KEY, new Date('2026-11-03T10:05:00Z'), sequentialIds));

    const one = await readAccountRecord(db, ACCOUNT_KEY);
    expect(one?.fields.find((f) => f.key === 'Industry')?.value).toBe('Energy');
    expect(one?.interactions).toHaveLength(1);
    const all = new Map((await readAllAccountRecords(db)).map((r) => [r.account.key, r]));
    expect(all.get(ACCOUNT_KEY)?.fields.find((f) => f.key === 'Industry')?.value).toBe('Energy');
    expect(all.get(other)?.fields.find((f) => f.key === 'Industry')?.value).toBe('Banking');
    expect(all.get(other)?.interactions).toEqual([]);
    expect(await readAccountRecord(db, 'salesforce:acme:001Dn00000NOPEAAA1')).toBeNull();
  });
});
