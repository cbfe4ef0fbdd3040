import { z } from '../model/zod';
import { IsoDateTime } from '../model/dates';
import { BACKED_UP_STORE_NAMES, BACKED_UP_STORES, type BackedUpStore } from '../db/stores';

export const BACKUP_FORMAT = 'adoption-sidebar-backup';
/**
 * 2 added usage data, its links and mappings, and the daily health history; 3 keys Salesforce
 * accounts by org and id (`salesforce:<My Domain>:<id>`); 4 added the handover markers and versions
 * (`handovers`); 5 carries usage by year (`usageYears`) instead of by month (`usageMonths`), as the
 * database keeps it.
 */
export const BACKUP_VERSION = 5;

type StoreArrays = { [K in BackedUpStore]: z.ZodMiniArray<(typeof BACKED_UP_STORES)[K]> };
type StoreCounts = { [K in BackedUpStore]: z.ZodMiniNumber };

function mapStores<T>(each: (store: BackedUpStore) => T): Record<BackedUpStore, T> {
  return Object.fromEntries(BACKED_UP_STORE_NAMES.map((name) => [name, each(name)])) as Record<BackedUpStore, T>;
}

/** The records of every backed-up store (lib/db/stores.ts), by store name. */
export const BackupRecords = z.object(mapStores((name) => z.array(BACKED_UP_STORES[name])) as StoreArrays);
export type BackupRecords = z.infer<typeof BackupRecords>;

export const Backup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: IsoDateTime,
  records: BackupRecords,
});
export type Backup = z.infer<typeof Backup>;

/** How many records of each store a restore wrote. */
export const BackupCounts = z.object(mapStores(() => z.int().check(z.nonnegative())) as StoreCounts);
export type BackupCounts = z.infer<typeof BackupCounts>;
