import { describe, expect, it } from 'vitest';
import { countedReasonKey, portfolioEn, portfolioJa, trendKey, type CountedReason, type PortfolioMessageKey } from './messages';
import { TREND_DIRECTIONS } from '../model/trend';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('portfolio messages', () => {
  it('has every string in English and Japanese, with the same placeholders and the portfolio. prefix', () => {
    const keys = Object.keys(portfolioEn) as PortfolioMessageKey[];
    expect(Object.keys(portfolioJa).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(key.startsWith('portfolio.'), key).toBe(true);
      expect(portfolioEn[key].trim(), key).not.toBe('');
      expect(portfolioJa[key].trim(), key).not.toBe('');
      expect(placeholders(portfolioJa[key]), key).toEqual(placeholders(portfolioEn[key]));
    }
  });

  it('has a message for every trend and both forms of every counted reason', () => {
    for (const trend of TREND_DIRECTIONS) expect(portfolioEn[trendKey(trend)], trend).toBeTruthy();
    const counted: CountedReason[] = ['blindSpots', 'openRisks', 'overdueSteps', 'renewalSoon', 'renewalPassed'];
    for (const reason of counted) {
      expect(countedReasonKey(reason, 1)).toBe(`portfolio.reason.${reason}.one`);
      expect(countedReasonKey(reason, 2)).toBe(`portfolio.reason.${reason}.other`);
      expect(countedReasonKey(reason, 0)).toBe(`portfolio.reason.${reason}.other`);
      expect(portfolioEn[countedReasonKey(reason, 1)]).toBeTruthy();
      expect(portfolioEn[countedReasonKey(reason, 2)]).toBeTruthy();
    }
    expect(portfolioEn['portfolio.reason.openRisks.one']).toBe('{count} open risk signal');
    expect(portfolioJa['portfolio.reason.toneStale']).toBe('温度感が {days} 日間更新されていません');
  });
});
