/**
 * Taught sites end to end: a definition imported into a fresh profile shows the sidebar contract on
 * matching records of a kintone-like app (hash routing) and a table-based admin page, nothing on
 * other pages of the same hosts; a site that changed reports the field it lost instead of misreading
 * it; the teaching mode, started from the toolbar menu, makes a definition that works, and that
 * definition exported and imported into another fresh profile works there too.
 *
 * Host approval: the browser's prompt cannot be answered by a test, so each profile loads a copy
 * of the build whose manifest lists the sample hosts (scripts/lib/taught-sites.mjs; README).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchBrowser, sidebar, SIDEBAR_SELECTOR, shownFields, type LaunchedBrowser } from './harness';
import { ADMIN_HOST, KINTONE_HOST } from '../../scripts/lib/browser.mjs';
import { extensionWithHostsApproved } from '../../scripts/lib/taught-sites.mjs';
import { renderAdminPage } from '../fixtures/taught-sites/admin.mjs';

const KINTONE_DEFINITION = 'tests/fixtures/taught-sites/kintone-definition.json';
const ADMIN_DEFINITION = 'tests/fixtures/taught-sites/admin-definition.json';
const kintoneRecord = (id: string) => `https://${KINTONE_HOST}/k/12/show#record=${id}`;
const adminCustomer = (id: string) => `https://${ADMIN_HOST}/admin/customer.php?id=${id}`;

let open: LaunchedBrowser[] = [];
afterEach(async () => {
  await Promise.all(open.map((b) => b.close().catch(() => undefined)));
  open = [];
});

async function launch(hosts: string[] = [KINTONE_HOST, ADMIN_HOST]): Promise<LaunchedBrowser & { extensionId: string }> {
  const browser = await launchBrowser({ extensionDir: extensionWithHostsApproved(hosts) });
  open.push(browser);
  if (!browser.extensionId) throw new Error('no extension');
  return { ...browser, extensionId: browser.extensionId };
}

async function options(browser: { context: LaunchedBrowser['context']; extensionId: string }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  return page;
}

async function importDefinition(browser: { context: LaunchedBrowser['context']; extensionId: string }, file: string | { name: string; mimeType: string; buffer: Buffer }, host: string): Promise<void> {
  const page = await options(browser);
  await page.getByTestId('site-import').setInputFiles(file);
  await page.locator(`[data-testid="site-definition"][data-host="${host}"][data-status="active"]`).waitFor();
  await page.close();
}

/** Whether the page has the sidebar iframe (in its open shadow root), checked after the page has settled. */
async function hasSidebar(page: Page): Promise<boolean> {
  return (await page.locator(SIDEBAR_SELECTOR).count()) > 0;
}

function worker(browser: LaunchedBrowser): Worker {
  const found = browser.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!found) throw new Error('no service worker');
  return found;
}

/** The id of the first tab whose address matches (the worker sees it only on approved hosts), or null. */
async function tabIdOf(browser: LaunchedBrowser, pattern: string): Promise<number | null> {
  const id: unknown = await worker(browser).evaluate(`chrome.tabs.query({ url: ${JSON.stringify(pattern)} }).then((tabs) => tabs[0]?.id ?? null)`);
  return typeof id === 'number' ? id : null;
}

/** Whether the sidebar script runs in the tab at this address (it answers the background's ping). */
async function scriptAnswers(browser: LaunchedBrowser, url: string): Promise<boolean> {
  const id = await tabIdOf(browser, url);
  if (id === null) return false;
  return (await worker(browser).evaluate(`chrome.tabs.sendMessage(${id}, { type: 'sidebar.ping' }, { frameId: 0 }).catch(() => false)`)) === true;
}

describe('a taught site', () => {
  it('imported into a fresh profile, reads matching kintone records, follows hash navigation, and leaves the list view alone', async () => {
    const browser = await launch();
    await importDefinition(browser, KINTONE_DEFINITION, KINTONE_HOST);

    const page = await browser.context.newPage();
    await page.goto(kintoneRecord('345'));
    await expect.poll(() => sidebar(page).getByTestId('sidebar-account-name').textContent()).toBe('Globex Japan KK');
    await expect.poll(() => shownFields(page)).toEqual({ Plan: 'Enterprise', Seats: '250', Renewal: '2027-03-31' });

    // Another record is only a hash change: the sidebar follows.
    await page.getByTestId('next-record').click();
    await expect.poll(() => sidebar(page).getByTestId('sidebar-account-name').textContent()).toBe('Initech Asia');
    await expect.poll(() => shownFields(page)).toMatchObject({ Plan: 'Standard', Seats: '40' });

    // The list view of the same app is not a record: no sidebar.
    const list = await browser.context.newPage();
    await list.goto(`https://${KINTONE_HOST}/k/12/`);
    await list.locator('.recordlist-gaia').waitFor();
    // The script was injected (the host is taught and approved) and decided: it answers the ping.
    await expect.poll(() => scriptAnswers(browser, `https://${KINTONE_HOST}/k/12/`)).toBe(true);
    expect(await hasSidebar(list)).toBe(false);
  });

  it('on a table-based admin page: reads a customer, ignores the settings page, and reports a changed site instead of misreading it', async () => {
    const browser = await launch();
    await importDefinition(browser, ADMIN_DEFINITION, ADMIN_HOST);
    const page = await browser.context.newPage();
    await page.goto(adminCustomer('42'));
    await expect.poll(() => sidebar(page).getByTestId('sidebar-account-name').textContent()).toBe('Umbrella Holdings');
    await expect.poll(() => shownFields(page)).toEqual({ Plan: 'Business', MRR: '¥480,000', Region: 'Kanto' });

    // A page of the same host that is not a customer (it even has a "Plan" row): no sidebar.
    const settings = await browser.context.newPage();
    await settings.goto(`https://${ADMIN_HOST}/admin/settings.php`);
    await expect.poll(() => scriptAnswers(browser, `https://${ADMIN_HOST}/admin/settings.php`)).toBe(true);
    expect(await hasSidebar(settings)).toBe(false);
    await settings.close();

    // The site changed: "Plan" renamed "Contract" and moved; MRR lost its attribute; Region moved.
    await browser.context.route(`https://${ADMIN_HOST}/**`, (route) => {
      const url = new URL(route.request().url());
      const html = renderAdminPage(url.pathname, url.search, { changed: true });
      return html === null ? route.fulfill({ status: 404, body: '' }) : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    });
    await page.goto(adminCustomer('43'));
    await expect.poll(() => sidebar(page).getByTestId('sidebar-account-name').textContent()).toBe('Soylent Foods');
    const lost = sidebar(page).getByTestId('sidebar-lost-fields');
    await expect.poll(() => lost.getAttribute('data-fields')).toBe('Plan');
    // Found again by their labels, and never the Plan read from what now sits in its old row.
    await expect.poll(() => shownFields(page)).toEqual({ MRR: '¥60,000', Region: 'Kansai' });

    // Taught again from the sidebar: the panel shows what it lost; the CSM clicks where Plan is now.
    await sidebar(page).getByTestId('sidebar-reteach').click();
    await page.locator('[data-testid="teach-field"][data-field="Plan"][data-state="lost"] [data-testid="teach-field-reteach"]').click();
    await page.locator('td:text-is("Starter")').click();
    await expect(page.getByTestId('teach-field-name').inputValue()).resolves.toBe('Plan');
    await page.getByTestId('teach-field-confirm').click();
    await page.locator('[data-testid="teach-field"][data-field="Plan"][data-state="found"]').waitFor();
    await page.getByTestId('teach-save').click();
    await expect.poll(() => shownFields(page)).toEqual({ Plan: 'Starter', MRR: '¥60,000', Region: 'Kansai' });
    await expect(sidebar(page).getByTestId('sidebar-lost-fields').count()).resolves.toBe(0);
  });

  it('is taught from the toolbar menu on two sites, works at once, and its exported file works in another fresh profile', async () => {
    const browser = await launch();
    const teach = async (page: Page, urlPattern: string) => {
      const tabId = await tabIdOf(browser, urlPattern);
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
      await popup.getByTestId('popup-teach').click();
      await popup.getByTestId('popup-teaching').waitFor();
      await popup.close();
      await page.bringToFront();
      await page.getByTestId('teach-panel').waitFor();
    };
    const pick = async (page: Page, button: string, target: string) => {
      await page.getByTestId(button).click();
      await page.locator(target).click();
    };
    const keepField = async (page: Page, target: string, offered: string, name = offered) => {
      await pick(page, 'teach-add-field', target);
      await expect(page.getByTestId('teach-field-name').inputValue()).resolves.toBe(offered);
      await page.getByTestId('teach-field-name').fill(name);
      await page.getByTestId('teach-field-confirm').click();
      await page.locator(`[data-testid="teach-field"][data-field="${name}"][data-state="found"]`).waitFor();
    };

    // The table-based admin page.
    const admin = await browser.context.newPage();
    await admin.goto(adminCustomer('42'));
    await teach(admin, `https://${ADMIN_HOST}/*`);
    await expect(admin.locator('[data-testid="teach-part"][data-value="42"]').isChecked()).resolves.toBe(true);
    await pick(admin, 'teach-pick-name', '#customer-name');
    await expect.poll(() => admin.getByTestId('teach-name-value').textContent()).toBe('Umbrella Holdings');
    await keepField(admin, 'td:text-is("Business")', 'Plan');
    await keepField(admin, 'td:text-is("¥480,000")', 'MRR', 'Monthly revenue');
    await admin.getByTestId('teach-save').click();
    await admin.getByTestId('teach-panel').waitFor({ state: 'detached' });
    await expect.poll(() => sidebar(admin).getByTestId('sidebar-account-name').textContent()).toBe('Umbrella Holdings');
    await expect.poll(() => shownFields(admin)).toEqual({ Plan: 'Business', 'Monthly revenue': '¥480,000' });

    // The kintone-like app: app and record both identify the record.
    const kintone = await browser.context.newPage();
    await kintone.goto(kintoneRecord('345'));
    await kintone.locator('.record-gaia').waitFor();
    await teach(kintone, `https://${KINTONE_HOST}/*`);
    await expect(kintone.locator('[data-testid="teach-part"][data-value="12"]').isChecked()).resolves.toBe(true);
    await expect(kintone.locator('[data-testid="teach-part"][data-value="345"]').isChecked()).resolves.toBe(true);
    await pick(kintone, 'teach-pick-name', 'span:text-is("Globex Japan KK")');
    await keepField(kintone, 'span:text-is("Enterprise")', 'Plan');
    await keepField(kintone, 'span:text-is("Sato Hanako")', 'CSM owner');
    await kintone.getByTestId('teach-save').click();
    await expect.poll(() => sidebar(kintone).getByTestId('sidebar-account-name').textContent()).toBe('Globex Japan KK');
    await expect.poll(() => shownFields(kintone)).toEqual({ Plan: 'Enterprise', 'CSM owner': 'Sato Hanako' });

    // Exported from the settings page...
    const settings = await options(browser);
    const download = settings.waitForEvent('download');
    await settings.locator(`[data-testid="site-definition"][data-host="${ADMIN_HOST}"] [data-testid="site-export"]`).click();
    const file = await (await download).path();
    const exported = readFileSync(file);

    // ...and imported by a teammate into a fresh profile.
    const teammate = await launch();
    await importDefinition(teammate, { name: 'site.json', mimeType: 'application/json', buffer: exported }, ADMIN_HOST);
    const page = await teammate.context.newPage();
    await page.goto(adminCustomer('43'));
    await expect.poll(() => sidebar(page).getByTestId('sidebar-account-name').textContent()).toBe('Soylent Foods');
    await expect.poll(() => shownFields(page)).toEqual({ Plan: 'Starter', 'Monthly revenue': '¥60,000' });
  });

  it('imported for a host the user did not approve, waits and does nothing', async () => {
    const browser = await launch([]);
    const page = await options(browser);
    await page.getByTestId('site-import').setInputFiles(KINTONE_DEFINITION);
    await page.locator(`[data-testid="site-definition"][data-host="${KINTONE_HOST}"][data-status="waiting"]`).waitFor();
    const record = await browser.context.newPage();
    await record.goto(kintoneRecord('345'));
    await record.locator('.record-gaia').waitFor();
    // Without the host, the extension cannot even see the tab's address; nothing is injected.
    expect(await tabIdOf(browser, `https://${KINTONE_HOST}/*`)).toBe(null);
    expect(await hasSidebar(record)).toBe(false);
  });
});
