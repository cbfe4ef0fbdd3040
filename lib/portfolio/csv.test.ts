import { describe, expect, it } from 'vitest';
import { portfolioCsv } from './csv';
import { type PortfolioTranslate } from './messages';
import { en } from '../i18n/en';
import { ja } from '../i18n/ja';
import type { PortfolioRow } from './model';

const fill = (dictionary: Record<string, string>): PortfolioTranslate => (key, params = {}) =>
  (dictionary[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));

const rows: PortfolioRow[] = [
  {
    accountKey: 'salesforce:acme:001A', name: '=HYPERLINK("http://evil","x")', url: 'https://acme.lightning.force.com/lightning/r/Account/001A/view', attention: 28,
    reasons: [{ key: 'portfolio.reason.renewalSoon.other', params: { days: 20 } }, { key: 'portfolio.reason.overdueSteps.other', params: { count: 2 } }],
    healthScore: 72.4, healthTrend: 'down', lastTouchAt: '2026-11-22T10:00:00.000Z', daysSinceTouch: 3, openRisks: 0, overdueSteps: 2, renewalDate: '2026-12-15', daysToRenewal: 20, toneStale: false,
  },
  {
    accountKey: 'salesforce:acme:001B', name: '株式会社サンプル, 東京', url: 'https://x/001B', attention: 0, reasons: [{ key: 'portfolio.reason.nothingRecorded' }],
    healthScore: null, healthTrend: 'unknown', lastTouchAt: null, daysSinceTouch: null, openRisks: 0, overdueSteps: 0, renewalDate: null, daysToRenewal: null, toneStale: false,
  },
];

describe('portfolio CSV', () => {
  it('starts with a BOM, has one line per row with translated headers, trend and reasons', () => {
    const csv = portfolioCsv(rows, fill(en), (d) => `[${d}]`);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toEqual([
      'Account,CRM record,Attention,Health,Health trend,Why,Days since last touch,Open risk signals,Overdue next steps,Renewal date',
      `"'=HYPERLINK(""http://evil"",""x"")",https://acme.lightning.force.com/lightning/r/Account/001A/view,28,72,Falling,Renewal in 20 days; 2 overdue next steps,3,0,2,[2026-12-15]`,
      '"株式会社サンプル, 東京",https://x/001B,0,,Unknown,Nothing recorded yet,,0,0,',
      '',
    ]);
  });

  it('neutralises a name that a spreadsheet would run', () => {
    const csv = portfolioCsv([{ ...rows[1]!, name: '@SUM(A1)' }], fill(en), (d) => d);
    expect(csv).toContain("\r\n'@SUM(A1),");
  });

  it('speaks the UI language', () => {
    const csv = portfolioCsv(rows.slice(0, 1), fill(ja), (d) => d.replace(/-/g, '/'));
    expect(csv).toContain('取引先,CRM レコード,要対応度');
    expect(csv).toContain('低下,契約更新まであと 20 日; 期限切れの次のアクションが 2 件,3,0,2,2026/12/15');
  });

  it('writes just the header for no rows', () => {
    expect(portfolioCsv([], fill(en), (d) => d).split('\r\n')).toHaveLength(2);
  });
});
