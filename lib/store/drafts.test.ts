import { describe, expect, it } from 'vitest';
import { openAdoptionDb } from '../db/open';
import { clearDraft, getDraft, saveDraft } from './drafts';
import { ACCOUNT_KEY, quickLogForm, uniqueDbName } from '@/tests/unit/factories';
import { AppError } from '../errors';

const at = '2026-11-25T10:00:00.000Z';
const MiB = 1024 * 1024;

describe('drafts', () => {
  it('keeps a draft of any size, past what can be saved', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const notes = 'n'.repeat(5_000_000 + 1);
    await saveDraft(db, { id: 'draft-a', accountKey: ACCOUNT_KEY, form: quickLogForm({ notes }), updatedAt: at });
    expect((await getDraft(db, ACCOUNT_KEY))?.form.notes).toHaveLength(notes.length);
  });

  it('keeps a form’s newest keystroke when its drafts arrive out of order (a restarted worker handles waiting requests in any order)', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const draft = (notes: string, seq: number) => ({ id: 'draft-a', accountKey: ACCOUNT_KEY, form: quickLogForm({ notes }), updatedAt: at, version: { writer: 'tab-a', seq } });
    await saveDraft(db, draft('Before the worker stopped, and after it.', 40));
    await saveDraft(db, draft('Before the worker stopped, and after ', 37));
    expect((await getDraft(db, ACCOUNT_KEY))?.form.notes).toBe('Before the worker stopped, and after it.');
    // Another form's draft under the id (it took the draft over) is not older: it is written.
    await saveDraft(db, { ...draft('From the other tab', 1), version: { writer: 'tab-b', seq: 1 } });
    expect((await getDraft(db, ACCOUNT_KEY))?.form.notes).toBe('From the other tab');
  });

  it('applies edits of the stored draft, and refuses an edit of another one', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const notes = 'x'.repeat(MiB);
    await saveDraft(db, { id: 'draft-a', accountKey: ACCOUNT_KEY, form: quickLogForm({ notes, tone: null }), updatedAt: at, version: { writer: 'tab-a', seq: 1 } });
    await saveDraft(db, {
      id: 'draft-a',
      accountKey: ACCOUNT_KEY,
      form: quickLogForm({ notes: '', tone: 'positive' }),
      updatedAt: at,
      version: { writer: 'tab-a', seq: 2 },
      notesEdit: { base: { writer: 'tab-a', seq: 1 }, at: MiB, remove: 0, insert: ' and the last words' },
    });
    const stored = await getDraft(db, ACCOUNT_KEY);
    expect(stored?.form.notes === `${notes} and the last words`).toBe(true);
    expect(stored?.form.tone).toBe('positive');
    expect(stored?.version).toEqual({ writer: 'tab-a', seq: 2 });

    // Another tab wrote meanwhile: tab A's next edit is refused (and A sends its draft whole).
    await saveDraft(db, { id: 'draft-a', accountKey: ACCOUNT_KEY, form: quickLogForm({ notes: 'from tab B' }), updatedAt: at, version: { writer: 'tab-b', seq: 1 } });
    const edit = { id: 'draft-a', accountKey: ACCOUNT_KEY, form: quickLogForm({ notes: '' }), updatedAt: at, version: { writer: 'tab-a', seq: 3 }, notesEdit: { base: { writer: 'tab-a', seq: 2 }, at: 0, remove: 0, insert: '!' } };
    await expect(saveDraft(db, edit)).rejects.toMatchObject({ code: 'gone' });
    await expect(saveDraft(db, edit)).rejects.toBeInstanceOf(AppError);
    expect((await getDraft(db, ACCOUNT_KEY))?.form.notes).toBe('from tab B');
  });

  it('keeps a draft per form: continues the newest no other tab writes, clears only the one named', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    await saveDraft(db, { id: 'tab-a', accountKey: ACCOUNT_KEY, form: quickLogForm({ notes: 'typed in A' }), updatedAt: '2026-11-25T10:00:00.000Z' });
    await saveDraft(db, { id: 'tab-b', accountKey: ACCOUNT_KEY, form: quickLogForm({ notes: 'typed in B' }), updatedAt: '2026-11-25T10:01:00.000Z' });
    expect((await getDraft(db, ACCOUNT_KEY))?.form.notes).toBe('typed in B');
    // B is still open in its tab: a form opening elsewhere continues A's.
    expect((await getDraft(db, ACCOUNT_KEY, new Set(['tab-b'])))?.form.notes).toBe('typed in A');
    expect(await getDraft(db, ACCOUNT_KEY, new Set(['tab-a', 'tab-b']))).toBeNull();
    // An id is one account's: another account's draft never writes over it, nor clears it.
    await expect(saveDraft(db, { id: 'tab-a', accountKey: 'salesforce:acme:001Dn00000ZZZZZAA9', form: quickLogForm({ notes: 'elsewhere' }), updatedAt: at })).rejects.toMatchObject({ code: 'gone' });
    await clearDraft(db, 'salesforce:acme:001Dn00000ZZZZZAA9', 'tab-a');
    await clearDraft(db, ACCOUNT_KEY, 'tab-b');
    expect((await db.getAll('drafts')).map((d) => d.form.notes)).toEqual(['typed in A']);
  });
});
