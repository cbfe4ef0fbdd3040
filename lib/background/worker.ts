import { browser, type Browser } from 'wxt/browser';
import { createDbConnection } from '../db/connection';
import { handleRequest } from './handle-request';
import { classifySender } from './sender-policy';
import { createBackgroundDeps, storedCrmInterfaces, storedSites } from './deps';
import { refreshUsageSourceNow } from './usage-source-refresh';
import { PORTFOLIO_ALARM, scheduleDailyPortfolio } from './daily-portfolio';
import { TabSessions } from './tab-sessions';
import { onSidebarConnected } from './sidebar-ports';
import { crmInterfaceSwitched, sidebarScriptAnswers, type InterfacesNow } from './inject-sidebar';
import { startTeaching, taughtHostChanged } from './inject-taught';
import { USAGE_SOURCE_ALARM } from '../usage/source';
import { keyOfPort } from '../messaging/sidebar-frame';
import type { SidebarFrames } from './sidebar-frames';
import type { TabAccounts } from './tab-accounts';
import type { KeptTabLists } from './kept-tab-lists';
import type { ContentCommand } from '../messaging/content-commands';
import { CRM_OUTBOX_ALARM, crmWriters } from './crm-writers';
import { pickLocale } from '../i18n';
import type { CrmInterfaceSwitches } from './crm-interface-switches';
import type { SiteRegistry } from './site-registry';

/**
 * What the worker's entry made before this: what it injects the sidebar's script with, and what
 * each tab's sidebar may do (its frame, the accounts it showed: kept in storage.session), which it
 * forgets for a closed tab without building this.
 */
export interface WorkerStart {
  crmInterfaces: CrmInterfaceSwitches;
  interfacesNow: InterfacesNow;
  sites: SiteRegistry;
  sidebarFrames: SidebarFrames;
  tabAccounts: TabAccounts;
  /** Which drafts each tab's forms write (lib/background/draft-holders.ts). */
  draftHolds: KeptTabLists;
  askContentScript: (tabId: number, command: ContentCommand) => Promise<void>;
}

/** The worker's answers to the browser's events, once built. */
export interface WorkerCore {
  request: (message: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown>;
  sidebarConnected: (port: Browser.runtime.Port) => void;
  /** Forgets what is kept in memory of a closed tab (nothing is, before this is built). */
  tabClosed: (tabId: number) => void;
  alarm: (name: string) => void;
  storedCrmInterfaces: () => ReturnType<typeof storedCrmInterfaces>;
  storedSites: () => ReturnType<typeof storedSites>;
}

/**
 * Everything the worker does besides injecting the sidebar's script: the store, the requests, the
 * sidebar ports, the outbox. The entry (entrypoints/background.ts) builds it on the first event
 * that needs it, so a worker woken by a CRM tab injects there first and builds this (the store's
 * and messages' schemas, over 100 ms of a cold start here) while the sidebar's frame loads.
 */
export function startWorker({ crmInterfaces, interfacesNow, sites, sidebarFrames, tabAccounts, draftHolds, askContentScript }: WorkerStart): WorkerCore {
  // Closes itself for a newer version, reopens when closed, says when an older connection blocks it.
  // Once a blocked open completes, sidebars still waiting have their record read again.
  const db = createDbConnection({ onRecovered: () => sessions.tabsWaiting().forEach((tabId) => void askContentScript(tabId, { type: 'record.resend' })) });
  const sessions = new TabSessions();
  const self = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
  const deps = createBackgroundDeps({
    sidebarFrames,
    tabAccounts,
    draftHolds,
    sidebarScriptAnswers,
    crmInterfaces,
    sites,
    db,
    sessions,
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    crmTabs: { switched: (script, on) => crmInterfaceSwitched(script, on, interfacesNow) },
    siteTabs: { changed: (host) => taughtHostChanged(host, sites), teach: startTeaching },
    crmWriters: crmWriters(db),
    crmWrite: {
      locale: pickLocale(navigator.language),
      // Chrome fires alarms at most every 30 s: a write due sooner waits that long.
      schedule: async (at) => {
        if (at === null) await browser.alarms.clear(CRM_OUTBOX_ALARM);
        else await browser.alarms.create(CRM_OUTBOX_ALARM, { when: Math.max(at.getTime(), Date.now() + 30_000) });
      },
    },
    usageSource: {
      fetcher: (url, init) => fetch(url, init),
      hasHostPermission: (origin) => browser.permissions.contains({ origins: [origin] }),
      schedule: async (hours) => {
        await browser.alarms.clear(USAGE_SOURCE_ALARM);
        if (hours !== null) await browser.alarms.create(USAGE_SOURCE_ALARM, { delayInMinutes: hours * 60, periodInMinutes: hours * 60 });
      },
    },
  });
  void scheduleDailyPortfolio(browser.alarms, new Date());

  return {
    request: (message, sender) => handleRequest(message, classifySender(sender, self), deps),
    sidebarConnected: (port) => {
      const key = keyOfPort(port.name);
      if (key !== null) void onSidebarConnected(port, key, { sessions, draftHolders: deps.draftHolders, frames: deps.sidebarFrames, self, db, askContentScript });
    },
    tabClosed: (tabId) => {
      sessions.forgetTab(tabId);
    },
    alarm: (name) => {
      if (name === USAGE_SOURCE_ALARM) void refreshUsageSourceNow(deps).catch(() => undefined);
      if (name === PORTFOLIO_ALARM) void deps.portfolio.accountsChanged('all').catch(() => undefined);
      if (name === CRM_OUTBOX_ALARM) void deps.crmOutbox.kick();
    },
    storedCrmInterfaces: () => storedCrmInterfaces(db),
    storedSites: () => storedSites(db),
  };
}
