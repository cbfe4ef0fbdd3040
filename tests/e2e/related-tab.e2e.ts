// Lightning's Related tab shows only the highlights panel, whose fields carry no API name. On the
// sample Lightning site (tests/fixtures/lightning-site: Related / Details / News tabs; records
// open on Related when localStorage.sampleRecordTab is 'related', as an org may choose).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accountName, accountUrl, fieldValue, GLOBEX, INITECH, launchBrowser, sidebar, type LaunchedBrowser, type SampleAccount } from './harness';

const field = (page: Page, key: string) => sidebar(page).locator(`[data-testid="sidebar-field"][data-field="${key}"]`);
const openTab = (page: Page, tab: 'related' | 'details') => page.locator(`.oneContent.active [data-sample-tab="${tab}"]`).click();

/** Opens the account in a new tab, on the Related tab when `related`, and waits for its sidebar. */
async function openOn(browser: LaunchedBrowser, account: SampleAccount, related: boolean): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript((tab) => localStorage.setItem('sampleRecordTab', tab), related ? 'related' : 'details');
  await page.goto(accountUrl(account.id));
  await sidebar(page).getByTestId('sidebar-account-name').filter({ hasText: accountName(account) }).waitFor();
  return page;
}

/** Nothing reported as changed: the sidebar's overview (and with it its offers) has rendered, and shows none. */
async function expectNoChangeReported(page: Page): Promise<void> {
  await sidebar(page).getByTestId('goal-add').waitFor();
  expect(await sidebar(page).getByTestId('offer-stakeholder-change').count()).toBe(0);
  expect(await sidebar(page).getByTestId('field-change').count()).toBe(0);
}

describe('an account opened on its Related tab', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('after its Details tab was seen: the owner is OwnerId, the other fields as last read, nothing changed', async () => {
    const details = await openOn(browser, INITECH, false);
    await field(details, 'OwnerId').filter({ hasText: fieldValue(INITECH, 'OwnerId') }).waitFor();
    await details.close();

    const page = await openOn(browser, INITECH, true);
    // The Related tab's reading: the highlights under the Details tab's keys, the rest as last read.
    await sidebar(page).locator('[data-testid="sidebar-field"][data-field="OwnerId"][data-on-page="true"]').waitFor();
    expect(await field(page, 'OwnerId').textContent()).toBe(fieldValue(INITECH, 'OwnerId'));
    expect(await field(page, 'Account Owner').count()).toBe(0);
    expect(await field(page, 'Customer_Tier__c').getAttribute('data-on-page')).toBe('false');
    expect(await field(page, 'Customer_Tier__c').textContent()).toBe(fieldValue(INITECH, 'Customer_Tier__c'));
    await expectNoChangeReported(page);

    // Switching to Details and back on the page (no navigation) keeps one key per field, reporting nothing.
    await openTab(page, 'details');
    await sidebar(page).locator('[data-testid="sidebar-field"][data-field="Customer_Tier__c"][data-on-page="true"]').waitFor();
    await openTab(page, 'related');
    await sidebar(page).locator('[data-testid="sidebar-field"][data-field="Customer_Tier__c"][data-on-page="false"]').waitFor();
    expect(await field(page, 'OwnerId').count()).toBe(1);
    expect(await field(page, 'Account Owner').count()).toBe(0);
    await expectNoChangeReported(page);
    await page.close();
  });

  it('still reports the owner when the Related tab shows another one', async () => {
    const page = await openOn(browser, INITECH, true);
    await page.evaluate((id) => localStorage.setItem('sampleFieldOverrides', JSON.stringify({ [id]: { OwnerId: 'Alex Moreno' } })), INITECH.id);
    await page.reload();
    await sidebar(page).locator('[data-testid="offer-stakeholder-change"][data-field="OwnerId"]').waitFor();
    expect(await field(page, 'OwnerId').textContent()).toBe('Alex Moreno');
    await page.evaluate(() => localStorage.removeItem('sampleFieldOverrides'));
    await page.close();
  });
});

describe('an account opened on its Related tab in a fresh profile', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keys fields by label until a Details tab of the org is opened, then by API name', async () => {
    const page = await openOn(browser, GLOBEX, true);
    await field(page, 'Account Owner').filter({ hasText: fieldValue(GLOBEX, 'OwnerId') }).waitFor();
    expect(await field(page, 'OwnerId').count()).toBe(0);

    await openTab(page, 'details');
    await field(page, 'OwnerId').filter({ hasText: fieldValue(GLOBEX, 'OwnerId') }).waitFor();
    await expect.poll(() => field(page, 'Account Owner').count()).toBe(0);

    // The next visit opens on Related again: the owner keeps its API name, and nothing changed.
    await page.reload();
    await sidebar(page).locator('[data-testid="sidebar-field"][data-field="OwnerId"][data-on-page="true"]').waitFor();
    await sidebar(page).locator('[data-testid="sidebar-field"][data-field="Name"][data-on-page="false"]').waitFor();
    expect(await field(page, 'Account Owner').count()).toBe(0);
    await expectNoChangeReported(page);
    await page.close();
  });
});
