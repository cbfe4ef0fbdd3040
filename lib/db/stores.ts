import { z } from '../model/zod';
import { Account, FieldSnapshot } from '../model/account';
import { Interaction } from '../model/interaction';
import { QuickLogDraft } from '../model/quick-log';
import { SuccessGoal } from '../model/goal';
import { Signal } from '../model/signal';
import { Stakeholder } from '../model/stakeholder';
import { CsmSettings } from '../model/settings';
import { UsageAccountLink } from '../model/usage';
import { UsageYear } from '../model/usage-year';
import { RememberedMapping } from '../usage/mapping';
import { UsageSourceConfig, UsageSourceStatus } from '../usage/source';
import { HealthSnapshot } from '../health/model';
import { PortfolioEntry } from '../portfolio/model';
import { FieldNames } from '../model/field-names';
import { HandoverRecord } from '../model/handover';
import { SiteDefinitions } from '../model/site-definition';
import { CrmTokens, CrmWrite } from '../model/crm-write';
import { EntryDraft } from '../model/entry-draft';

/**
 * The one list of what the database holds: each store's record schema. The database types
 * (schema.ts), the backup format and restore are all derived from it, so a new store is added
 * here once.
 */

/** The named documents of the `settings` store, each with its own schema. */
export const SETTINGS = {
  csm: CsmSettings,
  'usage-source': UsageSourceConfig,
  'usage-source-status': UsageSourceStatus,
  /** The sites the CSM taught (lib/model/site-definition.ts): kept in backups with the other settings. */
  'site-definitions': SiteDefinitions,
  /** Tokens for writing touches to CRMs: never in a backup (not in SettingsEntry; the export leaves the document out). */
  'crm-tokens': CrmTokens,
} as const;
/** Settings documents a backup never carries. */
export const LOCAL_SETTINGS: ReadonlySet<SettingsKey> = new Set<SettingsKey>(['crm-tokens']);
export type SettingsKey = keyof typeof SETTINGS;
export type SettingsValue<K extends SettingsKey> = z.infer<(typeof SETTINGS)[K]>;

/** A settings document with its key, as backups carry it (the store keeps keys out of line). */
export const SettingsEntry = z.discriminatedUnion('key', [
  z.object({ key: z.literal('csm'), value: SETTINGS.csm }),
  z.object({ key: z.literal('usage-source'), value: SETTINGS['usage-source'] }),
  z.object({ key: z.literal('usage-source-status'), value: SETTINGS['usage-source-status'] }),
  z.object({ key: z.literal('site-definitions'), value: SETTINGS['site-definitions'] }),
]);
export type SettingsEntry = z.infer<typeof SettingsEntry>;

/** Stores a backup carries: everything the CSM recorded or imported. */
export const BACKED_UP_STORES = {
  accounts: Account,
  snapshots: FieldSnapshot,
  interactions: Interaction,
  drafts: QuickLogDraft,
  goals: SuccessGoal,
  signals: Signal,
  stakeholders: Stakeholder,
  settings: SettingsEntry,
  usageYears: UsageYear,
  usageLinks: UsageAccountLink,
  usageMappings: RememberedMapping,
  healthHistory: HealthSnapshot,
  /** Accounts handed over from another CSM: who and when, and the sender's versions of records changed on both sides. */
  handovers: HandoverRecord,
} as const;
export type BackedUpStore = keyof typeof BACKED_UP_STORES;
export const BACKED_UP_STORE_NAMES = Object.keys(BACKED_UP_STORES) as BackedUpStore[];

/**
 * Stores derived from the others and rebuilt at will: not in backups. `fieldNames` (label → API
 * name pairs per org) is learnt again from the restored field snapshots on the next visit to the org.
 */
export const DERIVED_STORES = {
  portfolioCache: PortfolioEntry,
  fieldNames: FieldNames,
} as const;

/**
 * This browser's own state, neither backed up nor rebuilt. `crmWrites` (lib/model/crm-write.ts):
 * the outbox of touches written to the CRM and the activity each became. A restored profile does
 * not need it: the CRM is the record, and a touch edited there is found again by the reference its
 * activity carries before anything is created. `entryDrafts` (lib/model/entry-draft.ts): unsaved
 * edits of stored entries, a moment's work in this browser, offered again when the account is
 * next opened here.
 */
export const LOCAL_STORES = {
  crmWrites: CrmWrite,
  entryDrafts: EntryDraft,
} as const;

type StoreName = BackedUpStore | keyof typeof DERIVED_STORES | keyof typeof LOCAL_STORES;

/** The record type of each store. */
export type StoreRecord<K extends StoreName> = K extends BackedUpStore
  ? z.infer<(typeof BACKED_UP_STORES)[K]>
  : K extends keyof typeof DERIVED_STORES
    ? z.infer<(typeof DERIVED_STORES)[K]>
    : K extends keyof typeof LOCAL_STORES
      ? z.infer<(typeof LOCAL_STORES)[K]>
      : never;
