import { z } from '../model/zod';
import { TrendDirection } from '../model/trend';
import { IsoDate } from '../model/dates';
import { AccountKey } from '../model/account';
import { isHealthMessageKey, type HealthMessageKey } from './messages';
import { HealthComponentId } from './weights';

/** Why a part scored as it did: a message key and its parameters, translated by the UI. */
export const Reason = z.object({
  key: z.custom<HealthMessageKey>(isHealthMessageKey, 'not a health message key'),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});
export type Reason = z.infer<typeof Reason>;

const Score = z.int().check(z.gte(0), z.lte(100));
const Weight = z.number().check(z.gte(0), z.lte(100));

/** What each component module returns; null from the module means it had no data. */
export interface ComponentResult {
  id: HealthComponentId;
  /** 0–100, an integer, so the score can be recomputed from what is shown. */
  value: number;
  reasons: Reason[];
}

export const HealthComponent = z.object({
  id: HealthComponentId,
  value: Score,
  /** As configured. */
  weight: Weight,
  /** After the weight of missing parts is shared out: sums to 100 over the parts present. */
  effectiveWeight: Weight,
  reasons: z.array(Reason),
});
export type HealthComponent = z.infer<typeof HealthComponent>;

export const BlindSpotKind = z.enum(['hidden-risk', 'adoption-gap']);
export type BlindSpotKind = z.infer<typeof BlindSpotKind>;

export const BlindSpot = z.object({
  kind: BlindSpotKind,
  key: z.custom<HealthMessageKey>(isHealthMessageKey, 'not a health message key'),
  evidence: z.array(Reason),
});
export type BlindSpot = z.infer<typeof BlindSpot>;

export const SubscriptionScore = z.object({
  subscription: z.string().check(z.minLength(1)),
  /** The account's score with only this subscription's usage; null when nothing has data. */
  score: z.nullable(Score),
});
export type SubscriptionScore = z.infer<typeof SubscriptionScore>;

/** One account's health on one day: stored for the daily history and validated when read back. */
export const HealthScore = z.object({
  asOf: IsoDate,
  /** Null when no part has data. */
  score: z.nullable(Score),
  /** The parts with data, in HEALTH_COMPONENT_IDS order. */
  components: z.array(HealthComponent),
  /** The parts without data; their weight went to the others pro rata. */
  missing: z.array(HealthComponentId),
  blindSpots: z.array(BlindSpot),
  /** One per distinct non-empty subscription in the usage data; [] when there is none. */
  subscriptions: z.array(SubscriptionScore),
});
export type HealthScore = z.infer<typeof HealthScore>;

/** A day of an account's health history, as kept in the `healthHistory` store. */
export const HealthSnapshot = z.object({
  accountKey: AccountKey,
  date: IsoDate,
  health: HealthScore,
});
export type HealthSnapshot = z.infer<typeof HealthSnapshot>;

/** What the sidebar shows of an account's health. */
export const AccountHealth = z.object({
  current: HealthScore,
  /** The score as it stood TREND_DAYS ago (computed from the data dated up to then). */
  previousScore: z.nullable(z.int()),
  trend: TrendDirection,
  /** Daily active users over the last HISTORY_DAYS days, oldest first. */
  sparkline: z.array(z.number()),
  /** The newest usage figure's day: how old the cached usage is. */
  usageAsOf: z.nullable(IsoDate),
  /** Stored daily scores, oldest first. */
  history: z.array(z.object({ date: IsoDate, score: z.nullable(z.int()) })),
});
export type AccountHealth = z.infer<typeof AccountHealth>;
