import { z } from 'zod';
import { Account, FieldSnapshot, IsoDateTime } from '../model/account';
import { Interaction } from '../model/interaction';
import { QuickLogDraft } from '../model/quick-log';

export const BACKUP_FORMAT = 'adoption-sidebar-backup';
export const BACKUP_VERSION = 1;

/** The records of every store, by store name. Later versions add stores here. */
export const BackupRecords = z.object({
  accounts: z.array(Account),
  snapshots: z.array(FieldSnapshot),
  interactions: z.array(Interaction),
  drafts: z.array(QuickLogDraft),
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
export const BackupCounts = z.object({
  accounts: z.number().int(),
  snapshots: z.number().int(),
  interactions: z.number().int(),
  drafts: z.number().int(),
});
