import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { abortTransaction, parseStoredList } from '../db/records';
import { AppError } from '../errors';
import { Account, FieldSnapshot, type AccountKey } from '../model/account';
import { EditableEntry } from '../model/entry';
import { HandoverRecord, HandoverVersion, NO_COUNTS, type HandoverCounts } from '../model/handover';
import { UsageAccountLink } from '../model/usage';
import { readAccountRecord } from '../store/account-record';
import { healthOfRecord } from '../store/health';
import { getSettings } from '../store/settings';
import { HANDOVER_FORMAT, HANDOVER_VERSION, type Handover, type HandoverAccount, type HandoverImportResult } from './format';
import { entryKey, incomingEntries, mergeAccount, unionHistory, type LocalState, type MergePlan } from './merge';

/**
 * A handover package of the given accounts, as this profile holds them now. Internal-only touches
 * go in only when asked for. Refused (`sender-name-missing`) until the CSM's name is set: the
 * receiver's timeline says who handed the account over.
 */
export async function exportHandover(
  db: IDBPDatabase<AdoptionDb>,
  accountKeys: readonly AccountKey[],
  includeInternal: boolean,
  now: Date,
  newId: () => string,
): Promise<Handover> {
  const settings = await getSettings(db);
  const senderName = settings.senderName.trim();
  if (senderName === '') throw new AppError('sender-name-missing', 'no sender name in settings');
  const accounts: HandoverAccount[] = [];
  for (const accountKey of new Set(accountKeys)) {
    const record = await readAccountRecord(db, accountKey);
    if (!record) throw new AppError('account-unknown', accountKey);
    const snapshots = parseStoredList(FieldSnapshot, await db.getAllFromIndex('snapshots', 'byAccount', IDBKeyRange.bound([accountKey, ''], [accountKey, '\uffff']))).items;
    const usageLinks = parseStoredList(UsageAccountLink, await db.getAllFromIndex('usageLinks', 'byAccount', accountKey)).items;
    const health = await healthOfRecord(db, record, settings.healthWeights, now, { keepHistory: false });
    accounts.push({
      account: record.account,
      goals: record.goals,
      stakeholders: record.stakeholders,
      signals: record.signals,
      interactions: includeInternal ? record.interactions : record.interactions.filter((i) => !i.internalOnly),
      snapshots,
      usageLinks,
      health: health.current,
    });
  }
  return {
    format: HANDOVER_FORMAT,
    version: HANDOVER_VERSION,
    handoverId: newId(),
    sender: { name: senderName },
    sentAt: now.toISOString(),
    includesInternalNotes: includeInternal,
    accounts,
  };
}

const STORES = ['accounts', 'snapshots', 'interactions', 'signals', 'goals', 'stakeholders', 'usageLinks', 'handovers'] as const;

/**
 * Merges a parsed package into this profile (rules: ./merge.ts), in one transaction: all of it
 * or, on any failure, none of it.
 */
export async function importHandover(db: IDBPDatabase<AdoptionDb>, handover: Handover, now: Date): Promise<HandoverImportResult> {
  const tx = db.transaction([...STORES], 'readwrite');
  const meta = { handoverId: handover.handoverId, senderName: handover.sender.name, sentAt: handover.sentAt, includesInternalNotes: handover.includesInternalNotes };
  const counts: HandoverCounts = { ...NO_COUNTS };
  let newAccounts = 0;
  let again = true;
  const writes: Promise<unknown>[] = [];
  try {
    for (const section of handover.accounts) {
      const plan = mergeAccount(section, meta, await localState(tx, section), now.toISOString());
      writes.push(...writePlan(tx, plan));
      for (const key of Object.keys(counts) as (keyof HandoverCounts)[]) counts[key] += plan.counts[key];
      if (plan.newAccount) newAccounts++;
      again &&= plan.again;
    }
    await Promise.all(writes);
    await tx.done;
  } catch (error) {
    abortTransaction(tx, writes);
    throw error;
  }
  return { senderName: handover.sender.name, sentAt: handover.sentAt, accounts: handover.accounts.length, newAccounts, counts, again };
}

type ReadWriteTx = ReturnType<typeof transactionType>;
function transactionType(db: IDBPDatabase<AdoptionDb>) {
  return db.transaction([...STORES], 'readwrite');
}

/** What this profile holds of one account of the package: its records under the package's ids, and its earlier handovers. */
async function localState(tx: ReadWriteTx, section: HandoverAccount): Promise<LocalState> {
  const accountKey = section.account.key;
  const account = Account.safeParse(await tx.objectStore('accounts').get(accountKey));
  const records = new Map<string, EditableEntry>();
  for (const incoming of incomingEntries(section)) {
    const raw: unknown = await tx.objectStore(incoming.store).get(incoming.record.id);
    // A damaged record here cannot be shown anyway: the sender's readable one takes its place.
    const stored = EditableEntry.safeParse({ store: incoming.store, record: raw });
    if (stored.success) records.set(entryKey(incoming), stored.data);
  }
  const snapshotIds = new Set<string>();
  for (const snapshot of section.snapshots) if ((await tx.objectStore('snapshots').getKey(snapshot.id)) !== undefined) snapshotIds.add(snapshot.id);
  const usageLinks = new Map<string, UsageAccountLink>();
  for (const link of section.usageLinks) {
    const mine = UsageAccountLink.safeParse(await tx.objectStore('usageLinks').get(link.sourceAccountKey));
    if (mine.success) usageLinks.set(link.sourceAccountKey, mine.data);
  }
  const handovers = parseStoredList(HandoverRecord, await tx.objectStore('handovers').index('byAccount').getAll(accountKey)).items;
  return { account: account.success ? account.data : null, records, snapshotIds, usageLinks, handovers };
}

function writePlan(tx: ReadWriteTx, plan: MergePlan): Promise<unknown>[] {
  const writes: Promise<unknown>[] = [];
  if (plan.account) writes.push(tx.objectStore('accounts').put(plan.account));
  for (const entry of plan.entries) {
    switch (entry.store) {
      case 'interactions':
        writes.push(tx.objectStore('interactions').put(entry.record));
        break;
      case 'signals':
        writes.push(tx.objectStore('signals').put(entry.record));
        break;
      case 'goals':
        writes.push(tx.objectStore('goals').put(entry.record));
        break;
      case 'stakeholders':
        writes.push(tx.objectStore('stakeholders').put(entry.record));
        break;
    }
  }
  for (const snapshot of plan.snapshots) writes.push(tx.objectStore('snapshots').put(snapshot));
  for (const link of plan.usageLinks) writes.push(tx.objectStore('usageLinks').put(link));
  for (const record of plan.handovers) writes.push(tx.objectStore('handovers').put(record));
  return writes;
}

/**
 * Settles a sender's version kept beside a local record: `take` makes it the record (a new
 * revision, so an editor open on the old one notices; a goal keeps both status histories),
 * `dismiss` lets it go. Either way the version leaves the timeline. Returns its account.
 */
export async function resolveVersion(db: IDBPDatabase<AdoptionDb>, id: string, action: 'take' | 'dismiss', now: Date): Promise<AccountKey> {
  const tx = db.transaction(['handovers', 'interactions', 'signals', 'goals', 'stakeholders'], 'readwrite');
  const writes: Promise<unknown>[] = [];
  try {
    const version = HandoverVersion.safeParse(await tx.objectStore('handovers').get(id));
    if (!version.success) throw new AppError('gone', 'this version was already settled');
    if (action === 'take') {
      const { entry } = version.data;
      const local = EditableEntry.safeParse({ store: entry.store, record: await tx.objectStore(entry.store).get(entry.record.id) });
      if (local.success && local.data.record.accountKey !== entry.record.accountKey) throw new AppError('not-allowed', 'the record belongs to another account');
      const stamp = { revision: (local.success ? local.data.record.revision : entry.record.revision) + 1, updatedAt: now.toISOString() };
      switch (entry.store) {
        case 'interactions':
          writes.push(tx.objectStore('interactions').put({ ...entry.record, ...stamp }));
          break;
        case 'signals':
          writes.push(tx.objectStore('signals').put({ ...entry.record, ...stamp }));
          break;
        case 'goals': {
          const history = local.success && local.data.store === 'goals' ? unionHistory(local.data.record.statusHistory, entry.record.statusHistory) : entry.record.statusHistory;
          writes.push(tx.objectStore('goals').put({ ...entry.record, statusHistory: history, ...stamp }));
          break;
        }
        case 'stakeholders':
          writes.push(tx.objectStore('stakeholders').put({ ...entry.record, ...stamp }));
          break;
      }
    }
    writes.push(tx.objectStore('handovers').delete(id));
    await Promise.all(writes);
    await tx.done;
    return version.data.accountKey;
  } catch (error) {
    abortTransaction(tx, writes);
    throw error;
  }
}
