import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentScriptSettled, dynamicsAccountUrl, dynamicsData, launchBrowser, logNote, recordSidebarHosts, shownFields, sidebar, sidebarHostsAddedOn, type LaunchedBrowser } from './harness';

// The sample Dynamics 365 org (tests/fixtures/dynamics-site) under https://contoso.crm4.dynamics.com:
// account forms opened by changing the record id in the address, rendered in place.

const data = dynamicsData();
const [CONTOSO, FABRIKAM, SHOJI] = data.accounts;
if (!CONTOSO || !FABRIKAM || !SHOJI) throw new Error('accounts.json needs three accounts');
type Account = typeof CONTOSO;
/** One value per logical name: the form body's, then the header's, then the process bar's. */
const expected = (a: Account) => ({ ...Object.fromEntries([...a.process, ...a.header, ...a.body].map(([key, , value]) => [key, value])), industrycode: a.industry[1] });
const keyOf = (a: Account, host = 'contoso.crm4.dynamics.com') => `dynamics:${host}:${a.id.toLowerCase()}`;

describe('the extension on Dynamics 365 account forms', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows each field once by logical name, header and process bar duplicates folded into one', async () => {
    const page = await browser.context.newPage();
    await page.goto(dynamicsAccountUrl(CONTOSO.id));
    const frame = sidebar(page);
    await frame.getByTestId('sidebar-account-name').filter({ hasText: CONTOSO.name }).waitFor();
    await frame.locator(`main.sidebar[data-account="${keyOf(CONTOSO)}"]`).waitFor();
    expect(await shownFields(page)).toEqual(expected(CONTOSO));
    expect(await frame.locator('[data-testid="sidebar-field"][data-field="telephone1"]').count()).toBe(1);
    await page.close();
  });

  it('follows the record id changing without a page load, and adds no sidebar to a contact or a view', async () => {
    const page = await browser.context.newPage();
    await recordSidebarHosts(page);
    await page.goto(dynamicsAccountUrl(CONTOSO.id));
    const frame = sidebar(page);
    await frame.getByTestId('sidebar-account-name').filter({ hasText: CONTOSO.name }).waitFor();
    await page.click(`#topBar a[href*="id=${FABRIKAM.id}"]`);
    await frame.locator(`main.sidebar[data-account="${keyOf(FABRIKAM)}"]`).waitFor();
    await frame.getByTestId('sidebar-account-name').filter({ hasText: FABRIKAM.name }).waitFor();
    expect(await shownFields(page)).toEqual(expected(FABRIKAM));
    expect(await page.locator('adoption-sidebar-host').count()).toBe(1);
    await page.click(`#topBar a[href*="etn=contact"]`);
    await page.locator('adoption-sidebar-host').waitFor({ state: 'hidden' });
    await page.close();

    for (const address of [`https://contoso.crm4.dynamics.com/main.aspx?appid=${data.appId}&pagetype=entityrecord&etn=contact&id=${data.contact.id}`, `https://contoso.crm4.dynamics.com/main.aspx?appid=${data.appId}&pagetype=entitylist&etn=account`]) {
      const other = await browser.context.newPage();
      await recordSidebarHosts(other);
      await other.goto(address);
      await other.waitForFunction(() => Reflect.get(window, '__sampleFieldsRenderedAt') !== undefined);
      await contentScriptSettled(browser, other);
      expect(await sidebarHostsAddedOn(other), address).toEqual([]);
      await other.close();
    }
  });

  it('a note logged on an account is still there after a reload; a Japanese form in the Japan region reads by the same names', async () => {
    const page = await browser.context.newPage();
    await page.goto(dynamicsAccountUrl(FABRIKAM.id));
    await sidebar(page).getByTestId('sidebar-account-name').filter({ hasText: FABRIKAM.name }).waitFor();
    const note = `Dynamics call ${Date.now()}`;
    await logNote(page, note);
    await page.reload();
    await sidebar(page).getByTestId('timeline-entry').filter({ hasText: note }).waitFor();
    await page.close();

    const jp = await browser.context.newPage();
    await jp.goto(dynamicsAccountUrl(SHOJI.id, 'contoso-jp.crm7.dynamics.com'));
    await sidebar(jp).locator(`main.sidebar[data-account="${keyOf(SHOJI, 'contoso-jp.crm7.dynamics.com')}"]`).waitFor();
    await sidebar(jp).getByTestId('sidebar-account-name').filter({ hasText: SHOJI.name }).waitFor();
    expect(await shownFields(jp)).toEqual(expected(SHOJI));
    await jp.close();
  });
});
