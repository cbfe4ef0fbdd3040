import { browser } from 'wxt/browser';
import { injectIntoOpenCrmTabs, recoverIn } from '@/lib/background/inject-sidebar';
import { approvedTaughtHosts, injectIntoOpenTaughtTabs, recoverTaughtIn, watchHostApprovals } from '@/lib/background/inject-taught';
import { syncRegistrations, wantedRegistrations } from '@/lib/background/sidebar-registrations';
import { CrmInterfaceSwitches, storageSwitchesCopy } from '@/lib/background/crm-interface-switches';
import { SiteRegistry } from '@/lib/background/site-registry';
import { ALL_CRM_INTERFACES_ON } from '@/lib/model/crm-interfaces';
import { databaseExists } from '@/lib/db/name';
import { SidebarFrames, storageFrameStore } from '@/lib/background/sidebar-frames';
import type { ContentCommand } from '@/lib/messaging/content-commands';
import type { WorkerCore } from '@/lib/background/worker';

export default defineBackground(() => {
  // Registering and injecting the sidebar's scripts needs only the CRM interface switches (copied in
  // storage.local) and the taught sites. The rest (lib/background/worker.ts) is built on the first event that
  // needs it: a dynamic import, which the bundler keeps in this file but runs only then.
  let built: Promise<WorkerCore> | undefined;
  const worker = (): Promise<WorkerCore> =>
    (built ??= import('@/lib/background/worker')
      .then(({ startWorker }) => startWorker({ crmInterfaces, interfacesNow, register, sites, sidebarFrames, askContentScript }))
      .catch((error: unknown) => {
        // Failed to build: this event fails, the next one tries again.
        built = undefined;
        throw error;
      }));
  // Before the database exists (just installed) the settings are the defaults: reading them would
  // make it, and the first open belongs to the first request that needs the store.
  const crmInterfaces = new CrmInterfaceSwitches(
    async () => ((await databaseExists()) ? (await worker()).storedCrmInterfaces() : ALL_CRM_INTERFACES_ON),
    storageSwitchesCopy(browser.storage.local),
  );
  const interfacesNow = () => crmInterfaces.current();
  const sites = new SiteRegistry(async () => ((await databaseExists()) ? (await worker()).storedSites() : []));
  // The browser injects the sidebar's scripts as CRM pages load (lib/background/sidebar-registrations.ts):
  // no listener on tab updates or activations, which would wake this worker while a CRM page loads.
  const register = () => syncRegistrations(async () => wantedRegistrations(await interfacesNow(), await approvedTaughtHosts(sites)));
  const sidebarFrames = new SidebarFrames(storageFrameStore(browser.storage.session));
  const askContentScript = async (tabId: number, command: ContentCommand) => {
    // The tab may have no content script (not a CRM page, or just reloading): nothing to do then.
    await browser.tabs.sendMessage(tabId, command, { frameId: 0 }).catch(() => undefined);
  };

  // Every listener is added now, as a worker must: an event that woke it is dispatched right after.
  browser.runtime.onMessage.addListener((message, sender) => worker().then((w) => w.request(message, sender)));
  browser.runtime.onConnect.addListener((port) => void worker().then((w) => w.sidebarConnected(port)));
  // Any tab closing wakes the worker: nothing is built for it (what is in memory exists only once built).
  browser.tabs.onRemoved.addListener((tabId) => {
    void sidebarFrames.forgetTab(tabId);
    void built?.then((w) => w.tabClosed(tabId));
  });
  browser.alarms.onAlarm.addListener((alarm) => void worker().then((w) => w.alarm(alarm.name)));
  // Whenever the worker starts (installed, updated, enabled again, or woken): open tabs where no
  // script answers get one. A script whose extension context went away (an update) left its tab
  // without a sidebar, and no registration reaches a page that has already loaded.
  const injectIntoOpenTabs = () => Promise.all([injectIntoOpenCrmTabs(interfacesNow), injectIntoOpenTaughtTabs(sites)]);
  void injectIntoOpenTabs();
  // Installed or updated: registered, then the tabs that loaded meanwhile injected. Registrations
  // persist; brought in line at each browser start all the same.
  browser.runtime.onInstalled.addListener(() => void register().catch(() => undefined).then(injectIntoOpenTabs));
  browser.runtime.onStartup.addListener(() => void register().catch(() => undefined));
  watchHostApprovals(sites, register);

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'open-quick-log') return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    // A script that is gone is injected first; the script opens the quick log itself, making the
    // sidebar if need be (the worker may have just started and know nothing of the tab yet).
    await recoverIn(tabId, interfacesNow);
    await recoverTaughtIn(tabId, sites);
    await askContentScript(tabId, { type: 'quickLog.open' });
  });

  // The toolbar button opens its menu (entrypoints/popup): the portfolio, and teaching the tab's site.
});
