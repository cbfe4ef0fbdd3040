import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentScriptSettled, hubspotCompanyUrl, hubspotData, launchBrowser, logNote, recordSidebarHosts, shownFields, sidebar, sidebarHostsAddedOn, type LaunchedBrowser } from './harness';

// The sample HubSpot portal (tests/fixtures/hubspot-site) under https://app.hubspot.com: company
// records rendered in place by single-page navigation, as HubSpot does.

const data = hubspotData();
const [UMBRELLA, WESKER, SHOJI] = data.companies;
if (!UMBRELLA || !WESKER || !SHOJI) throw new Error('companies.json needs three companies');
const nameOf = (c: typeof UMBRELLA) => c.properties[0]?.[2] ?? '';
const expected = (c: typeof UMBRELLA) => Object.fromEntries(c.properties.map(([key, , value]) => [key, value]));
const keyOf = (c: typeof UMBRELLA) => `hubspot:${data.portalId}:${c.id}`;

describe('the extension on HubSpot company records', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the company’s own properties by internal name, never the associated company’s', async () => {
    const page = await browser.context.newPage();
    await page.goto(hubspotCompanyUrl(UMBRELLA.id));
    const frame = sidebar(page);
    await frame.getByTestId('sidebar-account-name').filter({ hasText: nameOf(UMBRELLA) }).waitFor();
    await frame.locator(`main.sidebar[data-account="${keyOf(UMBRELLA)}"]`).waitFor();
    const fields = await shownFields(page);
    expect(fields).toMatchObject(expected(UMBRELLA));
    // The data highlight (label only) is the one other field; the association card is not read.
    expect(fields).toEqual({ ...expected(UMBRELLA), 'Create date': '04/02/2024' });
    await page.close();
  });

  it('follows single-page navigation to a second company with one sidebar, and none on a contact', async () => {
    const page = await browser.context.newPage();
    await recordSidebarHosts(page);
    await page.goto(hubspotCompanyUrl(UMBRELLA.id));
    const frame = sidebar(page);
    await frame.getByTestId('sidebar-account-name').filter({ hasText: nameOf(UMBRELLA) }).waitFor();
    await page.click(`#navbar a[href$="/record/0-2/${WESKER.id}"]`);
    await frame.locator(`main.sidebar[data-account="${keyOf(WESKER)}"]`).waitFor();
    await frame.getByTestId('sidebar-account-name').filter({ hasText: nameOf(WESKER) }).waitFor();
    expect(await shownFields(page)).toMatchObject(expected(WESKER));
    expect(await page.locator('adoption-sidebar-host').count()).toBe(1);
    // A contact record: the sidebar goes away.
    await page.click(`#navbar a[href$="/record/0-1/${data.contacts[0]?.id}"]`);
    await page.locator('adoption-sidebar-host').waitFor({ state: 'hidden' });
    await page.close();

    // Opened directly, a contact page never gets a sidebar.
    const contact = await browser.context.newPage();
    await recordSidebarHosts(contact);
    await contact.goto(`https://app.hubspot.com/contacts/${data.portalId}/record/0-1/${data.contacts[0]?.id}`);
    await contact.waitForFunction(() => Reflect.get(window, '__sampleFieldsRenderedAt') !== undefined);
    await contentScriptSettled(browser, contact);
    expect(await sidebarHostsAddedOn(contact)).toEqual([]);
    await contact.close();
  });

  it('a note logged on a company is still there after a reload; a Japanese company on the EU data centre reads by the same names', async () => {
    const page = await browser.context.newPage();
    await page.goto(hubspotCompanyUrl(WESKER.id));
    await sidebar(page).getByTestId('sidebar-account-name').filter({ hasText: nameOf(WESKER) }).waitFor();
    const note = `HubSpot call ${Date.now()}`;
    await logNote(page, note);
    await page.reload();
    await sidebar(page).getByTestId('timeline-entry').filter({ hasText: note }).waitFor();
    await page.close();

    const eu = await browser.context.newPage();
    await eu.goto(hubspotCompanyUrl(SHOJI.id, 'app-eu1.hubspot.com'));
    await sidebar(eu).getByTestId('sidebar-account-name').filter({ hasText: nameOf(SHOJI) }).waitFor();
    expect(await shownFields(eu)).toMatchObject(expected(SHOJI));
    await eu.close();
  });
});
