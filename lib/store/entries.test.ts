import { describe, expect, it } from 'vitest';
import { openAdoptionDb } from '../db/open';
import { completeNextStep, deleteEntry, restoreEntry, saveEntry } from './entries';
import { recordsFromQuickLog, saveLoggedTouch } from './quick-log';
import type { Stakeholder } from '../model/stakeholder';
import { Signal } from '../model/signal';
import { ACCOUNT_KEY, quickLogForm, sequentialIds, uniqueDbName } from '@/tests/unit/factories';

const person: Stakeholder = {
  id: 'p1', accountKey: ACCOUNT_KEY, name: 'Aiko Tanaka', title: 'VP Ops', role: 'champion', influence: 'high', preferredChannel: 'online-meeting',
  personalityNotes: '', status: 'active', activeSince: null, leftOn: null, createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', revision: 0,
};
const t1 = new Date('2026-11-25T10:00:00Z');

describe('editing entries from two tabs', () => {
  it('tells the second editor instead of overwriting, and saves when it chooses to keep its version', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const created = await saveEntry(db, { store: 'stakeholders', record: person }, null, t1);
    expect(created).toMatchObject({ status: 'saved', entry: { record: { revision: 0 } } });

    // Both tabs opened revision 0; the first saves.
    const first = await saveEntry(db, { store: 'stakeholders', record: { ...person, title: 'COO' } }, 0, t1);
    expect(first).toMatchObject({ status: 'saved', entry: { record: { title: 'COO', revision: 1 } } });
    const second = await saveEntry(db, { store: 'stakeholders', record: { ...person, status: 'left' } }, 0, t1);
    expect(second).toMatchObject({ status: 'conflict', current: { record: { title: 'COO', revision: 1 } } });
    expect((await db.get('stakeholders', 'p1'))?.status).toBe('active');

    const kept = await saveEntry(db, { store: 'stakeholders', record: { ...person, status: 'left' } }, 1, t1);
    expect(kept).toMatchObject({ status: 'saved', entry: { record: { status: 'left', title: 'VP Ops', revision: 2 } } });
  });

  it('stores a signal about a new person with that person, in one go, once; a conflicting save stores neither', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const at = '2026-11-25T10:00:00.000Z';
    const mark: Stakeholder = { ...person, id: 'p-new', name: 'Mark Chen', title: '', role: 'other', influence: 'medium', preferredChannel: null };
    const signal = Signal.parse({ id: 'sig-1', accountKey: ACCOUNT_KEY, kind: 'new-stakeholder', polarity: 'opportunity', severity: 'medium', stakeholderId: 'p-new', occurredAt: at, detectedAt: at, detectedVia: 'call', createdAt: at, updatedAt: at });
    expect(await saveEntry(db, { store: 'signals', record: signal }, null, t1, mark)).toMatchObject({ status: 'saved' });
    expect(await db.get('stakeholders', 'p-new')).toMatchObject({ name: 'Mark Chen', accountKey: ACCOUNT_KEY });
    // Edited in the stakeholder map meanwhile, then the signal saved again with the same person: the map's version stays.
    await saveEntry(db, { store: 'stakeholders', record: { ...mark, title: 'VP Operations' } }, 0, t1);
    await saveEntry(db, { store: 'signals', record: { ...signal, severity: 'high' } }, 0, t1, mark);
    expect(await db.get('stakeholders', 'p-new')).toMatchObject({ title: 'VP Operations', revision: 1 });
    expect(await db.count('stakeholders')).toBe(1);
    // Another tab saved the signal first: nothing of this save is stored, the new person neither.
    const other: Stakeholder = { ...mark, id: 'p-other', name: 'Dana Whitfield' };
    expect(await saveEntry(db, { store: 'signals', record: { ...signal, stakeholderId: 'p-other' } }, 0, t1, other)).toMatchObject({ status: 'conflict' });
    expect(await db.get('stakeholders', 'p-other')).toBeUndefined();
  });

  it('refuses to resurrect a record deleted in another tab', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    await saveEntry(db, { store: 'stakeholders', record: person }, null, t1);
    await deleteEntry(db, 'stakeholders', 'p1');
    await expect(saveEntry(db, { store: 'stakeholders', record: person }, 0, t1)).rejects.toMatchObject({ code: 'gone' });
  });

  it('undoes a delete exactly', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const touch = recordsFromQuickLog(quickLogForm(), ACCOUNT_KEY, t1, sequentialIds);
    await saveLoggedTouch(db, touch);
    const deleted = await deleteEntry(db, 'interactions', touch.interaction.id);
    expect(await db.get('interactions', touch.interaction.id)).toBeUndefined();
    await restoreEntry(db, deleted!);
    expect(await db.get('interactions', touch.interaction.id)).toEqual(touch.interaction);
    expect(await deleteEntry(db, 'interactions', 'no-such-id')).toBeNull();
  });

  it('completes a next step with the conflict check', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const touch = recordsFromQuickLog(quickLogForm({ nextSteps: [{ text: 'Send deck', dueDate: '2026-11-26' }] }), ACCOUNT_KEY, t1, sequentialIds);
    await saveLoggedTouch(db, touch);
    const stepId = touch.interaction.nextSteps[0]!.id;
    expect(await completeNextStep(db, touch.interaction.id, stepId, 0, t1)).toMatchObject({ status: 'saved', entry: { record: { nextSteps: [{ doneAt: t1.toISOString() }] } } });
    expect(await completeNextStep(db, touch.interaction.id, stepId, 0, t1)).toMatchObject({ status: 'conflict' });
  });
});
