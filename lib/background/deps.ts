import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import type { Fetcher } from '../usage/source-fetch';
import type { TabSessions } from './tab-sessions';
import { createPortfolioRefresher, type PortfolioRefresher, type PortfolioRefresherOptions } from './portfolio-refresher';
import { TabAccounts } from './tab-accounts';
import { SidebarFrames } from './sidebar-frames';
import { DraftHolders } from './draft-holders';
import type { KeptTabLists } from './kept-tab-lists';
import { PrimedReads } from './primed-reads';
import { CrmInterfaceSwitches, type SwitchesCopy } from './crm-interface-switches';
import { getSettings } from '../store/settings';
import type { CrmScriptId } from '../crm-hosts';
import { SiteRegistry } from './site-registry';
import { siteDefinitions } from '../store/site-definitions';
import { CrmOutbox, type CrmOutboxOptions } from './crm-outbox';

export type { RequestSender } from './sender-policy';

/** What the background's request handlers work with; one per background instance (the worker, or a test). */
export interface BackgroundDeps {
  db: () => Promise<IDBPDatabase<AdoptionDb>>;
  sessions: TabSessions;
  now: () => Date;
  newId: () => string;
  portfolio: PortfolioRefresher;
  /** The accounts each tab has shown since its page loaded: the ones its sidebar may name. */
  tabAccounts: TabAccounts;
  /** Which drafts each tab's quick log forms are writing: another tab's form continues none of them. */
  draftHolders: DraftHolders;
  /** Which frame of each tab is the sidebar the extension made: the only one served. */
  sidebarFrames: SidebarFrames;
  /** The first reads of a just-reported account, started before its sidebar asks. */
  primedReads: PrimedReads;
  /** The CRM interface switches, as stored: which CRMs' tabs get the sidebar. */
  crmInterfaces: CrmInterfaceSwitches;
  /** Applies a CRM interface switch to the open tabs of that CRM (the worker: lib/background/inject-sidebar.ts). */
  crmTabs?: { switched: (script: CrmScriptId, on: boolean) => Promise<void> };
  /** The taught sites, as stored: which tabs get the taught-site script. */
  sites: SiteRegistry;
  /**
   * Applies taught sites to open tabs (the worker: lib/background/inject-sidebar.ts): a host's
   * definitions changed (its tabs' scripts start again), or the teaching mode starts in a tab.
   */
  siteTabs?: { changed: (host: string) => Promise<void>; teach: (tabId: number) => Promise<void> };
  /**
   * How long a sidebar's request waits for its tab's account to be known again after the worker
   * restarted (the sidebar reconnects and its content script reads again): 10 s unless set.
   */
  tabViewWaitMs?: number;
  /** Touches written to the CRM: queued on save, written after (lib/background/crm-outbox.ts). */
  crmOutbox: CrmOutbox;
  /** One writer per CRM: the outbox writes touches with them, and the team's touches are read with them. None in tests that reach no CRM. */
  crmWriters?: CrmOutboxOptions['writers'];
  /** The configured usage source: how it is fetched, whether its host may be read, its schedule. */
  usageSource?: {
    fetcher: Fetcher;
    hasHostPermission: (originPattern: string) => Promise<boolean>;
    schedule: (refreshHours: number | null) => Promise<void>;
  };
}

type Db = () => Promise<IDBPDatabase<AdoptionDb>>;

/** The CRM interface switches as stored (the record `CrmInterfaceSwitches` keeps in memory). */
export const storedCrmInterfaces = async (db: Db) => (await getSettings(await db())).crmInterfaces;
/** The taught sites as stored (the record `SiteRegistry` keeps in memory). */
export const storedSites = async (db: Db) => siteDefinitions(await db());

export function createBackgroundDeps(
  base: Omit<BackgroundDeps, 'portfolio' | 'tabAccounts' | 'sidebarFrames' | 'draftHolders' | 'primedReads' | 'crmInterfaces' | 'sites' | 'crmOutbox'> & {
    sidebarFrames?: SidebarFrames;
    tabAccounts?: TabAccounts;
    /** Which drafts each tab's forms write, as the worker's entry keeps them (in memory unless given). */
    draftHolds?: KeptTabLists;
    /** Does a sidebar script still run in the tab (the worker: lib/background/inject-sidebar.ts)? Taken to unless set. */
    sidebarScriptAnswers?: (tabId: number) => Promise<boolean>;
    crmSwitchesCopy?: SwitchesCopy;
    /** Given by the worker, which injects with them before it builds the rest (entrypoints/background.ts); made here otherwise. */
    crmInterfaces?: CrmInterfaceSwitches;
    sites?: SiteRegistry;
    /** The language touches are written in and how retries wake the worker (English, and no alarm, unless set). */
    crmWrite?: Pick<CrmOutboxOptions, 'locale' | 'schedule'>;
  },
  options: { portfolio?: PortfolioRefresherOptions } = {},
): BackgroundDeps {
  return {
    ...base,
    portfolio: createPortfolioRefresher(base.db, base.now, options.portfolio),
    tabAccounts: base.tabAccounts ?? new TabAccounts(),
    // A tab whose sidebar has not reconnected to a just-restarted worker may still be writing, if
    // its page still runs our script (not one that crashed or went to another site).
    draftHolders: new DraftHolders(
      async (tabId) => base.sessions.listening(tabId) || (!base.sessions.heardFrom(tabId) && (await (base.sidebarScriptAnswers?.(tabId) ?? true))),
      base.draftHolds,
    ),
    sidebarFrames: base.sidebarFrames ?? new SidebarFrames(),
    primedReads: new PrimedReads(),
    crmInterfaces: base.crmInterfaces ?? new CrmInterfaceSwitches(() => storedCrmInterfaces(base.db), base.crmSwitchesCopy),
    sites: base.sites ?? new SiteRegistry(() => storedSites(base.db)),
    crmOutbox: new CrmOutbox(base.db, {
      locale: 'en',
      schedule: async () => undefined,
      ...base.crmWrite,
      writers: base.crmWriters ?? {},
      now: base.now,
      // A touch's write changed state: its account's sidebars show the new one.
      changed: (accountKey) => {
        for (const tabId of base.sessions.tabsShowing(accountKey)) base.sessions.push(tabId, { type: 'account.changed', accountKey });
      },
    }),
  };
}
