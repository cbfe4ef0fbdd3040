import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createTranslator } from '@/lib/i18n';
import { Request } from '@/lib/messaging/protocol';
import { EntryDraft } from '@/lib/model/entry-draft';
import { I18nProvider } from './i18n';
import { DiscardedEdit } from './DiscardedEdit';
import { Goals } from './Goals';

// What an entry editor (here the goal editor) keeps while it is typed in, with the background
// mocked: every message checked against the protocol as the background checks it.

const request = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/client', () => ({ request }));

const ACCOUNT = 'salesforce:acme:001Dn00000gLbXqIAK';
const sent: Request[] = [];

beforeEach(() => {
  sent.length = 0;
  request.mockImplementation(async (message: unknown) => {
    const valid = Request.parse(message);
    sent.push(valid);
    return valid.type === 'entry.save' ? { status: 'saved', entry: valid.entry } : null;
  });
});
afterEach(() => {
  cleanup();
  request.mockReset();
});

function openNewGoal(onDiscarded: (draft: EntryDraft) => void = () => undefined) {
  render(
    <I18nProvider translator={createTranslator('en')}>
      <DiscardedEdit.Provider value={onDiscarded}>
        <Goals goals={[]} accountKey={ACCOUNT} onError={() => undefined} />
      </DiscardedEdit.Provider>
    </I18nProvider>,
  );
  fireEvent.click(screen.getByTestId('goal-add'));
}
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const ofType = <T extends Request['type']>(type: T) => sent.filter((m): m is Extract<Request, { type: T }> => m.type === type);

describe('an entry editor’s draft', () => {
  it('is written on every change, not on opening, under one id in order', () => {
    openNewGoal();
    expect(sent).toEqual([]);
    type('goal-title', 'R');
    type('goal-title', 'Ro');
    type('goal-metric-target', '1,000');
    const drafts = ofType('entryDraft.save').map((m) => m.draft);
    expect(drafts).toHaveLength(3);
    expect(new Set(drafts.map((d) => d.id)).size).toBe(1);
    expect(drafts.map((d) => d.version.seq)).toEqual([1, 2, 3]);
    const last = drafts[2]?.edit;
    expect(last?.store === 'goals' && [last.form.title, last.form.target, last.opened]).toEqual(['Ro', '1,000', null]);
    expect(drafts[2]?.baseRevision).toBeNull();
  });

  it('goes with the save (its id sent with it), and nothing is written after', async () => {
    openNewGoal();
    type('goal-title', 'Roll out to support');
    const draftId = ofType('entryDraft.save')[0]?.draft.id;
    fireEvent.click(screen.getByTestId('editor-save'));
    await waitFor(() => expect(ofType('entry.save')).toHaveLength(1));
    expect(ofType('entry.save')[0]?.draftId).toBe(draftId);
    await waitFor(() => expect(screen.queryByTestId('goal-editor')).toBeNull());
    expect(ofType('entryDraft.save')).toHaveLength(1);
    expect(ofType('entryDraft.clear')).toEqual([]);
  });

  it('is deleted when the edit is cancelled', () => {
    openNewGoal();
    type('goal-title', 'Not this one');
    const draftId = ofType('entryDraft.save')[0]?.draft.id;
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(ofType('entryDraft.clear')).toEqual([{ type: 'entryDraft.clear', accountKey: ACCOUNT, draftId }]);
    expect(screen.queryByTestId('goal-editor')).toBeNull();
  });

  it('when cancelled with something typed, is handed to the sidebar’s undo as last typed', () => {
    const discarded: EntryDraft[] = [];
    openNewGoal((draft) => discarded.push(EntryDraft.parse(draft)));
    type('goal-title', 'Roll out');
    type('goal-metric-target', '1,000');
    const sentDrafts = ofType('entryDraft.save').map((m) => m.draft);
    fireEvent.keyDown(screen.getByTestId('goal-title'), { key: 'Escape' });
    expect(discarded).toHaveLength(1);
    const [handed] = discarded;
    expect(handed?.id).toBe(sentDrafts[0]?.id);
    expect(handed?.edit.store === 'goals' && [handed.edit.form.title, handed.edit.form.target]).toEqual(['Roll out', '1,000']);
    // Newer than anything this editor sent, so putting it back is never taken for an older change.
    expect(handed?.version.seq).toBeGreaterThan(Math.max(...sentDrafts.map((d) => d.version.seq)));
  });

  it('when cancelled unchanged, hands nothing to undo', () => {
    const discarded: EntryDraft[] = [];
    openNewGoal((draft) => discarded.push(draft));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(discarded).toEqual([]);
  });
});
