import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accountName, GLOBEX, INITECH, launchBrowser, logNote, openAccount, sidebar, type LaunchedBrowser } from './harness';
import { FRAME_HOLDS_INPUT } from '../../lib/messaging/sidebar-frame';
import { RELEASE_STORAGE_KEY } from '../../lib/content/background-release';

/**
 * A CRM tab left in the background gives its sidebar's memory back after a wait (five minutes by
 * default, set to half a second here through its storage key), and the sidebar comes back when the
 * tab is shown. Headless Chromium keeps every page "visible", so these tabs go to the background
 * the way a CSM's do in a window: another tab of the window is activated (Playwright's pages are
 * tabs of one window), which the background tells the tabs' scripts.
 */

const hostsOn = (page: Page) => page.evaluate(() => document.querySelectorAll('adoption-sidebar-host').length);

describe('a tab left in the background', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
    const [worker] = browser.context.serviceWorkers();
    // In the extension's worker, where `chrome` is the extension API.
    type StorageArea = { set(items: Record<string, unknown>): Promise<void> };
    await worker!.evaluate(([key, ms]) => (Reflect.get(globalThis, 'chrome') as { storage: { local: StorageArea } }).storage.local.set({ [key]: ms }), [RELEASE_STORAGE_KEY, 500] as const);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('takes its sidebar off the page after the wait, and shows it again, notes and all, when the tab is shown', async () => {
    const page = await openAccount(browser.context, GLOBEX.id);
    await logNote(page, 'Renewal call booked for March');
    const other = await browser.context.newPage();
    await page.waitForFunction(() => document.querySelectorAll('adoption-sidebar-host').length === 0);

    await page.bringToFront();
    const frame = sidebar(page);
    await frame.getByTestId('sidebar-account-name').filter({ hasText: accountName(GLOBEX) }).waitFor();
    await frame.getByTestId('timeline-entry').filter({ hasText: 'Renewal call booked for March' }).waitFor();
    await frame.locator('[data-testid="sidebar-field"][data-field="Name"]').waitFor();
    expect(await hostsOn(page)).toBe(1);
    await other.close();
    await page.close();
  });

  it('keeps the sidebar of a tab whose quick log holds half-typed text, and the text', async () => {
    const page = await openAccount(browser.context, INITECH.id);
    const frame = sidebar(page);
    await frame.getByTestId('quick-log-open').click();
    await frame.getByTestId('quick-log-text').fill('Half-typed: champion may leave');
    // The frame's answer to the content script's question reaches the page's window too.
    await page.evaluate((holds) => {
      window.addEventListener('message', (event) => {
        if ((event.data as { type?: unknown } | null)?.type === holds) Reflect.set(window, '__sidebarKept', true);
      });
    }, FRAME_HOLDS_INPUT);
    const other = await browser.context.newPage();
    await page.waitForFunction(() => Reflect.get(window, '__sidebarKept') === true);
    expect(await hostsOn(page)).toBe(1);

    await page.bringToFront();
    expect(await frame.getByTestId('quick-log-text').inputValue()).toBe('Half-typed: champion may leave');
    await other.close();
    await page.close();
  });
});
