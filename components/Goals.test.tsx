import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createTranslator } from '@/lib/i18n';
import { Request, type RequestOf } from '@/lib/messaging/protocol';
import type { SuccessGoal } from '@/lib/model/goal';
import { I18nProvider } from './i18n';
import { Goals } from './Goals';

// The goal editor with the background mocked: what it sends to be saved, and what it says
// instead when a metric's number cannot be read (issue 15: "1,000" was dropped in silence).

const request = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/client', () => ({ request }));

const ACCOUNT = 'salesforce:acme:001Dn00000gLbXqIAK';
const saved: RequestOf<'entry.save'>[] = [];

beforeEach(() => {
  saved.length = 0;
  request.mockImplementation(async (message: RequestOf<'entry.save'>) => {
    // Validated as the background does.
    const valid = Request.safeParse(message);
    // The editor's draft of each change (components/useEntryDraft.test.tsx): taken, not looked at here.
    if (valid.success && valid.data.type === 'entryDraft.save') return null;
    if (!valid.success || message.type !== 'entry.save') throw new Error(`unexpected request ${JSON.stringify(valid.error?.issues[0])}`);
    saved.push(message);
    return { status: 'saved', entry: message.entry };
  });
});
afterEach(() => {
  cleanup();
  request.mockReset();
});

const stored: SuccessGoal = {
  id: 'g1',
  accountKey: ACCOUNT,
  title: 'Roll out',
  successLooksLike: '',
  horizon: 'light',
  targetDate: null,
  metric: null,
  statusHistory: [{ status: 'working', changedAt: '2026-11-01T00:00:00.000Z', perceivedBy: '', reason: '' }],
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  revision: 1,
};

function openEditor(locale: 'en' | 'ja' = 'en', goals: SuccessGoal[] = []) {
  render(
    <I18nProvider translator={createTranslator(locale)}>
      <Goals goals={goals} accountKey={ACCOUNT} onError={() => undefined} />
    </I18nProvider>,
  );
  fireEvent.click(screen.getByTestId('goal-add'));
  fireEvent.change(screen.getByTestId('goal-title'), { target: { value: 'Roll out to the sales team' } });
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const save = () => fireEvent.click(screen.getByTestId('editor-save'));
const savedMetric = () => {
  const entry = saved[0]?.entry;
  return entry?.store === 'goals' ? entry.record.metric : undefined;
};

describe('goal metric numbers', () => {
  it('saves "1,000" as 1000, and numbers typed with full-width digits or spaces as numbers', async () => {
    openEditor();
    type('goal-metric-name', 'Weekly active users');
    type('goal-metric-unit', 'users');
    type('goal-metric-start', ' 120 ');
    type('goal-metric-current', '１２，５００．５');
    type('goal-metric-target', '1,000');
    save();
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(savedMetric()).toEqual({ name: 'Weekly active users', unit: 'users', start: 120, current: 12500.5, target: 1000 });
    await waitFor(() => expect(screen.queryByTestId('goal-editor')).toBeNull());
  });

  it('says why a number cannot be read, marks the field, and saves nothing', () => {
    openEditor();
    type('goal-metric-name', 'Weekly active users');
    type('goal-metric-start', '100');
    type('goal-metric-current', '1,5');
    type('goal-metric-target', '1000');
    save();
    expect(screen.getByRole('alert').textContent).toBe('“1,5” in Current is not a number. Write it like 1,000 or 12.5.');
    expect(screen.getByTestId('goal-metric-current').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('goal-metric-target').getAttribute('aria-invalid')).toBeNull();
    expect(saved).toEqual([]);

    // Corrected, it saves.
    type('goal-metric-current', '1,500');
    save();
    return waitFor(() => expect(savedMetric()).toEqual({ name: 'Weekly active users', unit: '', start: 100, current: 1500, target: 1000 }));
  });

  it('refuses an infinite or overlong number, and a metric missing a part, in Japanese too', () => {
    openEditor('ja');
    type('goal-metric-name', '週次アクティブユーザー');
    type('goal-metric-start', '1e400');
    type('goal-metric-current', '1');
    type('goal-metric-target', '2');
    save();
    expect(screen.getByRole('alert').textContent).toBe('開始時 の「1e400」は大きすぎて数値として扱えません。');

    type('goal-metric-start', '9'.repeat(65));
    save();
    expect(screen.getByRole('alert').textContent).toBe('開始時 の値は数値としては長すぎます（64 文字まで）。');

    type('goal-metric-start', '');
    save();
    expect(screen.getByRole('alert').textContent).toBe('「開始時」を入力してください。');
    expect(saved).toEqual([]);
  });

  it('asks for the metric name when only its numbers are typed, and saves a goal without a metric', async () => {
    openEditor();
    type('goal-metric-target', '1,000');
    save();
    expect(screen.getByRole('alert').textContent).toBe('Fill in “Metric”.');
    expect(saved).toEqual([]);

    type('goal-metric-target', '');
    save();
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(savedMetric()).toBeNull();
  });

  it('keeps an editor open, with what was typed, when another goal’s editor or a new goal is opened', () => {
    const goals = ['g1', 'g2'].map((id, i): SuccessGoal => ({ ...stored, id, title: `Goal ${i + 1}` }));
    render(
      <I18nProvider translator={createTranslator('en')}>
        <Goals goals={goals} accountKey={ACCOUNT} onError={() => undefined} />
      </I18nProvider>,
    );
    const edits = () => screen.getAllByRole('button', { name: 'Edit' });
    fireEvent.click(edits()[0]!);
    fireEvent.change(screen.getByTestId('goal-title'), { target: { value: 'Goal 1, renamed' } });
    fireEvent.click(edits()[0]!);
    fireEvent.click(screen.getByTestId('goal-add'));
    const titles = screen.getAllByTestId('goal-title').map((input) => (input as HTMLInputElement).value);
    expect(titles).toEqual(['Goal 1, renamed', 'Goal 2', '']);
  });

  it('shows a saved metric in the locale’s number format', () => {
    const goal: SuccessGoal = { ...stored, metric: { name: 'Seats used', unit: 'seats', start: 1200, current: 12500.5, target: 20000 } };
    render(
      <I18nProvider translator={createTranslator('en')}>
        <Goals goals={[goal]} accountKey={ACCOUNT} onError={() => undefined} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('goal-metric').textContent).toBe('Seats used: 1,200 → 12,500.5 / 20,000 seats');
  });
});
