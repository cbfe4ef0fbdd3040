import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createTranslator } from '@/lib/i18n';
import { Request } from '@/lib/messaging/protocol';
import type { Stakeholder } from '@/lib/model/stakeholder';
import { QuickLog } from './QuickLog';
import { I18nProvider } from './i18n';

// The quick log's suggestions with the background mocked: typing shows them, nothing is chosen
// until the CSM takes one (click or key), and a dismissed one stays away.

const request = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/client', () => ({ request }));

const ACCOUNT = 'salesforce:001Dn00000gLbXqIAK';
const at = '2026-11-01T00:00:00.000Z';
const priya: Stakeholder = { id: 'st-priya', accountKey: ACCOUNT, name: 'Priya Raman', title: '', role: 'champion', influence: 'high', preferredChannel: null, personalityNotes: '', status: 'active', activeSince: null, leftOn: null, createdAt: at, updatedAt: at, revision: 0 };
const sent: unknown[] = [];

beforeEach(() => {
  sent.length = 0;
  request.mockImplementation(async (message: unknown) => {
    const valid = Request.safeParse(message);
    if (!valid.success) throw new Error(`unexpected request ${JSON.stringify(valid.error.issues[0])}`);
    sent.push(valid.data);
    if (valid.data.type === 'quickLog.save') return { interaction: {}, signals: [], stakeholders: [] };
    return undefined;
  });
});
afterEach(() => {
  cleanup();
  request.mockReset();
});

function openQuickLog(stakeholders: Stakeholder[] = [priya]) {
  render(
    <I18nProvider translator={createTranslator('en')}>
      <QuickLog accountKey={ACCOUNT} draft={null} stakeholders={stakeholders} templates={[]} suggestSettings={{ competitorNames: ['Gainsight'], ownPhrases: [] }} openRequests={1} onSaved={() => undefined} onError={() => undefined} />
    </I18nProvider>,
  );
}
const typeNotes = (value: string) => fireEvent.change(screen.getByTestId('quick-log-text'), { target: { value } });
const suggestion = (kind: string) => document.querySelector<HTMLElement>(`[data-testid="quick-log-suggestion"][data-kind="${kind}"]`);
const chosen = () => screen.queryAllByTestId('quick-log-signal-detail').map((el) => el.getAttribute('data-kind'));

describe('quick log suggestions', () => {
  it('shows what mixed English and Japanese notes suggest, with the person and the phrase highlighted, and chooses nothing', async () => {
    openQuickLog();
    typeNotes('Priyaさんが来月退職予定\nCFO asked about ROI again');
    await waitFor(() => expect(suggestion('roi-questioned')).not.toBeNull());
    const left = suggestion('champion-left');
    expect(left?.getAttribute('data-stakeholder')).toBe('Priya Raman');
    expect(left?.querySelector('mark')?.textContent).toBe('退職');
    expect(left?.textContent).toContain('line 1');
    expect(chosen()).toEqual([]);
  });

  it('fills the signal form when one is taken, with its person and what happened, and hides it', async () => {
    openQuickLog();
    typeNotes('Priyaさんが来月退職予定');
    await waitFor(() => expect(suggestion('champion-left')).not.toBeNull());
    fireEvent.click(suggestion('champion-left')!.querySelector('[data-testid="quick-log-suggestion-accept"]')!);
    expect(chosen()).toEqual(['champion-left']);
    expect(screen.getByTestId('quick-log-signal-detail').querySelector('input')?.value).toBe('Priyaさんが来月退職予定');
    expect(document.querySelector<HTMLButtonElement>('[data-testid="quick-log-signal"][data-kind="champion-left"]')?.getAttribute('aria-pressed')).toBe('true');
    expect(suggestion('champion-left')).toBeNull();
    // As if chosen by hand: the save carries it with the stakeholder.
    fireEvent.click(screen.getByTestId('quick-log-save'));
    await waitFor(() => expect(sent.some((m) => (m as { type: string }).type === 'quickLog.save')).toBe(true));
    const save = sent.find((m) => (m as { type: string }).type === 'quickLog.save') as { form: { signals: Array<{ kind: string; stakeholderId: string | null; polarity: string }> } };
    expect(save.form.signals).toEqual([expect.objectContaining({ kind: 'champion-left', stakeholderId: 'st-priya', polarity: 'risk' })]);
  });

  it('keeps a new name a taken suggestion found as who the signal is about, saved to become a stakeholder', async () => {
    openQuickLog();
    typeNotes('New VP of Operations, Mark Chen, joined last week');
    await waitFor(() => expect(suggestion('new-stakeholder')).not.toBeNull());
    fireEvent.click(suggestion('new-stakeholder')!.querySelector('[data-testid="quick-log-suggestion-accept"]')!);
    const who = screen.getByTestId('quick-log-signal-who') as HTMLSelectElement;
    expect(who.selectedOptions[0]?.textContent).toBe('Mark Chen (new: added to the stakeholders when saved)');
    fireEvent.click(screen.getByTestId('quick-log-save'));
    await waitFor(() => expect(sent.some((m) => (m as { type: string }).type === 'quickLog.save')).toBe(true));
    const save = sent.find((m) => (m as { type: string }).type === 'quickLog.save') as { form: { signals: unknown[] } };
    expect(save.form.signals).toEqual([expect.objectContaining({ kind: 'new-stakeholder', stakeholderId: null, newStakeholderName: 'Mark Chen' })]);
  });

  it('drops the new name when another person (or nobody) is chosen as who', async () => {
    openQuickLog();
    typeNotes('New VP of Operations, Mark Chen, joined last week');
    await waitFor(() => expect(suggestion('new-stakeholder')).not.toBeNull());
    fireEvent.click(suggestion('new-stakeholder')!.querySelector('[data-testid="quick-log-suggestion-accept"]')!);
    fireEvent.change(screen.getByTestId('quick-log-signal-who'), { target: { value: 'st-priya' } });
    expect([...(screen.getByTestId('quick-log-signal-who') as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['Nobody in particular', 'Priya Raman']);
    fireEvent.click(screen.getByTestId('quick-log-save'));
    await waitFor(() => expect(sent.some((m) => (m as { type: string }).type === 'quickLog.save')).toBe(true));
    const save = sent.find((m) => (m as { type: string }).type === 'quickLog.save') as { form: { signals: unknown[] } };
    expect(save.form.signals).toEqual([expect.objectContaining({ kind: 'new-stakeholder', stakeholderId: 'st-priya', newStakeholderName: '' })]);
  });

  it('takes one signal per person: two people leaving are two signals, and one about nobody covers its kind', async () => {
    const ken: Stakeholder = { ...priya, id: 'st-ken', name: 'Ken Sato', role: 'executive-sponsor' };
    openQuickLog([priya, ken]);
    typeNotes('Priyaさんが来月退職予定\nKen Satoさんも来月退職予定');
    await waitFor(() => expect(document.querySelectorAll('[data-testid="quick-log-suggestion"][data-kind="champion-left"]')).toHaveLength(2));
    fireEvent.click(document.querySelector('[data-testid="quick-log-suggestion"][data-stakeholder="Priya Raman"] [data-testid="quick-log-suggestion-accept"]')!);
    // Priya's is taken; Ken's is still offered, and taken as a second signal of the kind.
    const kens = document.querySelector('[data-testid="quick-log-suggestion"][data-stakeholder="Ken Sato"]');
    expect(kens).not.toBeNull();
    fireEvent.click(kens!.querySelector('[data-testid="quick-log-suggestion-accept"]')!);
    expect(chosen()).toEqual(['champion-left', 'champion-left']);
    expect(screen.getAllByTestId('quick-log-signal-who').map((el) => (el as HTMLSelectElement).value)).toEqual(['st-priya', 'st-ken']);
    // The chip toggles the kind off: both go. Chosen again by hand (about nobody), it covers every suggestion of the kind.
    fireEvent.click(document.querySelector('[data-testid="quick-log-signal"][data-kind="champion-left"]')!);
    expect(chosen()).toEqual([]);
    fireEvent.click(document.querySelector('[data-testid="quick-log-signal"][data-kind="champion-left"]')!);
    expect(chosen()).toEqual(['champion-left']);
    expect(document.querySelectorAll('[data-testid="quick-log-suggestion"][data-kind="champion-left"]')).toHaveLength(0);
  });

  it('takes one with Enter and dismisses one with Delete; a dismissed one does not come back for the same phrase', async () => {
    openQuickLog();
    typeNotes('They are evaluating Gainsight. They want 20 more seats.');
    await waitFor(() => expect(suggestion('expansion-interest')).not.toBeNull());
    fireEvent.keyDown(suggestion('competitor-mentioned')!.querySelector('button')!, { key: 'Delete' });
    expect(suggestion('competitor-mentioned')).toBeNull();
    fireEvent.keyDown(suggestion('expansion-interest')!.querySelector('button')!, { key: 'Enter' });
    expect(chosen()).toEqual(['expansion-interest']);
    typeNotes('They are evaluating Gainsight. They want 20 more seats. Gainsight came up again; the CFO asked about ROI.');
    // Read again (the ROI suggestion is new), and Gainsight stays dismissed.
    await waitFor(() => expect(suggestion('roi-questioned')).not.toBeNull());
    expect(suggestion('competitor-mentioned')).toBeNull();
    expect(chosen()).toEqual(['expansion-interest']);
  });

  it('suggests no risk from a negated sentence', async () => {
    openQuickLog();
    typeNotes('No budget cut this year. Priya is not leaving. 退職はしないとのこと。They want more seats.');
    await waitFor(() => expect(suggestion('expansion-interest')).not.toBeNull());
    expect(document.querySelectorAll('[data-testid="quick-log-suggestion"][data-polarity="risk"]')).toHaveLength(0);
  });

  it('suggests a tone when the words are clearly warm, and sets it only when asked', async () => {
    openQuickLog();
    typeNotes('Great call, they loved the new dashboards and were thrilled.');
    await waitFor(() => expect(screen.getByTestId('quick-log-tone-suggestion').getAttribute('data-tone')).toBe('enthusiastic'));
    expect(document.querySelector<HTMLInputElement>('input[name="tone"][value="enthusiastic"]')?.checked).toBe(false);
    fireEvent.click(screen.getByTestId('quick-log-tone-accept'));
    expect(document.querySelector<HTMLInputElement>('input[name="tone"][value="enthusiastic"]')?.checked).toBe(true);
    expect(screen.queryByTestId('quick-log-tone-suggestion')).toBeNull();
  });
});
