import { browser } from 'wxt/browser';
import { createDbConnection } from '@/lib/db/connection';
import { handleRequest } from '@/lib/background/handle-request';
import { classifySender } from '@/lib/background/sender-policy';
import { createBackgroundDeps } from '@/lib/background/deps';
import { refreshUsageSourceNow } from '@/lib/background/usage-source-refresh';
import { PORTFOLIO_ALARM, scheduleDailyPortfolio } from '@/lib/background/daily-portfolio';
import { TabSessions } from '@/lib/background/tab-sessions';
import { onSidebarConnected } from '@/lib/background/sidebar-ports';
import { crmInterfaceSwitched, injectIntoCrmTabs, recoverIn } from '@/lib/background/inject-sidebar';
import { injectIntoTaughtTabs, recoverTaughtIn, startTeaching, taughtHostChanged } from '@/lib/background/inject-taught';
import { USAGE_SOURCE_ALARM } from '@/lib/usage/source';
import { keyOfPort } from '@/lib/messaging/sidebar-frame';
import { SidebarFrames, storageFrameStore } from '@/lib/background/sidebar-frames';
import { storageSwitchesCopy } from '@/lib/background/crm-interface-switches';
import type { ContentCommand } from '@/lib/messaging/content-commands';
import { CRM_OUTBOX_ALARM, crmWriters } from '@/lib/background/crm-writers';
import { pickLocale } from '@/lib/i18n';

export default defineBackground(() => {
  // Closes itself for a newer version, reopens when closed, says when an older connection blocks it.
  // Once a blocked open completes, sidebars still waiting have their record read again.
  const db = createDbConnection({ onRecovered: () => sessions.tabsWaiting().forEach((tabId) => void askContentScript(tabId, { type: 'record.resend' })) });
  const sessions = new TabSessions();
  const self = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
  const deps = createBackgroundDeps({
    sidebarFrames: new SidebarFrames(storageFrameStore(browser.storage.session)),
    crmSwitchesCopy: storageSwitchesCopy(browser.storage.local),
    db,
    sessions,
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    crmTabs: { switched: (script, on) => crmInterfaceSwitched(script, on, interfacesNow) },
    siteTabs: { changed: (host) => taughtHostChanged(host, deps.sites), teach: startTeaching },
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
  const interfacesNow = () => deps.crmInterfaces.current();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === USAGE_SOURCE_ALARM) void refreshUsageSourceNow(deps).catch(() => undefined);
    if (alarm.name === PORTFOLIO_ALARM) void deps.portfolio.accountsChanged('all').catch(() => undefined);
    if (alarm.name === CRM_OUTBOX_ALARM) void deps.crmOutbox.kick();
  });
  void scheduleDailyPortfolio(browser.alarms, new Date());
  const askContentScript = async (tabId: number, command: ContentCommand) => {
    // The tab may have no content script (not a CRM page, or just reloading): nothing to do then.
    await browser.tabs.sendMessage(tabId, command, { frameId: 0 }).catch(() => undefined);
  };

  browser.runtime.onMessage.addListener((message, sender) => handleRequest(message, classifySender(sender, self), deps));
  browser.runtime.onConnect.addListener((port) => {
    const key = keyOfPort(port.name);
    if (key !== null) void onSidebarConnected(port, key, { sessions, draftHolders: deps.draftHolders, frames: deps.sidebarFrames, self, db, askContentScript });
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    sessions.forgetTab(tabId);
    deps.draftHolders.release(tabId);
    void deps.sidebarFrames.forgetTab(tabId);
  });
  injectIntoCrmTabs(interfacesNow);
  injectIntoTaughtTabs(deps.sites);

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'open-quick-log') return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    // A script that is gone is injected first; the script opens the quick log itself, making the
    // sidebar if need be (the worker may have just started and know nothing of the tab yet).
    await recoverIn(tabId, interfacesNow);
    await recoverTaughtIn(tabId, deps.sites);
    await askContentScript(tabId, { type: 'quickLog.open' });
  });

  // The toolbar button opens its menu (entrypoints/popup): the portfolio, and teaching the tab's site.
});
