import { TONES, type Tone } from '../model/interaction';
import type { ToneReading } from '../model/overview';

export type ToneTrend = 'warming' | 'cooling' | 'steady';

/** 2 for enthusiastic down to -2 for negative. */
export function toneValue(tone: Tone): number {
  return 2 - TONES.indexOf(tone);
}

/**
 * Compares the latest tone with the average of the few before it. Fewer than two readings
 * say nothing about a trend.
 */
export function toneTrend(newestFirst: readonly ToneReading[]): ToneTrend | null {
  const [latest, ...earlier] = newestFirst.slice(0, 4);
  if (!latest || earlier.length === 0) return null;
  const before = earlier.reduce((sum, r) => sum + toneValue(r.tone), 0) / earlier.length;
  const delta = toneValue(latest.tone) - before;
  return delta >= 0.75 ? 'warming' : delta <= -0.75 ? 'cooling' : 'steady';
}

const DAY_MS = 86_400_000;

export function daysBetween(fromIso: string, to: Date): number {
  return Math.floor((to.getTime() - new Date(fromIso).getTime()) / DAY_MS);
}

/** Days since the tone was last noted, when that is longer than the CSM's threshold; null when fresh. */
export function staleToneDays(newestFirst: readonly ToneReading[], now: Date, staleAfterDays: number): number | null {
  const latest = newestFirst[0];
  if (!latest) return null;
  const days = daysBetween(latest.at, now);
  return days > staleAfterDays ? days : null;
}
