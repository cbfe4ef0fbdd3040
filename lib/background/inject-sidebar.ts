import { browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { CRM_MATCHES, SIDEBAR_SCRIPT_FLAG } from '../crm-hosts';

/**
 * The content script is injected by the background once a CRM tab has finished loading, not
 * listed in the manifest: Chrome injects manifest content scripts before the page's `load`
 * event, and that alone made the sample account page load 15–30 % slower (README, figures).
 * After `load` the CRM pays nothing; the script itself follows later single-page navigation.
 */
export const CONTENT_SCRIPT_FILE = '/content-scripts/salesforce.js';

const patterns = CRM_MATCHES.map((m) => new MatchPattern(m));

export function isCrmPage(url: string | undefined): boolean {
  return url !== undefined && patterns.some((p) => p.includes(url));
}

const injecting = new Set<number>();

/**
 * Injects into the tab's top frame unless the script already runs there (a second copy would
 * take over from the first mid-visit). A tab closed or navigated away meanwhile: nothing to do.
 */
export async function injectSidebar(tabId: number): Promise<void> {
  if (injecting.has(tabId)) return;
  injecting.add(tabId);
  try {
    const [probe] = await browser.scripting.executeScript({ target: { tabId }, func: (flag: string) => Reflect.has(window, flag), args: [SIDEBAR_SCRIPT_FLAG] });
    if (probe?.result !== true) await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
  } catch {
    // The page went away or is one the browser protects.
  } finally {
    injecting.delete(tabId);
  }
}

export function injectIntoCrmTabs(): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'complete' && isCrmPage(tab.url)) void injectSidebar(tabId);
  });
  // Whenever the worker starts: tabs open before the extension was installed or updated, and
  // tabs loading while the worker was woken. Chrome does not always deliver the `complete`
  // update that woke a stopped worker (seen in the end-to-end tests), so a tab still loading
  // is watched until it has loaded. The probe in injectSidebar skips tabs that have the script.
  void browser.tabs.query({ url: CRM_MATCHES }).then((tabs) => {
    for (const tab of tabs) if (tab.id !== undefined) void injectWhenLoaded(tab.id);
  });
}

const LOAD_POLL_MS = 100;
const LOAD_WAIT_MS = 30_000;

async function injectWhenLoaded(tabId: number): Promise<void> {
  for (let waited = 0; waited < LOAD_WAIT_MS; waited += LOAD_POLL_MS) {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    if (!tab || !isCrmPage(tab.url)) return;
    if (tab.status === 'complete') return injectSidebar(tabId);
    await new Promise((resolve) => setTimeout(resolve, LOAD_POLL_MS));
  }
}
