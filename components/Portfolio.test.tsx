import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createTranslator } from '@/lib/i18n';
import type { PortfolioRow } from '@/lib/portfolio/model';
import { AppError } from '@/lib/errors';
import { I18nProvider } from './i18n';
import { Portfolio } from './Portfolio';

function row(name: string, extra: Partial<PortfolioRow> = {}): PortfolioRow {
  return {
    accountKey: `salesforce:acme:001${name.replace(/\W/g, '')}`, name, url: 'https://acme.lightning.force.com/lightning/r/Account/001/view', attention: 0, reasons: [{ key: 'portfolio.reason.noConcerns' }],
    healthScore: null, healthTrend: 'unknown', lastTouchAt: null, daysSinceTouch: null, openRisks: 0, overdueSteps: 0, renewalDate: null, daysToRenewal: null, toneStale: false,
    ...extra,
  };
}

function renderPage(rows: PortfolioRow[] | Promise<PortfolioRow[]>, locale: 'en' | 'ja' = 'en') {
  return render(
    <I18nProvider translator={createTranslator(locale)}>
      <Portfolio ranked={Promise.resolve(rows)} />
    </I18nProvider>,
  );
}

afterEach(() => {
  cleanup();
});

describe('portfolio page', () => {
  it('says how to get accounts when there are none', async () => {
    renderPage([]);
    await waitFor(() => expect(screen.getByTestId('portfolio-empty').textContent).toBe('No accounts yet: open an account in Salesforce or import usage data.'));
  });

  it('shows the rows in the order ranked, with reasons, trend, touch and renewal, and stamps when they are shown', async () => {
    renderPage([
      row('Globex', { attention: 40, healthScore: 41.6, healthTrend: 'down', daysSinceTouch: 45, openRisks: 2, renewalDate: '2026-12-20', daysToRenewal: 25, reasons: [{ key: 'portfolio.reason.openRisks.other', params: { count: 2 } }, { key: 'portfolio.reason.renewalSoon.other', params: { days: 25 } }] }),
      row('Initech', { url: 'javascript:alert(1)' }),
    ]);
    const rows = await screen.findAllByTestId('portfolio-row');
    expect(rows.map((r) => r.dataset.account)).toEqual(['salesforce:acme:001Globex', 'salesforce:acme:001Initech']);
    expect(screen.getAllByTestId('portfolio-reason').map((r) => r.textContent)).toEqual(['2 open risk signals', 'Renewal in 25 days', 'Nothing needs attention']);
    const first = rows[0];
    expect(first?.textContent).toContain('42');
    expect(first?.querySelector('[aria-label="Health trend: Falling"]')?.textContent).toBe('↓');
    expect(first?.textContent).toContain('Dec 20, 2026');
    const link = first?.querySelector('a');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toContain('noopener');
    // A stored address that is not a web address is shown, never linked.
    expect(rows[1]?.querySelector('a')).toBeNull();
    expect(rows[1]?.textContent).toContain('Never');
    expect(Number(screen.getByRole('table').dataset.renderedAt)).toBeGreaterThan(0);
  });

  it('shows the top rows first and every row soon after, in the ranked order', async () => {
    const many = Array.from({ length: 150 }, (_, i) => row(`Company ${String(i).padStart(3, '0')}`, { attention: 150 - i }));
    renderPage(many);
    await waitFor(() => expect(screen.getAllByTestId('portfolio-row')).toHaveLength(150));
    expect(screen.getAllByTestId('portfolio-row').map((r) => r.dataset.attention)).toEqual(many.map((r) => String(r.attention)));
    const table = screen.getByRole('table');
    expect(Number(table.dataset.allRenderedAt)).toBeGreaterThanOrEqual(Number(table.dataset.renderedAt));
    expect(screen.getByTestId('portfolio-count').textContent).toBe('150 of 150 accounts');
  });

  it('says what went wrong when the rows cannot be read', async () => {
    renderPage(Promise.reject(new AppError('store-blocked', 'blocked')));
    await waitFor(() => expect(screen.getByTestId('portfolio').dataset.state).toBe('error'));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('filters by search, risk, renewal and last touch, and says when nothing matches', async () => {
    renderPage([
      row('Globex Corporation', { openRisks: 1, daysToRenewal: 20, daysSinceTouch: 3 }),
      row('ｶﾌﾞｼｷｶﾞｲｼｬ ﾃｽﾄ', { daysToRenewal: 100, daysSinceTouch: 40 }),
    ]);
    await screen.findAllByTestId('portfolio-row');
    fireEvent.change(screen.getByTestId('portfolio-search'), { target: { value: 'カブシキ' } });
    expect(screen.getAllByTestId('portfolio-row').map((r) => r.dataset.account)).toEqual([row('ｶﾌﾞｼｷｶﾞｲｼｬ ﾃｽﾄ').accountKey]);
    fireEvent.change(screen.getByTestId('portfolio-search'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('portfolio-filter-risk'));
    expect(screen.getAllByTestId('portfolio-row')).toHaveLength(1);
    fireEvent.change(screen.getByTestId('portfolio-filter-notouch'), { target: { value: '30' } });
    expect(screen.getByTestId('portfolio-empty').textContent).toBe('No account matches these filters.');
    fireEvent.click(screen.getByTestId('portfolio-clear'));
    expect(screen.getAllByTestId('portfolio-row')).toHaveLength(2);
    fireEvent.change(screen.getByTestId('portfolio-filter-renewal'), { target: { value: '30' } });
    expect(screen.getAllByTestId('portfolio-row')).toHaveLength(1);
    expect(screen.getByTestId('portfolio-count').textContent).toBe('1 of 2 accounts');
  });

  it('speaks Japanese', async () => {
    renderPage([row('株式会社サンプル')], 'ja');
    await screen.findAllByTestId('portfolio-row');
    expect(screen.getByRole('columnheader', { name: '要対応度' })).toBeTruthy();
    expect(screen.getByTestId('portfolio-reason').textContent).toBe('気になる点はありません');
  });
});
