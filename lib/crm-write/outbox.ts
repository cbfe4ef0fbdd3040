import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { parseStored, parseStoredList } from '../db/records';
import { toErrorData } from '../errors';
import { Account } from '../model/account';
import { Interaction } from '../model/interaction';
import { Signal } from '../model/signal';
import { Stakeholder } from '../model/stakeholder';
import type { CrmWrite, WritableCrm } from '../model/crm-write';
import type { Locale } from '../i18n';
import { activityContent } from './activity';
import { changeWrite, dueWrites } from './store';
import { crmTargetOf } from './target';
import { CrmWriteError, isRetryable, type CrmActivityWriter } from './writer';

/** Waits before each retry: half a minute, growing to an hour. */
const BACKOFF_MS = [30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000];

export function backoffMs(attempts: number): number {
  return BACKOFF_MS[Math.min(Math.max(attempts - 1, 0), BACKOFF_MS.length - 1)] ?? 3_600_000;
}

/**
 * Queues the interaction's latest revision to be written now. A write already waiting is brought
 * forward; one written stays tied to its activity, which the next write updates.
 */
export async function queueWrite(db: IDBPDatabase<AdoptionDb>, interaction: Interaction, crm: WritableCrm, now: Date): Promise<void> {
  const at = now.toISOString();
  await changeWrite(db, interaction.id, (stored) => {
    if (stored?.state === 'written' && stored.writtenRevision === interaction.revision) return undefined;
    const base: CrmWrite = stored ?? {
      interactionId: interaction.id,
      accountKey: interaction.accountKey,
      crm,
      state: 'waiting',
      activityId: null,
      wantedRevision: interaction.revision,
      writtenRevision: null,
      attempts: 0,
      nextAttemptAt: at,
      createSentAt: null,
      lastError: null,
      writtenAt: null,
      updatedAt: at,
    };
    return { ...base, state: 'waiting', wantedRevision: interaction.revision, attempts: 0, nextAttemptAt: at, lastError: null, updatedAt: at };
  });
}

/** A deleted touch: a write not made yet is dropped; an activity already in the CRM stays there (the extension deletes nothing there). */
export async function forgetUnwritten(db: IDBPDatabase<AdoptionDb>, interactionId: string): Promise<void> {
  await changeWrite(db, interactionId, (stored) => (stored && stored.activityId === null ? null : undefined));
}

export interface WriteContext {
  writers: Partial<Record<WritableCrm, CrmActivityWriter>>;
  locale: Locale;
  now: () => Date;
}

async function readTouch(db: IDBPDatabase<AdoptionDb>, interactionId: string) {
  const raw: unknown = await db.get('interactions', interactionId);
  if (raw === undefined) return null;
  const interaction = parseStored(Interaction, raw, `interaction ${interactionId}`);
  const [accountRaw, signals, stakeholders] = await Promise.all([
    db.get('accounts', interaction.accountKey),
    db.getAllFromIndex('signals', 'byAccount', IDBKeyRange.bound([interaction.accountKey, '', ''], [interaction.accountKey, '\uffff', ''])),
    db.getAllFromIndex('stakeholders', 'byAccount', interaction.accountKey),
  ]);
  return {
    interaction,
    account: accountRaw === undefined ? null : parseStored(Account, accountRaw, `account ${interaction.accountKey}`),
    signals: parseStoredList(Signal, signals).items,
    stakeholders: parseStoredList(Stakeholder, stakeholders).items,
  };
}

/**
 * Writes one waiting touch to its CRM: updates its activity when it has one, else looks for one a
 * lost answer may have left (when a create may have reached the CRM) and creates it otherwise.
 * Every outcome is stored; returns the account whose touch changed state.
 */
export async function writeOne(db: IDBPDatabase<AdoptionDb>, write: CrmWrite, context: WriteContext): Promise<string> {
  const touch = await readTouch(db, write.interactionId);
  const stamp = () => context.now().toISOString();
  // Deleted since it was queued: nothing to write (an activity made before stays in the CRM).
  if (!touch) {
    await changeWrite(db, write.interactionId, (s) => (s && s.activityId === null ? null : s && { ...s, state: 'written', updatedAt: stamp() }));
    return write.accountKey;
  }
  const { interaction } = touch;
  if (interaction.internalOnly) {
    await changeWrite(db, write.interactionId, (s) => (s && s.activityId === null ? null : s && { ...s, state: 'withheld', lastError: null, updatedAt: stamp() }));
    return write.accountKey;
  }
  const sending = interaction.revision;
  try {
    const writer = context.writers[write.crm];
    const target = touch.account && crmTargetOf(touch.account);
    if (!writer || !target) throw new CrmWriteError('crm-rejected', `no ${write.crm} record to write to for ${write.accountKey}`);
    const content = activityContent(interaction, touch.signals, touch.stakeholders, context.locale);
    let activityId = write.activityId;
    // A create may have reached the CRM without its answer coming back (the worker stopped, the
    // connection dropped), or the touch was written from another profile: look for it first.
    if (activityId === null && (write.createSentAt !== null || interaction.revision > 0)) {
      activityId = await writer.findByRef(target, content.ref, write.createSentAt ?? interaction.createdAt);
    }
    if (activityId === null) {
      const sentAt = stamp();
      await changeWrite(db, write.interactionId, (s) => s && { ...s, createSentAt: s.createSentAt ?? sentAt });
      activityId = await writer.create(target, content);
    } else {
      await writer.update(target, activityId, content);
    }
    const written = activityId;
    await changeWrite(db, write.interactionId, (s) => {
      if (!s) return undefined;
      const newer = s.wantedRevision > sending;
      const at = stamp();
      // Edited while it was on its way: the newer revision goes next, to the same activity.
      return { ...s, activityId: written, writtenRevision: sending, state: newer ? 'waiting' : 'written', attempts: 0, nextAttemptAt: at, createSentAt: null, lastError: null, writtenAt: at, updatedAt: at };
    });
  } catch (error) {
    const data = toErrorData(error);
    const retryAfter = error instanceof CrmWriteError ? error.retryAfterMs : null;
    await changeWrite(db, write.interactionId, (s) => {
      if (!s) return undefined;
      const attempts = s.attempts + 1;
      const now = context.now();
      const retry = isRetryable(data.code);
      const wait = Math.max(backoffMs(attempts), retryAfter ?? 0);
      return { ...s, state: retry ? 'waiting' : 'failed', attempts, lastError: data, nextAttemptAt: new Date(now.getTime() + (retry ? wait : 0)).toISOString(), updatedAt: now.toISOString() };
    });
  }
  return write.accountKey;
}

/**
 * Writes every touch whose time has come, two at a time with a breath between writes: a CRM's API
 * answers in a few hundred milliseconds, so 100 queued touches still drain in seconds, while the
 * sidebar's own requests are served in between. Returns the accounts whose touches changed.
 */
export async function drainDue(db: IDBPDatabase<AdoptionDb>, context: WriteContext, parallel = 2, breathMs = 15): Promise<Set<string>> {
  const due = await dueWrites(db, context.now());
  const changed = new Set<string>();
  let next = 0;
  const lane = async () => {
    while (next < due.length) {
      const write = due[next++];
      if (write) changed.add(await writeOne(db, write, context));
      if (breathMs > 0) await new Promise((resolve) => setTimeout(resolve, breathMs));
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, due.length) }, lane));
  return changed;
}
