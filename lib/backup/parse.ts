import { z } from '../model/zod';
import { AppError, issueDetail } from '../errors';
import { BACKUP_FORMAT, BACKUP_VERSION, Backup } from './format';
import { moveKeysInRecords } from '../db/org-keys';
import { UsageMonth } from '../model/usage';
import { type UsageYear, layMonthsIntoYears } from '../model/usage-year';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Upgrades from older backup versions: entry N turns a version-N backup into version N+1. */
const UPGRADES: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = {
  // 1 → 2: usage data, links, mappings and health history did not exist yet.
  1: (old) => ({ ...old, records: { ...(isRecord(old.records) ? old.records : {}), usageMonths: [], usageLinks: [], usageMappings: [], healthHistory: [] } }),
  // 2 → 3: Salesforce accounts move to their org's key, as the database's version 7 moves them.
  2: (old) => ({ ...old, records: isRecord(old.records) ? moveKeysInRecords(old.records) : old.records }),
  // 3 → 4: no account had been handed over yet.
  3: (old) => ({ ...old, records: { ...(isRecord(old.records) ? old.records : {}), handovers: [] } }),
  // 4 → 5: usage months move into their years, as the database's version 11 moves them.
  4: (old) => {
    const { usageMonths, ...records } = isRecord(old.records) ? old.records : {};
    return { ...old, records: { ...records, usageYears: yearsOfBackedUpMonths(usageMonths) } };
  },
};

/** A version-4 backup's usage months as years; a month that does not parse refuses the backup, as it did before. */
function yearsOfBackedUpMonths(months: unknown): UsageYear[] {
  const parsed = z.array(UsageMonth).safeParse(months);
  if (!parsed.success) throw new AppError('invalid-backup', issueDetail(parsed.error.issues[0], 'invalid', ['records', 'usageMonths']));
  return layMonthsIntoYears(new Map(), parsed.data);
}

const Envelope = z.looseObject({ format: z.literal(BACKUP_FORMAT), version: z.int().check(z.positive()) });

/** Parses a backup file's text into a current-version backup, or throws an AppError saying why not. */
export function parseBackup(text: string): Backup {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('backup-not-json', 'not JSON');
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) throw new AppError('invalid-backup', 'missing format marker');
  if (envelope.data.version > BACKUP_VERSION) throw new AppError('unsupported-backup', String(envelope.data.version));
  let upgraded: Record<string, unknown> = envelope.data;
  for (let v = envelope.data.version; v < BACKUP_VERSION; v++) {
    const step = UPGRADES[v];
    if (!step) throw new AppError('unsupported-backup', String(v));
    upgraded = { ...step(upgraded), version: v + 1 };
  }
  const backup = Backup.safeParse(upgraded);
  if (!backup.success) {
    throw new AppError('invalid-backup', issueDetail(backup.error.issues[0]));
  }
  return backup.data;
}
