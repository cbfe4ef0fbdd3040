import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import type { SettingsKey, StoreRecord } from './stores';
import { keyMoves, mergedAccount, movedRecord, STORES_WITH_ACCOUNT_KEY } from './org-keys';
import { UsageMonth } from '../model/usage';
import { layMonthsIntoYears } from '../model/usage-year';

export const DB_NAME = 'adoption-sidebar';

/**
 * The current shape: record types from the store registry (stores.ts), keys and indexes here.
 * Values are still parsed with zod on every read (see records.ts).
 */
export interface AdoptionDb extends DBSchema {
  accounts: { key: string; value: StoreRecord<'accounts'> };
  snapshots: { key: string; value: StoreRecord<'snapshots'>; indexes: { byAccount: [string, string] } };
  interactions: { key: string; value: StoreRecord<'interactions'>; indexes: { byAccount: [string, string, string] } };
  drafts: { key: string; value: StoreRecord<'drafts'>; indexes: { byAccount: string } };
  goals: { key: string; value: StoreRecord<'goals'>; indexes: { byAccount: string } };
  signals: { key: string; value: StoreRecord<'signals'>; indexes: { byAccount: [string, string, string] } };
  stakeholders: { key: string; value: StoreRecord<'stakeholders'>; indexes: { byAccount: string } };
  /** Small named documents (user settings), each validated by its own schema (stores.ts: SETTINGS). */
  settings: { key: SettingsKey; value: unknown };
  /** Product usage, one record per source account, subscription, metric and year (lib/model/usage-year.ts). */
  usageYears: { key: string; value: StoreRecord<'usageYears'>; indexes: { bySource: string } };
  /** Which usage-source account is which CRM account (matched or linked by hand). */
  usageLinks: { key: string; value: StoreRecord<'usageLinks'>; indexes: { byAccount: string } };
  /** Column mappings the user confirmed, by the signature of the file's headers. */
  usageMappings: { key: string; value: StoreRecord<'usageMappings'> };
  /** The health score of each account, one per day. */
  healthHistory: { key: [string, string]; value: StoreRecord<'healthHistory'> };
  /** Handover markers and the senders' versions of records changed on both sides (lib/model/handover.ts). */
  handovers: { key: string; value: StoreRecord<'handovers'>; indexes: { byAccount: string } };
  /** Per account, what the portfolio ranks (derived, rebuilt at will; not in backups). */
  portfolioCache: { key: string; value: StoreRecord<'portfolioCache'> };
  /** Per org and object, label → API name pairs learnt from the pages (derived; not in backups). */
  fieldNames: { key: [string, string]; value: StoreRecord<'fieldNames'> };
  /** Touches written to the CRM: the outbox and the activity each became (this browser's own; not in backups). */
  crmWrites: { key: string; value: StoreRecord<'crmWrites'>; indexes: { byAccount: string; byState: string } };
  /** Unsaved edits of stored entries, one per editor (this browser's own; not in backups). */
  entryDrafts: { key: string; value: StoreRecord<'entryDrafts'>; indexes: { byAccount: string } };
}

/**
 * Older versions had other shapes, so migrations see the database untyped. A step that reads
 * what is stored returns a promise: the next step runs once it has settled.
 */
type Migration = (db: IDBPDatabase, tx: IDBPTransaction<unknown, string[], 'versionchange'>) => void | Promise<void>;

/** Stores whose records are keyed by their account key: a moved record is put anew under its new key. */
const KEYED_BY_ACCOUNT = new Set(['accounts', 'healthHistory']);

/**
 * Migration N takes a database at version N-1 to version N. Never edit a released step: add
 * one. All run inside the upgrade transaction, so a failure leaves the old version intact.
 */
export const MIGRATIONS: readonly Migration[] = [
  // 1: accounts seen, field snapshots per visit, interactions per account.
  (db) => {
    db.createObjectStore('accounts', { keyPath: 'key' });
    db.createObjectStore('snapshots', { keyPath: 'id' }).createIndex('byAccount', ['accountKey', 'takenAt']);
    db.createObjectStore('interactions', { keyPath: 'id' }).createIndex('byAccountOnly', 'accountKey');
  },
  // 2: quick-log drafts survive tab closes; the timeline reads interactions newest first.
  (db, tx) => {
    db.createObjectStore('drafts', { keyPath: 'accountKey' });
    const interactions = tx.objectStore('interactions');
    interactions.deleteIndex('byAccountOnly');
    interactions.createIndex('byAccount', ['accountKey', 'occurredAt', 'id']);
  },
  // 3: the CSM's record of an account: success goals, implicit signals, stakeholders; settings.
  (db) => {
    db.createObjectStore('goals', { keyPath: 'id' }).createIndex('byAccount', 'accountKey');
    db.createObjectStore('signals', { keyPath: 'id' }).createIndex('byAccount', ['accountKey', 'occurredAt', 'id']);
    db.createObjectStore('stakeholders', { keyPath: 'id' }).createIndex('byAccount', 'accountKey');
    db.createObjectStore('settings');
  },
  // 4: cached product usage, its links to CRM accounts and remembered column mappings; daily health.
  (db) => {
    db.createObjectStore('usageMonths', { keyPath: 'id' }).createIndex('bySource', 'sourceAccountKey');
    db.createObjectStore('usageLinks', { keyPath: 'sourceAccountKey' }).createIndex('byAccount', 'accountKey');
    db.createObjectStore('usageMappings', { keyPath: 'signature' });
    db.createObjectStore('healthHistory', { keyPath: ['accountKey', 'date'] });
  },
  // 5: a small per-account entry the portfolio ranks from (derived from the other stores).
  (db) => {
    db.createObjectStore('portfolioCache', { keyPath: 'accountKey' });
  },
  // 6: a draft per quick log form, not per account (two tabs on one account never share one).
  // The drafts kept so far move over, each taking its account key as its id. The store is read
  // and remade within the upgrade transaction: a failure leaves version 5 as it was.
  (db, tx) => {
    const request = tx.objectStore('drafts').getAll();
    return request.then((drafts: unknown[]) => {
      db.deleteObjectStore('drafts');
      const store = db.createObjectStore('drafts', { keyPath: 'id' });
      store.createIndex('byAccount', 'accountKey');
      for (const draft of drafts) {
        const accountKey: unknown = typeof draft === 'object' && draft !== null ? Reflect.get(draft, 'accountKey') : undefined;
        // A record without an account key was never readable as a draft: it does not move.
        if (typeof accountKey === 'string') void store.put({ ...(draft as object), id: accountKey });
      }
    });
  },
  // 7: Salesforce accounts keyed by org and id (`salesforce:acme:001…`), since a sandbox copies
  // production's ids. Each account and everything recorded under its old key moves to the key of
  // the org its remembered address names (lib/db/org-keys.ts); the derived portfolio rows of
  // moved accounts are dropped and rebuilt.
  async (_db, tx) => {
    const moves = keyMoves(await tx.objectStore('accounts').getAll());
    if (moves.size === 0) return;
    for (const store of STORES_WITH_ACCOUNT_KEY) {
      const objectStore = tx.objectStore(store);
      for (let cursor = await objectStore.openCursor(); cursor; cursor = await cursor.continue()) {
        const moved = movedRecord(store, cursor.value, moves);
        if (!moved) continue;
        if (store === 'portfolioCache') await cursor.delete();
        else if (!KEYED_BY_ACCOUNT.has(store)) await cursor.update(moved);
        else {
          await cursor.delete();
          const there: unknown = store === 'accounts' ? await objectStore.get(Reflect.get(moved, 'key') as string) : undefined;
          await objectStore.put(typeof there === 'object' && there !== null ? mergedAccount(there, moved) : moved);
        }
      }
    }
  },
  // 8: label → API name pairs per org and object, learnt from Lightning's Details tab, so that a
  // Related tab (highlights only, no API names) keys its fields the same way.
  (db) => {
    db.createObjectStore('fieldNames', { keyPath: ['scope', 'object'] });
  },
  // 9: accounts handed over from another CSM's profile: a marker per package and account, and the
  // sender's version of each record both sides changed (kept beside the receiver's own).
  (db) => {
    db.createObjectStore('handovers', { keyPath: 'id' }).createIndex('byAccount', 'accountKey');
  },
  // 10: touches written back to the CRM, one record per interaction: its outbox entry and the
  // activity it became there (lib/model/crm-write.ts).
  (db) => {
    const store = db.createObjectStore('crmWrites', { keyPath: 'interactionId' });
    store.createIndex('byAccount', 'accountKey');
    store.createIndex('byState', 'state');
  },
  // 11: usage kept by year instead of by month: IndexedDB's cost is per record, so an import
  // writes a twelfth as many. The months kept so far move into their years within the upgrade
  // transaction (a failure leaves version 10 as it was); a month that does not parse was never
  // read, and does not move.
  async (db, tx) => {
    const stored: unknown[] = await tx.objectStore('usageMonths').getAll();
    db.deleteObjectStore('usageMonths');
    const store = db.createObjectStore('usageYears', { keyPath: 'id' });
    store.createIndex('bySource', 'sourceAccountKey');
    const months = stored.flatMap((raw) => {
      const month = UsageMonth.safeParse(raw);
      return month.success ? [month.data] : [];
    });
    await Promise.all(layMonthsIntoYears(new Map(), months).map((year) => store.put(year)));
  },
  // 12: an unsaved edit of a stored entry (a note, signal, goal or stakeholder) per editor, kept on
  // every change so a closed tab loses nothing (lib/model/entry-draft.ts).
  (db) => {
    db.createObjectStore('entryDrafts', { keyPath: 'id' }).createIndex('byAccount', 'accountKey');
  },
];

export const DB_VERSION = MIGRATIONS.length;
