import { describe, expect, it } from 'vitest';
import { openAdoptionDb } from '../db/open';
import { idsOfSave, recordsFromQuickLog, saveLoggedTouch } from './quick-log';
import { accountOverview } from './overview';
import { ACCOUNT_KEY, quickLogForm, sequentialIds, uniqueDbName } from '@/tests/unit/factories';

const now = new Date('2026-11-25T10:00:00Z');

describe('quick log records', () => {
  it('links signals to the interaction, creates typed-in stakeholders and drops empty next steps', () => {
    const touch = recordsFromQuickLog(
      quickLogForm({
        type: 'meeting',
        occurredAt: '2026-11-24T16:00:00+09:00',
        attendeeIds: ['s-known'],
        newAttendees: ['Ben Ito'],
        signals: [{ kind: 'competitor-mentioned', otherLabel: '', polarity: 'risk', severity: 'high', stakeholderId: null, whatHappened: 'Asked about Rival', howTheyFeel: '' }],
        nextSteps: [{ text: 'Send ROI deck', dueDate: '2026-11-28' }, { text: '  ', dueDate: null }],
        internalOnly: true,
      }),
      ACCOUNT_KEY,
      now,
      sequentialIds,
    );
    expect(touch.stakeholders).toHaveLength(1);
    expect(touch.stakeholders[0]).toMatchObject({ name: 'Ben Ito', status: 'active', accountKey: ACCOUNT_KEY });
    expect(touch.interaction.attendeeIds).toEqual(['s-known', touch.stakeholders[0]!.id]);
    expect(touch.interaction.occurredAt).toBe('2026-11-24T07:00:00.000Z');
    expect(touch.interaction.nextSteps).toEqual([{ id: expect.any(String), text: 'Send ROI deck', dueDate: '2026-11-28', doneAt: null }]);
    expect(touch.interaction.internalOnly).toBe(true);
    expect(touch.signals).toEqual([
      expect.objectContaining({ kind: 'competitor-mentioned', interactionId: touch.interaction.id, detectedVia: 'meeting', occurredAt: '2026-11-24T07:00:00.000Z', detectedAt: now.toISOString(), resolvedAt: null }),
    ]);
  });

  it('makes a person a signal names but the map does not hold a stakeholder, once, and the signal is about them', () => {
    const about = (kind: 'new-stakeholder' | 'champion-left' | 'roi-questioned', stakeholderId: string | null, newStakeholderName?: string) =>
      ({ kind, otherLabel: '', polarity: 'risk' as const, severity: 'medium' as const, stakeholderId, newStakeholderName, whatHappened: '', howTheyFeel: '' });
    const touch = recordsFromQuickLog(
      quickLogForm({
        newAttendees: ['Ben Ito'],
        signals: [about('new-stakeholder', null, ' Mark Chen '), about('champion-left', null, 'ben ito'), about('roi-questioned', 's-known', 'Someone Else')],
      }),
      ACCOUNT_KEY,
      now,
      sequentialIds,
    );
    // Ben Ito typed as an attendee is the same person; Mark Chen is new, and no attendee.
    expect(touch.stakeholders.map((s) => s.name)).toEqual(['Ben Ito', 'Mark Chen']);
    const [ben, mark] = touch.stakeholders;
    expect(touch.interaction.attendeeIds).toEqual([ben!.id]);
    expect(touch.signals.map((s) => [s.kind, s.stakeholderId])).toEqual([['new-stakeholder', mark!.id], ['champion-left', ben!.id], ['roi-questioned', 's-known']]);
    expect(touch.signals[0]).not.toHaveProperty('newStakeholderName');
    // The same form saved again (a retry) makes the same ids.
    const again = recordsFromQuickLog(
      quickLogForm({ newAttendees: ['Ben Ito'], signals: [about('new-stakeholder', null, ' Mark Chen '), about('champion-left', null, 'ben ito'), about('roi-questioned', 's-known', 'Someone Else')] }),
      ACCOUNT_KEY,
      now,
      idsOfSave('0b6f4e52-8d1c-4a57-9d0e-2f3a4b5c6d7e'),
    );
    const retried = recordsFromQuickLog(
      quickLogForm({ newAttendees: ['Ben Ito'], signals: [about('new-stakeholder', null, ' Mark Chen '), about('champion-left', null, 'ben ito'), about('roi-questioned', 's-known', 'Someone Else')] }),
      ACCOUNT_KEY,
      now,
      idsOfSave('0b6f4e52-8d1c-4a57-9d0e-2f3a4b5c6d7e'),
    );
    expect(retried.stakeholders.map((s) => s.id)).toEqual(again.stakeholders.map((s) => s.id));
    expect(retried.signals.map((s) => s.stakeholderId)).toEqual(again.signals.map((s) => s.stakeholderId));
  });

  it('saves everything at once and shows it in the overview', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const touch = recordsFromQuickLog(
      quickLogForm({ tone: 'hesitant', signals: [{ kind: 'roi-questioned', otherLabel: '', polarity: 'risk', severity: 'medium', stakeholderId: null, whatHappened: '', howTheyFeel: '' }], nextSteps: [{ text: 'Call CFO', dueDate: '2026-11-20' }] }),
      ACCOUNT_KEY,
      now,
      sequentialIds,
    );
    await saveLoggedTouch(db, touch);
    const overview = await accountOverview(db, ACCOUNT_KEY);
    expect(overview.openSignals.map((s) => s.kind)).toEqual(['roi-questioned']);
    expect(overview.recentTones.map((r) => r.tone)).toEqual(['hesitant']);
    expect(overview.openSteps.map((s) => s.step.text)).toEqual(['Call CFO']);
    expect(overview.lastInteractionAt).toBe('2026-11-20T10:00:00.000Z');
  });

  it('stores a save tried again (its answer lost) once, as last sent, keeping when it was first made', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const saveId = '0b6f4e52-8d1c-4a57-9d0e-2f3a4b5c6d7e';
    const signal = { kind: 'roi-questioned' as const, otherLabel: '', polarity: 'risk' as const, severity: 'medium' as const, stakeholderId: null, whatHappened: '', howTheyFeel: '' };
    const first = recordsFromQuickLog(quickLogForm({ notes: 'Call went well', newAttendees: ['Ben Ito'], signals: [signal] }), ACCOUNT_KEY, now, idsOfSave(saveId));
    expect(first.interaction.id).toBe(saveId);
    await saveLoggedTouch(db, first);
    // The same save sent again: nothing added.
    const again = await saveLoggedTouch(db, recordsFromQuickLog(quickLogForm({ notes: 'Call went well', newAttendees: ['Ben Ito'], signals: [signal] }), ACCOUNT_KEY, new Date('2026-11-25T10:01:00Z'), idsOfSave(saveId)));
    expect(await db.count('interactions')).toBe(1);
    expect(await db.count('signals')).toBe(1);
    expect(await db.count('stakeholders')).toBe(1);
    expect(again.interaction.createdAt).toBe(now.toISOString());
    // Retried after the user changed it (the signal taken off): the stored touch is the last one sent.
    await saveLoggedTouch(db, recordsFromQuickLog(quickLogForm({ notes: 'Call went very well' }), ACCOUNT_KEY, now, idsOfSave(saveId)));
    expect(await db.getAll('interactions')).toEqual([expect.objectContaining({ id: saveId, notes: 'Call went very well' })]);
    expect(await db.count('signals')).toBe(0);
    expect(await db.count('stakeholders')).toBe(0);
    // Another save is another touch.
    await saveLoggedTouch(db, recordsFromQuickLog(quickLogForm({ notes: 'Next call' }), ACCOUNT_KEY, now, idsOfSave('5c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5')));
    expect(await db.count('interactions')).toBe(2);
  });
});
