import { legacySalesforceId, salesforceAccountKey, salesforceMyDomain } from '../model/account-key';

/**
 * Database version 7 and backup version 3: Salesforce accounts are keyed by org and id
 * (`salesforce:<My Domain>:<id>`) instead of id alone, since a sandbox copies production's ids.
 * Each account recorded under `salesforce:<id>` moves to its org's key, read from the address the
 * account remembers (its last visit). Everything recorded under the old key moves with it: notes,
 * goals, signals, stakeholders, snapshots, drafts, usage links, health history. An account whose
 * address names no org keeps its old key (account-key.ts), so nothing is lost either way.
 *
 * Written over untyped records, as the migration and the backup upgrade see them. Frozen with the
 * migration that uses it: a later change of keys adds a new step instead of editing this one.
 */

/** Per store, the field of each record that holds an account key. */
export const ACCOUNT_KEY_FIELD = {
  accounts: 'key',
  snapshots: 'accountKey',
  interactions: 'accountKey',
  drafts: 'accountKey',
  goals: 'accountKey',
  signals: 'accountKey',
  stakeholders: 'accountKey',
  usageLinks: 'accountKey',
  healthHistory: 'accountKey',
  portfolioCache: 'accountKey',
} as const;
export type StoreWithAccountKey = keyof typeof ACCOUNT_KEY_FIELD;
export const STORES_WITH_ACCOUNT_KEY = Object.keys(ACCOUNT_KEY_FIELD) as StoreWithAccountKey[];

const field = (record: unknown, name: string): unknown => (typeof record === 'object' && record !== null ? Reflect.get(record, name) : undefined);

/** The org key an account recorded under an old key moves to, or null when it stays. */
export function orgKeyOf(account: unknown): string | null {
  const key = field(account, 'key');
  const url = field(account, 'url');
  const id = typeof key === 'string' ? legacySalesforceId(key) : null;
  if (!id || typeof url !== 'string' || !URL.canParse(url)) return null;
  const myDomain = salesforceMyDomain(new URL(url).hostname);
  return myDomain ? salesforceAccountKey(myDomain, id) : null;
}

/** Old key → new key, for every account that moves. */
export function keyMoves(accounts: readonly unknown[]): Map<string, string> {
  const moves = new Map<string, string>();
  for (const account of accounts) {
    const to = orgKeyOf(account);
    const from = field(account, 'key');
    if (to && typeof from === 'string') moves.set(from, to);
  }
  return moves;
}

/** The record under its new key, or null when it does not move. */
export function movedRecord(store: StoreWithAccountKey, record: unknown, moves: ReadonlyMap<string, string>): object | null {
  const name = ACCOUNT_KEY_FIELD[store];
  const key = field(record, name);
  const to = typeof key === 'string' ? moves.get(key) : undefined;
  return to === undefined || typeof record !== 'object' || record === null ? null : { ...record, [name]: to };
}

const text = (record: unknown, name: string): string => {
  const value = field(record, name);
  return typeof value === 'string' ? value : '';
};

/**
 * Two records of one account (a 15- and an 18-character key of one record, or a backup restored
 * over an account already moved): first seen at the earlier, the rest from the later visit.
 */
export function mergedAccount(a: object, b: object): object {
  const [earlier, later] = text(a, 'lastSeenAt') <= text(b, 'lastSeenAt') ? [a, b] : [b, a];
  const firstSeen = [text(a, 'firstSeenAt'), text(b, 'firstSeenAt')].filter(Boolean).sort()[0];
  return { ...earlier, ...later, ...(firstSeen ? { firstSeenAt: firstSeen } : {}) };
}

/** A backup's record lists with every old key moved (accounts of one key merged). */
export function moveKeysInRecords(records: Record<string, unknown>): Record<string, unknown> {
  const accounts = Array.isArray(records.accounts) ? (records.accounts as unknown[]) : [];
  const moves = keyMoves(accounts);
  if (moves.size === 0) return records;
  const out: Record<string, unknown> = { ...records };
  for (const store of STORES_WITH_ACCOUNT_KEY) {
    const list = records[store];
    if (!Array.isArray(list)) continue;
    const moved = list.map((record: unknown) => movedRecord(store, record, moves) ?? record);
    out[store] = store === 'accounts' ? mergeByKey(moved) : moved;
  }
  return out;
}

function mergeByKey(accounts: unknown[]): unknown[] {
  const byKey = new Map<unknown, unknown>();
  const rest: unknown[] = [];
  for (const account of accounts) {
    const key = field(account, 'key');
    if (typeof key !== 'string' || typeof account !== 'object' || account === null) {
      rest.push(account);
      continue;
    }
    const had = byKey.get(key);
    byKey.set(key, typeof had === 'object' && had !== null ? mergedAccount(had, account) : account);
  }
  return [...byKey.values(), ...rest];
}
