import { toneValue } from '../insights/tone';
import type { Interaction, Tone } from '../model/interaction';
import type { Signal } from '../model/signal';
import { clamp, dateOf } from './dates';
import { dayNumber } from '../calendar';
import type { ComponentResult, Reason } from './model';
import { latestToneKey } from './messages';
import { isOpenAsOf } from './signals';

/** A tone reading counts half as much after this many days: the mood of last month matters more than last year's. */
export const TONE_HALF_LIFE_DAYS = 45;
/** Older readings are ignored (they would weigh under 0.4% anyway) so a lone old reading cannot speak for today. */
export const TONE_LOOKBACK_DAYS = 365;
/** Each open advocacy or expansion signal lifts the value a little, capped: tone stays the main evidence. */
export const OPPORTUNITY_LIFT = 5;
export const MAX_OPPORTUNITY_LIFT = 10;
const WARM = 0.5;

/** Open advocacy or expansion interest: the customer speaking up for us or wanting more. */
export const isAdvocacyOrExpansion = (s: Signal): boolean => (s.kind === 'advocacy' || s.kind === 'expansion-interest') && s.polarity === 'opportunity';

/**
 * Relationship from the tone of interactions on or before `asOf` (notes included: the CSM notes
 * the temperature there too), each weighted by 2^(−age / half-life), mapped from the tone scale
 * (−2 … +2) to 0–100 so that neutral is 50. Null when no tone was noted within the last year.
 */
export function relationshipComponent(interactions: readonly Interaction[], signals: readonly Signal[], asOf: string): ComponentResult | null {
  const today = dayNumber(asOf);
  let weighted = 0;
  let weights = 0;
  let count = 0;
  let latest: { at: string; tone: Tone; day: number } | null = null;
  for (const interaction of interactions) {
    if (interaction.tone === null) continue;
    const date = dateOf(interaction.occurredAt);
    if (date > asOf) continue;
    const day = dayNumber(date);
    const age = today - day;
    if (age >= TONE_LOOKBACK_DAYS) continue;
    const w = Math.pow(0.5, age / TONE_HALF_LIFE_DAYS);
    weighted += w * toneValue(interaction.tone);
    weights += w;
    count++;
    if (!latest || interaction.occurredAt > latest.at) latest = { at: interaction.occurredAt, tone: interaction.tone, day };
  }
  if (!latest) return null;
  const mean = weighted / weights;
  const lifting = signals.filter((s) => isAdvocacyOrExpansion(s) && isOpenAsOf(s, asOf)).length;
  const lift = Math.min(MAX_OPPORTUNITY_LIFT, lifting * OPPORTUNITY_LIFT);
  const reasons: Reason[] = [
    { key: mean >= WARM ? 'health.reason.toneWarm' : mean <= -WARM ? 'health.reason.toneCool' : 'health.reason.toneMixed', params: { count } },
    { key: latestToneKey(latest.tone), params: { days: today - latest.day } },
  ];
  if (lift > 0) reasons.push({ key: 'health.reason.opportunityLift', params: { count: lifting, points: lift } });
  return { id: 'relationship', value: Math.round(clamp((mean + 2) * 25 + lift)), reasons };
}
