import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { ja } from '../i18n/ja';
import { TONES } from '../model/interaction';
import { SIGNAL_KINDS } from '../model/signal';
import { blindSpotKindKey, componentNameKey, isHealthMessageKey, latestToneKey, missingKey, signalEvidenceKey, trendKey } from './messages';
import { HEALTH_COMPONENT_IDS } from './weights';
import { TREND_DIRECTIONS } from '../model/trend';

describe('health messages', () => {
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
    for (const key of keys) expect(en[key], key).toBeTruthy();
    expect(ja['health.reason.seatUtilisation']).toBe('ライセンス利用率 {percent}%（{seats} ライセンス中 {active} 人が利用）');
    expect(ja['health.reason.seatUtilisation.workingDays']).toBe('ライセンス利用率 {percent}%（データ最終日までの {weeks} 週間の平日の中央値：{seats} ライセンス中 {active} 人が利用）');
  });

  it('recognises its own keys only', () => {
    expect(isHealthMessageKey('health.component.usage')).toBe(true);
    expect(isHealthMessageKey('usage.done')).toBe(false);
    expect(isHealthMessageKey('toString')).toBe(false);
    expect(isHealthMessageKey(3)).toBe(false);
  });
});
