/**
 * End-to-end harness: Chromium with the built extension (`npm run build` first) on the bundled
 * sample Salesforce Lightning site (tests/fixtures/lightning-site), served under the real
 * *.lightning.force.com URLs. Launching, routing and finding Chromium live in
 * scripts/lib/browser.mjs, shared with the demo and the benchmarks.
 */
import type { BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import {
  accountUrl,
  assertExtensionBuilt,
  EXTENSION_DIR,
  fieldValue,
  findChromium,
  launchBrowser,
  launchWithExtension,
  routeSampleSite,
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

export {
  accountUrl,
  assertExtensionBuilt,
  EXTENSION_DIR,
  fieldValue,
  findChromium,
  launchBrowser,
  launchWithExtension,
  routeSampleSite,
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
 * `frame.evaluate` and the like. Waits for it to attach (default 10 s).
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
  await sidebar(p).getByTestId('sidebar-account-name').filter({ hasText: name }).waitFor({ timeout: 15_000 });
  return p;
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
