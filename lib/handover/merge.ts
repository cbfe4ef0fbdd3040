import type { Account, FieldSnapshot } from '../model/account';
import type { EditableEntry } from '../model/entry';
import type { GoalStatusChange } from '../model/goal';
import type { UsageAccountLink } from '../model/usage';
import { NO_COUNTS, receivedId, versionId, versionKey, type HandoverCounts, type HandoverRecord, type HandoverVersion } from '../model/handover';
import type { HandoverAccount } from './format';

/**
 * How a handover package merges into the receiving profile: pure, so every rule is unit-tested.
 * It never replaces what the receiver changed, and never drops what the sender changed:
 *
 * - a record the receiver does not have is added;
 * - a version of a record the receiver received before (from any package) changes nothing: the
 *   receiver's copy is their own later decision, even a deletion; importing twice changes nothing;
 * - the same content (revision and time of save aside) changes nothing;
 * - the receiver's copy is exactly what an earlier package brought (untouched since) and the
 *   sender has a newer one: the newer one replaces it;
 * - otherwise both changed it: the receiver's stays, and the sender's is kept beside it as a
 *   "version from <sender>" (a `HandoverVersion` whose id follows from the version, so it is kept once);
 * - goals: status histories are merged by union in any case (a status change is a fact, not an edit);
 * - field snapshots are added when missing (they never change); usage links when the receiver has
 *   none for that usage account (a different link of theirs is kept, and counted);
 * - the account itself is added when missing, else the receiver's is kept;
 * - a marker per package and account records who handed it over and when, and every version the
 *   package carried (`versions`), which is what makes the rules above idempotent.
 */

export interface PackageMeta {
  handoverId: string;
  senderName: string;
  sentAt: string;
  includesInternalNotes: boolean;
}

/** What the receiving profile holds of the records a package names (read by id), and the account's earlier handovers. */
export interface LocalState {
  account: Account | null;
  /** Stored records under the ids the package names, by `store:id`. */
  records: ReadonlyMap<string, EditableEntry>;
  snapshotIds: ReadonlySet<string>;
  /** The receiver's links of the usage accounts the package names, by usage account. */
  usageLinks: ReadonlyMap<string, UsageAccountLink>;
  /** Every handover record of this account (markers and versions). */
  handovers: readonly HandoverRecord[];
}

export interface MergePlan {
  account: Account | null;
  entries: EditableEntry[];
  snapshots: FieldSnapshot[];
  usageLinks: UsageAccountLink[];
  handovers: HandoverRecord[];
  counts: HandoverCounts;
  newAccount: boolean;
  /** This package had been imported into this account before. */
  again: boolean;
}

export const entryKey = (entry: EditableEntry) => `${entry.store}:${entry.record.id}`;

/** The records of a package's account as editable entries, in one list. */
export function incomingEntries(section: HandoverAccount): EditableEntry[] {
  return [
    ...section.stakeholders.map((record): EditableEntry => ({ store: 'stakeholders', record })),
    ...section.goals.map((record): EditableEntry => ({ store: 'goals', record })),
    ...section.interactions.map((record): EditableEntry => ({ store: 'interactions', record })),
    ...section.signals.map((record): EditableEntry => ({ store: 'signals', record })),
  ];
}

/** JSON with object keys sorted, so two equal records compare equal whatever order their keys came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

const SAVE_STAMP = ['revision', 'updatedAt'] as const;

/** Equal but for the given top-level keys. */
export function sameContent(a: object, b: object, ignore: readonly string[] = SAVE_STAMP): boolean {
  const strip = (o: object) => Object.fromEntries(Object.entries(o).filter(([k]) => !ignore.includes(k)));
  return canonical(strip(a)) === canonical(strip(b));
}

/** Both histories' status changes, each once, oldest first (the receiver's first among changes made at the same moment). */
export function unionHistory(local: readonly GoalStatusChange[], incoming: readonly GoalStatusChange[]): GoalStatusChange[] {
  const seen = new Set(local.map(canonical));
  const all = [...local];
  for (const change of incoming) {
    const key = canonical(change);
    if (!seen.has(key)) {
      seen.add(key);
      all.push(change);
    }
  }
  return all
    .map((change, i) => ({ change, i, at: Date.parse(change.changedAt) }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map(({ change }) => change);
}

type Outcome = { kind: keyof HandoverCounts; put?: EditableEntry; version?: boolean };

/** One record: see the rules above. */
export function mergeEntry(incoming: EditableEntry, local: EditableEntry | undefined, seen: ReadonlySet<string>, now: string): Outcome[] {
  if (seen.has(versionKey(incoming))) return [{ kind: 'unchanged' }];
  if (!local) return [{ kind: 'added', put: incoming }];
  // An id stored under another account (never by chance: ids are random) is not taken over.
  if (local.record.accountKey !== incoming.record.accountKey) return [{ kind: 'conflicts', version: true }];
  if (incoming.store === 'goals' && local.store === 'goals') {
    const history = unionHistory(local.record.statusHistory, incoming.record.statusHistory);
    if (seen.has(versionKey(local))) return [{ kind: 'updated', put: { store: 'goals', record: { ...incoming.record, statusHistory: history } } }];
    const grew = history.length > local.record.statusHistory.length;
    const sameRest = sameContent(local.record, incoming.record, [...SAVE_STAMP, 'statusHistory']);
    const outcomes: Outcome[] = [];
    if (grew) outcomes.push({ kind: 'merged', put: { store: 'goals', record: { ...local.record, statusHistory: history, revision: local.record.revision + 1, updatedAt: now } } });
    if (!sameRest) outcomes.push({ kind: 'conflicts', version: true });
    return outcomes.length > 0 ? outcomes : [{ kind: 'unchanged' }];
  }
  if (sameContent(local.record, incoming.record)) return [{ kind: 'unchanged' }];
  if (seen.has(versionKey(local))) return [{ kind: 'updated', put: incoming }];
  return [{ kind: 'conflicts', version: true }];
}

/** Merges one account of a package into what the receiver holds of it. */
export function mergeAccount(section: HandoverAccount, meta: PackageMeta, local: LocalState, now: string): MergePlan {
  const accountKey = section.account.key;
  const counts: HandoverCounts = { ...NO_COUNTS };
  const stored = new Set(local.handovers.map((h) => h.id));
  const seen = new Set(local.handovers.flatMap((h) => (h.type === 'received' ? h.versions : [])));
  const fromPackage = { accountKey, handoverId: meta.handoverId, senderName: meta.senderName, sentAt: meta.sentAt, receivedAt: now };
  const plan: MergePlan = { account: null, entries: [], snapshots: [], usageLinks: [], handovers: [], counts, newAccount: local.account === null, again: false };
  if (local.account === null) plan.account = section.account;

  const entries = incomingEntries(section);
  for (const incoming of entries) {
    for (const outcome of mergeEntry(incoming, local.records.get(entryKey(incoming)), seen, now)) {
      if (outcome.put) plan.entries.push(outcome.put);
      if (outcome.version) {
        const version: HandoverVersion = { type: 'version', id: versionId(incoming), ...fromPackage, entry: incoming };
        // Kept by an earlier import of another package carrying the same version.
        if (stored.has(version.id)) {
          counts.unchanged++;
          continue;
        }
        plan.handovers.push(version);
      }
      counts[outcome.kind]++;
    }
  }
  for (const snapshot of section.snapshots) {
    if (local.snapshotIds.has(snapshot.id)) counts.unchanged++;
    else {
      plan.snapshots.push(snapshot);
      counts.added++;
    }
  }
  for (const link of section.usageLinks) {
    const mine = local.usageLinks.get(link.sourceAccountKey);
    if (!mine) {
      plan.usageLinks.push(link);
      counts.added++;
    } else if (mine.accountKey === link.accountKey) counts.unchanged++;
    else counts.linksKept++;
  }

  const marker = receivedId(meta.handoverId, accountKey);
  plan.again = stored.has(marker);
  if (!plan.again) {
    plan.handovers.push({
      type: 'received',
      id: marker,
      ...fromPackage,
      includesInternalNotes: meta.includesInternalNotes,
      healthScore: section.health?.score ?? null,
      counts: { ...counts },
      versions: entries.map(versionKey),
    });
  }
  return plan;
}
