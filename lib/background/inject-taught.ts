import { browser } from 'wxt/browser';
import { hostPermissionFor } from '../model/site-definition';
import type { ContentCommand } from '../messaging/content-commands';
import { TAUGHT_SCRIPT_FILE, TEACH_SCRIPT_FILE } from '../crm-hosts';
import { crmScriptFor } from './crm-script-for';
import { injectFile } from './inject-sidebar';
import { hostOf, type SiteRegistry } from './site-registry';

/*
 * Taught sites get one generic sidebar script (entrypoints/taught-site.content.ts), which asks for
 * its host's definitions. It is injected, as the CRMs' scripts are, after a tab's load, but only
 * where a definition exists AND the browser lets the extension on that host (the CSM approved it
 * when teaching or importing): an imported definition for a host not approved does nothing.
 */


const END_SIDEBAR: ContentCommand = { type: 'sidebar.end' };

export async function hostPermitted(host: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [hostPermissionFor(host)] }).catch(() => false);
}

/** Whether a page should get the taught-site script: not a built-in CRM's page, a definition for its host, the host approved. */
async function wantsTaughtScript(url: string | undefined, sites: SiteRegistry): Promise<boolean> {
  const host = hostOf(url);
  if (host === null || crmScriptFor(url) !== null) return false;
  return (await sites.forUrl(url)).length > 0 && (await hostPermitted(host));
}

export function injectIntoTaughtTabs(sites: SiteRegistry): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    const loaded = change.status === 'complete';
    if (!(loaded || (change.url !== undefined && tab.status === 'complete'))) return;
    void wantsTaughtScript(tab.url, sites).then((wanted) => wanted && injectFile(tabId, TAUGHT_SCRIPT_FILE, { ask: !loaded }));
  });
  browser.tabs.onActivated.addListener(({ tabId }) => void recoverTaughtIn(tabId, sites));
  // Approved later (the settings page's "Allow access"): the host's open tabs get it at once.
  browser.permissions.onAdded.addListener(({ origins = [] }) => {
    for (const origin of origins) {
      const host = /^https:\/\/([^/*]+)\/\*$/.exec(origin)?.[1];
      if (host) void taughtHostChanged(host, sites);
    }
  });
  void injectIntoOpenTaughtTabs(sites);
}

/**
 * Whenever the worker starts: the open tabs of taught hosts. The definitions are read only when
 * such a tab may be open (an https tab, not a CRM's, on a host the browser lets the extension
 * read): a worker woken for anything else does not open the store (which would also take the
 * upgrade from an older extension page still holding the database open).
 */
export async function injectIntoOpenTaughtTabs(sites: SiteRegistry): Promise<void> {
  const tabs = await browser.tabs.query({ url: ['https://*/*'] }).catch(() => []);
  const hosts = new Set<string>();
  for (const tab of tabs) {
    const host = hostOf(tab.url);
    if (host !== null && crmScriptFor(tab.url) === null) hosts.add(host);
  }
  for (const host of hosts) if (await hostPermitted(host)) await injectIntoHost(host, sites);
}

export async function recoverTaughtIn(tabId: number, sites: SiteRegistry): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (tab?.status === 'complete' && (await wantsTaughtScript(tab.url, sites))) await injectFile(tabId, TAUGHT_SCRIPT_FILE);
}

async function tabsOf(host: string) {
  if (!(await hostPermitted(host))) return [];
  return browser.tabs.query({ url: [hostPermissionFor(host)] }).catch(() => []);
}

async function injectIntoHost(host: string, sites: SiteRegistry): Promise<void> {
  for (const tab of await tabsOf(host)) if (tab.id !== undefined && tab.status === 'complete' && (await wantsTaughtScript(tab.url, sites))) await injectFile(tab.id, TAUGHT_SCRIPT_FILE);
}

/** A host's definitions changed (taught, imported, removed, restored): its open tabs' scripts end and start again with what is stored now. */
export async function taughtHostChanged(host: string, sites: SiteRegistry): Promise<void> {
  for (const tab of await tabsOf(host)) if (tab.id !== undefined) await browser.tabs.sendMessage(tab.id, END_SIDEBAR, { frameId: 0 }).catch(() => undefined);
  await injectIntoHost(host, sites);
}

/** The teaching mode in a tab (it asks for its host's definitions itself, to teach lost fields again). */
export async function startTeaching(tabId: number): Promise<void> {
  // The built-in CRMs are read by their own adapters: nothing to teach there.
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab || crmScriptFor(tab.url) !== null) return;
  await browser.scripting.executeScript({ target: { tabId }, files: [TEACH_SCRIPT_FILE] });
}
