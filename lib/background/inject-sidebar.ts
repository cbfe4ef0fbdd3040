import { browser } from 'wxt/browser';
import { CRM_MATCHES, crmScript, crmScriptFile, SIDEBAR_PING, type CrmScriptId, type SidebarScriptFile } from '../crm-hosts';
import type { CrmInterfaces } from '../model/crm-interfaces';
import type { ContentCommand } from '../messaging/content-commands';
import { crmScriptFor, scriptToInject } from './crm-script-for';

/*
 * The content script is injected by the background once a CRM tab has finished loading, not
 * listed in the manifest: Chrome injects manifest content scripts before the page's `load`
 * event, and that alone made the sample account page load 15–30 % slower (README, figures).
 * After `load` the CRM pays nothing; the script itself follows later single-page navigation.
 * Each CRM has its own script (lib/crm-hosts.ts): a tab gets the one its host calls for, unless
 * the CSM turned that CRM interface off in the settings (asked each time: `interfacesNow`).
 */

/** The CRM interface switches as stored now (lib/background/crm-interface-switches.ts). */
export type InterfacesNow = () => Promise<CrmInterfaces>;

const injecting = new Set<number>();

/**
 * Does a live sidebar script answer in the tab's top frame? Asked of the script itself, not read
 * from a flag in the page: a script that has ended (its extension context gone, or stopped)
 * leaves nothing that answers, so it is injected again.
 */
export async function sidebarScriptAnswers(tabId: number): Promise<boolean> {
  const answer: unknown = await browser.tabs.sendMessage(tabId, SIDEBAR_PING, { frameId: 0 }).catch(() => undefined);
  return answer === true;
}

/**
 * Injects into the tab's top frame unless the script answers there (a second copy steps aside
 * anyway: lib/content/script-instance.ts). A tab closed or navigated away meanwhile: nothing to do.
 * `ask: false` skips the question for a document that has just loaded, where no script can run
 * yet: the answer is a round trip through the CRM page's main thread, which is at its busiest
 * right after `load` (20 ms and more before the sidebar could start). Resolves to whether it injected.
 */
export async function injectSidebar(tabId: number, script: CrmScriptId, options: { ask?: boolean } = {}): Promise<boolean> {
  return injectFile(tabId, crmScriptFile(script), options);
}

/** `injectSidebar` for any sidebar script file (a taught site's: lib/background/inject-taught.ts). */
export async function injectFile(tabId: number, file: SidebarScriptFile, { ask = true }: { ask?: boolean } = {}): Promise<boolean> {
  if (injecting.has(tabId)) return false;
  injecting.add(tabId);
  try {
    if (ask && (await sidebarScriptAnswers(tabId))) return false;
    await browser.scripting.executeScript({ target: { tabId }, files: [file] });
    return true;
  } catch {
    // The page went away or is one the browser protects.
    return false;
  } finally {
    injecting.delete(tabId);
  }
}

/**
 * The script to inject into a page: the switches are read only for a page of a CRM, so other
 * tabs (the extension's own pages among them) never open the store.
 */
async function scriptForPage(url: string | undefined, interfacesNow: InterfacesNow): Promise<CrmScriptId | null> {
  return crmScriptFor(url) === null ? null : scriptToInject(url, await interfacesNow());
}

/** Injects into a loaded CRM tab that has lost its script (checked when the user may need it). */
export async function recoverIn(tabId: number, interfacesNow: InterfacesNow): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const script = await scriptForPage(tab?.url, interfacesNow);
  if (tab && tab.status === 'complete' && script) await injectSidebar(tabId, script);
}

/**
 * `injecting`: called as the script is sent to a page that has just loaded, whose script will
 * soon ask the worker for its account (the entry builds the rest of the worker meanwhile).
 */
export function injectIntoCrmTabs(interfacesNow: InterfacesNow, injecting: () => void = () => undefined): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    const loaded = change.status === 'complete';
    if (!(loaded || (change.url !== undefined && tab.status === 'complete'))) return;
    void scriptForPage(tab.url, interfacesNow).then((script) => {
      if (!script) return;
      // Loaded: injected at once (a copy already running there, as after Back to a page kept in
      // the back/forward cache, steps aside). A single-page navigation in a loaded tab, where the
      // script should be following along: if it is gone, it comes back (asked first: it is there).
      const injected = injectSidebar(tabId, script, { ask: !loaded });
      if (loaded) injecting();
      return injected;
    });
  });
  // Back to a CRM tab: the sidebar is wanted there now (the quick-log shortcut recovers too, entrypoints/background.ts).
  browser.tabs.onActivated.addListener(({ tabId }) => void recoverIn(tabId, interfacesNow));
  // Whenever the worker starts: tabs open before the extension was installed or updated, and
  // tabs loading while the worker was woken. Chrome does not always deliver the `complete`
  // update that woke a stopped worker (seen in the end-to-end tests), so a tab still loading
  // is watched until it has loaded. Tabs where the script answers are left alone.
  void injectIntoOpenTabs(CRM_MATCHES, interfacesNow);
}

/** Injects into every open tab on these hosts once it has loaded (tabs where the script answers are left alone). */
async function injectIntoOpenTabs(matches: string[], interfacesNow: InterfacesNow): Promise<void> {
  const tabs = await browser.tabs.query({ url: matches });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : injectWhenLoaded(tab.id, interfacesNow))));
}

const END_SIDEBAR: ContentCommand = { type: 'sidebar.end' };

/**
 * A CRM interface was turned on or off in the settings: its open tabs get the sidebar back at once
 * (the same injection as after a load), or lose it at once (the script takes its sidebar off the
 * page and ends, so it no longer answers the ping and a later turn-on injects it again).
 */
export async function crmInterfaceSwitched(script: CrmScriptId, on: boolean, interfacesNow: InterfacesNow): Promise<void> {
  const matches = [...crmScript(script).matches];
  if (on) return injectIntoOpenTabs(matches, interfacesNow);
  const tabs = await browser.tabs.query({ url: matches });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, END_SIDEBAR, { frameId: 0 }).catch(() => undefined))));
}

const LOAD_POLL_MS = 100;
const LOAD_WAIT_MS = 30_000;

async function injectWhenLoaded(tabId: number, interfacesNow: InterfacesNow): Promise<void> {
  for (let waited = 0; waited < LOAD_WAIT_MS; waited += LOAD_POLL_MS) {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    const script = await scriptForPage(tab?.url, interfacesNow);
    if (!tab || !script) return;
    if (tab.status === 'complete') {
      await injectSidebar(tabId, script);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, LOAD_POLL_MS));
  }
}
