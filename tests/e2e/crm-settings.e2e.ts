import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { GLOBEX, hubspotCompanyUrl, hubspotData, launchBrowser, openAccount, recordSidebarHosts, sidebar, sidebarHostsAddedOn, type LaunchedBrowser } from './harness';

// A CRM interface turned off in the settings page (the CRMs section): its open tabs lose the
// sidebar at once and get none after a reload; turned on again, the open tab gets it back at once,
// without a reload. On the sample HubSpot portal under https://app.hubspot.com.

const data = hubspotData();
const [UMBRELLA] = data.companies;
if (!UMBRELLA) throw new Error('companies.json needs a company');
const umbrellaName = UMBRELLA.properties[0]?.[2] ?? '';

describe('turning a CRM off and on in the settings', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser({ locale: 'en-US' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The HubSpot row of the settings page's CRMs section. */
  const hubspotRow = (options: Page) => options.locator('[data-testid="crm-interface"][data-crm="hubspot"]');
  /** Waits until the row's status reads `text` as shown, and returns what the switch says. */
  async function statusShown(options: Page, text: string): Promise<boolean> {
    await hubspotRow(options).getByTestId('crm-interface-status').filter({ hasText: new RegExp(`^${text}$`) }).waitFor();
    return hubspotRow(options).getByRole('switch', { name: 'HubSpot', exact: true }).isChecked();
  }

  it('removes the sidebar from an open HubSpot tab at once, shows none after a reload, and brings it back when turned on', async () => {
    const page = await browser.context.newPage();
    await recordSidebarHosts(page);
    await page.goto(hubspotCompanyUrl(UMBRELLA.id));
    await sidebar(page).getByTestId('sidebar-account-name').filter({ hasText: umbrellaName }).waitFor();

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // Every CRM interface is listed by name, on by default (the statuses come once the browser said
    // whether the extension may read each one's hosts).
    await options.locator('[data-testid="crm-interface"][data-status]').nth(3).waitFor();
    const names = await options.getByTestId('crm-interface').locator('label').allTextContents();
    expect(names).toEqual(['Salesforce Lightning', 'Salesforce Classic', 'HubSpot', 'Microsoft Dynamics 365']);
    expect(await options.getByTestId('crm-interface-status').allTextContents()).toEqual(['On', 'On', 'On', 'On']);
    expect(await statusShown(options, 'On')).toBe(true);
    expect(await hubspotRow(options).textContent()).toContain('*.hubspot.com');

    // Off, with the mouse: the open HubSpot tab loses its sidebar without a reload.
    await hubspotRow(options).getByRole('switch', { name: 'HubSpot', exact: true }).click();
    expect(await statusShown(options, 'Off')).toBe(false);
    await page.locator('adoption-sidebar-host').waitFor({ state: 'detached' });
    expect(await page.locator('adoption-sidebar-host').count()).toBe(0);

    // A reload gets no sidebar. The positive signal that the background has had its turn: a
    // Salesforce tab loaded after it gets its sidebar through the same injection path.
    await page.reload();
    await page.waitForFunction(() => Reflect.get(window, '__sampleFieldsRenderedAt') !== undefined);
    await page.waitForFunction(() => document.readyState === 'complete');
    await openAccount(browser.context, GLOBEX.id);
    expect(await sidebarHostsAddedOn(page)).toEqual([]);
    expect(await page.locator('adoption-sidebar-host').count()).toBe(0);
    // The other CRMs stay on.
    expect(await options.locator('[data-testid="crm-interface"][data-crm="salesforce-lightning"]').getAttribute('data-status')).toBe('on');

    // On again, from the keyboard: the open tab gets its sidebar back without a reload.
    await options.bringToFront();
    await hubspotRow(options).getByRole('switch', { name: 'HubSpot', exact: true }).focus();
    await options.keyboard.press('Space');
    expect(await statusShown(options, 'On')).toBe(true);
    await sidebar(page).getByTestId('sidebar-account-name').filter({ hasText: umbrellaName }).waitFor();
    expect(await page.locator('adoption-sidebar-host').count()).toBe(1);
    // Exactly one sidebar was ever made on the reloaded page: the one the switch brought.
    expect(await sidebarHostsAddedOn(page)).toHaveLength(1);

    // The switch is stored: a settings page opened afresh says the same.
    await options.reload();
    expect(await statusShown(options, 'On')).toBe(true);
  });
});
