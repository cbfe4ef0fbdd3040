import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Account, FieldSnapshot } from '../model/account';
import type { Interaction } from '../model/interaction';
import type { QuickLogDraft } from '../model/quick-log';
import type { SuccessGoal } from '../model/goal';
import type { Signal } from '../model/signal';
import type { Stakeholder } from '../model/stakeholder';
import type { UsageAccountLink, UsageMonth } from '../model/usage';
import type { RememberedMapping } from '../usage/mapping';
import type { HealthSnapshot } from '../health/model';
import type { PortfolioEntry } from '../portfolio/model';

export const DB_NAME = 'adoption-sidebar';

/** The current shape. Values are still parsed with zod on every read (see records.ts). */
export interface AdoptionDb extends DBSchema {
  accounts: { key: string; value: Account };
  snapshots: { key: string; value: FieldSnapshot; indexes: { byAccount: [string, string] } };
  interactions: { key: string; value: Interaction; indexes: { byAccount: [string, string, string] } };
  drafts: { key: string; value: QuickLogDraft };
  goals: { key: string; value: SuccessGoal; indexes: { byAccount: string } };
  signals: { key: string; value: Signal; indexes: { byAccount: [string, string, string] } };
  stakeholders: { key: string; value: Stakeholder; indexes: { byAccount: string } };
  /** Small named documents (user settings), each validated by its own schema. */
  settings: { key: string; value: unknown };
  /** Product usage, one record per source account, subscription, metric and month. */
  usageMonths: { key: string; value: UsageMonth; indexes: { bySource: string } };
  /** Which usage-source account is which CRM account (matched or linked by hand). */
  usageLinks: { key: string; value: UsageAccountLink; indexes: { byAccount: string } };
  /** Column mappings the user confirmed, by the signature of the file's headers. */
  usageMappings: { key: string; value: RememberedMapping };
  /** The health score of each account, one per day. */
  healthHistory: { key: [string, string]; value: HealthSnapshot };
  /** Per account, what the portfolio ranks (derived, rebuilt at will; not in backups). */
  portfolioCache: { key: string; value: PortfolioEntry };
}

export type StoreName = StoreNames<AdoptionDb>;

/** Older versions had other shapes, so migrations see the database untyped. */
type Migration = (db: IDBPDatabase, tx: IDBPTransaction<unknown, string[], 'versionchange'>) => void;

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
];

export const DB_VERSION = MIGRATIONS.length;
