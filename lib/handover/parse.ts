import { z } from '../model/zod';
import { AppError, issueDetail } from '../errors';
import { BACKUP_FORMAT } from '../backup/format';
import { HANDOVER_FORMAT, HANDOVER_VERSION, Handover } from './format';

const Envelope = z.looseObject({ format: z.string(), version: z.int().check(z.positive()) });

/** Parses a handover file's text, or throws an AppError saying why it is refused. Nothing is written here. */
export function parseHandover(text: string): Handover {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('handover-not-json', 'not JSON');
  }
  const envelope = Envelope.safeParse(json);
  // A backup given here by mistake is told apart: it has its own place on the settings page.
  if (envelope.success && envelope.data.format === BACKUP_FORMAT) throw new AppError('handover-is-backup', BACKUP_FORMAT);
  if (!envelope.success || envelope.data.format !== HANDOVER_FORMAT) throw new AppError('invalid-handover', 'missing format marker');
  if (envelope.data.version > HANDOVER_VERSION) throw new AppError('unsupported-handover', String(envelope.data.version));
  const handover = Handover.safeParse(json);
  if (!handover.success) {
    throw new AppError('invalid-handover', issueDetail(handover.error.issues[0]));
  }
  return handover.data;
}
