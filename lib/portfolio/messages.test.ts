import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { ja } from '../i18n/ja';
import { countedReasonKey, trendKey, type CountedReason, type PortfolioMessageKey } from './messages';
import { TREND_DIRECTIONS } from '../model/trend';

describe('portfolio messages', () => {
  it('has a message for every trend and both forms of every counted reason', () => {
    for (const trend of TREND_DIRECTIONS) expect(en[trendKey(trend)], trend).toBeTruthy();
    const counted: CountedReason[] = ['blindSpots', 'openRisks', 'overdueSteps', 'renewalSoon', 'renewalPassed'];
    for (const reason of counted) {
      expect(countedReasonKey(reason, 1)).toBe(`portfolio.reason.${reason}.one`);
      expect(countedReasonKey(reason, 2)).toBe(`portfolio.reason.${reason}.other`);
      expect(countedReasonKey(reason, 0)).toBe(`portfolio.reason.${reason}.other`);
      expect(en[countedReasonKey(reason, 1)]).toBeTruthy();
      expect(en[countedReasonKey(reason, 2)]).toBeTruthy();
    }
    expect(en['portfolio.reason.openRisks.one']).toBe('{count} open risk signal');
    expect(ja['portfolio.reason.toneStale']).toBe('温度感が {days} 日間更新されていません');
  });
});
