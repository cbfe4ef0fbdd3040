import { z } from './zod';
import { AccountKey } from './account';
import { IsoDateTime, IsoDate } from './dates';

/** Standard metrics; feature usage is `feature:<name>`. */
export const STANDARD_METRICS = ['activeUsers', 'licensedSeats', 'logins'] as const;
export const UsageMetric = z.union([z.enum(STANDARD_METRICS), z.string().check(z.regex(/^feature:.{1,120}$/))]);
export type UsageMetric = z.infer<typeof UsageMetric>;

/** How the usage source names an account, before it is matched to a CRM record. */
export const UsageAccountRef = z.object({
  id: z._default(z.string().check(z.maxLength(200)), ''),
  domain: z._default(z.string().check(z.maxLength(300)), ''),
  name: z._default(z.string().check(z.maxLength(500)), ''),
});
export type UsageAccountRef = z.infer<typeof UsageAccountRef>;

/**
 * One figure for one account on one day. `id` is derived from (source account, date, metric,
 * subscription), so importing the same figure twice overwrites instead of duplicating.
 */
export const UsageRecord = z.object({
  id: z.string().check(z.minLength(1)),
  /** The source's own account identity (stable across imports). */
  sourceAccountKey: z.string().check(z.minLength(1), z.maxLength(600)),
  account: UsageAccountRef,
  date: IsoDate,
  metric: UsageMetric,
  /** Subscription or product; '' when the data has none. */
  subscription: z._default(z.string().check(z.maxLength(200)), ''),
  value: z.number(),
  importedAt: IsoDateTime,
  source: z.string().check(z.maxLength(300)),
});
export type UsageRecord = z.infer<typeof UsageRecord>;

/** A usage-source account linked to a CRM account, automatically or by hand (remembered). */
export const UsageAccountLink = z.object({
  sourceAccountKey: z.string().check(z.minLength(1)),
  accountKey: AccountKey,
  how: z.enum(['record-id', 'domain', 'name', 'manual']),
  linkedAt: IsoDateTime,
});
export type UsageAccountLink = z.infer<typeof UsageAccountLink>;

export const UsageMonthKey = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/));

/**
 * How an import carries usage: one record per source account, subscription, metric and month, its
 * figures by day of month (index 0 is the 1st; null where the source had no figure). The database
 * keeps a year of them in one record (./usage-year.ts).
 */
export const UsageMonth = z.object({
  id: z.string().check(z.minLength(1)),
  sourceAccountKey: z.string().check(z.minLength(1), z.maxLength(600)),
  account: UsageAccountRef,
  subscription: z._default(z.string().check(z.maxLength(200)), ''),
  metric: UsageMetric,
  month: UsageMonthKey,
  days: z.array(z.nullable(z.number())).check(z.length(31)),
  updatedAt: IsoDateTime,
  source: z.string().check(z.maxLength(300)),
});
export type UsageMonth = z.infer<typeof UsageMonth>;

/** Deterministic and unambiguous: JSON escapes any separator a source key could contain. */
export function usageMonthId(sourceAccountKey: string, subscription: string, metric: string, month: string): string {
  return JSON.stringify([sourceAccountKey, subscription, metric, month]);
}

/** One metric of one subscription over time, oldest first: what the health score reads. */
export interface UsagePoint {
  date: string;
  value: number;
}
export interface UsageSeries {
  subscription: string;
  metric: UsageMetric;
  points: UsagePoint[];
}
