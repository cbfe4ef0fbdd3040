import { z } from 'zod';
import { AccountKey, IsoDateTime } from './account';
import { IsoDate } from './goal';

/** Standard metrics; feature usage is `feature:<name>`. */
export const STANDARD_METRICS = ['activeUsers', 'licensedSeats', 'logins'] as const;
export const UsageMetric = z.union([z.enum(STANDARD_METRICS), z.string().regex(/^feature:.{1,120}$/)]);
export type UsageMetric = z.infer<typeof UsageMetric>;

/** How the usage source names an account, before it is matched to a CRM record. */
export const UsageAccountRef = z.object({
  id: z.string().max(200).default(''),
  domain: z.string().max(300).default(''),
  name: z.string().max(500).default(''),
});
export type UsageAccountRef = z.infer<typeof UsageAccountRef>;

/**
 * One figure for one account on one day. `id` is derived from (source account, date, metric,
 * subscription), so importing the same figure twice overwrites instead of duplicating.
 */
export const UsageRecord = z.object({
  id: z.string().min(1),
  /** The source's own account identity (stable across imports). */
  sourceAccountKey: z.string().min(1).max(600),
  account: UsageAccountRef,
  date: IsoDate,
  metric: UsageMetric,
  /** Subscription or product; '' when the data has none. */
  subscription: z.string().max(200).default(''),
  value: z.number().finite(),
  importedAt: IsoDateTime,
  source: z.string().max(300),
});
export type UsageRecord = z.infer<typeof UsageRecord>;

/** A usage-source account linked to a CRM account, automatically or by hand (remembered). */
export const UsageAccountLink = z.object({
  sourceAccountKey: z.string().min(1),
  accountKey: AccountKey,
  how: z.enum(['record-id', 'domain', 'name', 'manual']),
  linkedAt: IsoDateTime,
});
export type UsageAccountLink = z.infer<typeof UsageAccountLink>;
