import { z } from 'zod';
import { Account, FieldSnapshot, IsoDateTime } from '../model/account';
import { Interaction } from '../model/interaction';
import { QuickLogDraft } from '../model/quick-log';
import { SuccessGoal } from '../model/goal';
import { Signal } from '../model/signal';
import { Stakeholder } from '../model/stakeholder';
import { CsmSettings } from '../model/settings';

/** A named settings document, as kept in the `settings` store. */
export const SettingsEntry = z.discriminatedUnion('key', [z.object({ key: z.literal('csm'), value: CsmSettings })]);
export type SettingsEntry = z.infer<typeof SettingsEntry>;

export const BACKUP_FORMAT = 'adoption-sidebar-backup';
export const BACKUP_VERSION = 1;

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
}) satisfies z.ZodType<BackupCounts>;
