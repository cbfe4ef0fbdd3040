import { describe, expect, it } from 'vitest';
import { TONES } from '../model/interaction';
import { SIGNAL_KINDS } from '../model/signal';
import { blindSpotKindKey, componentNameKey, healthEn, healthJa, isHealthMessageKey, latestToneKey, missingKey, signalEvidenceKey, trendKey } from './messages';
import { HEALTH_COMPONENT_IDS } from './weights';
import { TREND_DIRECTIONS } from '../model/trend';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('health messages', () => {
  it('has every string in English and Japanese, with the same placeholders and the health. prefix', () => {
    const keys = Object.keys(healthEn).filter(isHealthMessageKey);
    expect(Object.keys(healthJa).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(key.startsWith('health.'), key).toBe(true);
      expect(healthEn[key].trim(), key).not.toBe('');
      expect(healthJa[key].trim(), key).not.toBe('');
      expect(placeholders(healthJa[key]), key).toEqual(placeholders(healthEn[key]));
    }
  });

  it('has a message for every code the engine can return', () => {
    const keys = [
      ...HEALTH_COMPONENT_IDS.map(componentNameKey),
      ...HEALTH_COMPONENT_IDS.map(missingKey),
      ...TREND_DIRECTIONS.map(trendKey),
      ...(['hidden-risk', 'adoption-gap'] as const).map(blindSpotKindKey),
      ...SIGNAL_KINDS.map(signalEvidenceKey),
      ...TONES.map(latestToneKey),
      // What the usage part returns: seat utilisation and the trends, on working days or all days.
      ...(['workingDays', 'allDays'] as const).flatMap((basis) => [
        `health.reason.seatUtilisation.${basis}` as const,
        ...(['Up', 'Down', 'Steady', 'Started'] as const).map((d) => `health.reason.activeUsers${d}.${basis}` as const),
      ]),
    ];
    for (const key of keys) expect(healthEn[key], key).toBeTruthy();
    expect(healthJa['health.reason.seatUtilisation']).toBe('ライセンス利用率 {percent}%（{seats} ライセンス中 {active} 人が利用）');
    expect(healthJa['health.reason.seatUtilisation.workingDays']).toBe('ライセンス利用率 {percent}%（データ最終日までの {weeks} 週間の平日の中央値：{seats} ライセンス中 {active} 人が利用）');
  });

  it('recognises its own keys only', () => {
    expect(isHealthMessageKey('health.component.usage')).toBe(true);
    expect(isHealthMessageKey('usage.done')).toBe(false);
    expect(isHealthMessageKey('toString')).toBe(false);
    expect(isHealthMessageKey(3)).toBe(false);
  });
});
