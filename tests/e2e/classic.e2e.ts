import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactId } from '../fixtures/classic-site/render.mjs';
import {
  accountName,
  classicAccountUrl,
  contentScriptSettled,
  GLOBEX,
  INITECH,
  launchBrowser,
  logNote,
  openAccount,
  recordSidebarHosts,
  SAMPLE_SHOJI,
  sampleAccountKey,
  shownFields,
  sidebar,
  sidebarHostsAddedOn,
  type LaunchedBrowser,
} from './harness';

// Salesforce Classic detail pages of the sample accounts (tests/fixtures/classic-site), served
// under https://acme.my.salesforce.com, the same org as the sample Lightning site.

describe('the extension on Salesforce Classic', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the account’s fields, standard ones keyed by the API name Lightning shows', async () => {
    const page = await browser.context.newPage();
    await page.goto(classicAccountUrl(GLOBEX.id));
    const frame = sidebar(page);
    await frame.getByTestId('sidebar-account-name').filter({ hasText: accountName(GLOBEX) }).waitFor();
    await frame.locator(`main.sidebar[data-account="${sampleAccountKey(GLOBEX.id)}"]`).waitFor();
    const fields = await shownFields(page);
    expect(fields).toMatchObject({ Name: 'Globex Corporation', Industry: 'Manufacturing', AnnualRevenue: '$12,000,000', Website: 'https://www.globex.example', 'Customer Tier': 'Gold', 'Account Owner': 'Kim Sato' });
    expect(Object.keys(fields)).toHaveLength(GLOBEX.fields.length);
    await page.close();
  });

  it('reads a Japanese Classic page by the same keys', async () => {
    const page = await browser.context.newPage();
    await page.goto(classicAccountUrl(SAMPLE_SHOJI.id));
    await sidebar(page).getByTestId('sidebar-account-name').filter({ hasText: accountName(SAMPLE_SHOJI) }).waitFor();
    expect(await shownFields(page)).toMatchObject({ Name: accountName(SAMPLE_SHOJI), Industry: SAMPLE_SHOJI.fields.find((f) => f[0] === 'Industry')?.[2] });
    await page.close();
  });

  it('a note logged on the Lightning page of a record is there on its Classic page, and the other way round', async () => {
    const lightning = await openAccount(browser.context, INITECH.id);
    const fromLightning = `Logged in Lightning ${Date.now()}`;
    await logNote(lightning, fromLightning);
    await lightning.close();

    const classic = await browser.context.newPage();
    await classic.goto(classicAccountUrl(INITECH.id));
    const frame = sidebar(classic);
    await frame.getByTestId('sidebar-account-name').filter({ hasText: accountName(INITECH) }).waitFor();
    await frame.getByTestId('timeline-entry').filter({ hasText: fromLightning }).waitFor();
    const fromClassic = `Logged in Classic ${Date.now()}`;
    await logNote(classic, fromClassic);
    // Still there after the page loads again.
    await classic.reload();
    await frame.getByTestId('timeline-entry').filter({ hasText: fromClassic }).waitFor();
    await classic.close();

    const back = await openAccount(browser.context, INITECH.id);
    await sidebar(back).getByTestId('timeline-entry').filter({ hasText: fromClassic }).waitFor();
    await back.close();
  });

  it('a sandbox page of the same record is another org’s account: production’s notes stay out', async () => {
    const prod = await browser.context.newPage();
    await prod.goto(classicAccountUrl(GLOBEX.id));
    const note = `Production only ${Date.now()}`;
    await sidebar(prod).getByTestId('sidebar-account-name').filter({ hasText: accountName(GLOBEX) }).waitFor();
    await logNote(prod, note);
    await prod.close();

    const sandbox = await browser.context.newPage();
    await sandbox.goto(classicAccountUrl(GLOBEX.id, 'acme--uat.sandbox.my.salesforce.com'));
    const frame = sidebar(sandbox);
    await frame.locator(`main.sidebar[data-account="${sampleAccountKey(GLOBEX.id, 'acme--uat.sandbox.my.salesforce.com')}"]`).waitFor();
    expect(sampleAccountKey(GLOBEX.id, 'acme--uat.sandbox.my.salesforce.com')).toBe(`salesforce:acme--uat:${GLOBEX.id}`);
    await frame.getByTestId('sidebar-account-name').filter({ hasText: accountName(GLOBEX) }).waitFor();
    expect(await frame.getByTestId('timeline-entry').filter({ hasText: note }).count()).toBe(0);
    await sandbox.close();
  });

  it('adds no sidebar to edit pages, other objects or list views', async () => {
    const page = await browser.context.newPage();
    await recordSidebarHosts(page);
    for (const path of [`/${GLOBEX.id.slice(0, 15)}/e`, `/${contactId(0, 0)}`, '/001/o']) {
      await page.goto(`https://acme.my.salesforce.com${path}`);
      await contentScriptSettled(browser, page);
      expect(await page.locator('adoption-sidebar-host').count(), path).toBe(0);
      expect(await sidebarHostsAddedOn(page), path).toEqual([]);
    }
    await page.close();
  });
});
