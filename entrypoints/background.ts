import { browser } from 'wxt/browser';
import { injectIntoCrmTabs, recoverIn } from '@/lib/background/inject-sidebar';
import { injectIntoTaughtTabs, recoverTaughtIn } from '@/lib/background/inject-taught';
import { CrmInterfaceSwitches, storageSwitchesCopy } from '@/lib/background/crm-interface-switches';
import { SiteRegistry } from '@/lib/background/site-registry';
import { SidebarFrames, storageFrameStore } from '@/lib/background/sidebar-frames';
import { storageTabAccountsStore, TabAccounts } from '@/lib/background/tab-accounts';
import { PendingRequests } from '@/lib/background/pending-requests';
import { KeptTabLists } from '@/lib/background/kept-tab-lists';
import { storageDraftHoldersStore } from '@/lib/background/draft-holders';
import { tellWindowOfActivation } from '@/lib/background/tab-activation';
import type { ContentCommand } from '@/lib/messaging/content-commands';
import type { WorkerCore } from '@/lib/background/worker';

export default defineBackground(() => {
  // Injecting the sidebar's script needs only the CRM interface switches (copied in storage.local)
  // and the taught sites. The rest (lib/background/worker.ts) is built on the first event that
  // needs it: a dynamic import, which the bundler keeps in this file but runs only then.
  let built: Promise<WorkerCore> | undefined;
  const worker = (): Promise<WorkerCore> =>
    (built ??= import('@/lib/background/worker')
      .then(({ startWorker }) => startWorker({ crmInterfaces, interfacesNow, sites, sidebarFrames, tabAccounts, draftHolds, askContentScript }))
      .catch((error: unknown) => {
        // Failed to build: this event fails, the next one tries again.
        built = undefined;
        throw error;
      }));
  const crmInterfaces = new CrmInterfaceSwitches(async () => (await worker()).storedCrmInterfaces(), storageSwitchesCopy(browser.storage.local));
  const interfacesNow = () => crmInterfaces.current();
  const sites = new SiteRegistry(async () => (await worker()).storedSites());
  const sidebarFrames = new SidebarFrames(storageFrameStore(browser.storage.session));
  const tabAccounts = new TabAccounts(storageTabAccountsStore(browser.storage.session));
  const draftHolds = new KeptTabLists(storageDraftHoldersStore(browser.storage.session));
  const requests = new PendingRequests();
  const askContentScript = async (tabId: number, command: ContentCommand) => {
    // The tab may have no content script (not a CRM page, or just reloading): nothing to do then.
    await browser.tabs.sendMessage(tabId, command, { frameId: 0 }).catch(() => undefined);
  };

  // Every listener is added now, as a worker must: an event that woke it is dispatched right after.
  browser.runtime.onMessage.addListener((message, sender) => requests.track(worker().then((w) => w.request(message, sender))));
  browser.runtime.onConnect.addListener((port) => void worker().then((w) => w.sidebarConnected(port)));
  // Any tab closing wakes the worker: nothing is built for it (what is in memory exists only once
  // built). The tab is forgotten once the requests it sent before closing are answered.
  browser.tabs.onRemoved.addListener(
    (tabId) =>
      void requests.settled().then(() => {
        void sidebarFrames.forgetTab(tabId);
        void tabAccounts.forgetTab(tabId);
        void draftHolds.forgetTab(tabId);
        void built?.then((w) => w.tabClosed(tabId));
      }),
  );
  browser.alarms.onAlarm.addListener((alarm) => void worker().then((w) => w.alarm(alarm.name)));
  // The script just sent asks for its account within milliseconds: the rest of the worker is built
  // while the page runs it, not after its first message.
  injectIntoCrmTabs(interfacesNow, () => void worker().catch(() => undefined));
  injectIntoTaughtTabs(sites);
  // Sidebars of tabs left in the background go after a while; the tab in view gets its own back.
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => void tellWindowOfActivation(tabId, windowId, askContentScript));

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
