import { browser } from 'wxt/browser';
import { CRM_MATCHES, crmScript, crmScriptFile, SIDEBAR_PING, type CrmScriptId, type SidebarScriptFile } from '../crm-hosts';
import type { CrmInterfaces } from '../model/crm-interfaces';
import type { ContentCommand } from '../messaging/content-commands';
import { crmScriptFor, scriptToInject } from './crm-script-for';

/*
 * The browser injects each CRM's sidebar script into its pages as they load (registered:
 * lib/background/sidebar-registrations.ts). This injects it where no registration could: tabs
 * open before the extension was installed or updated, tabs of a CRM interface just turned on, and
 * a tab whose script has gone when the quick-log shortcut asks for it. Each CRM has its own script
 * (lib/crm-hosts.ts): a tab gets the one its host calls for, unless the CSM turned that CRM
 * interface off in the settings (asked each time: `interfacesNow`).
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
 * Resolves to whether it injected.
 */
export async function injectSidebar(tabId: number, script: CrmScriptId): Promise<boolean> {
  return injectFile(tabId, crmScriptFile(script));
}

/** `injectSidebar` for any sidebar script file (a taught site's: lib/background/inject-taught.ts). */
export async function injectFile(tabId: number, file: SidebarScriptFile): Promise<boolean> {
  if (injecting.has(tabId)) return false;
  injecting.add(tabId);
  try {
    if (await sidebarScriptAnswers(tabId)) return false;
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

/** Every open CRM tab where no script answers (none reached it, or its context went away) gets its script. */
export function injectIntoOpenCrmTabs(interfacesNow: InterfacesNow): Promise<void> {
  return injectIntoOpenTabs(CRM_MATCHES, interfacesNow);
}

/**
 * Injects into every open tab on these hosts once it has loaded (tabs where the script answers are
 * left alone; one the registered script reaches first steps aside: lib/content/script-instance.ts).
 */
async function injectIntoOpenTabs(matches: string[], interfacesNow: InterfacesNow): Promise<void> {
  const tabs = await browser.tabs.query({ url: matches });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : injectWhenLoaded(tab.id, interfacesNow))));
}

const END_SIDEBAR: ContentCommand = { type: 'sidebar.end' };

/**
 * A CRM interface was turned on or off in the settings (its registration already changed): its
 * open tabs get the sidebar at once, or lose it at once (the script takes its sidebar off the
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
