import type { Interaction } from '../model/interaction';
import { clamp, dateOf } from './dates';
import { dayNumber } from '../calendar';
import type { ComponentResult, Reason } from './model';

/** A touch within this many days gets full marks for recency; none for this long gets none. */
export const FRESH_TOUCH_DAYS = 14;
export const STALE_TOUCH_DAYS = 90;
/** Touches in the last 90 days for full marks on cadence: about one every two weeks. */
export const FULL_CADENCE = 6;
const CADENCE_WINDOW_DAYS = 90;
/** Recency matters more than volume: one good call last week beats five emails last quarter. */
const RECENCY_SHARE = 0.6;

/**
 * A touch is an interaction with the customer; a note is the CSM writing to themselves, so it
 * says nothing about engagement (its tone still counts toward the relationship).
 */
export const isTouch = (i: Pick<Interaction, 'type'>): boolean => i.type !== 'note';

/** Engagement from the touches on or before `asOf`: days since the last one and how many in 90 days. */
export function engagementComponent(interactions: readonly Interaction[], asOf: string): ComponentResult | null {
  const today = dayNumber(asOf);
  let lastDay = -Infinity;
  let recent = 0;
  for (const interaction of interactions) {
    const date = dateOf(interaction.occurredAt);
    if (!isTouch(interaction) || date > asOf) continue;
    const day = dayNumber(date);
    if (day > lastDay) lastDay = day;
    if (day > today - CADENCE_WINDOW_DAYS) recent++;
  }
  if (lastDay === -Infinity) return null;
  const days = today - lastDay;
  const recency = clamp(100 - ((days - FRESH_TOUCH_DAYS) / (STALE_TOUCH_DAYS - FRESH_TOUCH_DAYS)) * 100);
  const cadence = clamp((recent / FULL_CADENCE) * 100);
  const reasons: Reason[] = [
    days === 0 ? { key: 'health.reason.lastTouchToday' } : { key: 'health.reason.lastTouch', params: { days } },
    { key: 'health.reason.touchCadence', params: { count: recent } },
  ];
  return { id: 'engagement', value: Math.round(RECENCY_SHARE * recency + (1 - RECENCY_SHARE) * cadence), reasons };
}
