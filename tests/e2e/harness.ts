/**
 * End-to-end harness: Chromium with the built extension (`npm run build` first) on the bundled
 * sample Salesforce Lightning site (tests/fixtures/lightning-site), served under the real
 * *.lightning.force.com URLs. Launching, routing and finding Chromium live in
 * scripts/lib/browser.mjs, shared with the demo and the benchmarks.
 */
import type { BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { SIDEBAR_SCRIPT_FLAG } from '../../lib/crm-hosts';
import {
  accountUrl,
  classicAccountUrl,
  hubspotCompanyUrl,
  hubspotData,
  dynamicsAccountUrl,
  dynamicsData,
  DEFAULT_TIMEOUT_MS,
  assertExtensionBuilt,
  EXTENSION_DIR,
  fieldValue,
  findChromium,
  launchBrowser,
  launchWithExtension,
  routeSampleSite,
  sampleAccountKey,
  scratchDir,
  SAMPLE_HOST,
  sampleAccounts,
  sampleData,
  SIDEBAR_SELECTOR,
  waitForSidebarFrame,
  type LaunchedBrowser,
  type LaunchedWithExtension,
  type LaunchOptions,
  type SampleAccount,
  type SampleData,
  type SampleField,
} from '../../scripts/lib/browser.mjs';
import { importDemoData } from '../../scripts/lib/demo-data.mjs';

export {
  accountUrl,
  classicAccountUrl,
  hubspotCompanyUrl,
  hubspotData,
  dynamicsAccountUrl,
  dynamicsData,
  DEFAULT_TIMEOUT_MS,
  assertExtensionBuilt,
  EXTENSION_DIR,
  fieldValue,
  findChromium,
  launchBrowser,
  launchWithExtension,
  routeSampleSite,
  sampleAccountKey,
  scratchDir,
  SAMPLE_HOST,
  sampleAccounts,
  sampleData,
  SIDEBAR_SELECTOR,
  type LaunchedBrowser,
  type LaunchedWithExtension,
  type LaunchOptions,
  type SampleAccount,
  type SampleData,
  type SampleField,
};

export const data: SampleData = sampleData();

/** A browser with the extension and the demo's sample data: goals, stakeholders, signals and touches (a backup), and 180 days of usage (a CSV through the import). */
export async function launchWithSampleData(options?: LaunchOptions): Promise<LaunchedBrowser> {
  const browser = await launchBrowser(options);
  await importDemoData(browser);
  return browser;
}

function accountAt(index: number): SampleAccount {
  const account = data.accounts[index];
  if (!account) throw new Error(`accounts.json has no account #${index}`);
  return account;
}
/** The sample accounts by role: Globex (plain), Initech (fields in shadow roots), サンプル商事 (Japanese labels), Umbrella. */
export const GLOBEX = accountAt(0);
export const INITECH = accountAt(1);
export const SAMPLE_SHOJI = accountAt(2);
export const UMBRELLA = accountAt(3);

/** The account's Name field as shown. */
export function accountName(account: SampleAccount): string {
  return fieldValue(account, 'Name');
}

/** The sidebar iframe as a FrameLocator (Playwright's CSS selectors pierce the open shadow host). */
export function sidebar(page: Page): FrameLocator {
  return page.frameLocator(SIDEBAR_SELECTOR);
}
/** Same as `sidebar`. */
export const sidebarLocator = sidebar;

/**
 * The sidebar iframe's Frame (its URL starts with chrome-extension://<id>/sidebar.html), for
 * `frame.evaluate` and the like. Waits for it to attach (default DEFAULT_TIMEOUT_MS).
 */
export function sidebarFrame(page: Page, options?: { extensionId?: string; timeout?: number }): Promise<Frame> {
  return waitForSidebarFrame(page, options);
}

/** Opens an account page and waits until the sidebar shows that account. */
export async function openAccount(context: BrowserContext, id: string, page?: Page): Promise<Page> {
  const p = page ?? (await context.newPage());
  await p.goto(accountUrl(id));
  const account = data.accounts.find((a) => a.id === id);
  const name = account ? accountName(account) : '';
  await sidebar(p).getByTestId('sidebar-account-name').filter({ hasText: name }).waitFor();
  return p;
}

/**
 * Records, in the page itself, every sidebar host ever added to it and the address at that moment
 * (`window.__sidebarHostsAddedOn`), from before the page's first script on every document the page
 * loads. A test that proves no sidebar appears reads this: a host added and removed again counts.
 */
export async function recordSidebarHosts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Reflect.set(window, '__sidebarHostsAddedOn', seen);
    new MutationObserver((mutations) => {
      for (const m of mutations) for (const node of m.addedNodes) if (node.nodeName === 'ADOPTION-SIDEBAR-HOST') seen.push(location.pathname);
    }).observe(document, { childList: true, subtree: true });
  });
}

/** The addresses at which a sidebar host was added to `page` (see recordSidebarHosts). */
export async function sidebarHostsAddedOn(page: Page): Promise<string[]> {
  return page.evaluate(() => (Reflect.get(window, '__sidebarHostsAddedOn') as string[] | undefined) ?? []);
}

/** The few extension APIs contentScriptSettled uses, as typed here (no @types/chrome in the project). */
interface ProbeApi {
  tabs: { query(query: { url: string }): Promise<{ id?: number }[]> };
  scripting: {
    executeScript(injection: { target: { tabId: number }; args: [string]; func: (name: string) => Promise<boolean> }): Promise<{ result?: unknown }[]>;
  };
  storage: { local: { get(keys: null): Promise<unknown> } };
}

/**
 * Waits until the extension's content script runs in `page` (the background injects it after the
 * page's `load`) and has done what it does for the address it started on: a positive signal that
 * the extension has decided, for tests that prove no sidebar appears. Asked from one of the
 * extension's own pages with chrome.scripting, in the content script's isolated world: after the
 * script's flag is set, one timer turn and one storage round trip (what the script awaits before it
 * would add a sidebar) have passed there.
 */
export async function contentScriptSettled(browser: LaunchedBrowser, page: Page): Promise<void> {
  const probe = await browser.context.newPage();
  try {
    await probe.goto(`chrome-extension://${browser.extensionId}/brief.html`);
    const deadline = Date.now() + DEFAULT_TIMEOUT_MS;
    for (;;) {
      const settled = await probe.evaluate(
        async ({ url, flag }) => {
          const chrome = Reflect.get(globalThis, 'chrome') as ProbeApi;
          const tabs = await chrome.tabs.query({ url });
          if (tabs.length === 0) return false;
          const results = await Promise.all(
            tabs.map((tab) =>
              chrome.scripting.executeScript({
                target: { tabId: tab.id ?? -1 },
                args: [flag],
                func: async (name: string) => {
                  // Runs in the CRM tab, in the extension's isolated world: the content script's.
                  if (!Reflect.has(window, name)) return false;
                  await new Promise((done) => setTimeout(done, 0));
                  await (Reflect.get(globalThis, 'chrome') as ProbeApi).storage.local.get(null);
                  await new Promise((done) => setTimeout(done, 0));
                  return true;
                },
              }),
            ),
          );
          return results.every(([result]) => result?.result === true);
        },
        { url: page.url(), flag: SIDEBAR_SCRIPT_FLAG },
      );
      if (settled) return;
      if (Date.now() > deadline) throw new Error(`The extension's content script did not start in ${page.url()} within ${DEFAULT_TIMEOUT_MS / 1000} s.`);
      await probe.waitForTimeout(100);
    }
  } finally {
    await probe.close();
  }
}

/**
 * Waits until the sample page shows what `path` (default: the current address) names: its
 * container is the active one. Works for records and for list, setup and other pages.
 */
export async function waitForPageRecord(page: Page, path?: string): Promise<void> {
  await page.waitForFunction((expected) => {
    const active = document.querySelector<HTMLElement>('.oneContent.active');
    return active !== null && active.dataset.samplePath === (expected ?? location.pathname);
  }, path ?? null);
}

/** The fields the sidebar shows, as { key: value }. */
export async function shownFields(page: Page): Promise<Record<string, string>> {
  const cells = sidebar(page).locator('[data-testid="sidebar-field"]');
  const keys = await cells.evaluateAll((els) => els.map((e) => [e.getAttribute('data-field') ?? '', e.textContent ?? '']));
  return Object.fromEntries(keys);
}

export async function logNote(page: Page, text: string): Promise<void> {
  const frame = sidebar(page);
  const open = frame.getByTestId('quick-log-open');
  if (await open.isVisible()) await open.click();
  await frame.getByTestId('quick-log-text').fill(text);
  await frame.getByTestId('quick-log-save').click();
  await frame.getByTestId('timeline-entry').filter({ hasText: text }).waitFor();
}

/**
 * Stops the extension's service worker, as Chrome does after 30 s idle, and waits until it has
 * stopped. DevTools' ServiceWorker domain, used from one of the extension's own pages, reaches it.
 */
export async function stopServiceWorker(browser: LaunchedBrowser): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const cdp = await browser.context.newCDPSession(page);
  let stopped!: () => void;
  const done = new Promise<void>((resolve) => (stopped = resolve));
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    if (versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'stopped')) stopped();
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await done;
  await cdp.detach();
  await page.close();
}
