import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { parseStoredList } from '../db/records';
import { newestInIndex } from '../db/newest';
import { Account, FieldSnapshot, RecordField } from '../model/account';
import { Interaction } from '../model/interaction';
import { Signal } from '../model/signal';
import { SuccessGoal } from '../model/goal';
import { Stakeholder } from '../model/stakeholder';
import { AccountRecord } from '../model/account-record';


const STORES = ['accounts', 'snapshots', 'interactions', 'signals', 'goals', 'stakeholders'] as const;

/** One account's whole record, oldest first; null when the account was never seen. */
export async function readAccountRecord(db: IDBPDatabase<AdoptionDb>, accountKey: string): Promise<AccountRecord | null> {
  const tx = db.transaction([...STORES], 'readonly');
  const range = IDBKeyRange.bound([accountKey, '', ''], [accountKey, '\uffff', '']);
  // Every read asked for at once: the database answers them in turn, without a round trip between.
  const [rawAccount, newestSnapshots, rawInteractions, rawSignals, rawGoals, rawStakeholders] = await Promise.all([
    tx.objectStore('accounts').get(accountKey),
    newestInIndex(tx.objectStore('snapshots').index('byAccount'), IDBKeyRange.bound([accountKey, ''], [accountKey, '\uffff']), 1),
    tx.objectStore('interactions').index('byAccount').getAll(range),
    tx.objectStore('signals').index('byAccount').getAll(range),
    tx.objectStore('goals').index('byAccount').getAll(accountKey),
    tx.objectStore('stakeholders').index('byAccount').getAll(accountKey),
  ]);
  await tx.done;
  const account = Account.safeParse(rawAccount);
  if (!account.success) return null;
  const snapshot = FieldSnapshot.safeParse(newestSnapshots[0]);
  const interactions = parseStoredList(Interaction, rawInteractions);
  const signals = parseStoredList(Signal, rawSignals);
  const goals = parseStoredList(SuccessGoal, rawGoals);
  const stakeholders = parseStoredList(Stakeholder, rawStakeholders);
  return {
    account: account.data,
    fields: snapshot.success ? snapshot.data.fields : [],
    interactions: interactions.items,
    signals: signals.items,
    goals: goals.items,
    stakeholders: stakeholders.items,
    damaged: interactions.damaged + signals.damaged + goals.damaged + stakeholders.damaged,
  };
}

/** Every account seen or linked, each with its whole record (the portfolio ranks them all). */
export async function readAllAccountRecords(db: IDBPDatabase<AdoptionDb>): Promise<AccountRecord[]> {
  const tx = db.transaction([...STORES], 'readonly');
  // Every read asked for at once: the database answers them in turn, without a round trip between.
  const [rawAccounts, rawInteractions, rawSignals, rawGoals, rawStakeholders] = await Promise.all([
    tx.objectStore('accounts').getAll(),
    tx.objectStore('interactions').index('byAccount').getAll(),
    tx.objectStore('signals').index('byAccount').getAll(),
    tx.objectStore('goals').getAll(),
    tx.objectStore('stakeholders').getAll(),
  ]);
  const accounts = parseStoredList(Account, rawAccounts).items;
  // Only the newest snapshot of each account, all asked for at once (not every snapshot ever kept).
  const snapshotIndex = tx.objectStore('snapshots').index('byAccount');
  const newestSnapshots = await Promise.all(accounts.map((a) => newestInIndex(snapshotIndex, IDBKeyRange.bound([a.key, ''], [a.key, '\uffff']), 1)));
  await tx.done;
  const byAccount = <T extends { accountKey: string }>(items: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      const list = map.get(item.accountKey);
      if (list) list.push(item);
      else map.set(item.accountKey, [item]);
    }
    return map;
  };
  const interactions = parseStoredList(Interaction, rawInteractions);
  const signals = parseStoredList(Signal, rawSignals);
  const goals = parseStoredList(SuccessGoal, rawGoals);
  const stakeholders = parseStoredList(Stakeholder, rawStakeholders);
  const latestFields = new Map<string, RecordField[]>();
  for (const [raw] of newestSnapshots) {
    const snapshot = FieldSnapshot.safeParse(raw);
    if (snapshot.success) latestFields.set(snapshot.data.accountKey, snapshot.data.fields);
  }
  const [i, s, g, p] = [byAccount(interactions.items), byAccount(signals.items), byAccount(goals.items), byAccount(stakeholders.items)];
  return accounts.map((account) => ({
    account,
    fields: latestFields.get(account.key) ?? [],
    interactions: i.get(account.key) ?? [],
    signals: s.get(account.key) ?? [],
    goals: g.get(account.key) ?? [],
    stakeholders: p.get(account.key) ?? [],
    damaged: 0,
  }));
}

const DAY_MS = 86_400_000;

/**
 * The record with only the interactions a brief of `range` can show: those in it, and those with
 * a next step still open or done in it. The range is widened by a day on each side, since the
 * brief decides by the user's local calendar day; it filters exactly itself.
 */
export function interactionsForBrief(record: AccountRecord, range: { from: string; to: string }): AccountRecord {
  const from = new Date(Date.parse(`${range.from}T00:00:00Z`) - DAY_MS).toISOString();
  const to = new Date(Date.parse(`${range.to}T00:00:00Z`) + 2 * DAY_MS).toISOString();
  const inRange = (iso: string | null) => iso !== null && iso >= from && iso < to;
  return {
    ...record,
    interactions: record.interactions.filter((i) => inRange(i.occurredAt) || i.nextSteps.some((s) => s.doneAt === null || inRange(s.doneAt))),
  };
}
