import { describe, expect, it } from 'vitest';
import { openAdoptionDb } from '../db/open';
import { clearEntryDraft, freeEntryDrafts, saveEntryDraft } from './entry-drafts';
import { saveEntry } from './entries';
import { recordsFromQuickLog } from './quick-log';
import { EntryDraft } from '../model/entry-draft';
import type { Interaction } from '../model/interaction';
import { ACCOUNT_KEY, quickLogForm, sequentialIds, uniqueDbName } from '@/tests/unit/factories';
import { AppError } from '../errors';

const NOW = new Date('2026-11-25T10:00:00Z');
const OTHER_ACCOUNT = 'salesforce:acme:001Dn00000ZZZZZAA1';

function interactionOf(accountKey = ACCOUNT_KEY): Interaction {
  return recordsFromQuickLog(quickLogForm({ notes: 'As saved' }), accountKey, NOW, sequentialIds).interaction;
}

function draftOf(record: Interaction, notes: string, seq: number, overrides: Partial<EntryDraft> = {}): EntryDraft {
  return {
    id: 'editor-a',
    accountKey: record.accountKey,
    baseRevision: record.revision,
    edit: { store: 'interactions', record: { ...record, notes } },
    updatedAt: new Date(NOW.getTime() + seq * 1000).toISOString(),
    version: { writer: 'tab-a', seq },
    ...overrides,
  };
}

describe('entry drafts', () => {
  it('keeps an editor’s newest change, also when an older one arrives after it', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const record = interactionOf();
    await saveEntryDraft(db, draftOf(record, 'As saved, and edited', 5));
    await saveEntryDraft(db, draftOf(record, 'As saved, and edi', 3));
    const [kept] = await freeEntryDrafts(db, ACCOUNT_KEY, new Set());
    expect(kept?.edit.store === 'interactions' && kept.edit.record.notes).toBe('As saved, and edited');
    // An editor continuing a restored draft writes as itself: its first change is kept.
    await saveEntryDraft(db, draftOf(record, 'Continued in a new tab', 1, { version: { writer: 'tab-b', seq: 1 } }));
    const [continued] = await freeEntryDrafts(db, ACCOUNT_KEY, new Set());
    expect(continued?.edit.store === 'interactions' && continued.edit.record.notes).toBe('Continued in a new tab');
  });

  it('keeps text past a field’s limit, which the editor then says cannot be saved', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const notes = 'n'.repeat(5_000_001);
    await saveEntryDraft(db, draftOf(interactionOf(), notes, 1));
    const [kept] = await freeEntryDrafts(db, ACCOUNT_KEY, new Set());
    expect(kept?.edit.store === 'interactions' && kept.edit.record.notes.length).toBe(notes.length);
  });

  it('offers the account’s drafts that no other tab is writing, oldest first', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const record = interactionOf();
    await saveEntryDraft(db, draftOf(record, 'second', 2, { id: 'editor-b' }));
    await saveEntryDraft(db, draftOf(record, 'first', 1, { id: 'editor-a' }));
    await saveEntryDraft(db, draftOf(interactionOf(OTHER_ACCOUNT), 'another account', 1, { id: 'editor-c' }));
    expect((await freeEntryDrafts(db, ACCOUNT_KEY, new Set())).map((d) => d.id)).toEqual(['editor-a', 'editor-b']);
    expect((await freeEntryDrafts(db, ACCOUNT_KEY, new Set(['editor-a']))).map((d) => d.id)).toEqual(['editor-b']);
  });

  it('never writes over or clears another account’s draft under the same id', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    await saveEntryDraft(db, draftOf(interactionOf(), 'mine', 1));
    await expect(saveEntryDraft(db, draftOf(interactionOf(OTHER_ACCOUNT), 'theirs', 2))).rejects.toBeInstanceOf(AppError);
    await clearEntryDraft(db, OTHER_ACCOUNT, 'editor-a');
    expect(await freeEntryDrafts(db, ACCOUNT_KEY, new Set())).toHaveLength(1);
    await clearEntryDraft(db, ACCOUNT_KEY, 'editor-a');
    expect(await freeEntryDrafts(db, ACCOUNT_KEY, new Set())).toEqual([]);
  });

  it('is deleted with the save of its entry, and kept when the save meets a conflict', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const record = interactionOf();
    await saveEntry(db, { store: 'interactions', record }, null, NOW);
    await saveEntryDraft(db, draftOf(record, 'Edited', 1));
    // Another tab saved first: the edit is not saved, and its draft stays.
    const elsewhere = await saveEntry(db, { store: 'interactions', record: { ...record, notes: 'From another tab' } }, 0, NOW);
    expect(elsewhere.status).toBe('saved');
    expect((await saveEntry(db, { store: 'interactions', record: { ...record, notes: 'Edited' } }, 0, NOW, undefined, { id: 'editor-a' })).status).toBe('conflict');
    expect(await freeEntryDrafts(db, ACCOUNT_KEY, new Set())).toHaveLength(1);
    expect((await saveEntry(db, { store: 'interactions', record: { ...record, notes: 'Edited' } }, 1, NOW, undefined, { id: 'editor-a' })).status).toBe('saved');
    expect(await freeEntryDrafts(db, ACCOUNT_KEY, new Set())).toEqual([]);
  });

  it('refuses a draft whose entry is of another account than the draft names', () => {
    const draft = draftOf(interactionOf(OTHER_ACCOUNT), 'x', 1, { accountKey: ACCOUNT_KEY });
    expect(EntryDraft.safeParse(draft).success).toBe(false);
  });
});
