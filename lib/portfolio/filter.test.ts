import { describe, expect, it } from 'vitest';
import { filterPortfolio, isFiltered, NO_FILTER, searchable } from './filter';
import type { PortfolioRow } from './model';

function row(name: string, extra: Partial<PortfolioRow> = {}): PortfolioRow {
  return {
    accountKey: `salesforce:acme:001${name.length}`, name, url: 'https://x', attention: 0, reasons: [{ key: 'portfolio.reason.noConcerns' }],
    healthScore: null, healthTrend: 'unknown', lastTouchAt: null, daysSinceTouch: 5, openRisks: 0, overdueSteps: 0, renewalDate: null, daysToRenewal: null, toneStale: false,
    ...extra,
  };
}

const rows = [
  row('Globex Corporation', { openRisks: 2, daysToRenewal: 20, daysSinceTouch: 3 }),
  row('株式会社サンプル', { daysToRenewal: 75, daysSinceTouch: 40 }),
  row('ＡＢＣ Trading', { daysToRenewal: -5, daysSinceTouch: 30 }),
  row('Initech', { daysSinceTouch: null, openRisks: 1 }),
  row('ｶﾌﾞｼｷｶﾞｲｼｬ ﾃｽﾄ', { daysToRenewal: 0 }),
];
const names = (filter: Partial<typeof NO_FILTER>) => filterPortfolio(rows, { ...NO_FILTER, ...filter }).map((r) => r.name);

describe('portfolio filters', () => {
  it('keeps every row, in order, when nothing is filtered', () => {
    expect(names({})).toEqual(rows.map((r) => r.name));
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, search: '  ' })).toBe(false);
    expect(isFiltered({ ...NO_FILTER, noTouchForDays: 30 })).toBe(true);
  });

  it('keeps only accounts with open risk signals', () => {
    expect(names({ riskOnly: true })).toEqual(['Globex Corporation', 'Initech']);
  });

  it('keeps renewals from today up to N days, not past or unknown ones', () => {
    expect(names({ renewalWithinDays: 30 })).toEqual(['Globex Corporation', 'ｶﾌﾞｼｷｶﾞｲｼｬ ﾃｽﾄ']);
    expect(names({ renewalWithinDays: 90 })).toEqual(['Globex Corporation', '株式会社サンプル', 'ｶﾌﾞｼｷｶﾞｲｼｬ ﾃｽﾄ']);
    expect(names({ renewalWithinDays: 20 })).toContain('Globex Corporation');
    expect(names({ renewalWithinDays: 19 })).not.toContain('Globex Corporation');
  });

  it('keeps accounts untouched for N days or more, never-touched ones included', () => {
    expect(names({ noTouchForDays: 30 })).toEqual(['株式会社サンプル', 'ＡＢＣ Trading', 'Initech']);
    expect(names({ noTouchForDays: 31 })).toEqual(['株式会社サンプル', 'Initech']);
  });

  it('searches names whatever the case or character width', () => {
    expect(names({ search: 'abc' })).toEqual(['ＡＢＣ Trading']);
    expect(names({ search: 'ＧＬＯＢＥＸ' })).toEqual(['Globex Corporation']);
    expect(names({ search: 'サンプル' })).toEqual(['株式会社サンプル']);
    // Half-width katakana in the CRM, full-width in the search box, and the other way round.
    expect(names({ search: 'カブシキ' })).toEqual(['ｶﾌﾞｼｷｶﾞｲｼｬ ﾃｽﾄ']);
    expect(names({ search: 'ｻﾝﾌﾟﾙ' })).toEqual(['株式会社サンプル']);
    expect(names({ search: 'nope' })).toEqual([]);
  });

  it('needs every word typed, separated by any space', () => {
    expect(names({ search: 'globex corp' })).toEqual(['Globex Corporation']);
    expect(names({ search: 'カブシキ　テスト' })).toEqual(['ｶﾌﾞｼｷｶﾞｲｼｬ ﾃｽﾄ']);
    expect(names({ search: 'globex trading' })).toEqual([]);
    expect(names({ search: '   ' })).toHaveLength(rows.length);
  });

  it('combines filters', () => {
    expect(names({ riskOnly: true, noTouchForDays: 30 })).toEqual(['Initech']);
    expect(names({ riskOnly: true, renewalWithinDays: 30, search: 'glo' })).toEqual(['Globex Corporation']);
  });

  it('folds width and case the same way for names and searches', () => {
    expect(searchable('ＡＢＣ１２３ ｶﾞ')).toBe('abc123 ガ');
  });
});
