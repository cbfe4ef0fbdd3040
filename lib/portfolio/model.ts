import { z } from '../model/zod';
import { IsoDate } from '../model/dates';
import { AccountKey as AccountKeySchema, type Account, type AccountKey, type RecordField } from '../model/account';
import type { SuccessGoal } from '../model/goal';
import type { Interaction } from '../model/interaction';
import type { Signal } from '../model/signal';
import { isPortfolioMessageKey, type PortfolioMessageKey, type Reason } from './messages';
import { TrendDirection } from '../model/trend';

/**
 * The little the ranking needs from the health score, which is computed elsewhere; kept local
 * so this module does not depend on how health is worked out. `score` is 0–100, null when there
 * is too little data to score.
 */
export interface PortfolioHealth {
  score: number | null;
  trend: TrendDirection;
  blindSpots: number;
}

/** One account as the portfolio page loads it. */
export interface PortfolioAccountInput {
  account: Account;
  /** The CRM fields as last read (the renewal date comes from them). */
  fields: readonly RecordField[];
  interactions: readonly Interaction[];
  signals: readonly Signal[];
  goals: readonly SuccessGoal[];
  health: PortfolioHealth | null;
}

export interface PortfolioRow {
  accountKey: AccountKey;
  name: string;
  /** The CRM record, for the link back. */
  url: string;
  /** 0–100, higher needs more attention; the sum of the points in rank.ts, capped. */
  attention: number;
  /** Most important first; never empty. */
  reasons: Reason[];
  healthScore: number | null;
  healthTrend: TrendDirection;
  /** The latest interaction not in the future, ISO date-time; null when none. */
  lastTouchAt: string | null;
  daysSinceTouch: number | null;
  /** Unresolved signals of risk polarity. */
  openRisks: number;
  /** Open next steps due before today. */
  overdueSteps: number;
  /** `YYYY-MM-DD` as shown on the CRM record. */
  renewalDate: string | null;
  /** Negative once the date has passed. */
  daysToRenewal: number | null;
  toneStale: boolean;
}

export interface PortfolioOptions {
  /**
   * Now, as an ISO date-time with offset whose date as written is the CSM's today: pass
   * `localNow(new Date())` (time.ts). A bare `YYYY-MM-DD` also works (tests, benchmarks): days
   * are then counted to the end of that day in UTC.
   */
  today: string;
  /** The CSM's setting: tone older than this many days is stale. */
  toneStaleDays: number;
}

/** A row as sent from the background to the portfolio page, validated there like every reply. */
export const PortfolioRowSchema = z.object({
  accountKey: AccountKeySchema,
  name: z.string(),
  url: z.string(),
  attention: z.number().check(z.gte(0), z.lte(100)),
  reasons: z.array(z.object({ key: z.custom<PortfolioMessageKey>(isPortfolioMessageKey, 'not a portfolio message key'), params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))) })),
  healthScore: z.nullable(z.number()),
  healthTrend: TrendDirection,
  lastTouchAt: z.nullable(z.string()),
  daysSinceTouch: z.nullable(z.number()),
  openRisks: z.int(),
  overdueSteps: z.int(),
  renewalDate: z.nullable(z.string()),
  daysToRenewal: z.nullable(z.number()),
  toneStale: z.boolean(),
}) satisfies z.ZodMiniType<PortfolioRow>;

/**
 * The portfolio ranks every account at once, and reading every interaction and signal of 500
 * accounts takes seconds. So each account keeps its row as of a day, redone whenever something
 * of it is saved (and for every account after an import, a settings change or a new day). The
 * page reads 500 small rows; only those of an earlier day are recomputed.
 */
export const PortfolioEntry = z.object({
  accountKey: z.string(),
  computedOn: IsoDate,
  toneStaleDays: z.int(),
  recorded: z.boolean(),
  row: PortfolioRowSchema,
});
export type PortfolioEntry = z.infer<typeof PortfolioEntry>;
