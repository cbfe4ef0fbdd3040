import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { FieldSnapshot } from '../model/account';
import { Interaction } from '../model/interaction';
import { Signal } from '../model/signal';
import { SuccessGoal } from '../model/goal';
import { parseStoredList } from '../db/records';
import { newestInIndex } from '../db/newest';
import { HandoverRecord } from '../model/handover';
import { diffFields } from './fields';
import { compareNewestFirst, TimelineEntry, type TimelineCursor, type TimelinePage, type TimelineQuery } from '../model/timeline';


const isBefore = (entry: { at: string; id: string }, cursor: TimelineCursor | null) => cursor === null || compareNewestFirst(entry, cursor) > 0;

/** Goal status changes as entries; the first status is the goal being set, also shown. */
export function goalStatusEntries(goal: SuccessGoal): TimelineEntry[] {
  return goal.statusHistory.map((change, i) => ({
    kind: 'goal-status',
    id: `${goal.id}#${i}`,
    at: change.changedAt,
    goalId: goal.id,
    goalTitle: goal.title,
    change,
    previous: goal.statusHistory[i - 1]?.status ?? null,
  }));
}

/** CRM field changes between consecutive snapshots (oldest first in, entries out). */
export function fieldChangeEntries(snapshots: readonly FieldSnapshot[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (let i = 1; i < snapshots.length; i++) {
    const before = snapshots[i - 1];
    const after = snapshots[i];
    if (!before || !after) continue;
    const changes = diffFields(before.fields, after.fields);
    if (changes.length > 0) entries.push({ kind: 'field-change', id: after.id, at: after.takenAt, changes });
  }
  return entries;
}

/**
 * Handover markers at the time the package was sent; a sender's version of a touch or signal beside
 * the receiver's own (at its time), of a goal or stakeholder at the time it was sent.
 */
export function handoverEntries(records: readonly HandoverRecord[]): TimelineEntry[] {
  return records.map((record): TimelineEntry => {
    if (record.type === 'received') return { kind: 'handover', id: record.id, at: record.sentAt, handover: record };
    const { entry } = record;
    const at = entry.store === 'interactions' || entry.store === 'signals' ? entry.record.occurredAt : record.sentAt;
    return { kind: 'handover-version', id: record.id, at, version: record };
  });
}

/**
 * One page of an account's timeline. Interactions and signals are read newest first from
 * their indexes, at most `limit` each, so an account with thousands of entries costs one
 * page of reads; goals, snapshots and handovers are few per account and are read whole.
 */
export async function timelinePage(db: IDBPDatabase<AdoptionDb>, query: TimelineQuery): Promise<TimelinePage> {
  const { accountKey, kinds, before, limit } = query;
  const want = new Set(kinds);
  const tx = db.transaction(['interactions', 'signals', 'goals', 'snapshots', 'handovers'], 'readonly');
  const upper = before ? [accountKey, before.at, before.id] : [accountKey, '\uffff', ''];
  const range = IDBKeyRange.bound([accountKey, '', ''], upper, false, before !== null);
  let damaged = 0;

  // One more than a page from each store tells whether another page exists. Every read is asked
  // for at once: the database answers them in turn, without a round trip to this page between.
  const newest = (store: 'interactions' | 'signals'): Promise<unknown[]> => newestInIndex(tx.objectStore(store).index('byAccount'), range, limit + 1);
  const none: Promise<unknown[]> = Promise.resolve([]);
  const snapshotRange = IDBKeyRange.bound([accountKey, ''], [accountKey, '\uffff']);
  const [interactions, signals, goals, snapshots, handovers] = await Promise.all([
    want.has('interaction') ? newest('interactions') : none,
    want.has('signal') ? newest('signals') : none,
    want.has('goal-status') ? tx.objectStore('goals').index('byAccount').getAll(accountKey) : none,
    want.has('field-change') ? tx.objectStore('snapshots').index('byAccount').getAll(snapshotRange) : none,
    // Few per account: read whole, as goals are.
    want.has('handover') || want.has('handover-version') ? tx.objectStore('handovers').index('byAccount').getAll(accountKey) : none,
  ]);
  const candidates: TimelineEntry[] = [];
  const parsed = <S extends Parameters<typeof parseStoredList>[0]>(schema: S, values: unknown[]) => {
    const list = parseStoredList(schema, values);
    damaged += list.damaged;
    return list.items;
  };
  for (const interaction of parsed(Interaction, interactions)) candidates.push({ kind: 'interaction', id: interaction.id, at: interaction.occurredAt, interaction });
  for (const signal of parsed(Signal, signals)) candidates.push({ kind: 'signal', id: signal.id, at: signal.occurredAt, signal });
  for (const goal of parsed(SuccessGoal, goals)) candidates.push(...goalStatusEntries(goal).filter((e) => isBefore(e, before)));
  if (snapshots.length > 0) candidates.push(...fieldChangeEntries(parsed(FieldSnapshot, snapshots)).filter((e) => isBefore(e, before)));
  candidates.push(...handoverEntries(parsed(HandoverRecord, handovers)).filter((e) => want.has(e.kind) && isBefore(e, before)));
  await tx.done;
  candidates.sort(compareNewestFirst);
  const entries = candidates.slice(0, limit);
  const last = entries[entries.length - 1];
  return { entries, next: candidates.length > limit && last ? { at: last.at, id: last.id } : null, damaged };
}
