import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { createTranslator } from '@/lib/i18n';
import type { AccountRecord } from '@/lib/model/account-record';
import type { Interaction } from '@/lib/model/interaction';
import { computeHealth } from '@/lib/health/score';
import { healthInput } from '../tests/unit/health-fixtures';
import { I18nProvider } from './i18n';
import { BriefPage, type BriefLoad } from './BriefPage';

const accountKey = 'salesforce:acme:001Dn00000ABCDEAA1';
const touch = (i: number): Interaction => {
  const at = new Date(Date.UTC(2026, 6, 1) + i * 3_600_000).toISOString();
  return { id: `t${i}`, accountKey, type: 'call', occurredAt: at, tone: null, notes: `Touch ${i}`, attendeeIds: [], internalAttendees: [], nextSteps: [], internalOnly: false, createdAt: at, updatedAt: at, revision: 0 };
};
const record = (count: number): AccountRecord => ({
  account: { key: accountKey, crm: 'salesforce', recordId: '001Dn00000ABCDEAA1', name: 'Globex', url: 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABCDEAA1/view', firstSeenAt: '2026-01-01T00:00:00.000Z', lastSeenAt: '2026-11-01T00:00:00.000Z' },
  fields: [], interactions: Array.from({ length: count }, (_, i) => touch(i)), signals: [], goals: [], stakeholders: [], damaged: 0,
});
const load = (count: number): BriefLoad => ({
  link: { accountKey, from: '2026-07-01', to: '2026-09-30', includeInternal: false },
  reply: Promise.resolve({ record: record(count), health: { current: computeHealth(healthInput()), previousScore: null, trend: 'unknown', sparkline: [], usageAsOf: null, history: [] } }),
});

async function renderBrief(count: number) {
  render(
    <I18nProvider translator={createTranslator('en')}>
      <BriefPage load={load(count)} />
    </I18nProvider>,
  );
  // The answer arrives: the brief shows with its first entries.
  await act(async () => undefined);
}
const page = () => screen.getByTestId('brief-page');
const entries = () => screen.queryAllByTestId('brief-interaction').length;

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('printable brief page', () => {
  it('shows the sections and the first entries at once, then every entry, and only then says it is ready', async () => {
    vi.useFakeTimers();
    await renderBrief(300);
    expect(page().getAttribute('data-state')).toBe('loading');
    expect(entries()).toBe(40);
    expect(page().textContent).toContain('300 touches');
    expect(page().hasAttribute('data-rendered-at')).toBe(true);
    await act(async () => void vi.runAllTimers());
    expect(entries()).toBe(300);
    expect(page().getAttribute('data-state')).toBe('ready');
    expect(page().hasAttribute('data-all-rendered-at')).toBe(true);
  });

  it('renders every entry before it is printed, even if the rest has not come yet', async () => {
    vi.useFakeTimers();
    await renderBrief(300);
    expect(entries()).toBe(40);
    act(() => void window.dispatchEvent(new Event('beforeprint')));
    expect(entries()).toBe(300);
    expect(page().getAttribute('data-state')).toBe('ready');
  });

  it('is ready with a short brief as with a long one', async () => {
    await renderBrief(3);
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(entries()).toBe(3);
    expect(page().getAttribute('data-state')).toBe('ready');
  });
});
