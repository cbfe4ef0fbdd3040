import { z } from 'zod';
import { Account, FieldSnapshot } from '../model/account';
import { IsoDateTime } from '../model/dates';
import { Interaction } from '../model/interaction';
import { QuickLogDraft } from '../model/quick-log';
import { SuccessGoal } from '../model/goal';
import { Signal } from '../model/signal';
import { Stakeholder } from '../model/stakeholder';
import { CsmSettings } from '../model/settings';
import { UsageAccountLink, UsageMonth } from '../model/usage';
import { RememberedMapping } from '../usage/mapping';
import { HealthSnapshot } from '../health/model';
import { UsageSourceConfig, UsageSourceStatus } from '../usage/source';

/**
 * A named settings document, as kept in the `settings` store. The usage source's token is
 * blanked on export: a backup file must not carry a credential.
 */
export const SettingsEntry = z.discriminatedUnion('key', [
  z.object({ key: z.literal('csm'), value: CsmSettings }),
  z.object({ key: z.literal('usage-source'), value: UsageSourceConfig }),
  z.object({ key: z.literal('usage-source-status'), value: UsageSourceStatus }),
]);
export type SettingsEntry = z.infer<typeof SettingsEntry>;

export const BACKUP_FORMAT = 'adoption-sidebar-backup';
/** 2 added usage data, its links and mappings, and the daily health history. */
export const BACKUP_VERSION = 2;

/** The records of every store, by store name. Later versions add stores here. */
export const BackupRecords = z.object({
  accounts: z.array(Account),
  snapshots: z.array(FieldSnapshot),
  interactions: z.array(Interaction),
  drafts: z.array(QuickLogDraft),
  goals: z.array(SuccessGoal),
  signals: z.array(Signal),
  stakeholders: z.array(Stakeholder),
  settings: z.array(SettingsEntry),
  usageMonths: z.array(UsageMonth),
  usageLinks: z.array(UsageAccountLink),
  usageMappings: z.array(RememberedMapping),
  healthHistory: z.array(HealthSnapshot),
});
export type BackupRecords = z.infer<typeof BackupRecords>;

export const Backup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: IsoDateTime,
  records: BackupRecords,
});
export type Backup = z.infer<typeof Backup>;

export type BackupCounts = { [K in keyof BackupRecords]: number };
const count = z.number().int().nonnegative();
export const BackupCounts = z.object({
  accounts: count,
  snapshots: count,
  interactions: count,
  drafts: count,
  goals: count,
  signals: count,
  stakeholders: count,
  settings: count,
  usageMonths: count,
  usageLinks: count,
  usageMappings: count,
  healthHistory: count,
}) satisfies z.ZodType<BackupCounts>;
