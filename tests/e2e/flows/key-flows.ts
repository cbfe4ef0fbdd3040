/**
 * The key flows, written once and run in Chromium and in Firefox (key-flows.*.e2e.ts): the sidebar
 * with the record's fields, single-page navigation, no sidebar elsewhere, a note kept after a
 * reload, Back and Forward (Firefox restores the page from its back/forward cache with the old
 * sidebar, whose port to the background is gone), and a tab in the background giving its sidebar
 * back and getting it again when brought to the front.
 */
import { expect, it } from 'vitest';
import { accountUrl, fieldValue, sampleData, type SampleAccount } from '../../../scripts/lib/browser.mjs';
import type { BrowserUnderTest, CrmTab } from './crm-tab';
import { RELEASE_STORAGE_KEY } from '../../../lib/content/background-release';

const data = sampleData();
const [GLOBEX, INITECH, , UMBRELLA] = data.accounts as [SampleAccount, SampleAccount, SampleAccount, SampleAccount];
const name = (account: SampleAccount) => fieldValue(account, 'Name');
const NAME = '[data-testid="sidebar-account-name"]';
const navLink = (account: SampleAccount) => `#nav a[href="/lightning/r/Account/${account.id}/view"]`;

async function logNote(tab: CrmTab, text: string): Promise<void> {
  if (!(await tab.sidebarHas('[data-testid="quick-log-text"]'))) await tab.clickInSidebar('[data-testid="quick-log-open"]');
  await tab.fillInSidebar('[data-testid="quick-log-text"]', text);
  await tab.clickInSidebar('[data-testid="quick-log-save"]');
  await tab.waitInSidebar('[data-testid="timeline-entry"][data-kind="interaction"]', text);
}

/** The flows, each in a new tab of the browser `browserUnderTest` gives (launched by the calling file, once). */
export function keyFlows(browserUnderTest: () => BrowserUnderTest): void {
  it('shows the account’s name and fields in the sidebar, one per field read', async () => {
    const tab = await browserUnderTest().newTab();
    await tab.goto(accountUrl(GLOBEX.id));
    await tab.waitInSidebar(NAME, name(GLOBEX));
    await tab.waitInSidebar('[data-testid="sidebar-field"][data-field="AnnualRevenue"]');
    const keys = await tab.sidebarAttributes('[data-testid="sidebar-field"]', 'data-field');
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['Name', 'Industry', 'AnnualRevenue', 'OwnerId', 'Executive_Sponsor__c']));
    await tab.waitInSidebar('[data-testid="sidebar-field"][data-field="Industry"]', fieldValue(GLOBEX, 'Industry'));
    await tab.close();
  });

  it('follows single-page navigation to another account', async () => {
    const tab = await browserUnderTest().newTab();
    await tab.goto(accountUrl(GLOBEX.id));
    await tab.waitInSidebar(NAME, name(GLOBEX));
    await tab.click(navLink(INITECH));
    await tab.waitInSidebar(NAME, name(INITECH));
    await tab.waitInSidebar('[data-testid="sidebar-field"][data-field="Industry"]', fieldValue(INITECH, 'Industry'));
    expect(await tab.hostsAddedOn()).toEqual([`/lightning/r/Account/${GLOBEX.id}/view`]);
    await tab.close();
  });

  it('adds no sidebar to an opportunity; the same page gets one once an account is opened', async () => {
    const tab = await browserUnderTest().newTab();
    await tab.goto(`https://acme.lightning.force.com/lightning/r/Opportunity/${data.opportunity.id}/view`);
    await tab.click(navLink(UMBRELLA));
    await tab.waitInSidebar(NAME, name(UMBRELLA));
    // The only host ever added to the page came with the account, none on the opportunity.
    expect(await tab.hostsAddedOn()).toEqual([`/lightning/r/Account/${UMBRELLA.id}/view`]);
    await tab.close();
  });

  it('hides the sidebar on an opportunity opened from an account, and shows the next account, not the opportunity', async () => {
    const tab = await browserUnderTest().newTab();
    await tab.goto(accountUrl(GLOBEX.id));
    await tab.waitInSidebar(NAME, name(GLOBEX));
    await tab.click(`#nav a[href="/lightning/r/Opportunity/${data.opportunity.id}/view"]`);
    await tab.waitSidebarHidden();
    // The opportunity stays on screen until the account renders: the sidebar must wait for the account.
    await tab.click(navLink(UMBRELLA));
    await tab.waitInSidebar(NAME, name(UMBRELLA));
    await tab.waitInSidebar('[data-testid="sidebar-field"][data-field="Industry"]', fieldValue(UMBRELLA, 'Industry'));
    await tab.close();
  });

  it('keeps a logged note after a reload', async () => {
    const tab = await browserUnderTest().newTab();
    const note = `Kept across a reload ${Date.now()}`;
    await tab.goto(accountUrl(GLOBEX.id));
    await tab.waitInSidebar(NAME, name(GLOBEX));
    await logNote(tab, note);
    await tab.reload();
    await tab.waitInSidebar(NAME, name(GLOBEX));
    await tab.waitInSidebar('[data-testid="timeline-entry"][data-kind="interaction"]', note);
    await tab.close();
  });

  it('after Back and Forward the sidebar shows the record on screen, saves, and follows the page', async () => {
    const tab = await browserUnderTest().newTab();
    await tab.goto(accountUrl(GLOBEX.id));
    await tab.waitInSidebar(NAME, name(GLOBEX));
    await tab.goto(accountUrl(INITECH.id));
    await tab.waitInSidebar(NAME, name(INITECH));

    await tab.back();
    await tab.waitInSidebar(NAME, name(GLOBEX));
    const note = `Saved after Back ${Date.now()}`;
    await logNote(tab, note);

    await tab.forward();
    await tab.waitInSidebar(NAME, name(INITECH));
    // What only a live sidebar can do: follow the page to another record (the view comes over its port).
    await tab.click(navLink(UMBRELLA));
    await tab.waitInSidebar(NAME, name(UMBRELLA));
    await tab.back();
    await tab.waitInSidebar(NAME, name(INITECH));

    await tab.back();
    await tab.waitInSidebar(NAME, name(GLOBEX));
    await tab.waitInSidebar('[data-testid="timeline-entry"][data-kind="interaction"]', note);
    await tab.click(navLink(UMBRELLA));
    await tab.waitInSidebar(NAME, name(UMBRELLA));
    await tab.close();
  });

  it('takes the sidebar of a tab in the background off the page after the wait, and shows it again, note and all, when the tab is brought back', async () => {
    const tab = await browserUnderTest().newTab();
    await tab.goto(accountUrl(UMBRELLA.id));
    await tab.waitInSidebar(NAME, name(UMBRELLA));
    // The wait is five minutes by default (lib/content/background-release.ts); half a second here.
    await tab.setExtensionStorage({ [RELEASE_STORAGE_KEY]: 500 });
    const note = `Logged before the tab went to the background ${Date.now()}`;
    await logNote(tab, note);

    // Another tab of the window opened and active: this one is in the background.
    const other = await browserUnderTest().newTab();
    await tab.waitSidebarGone();

    await tab.bringToFront();
    await tab.waitInSidebar(NAME, name(UMBRELLA));
    await tab.waitInSidebar('[data-testid="timeline-entry"][data-kind="interaction"]', note);
    expect(await tab.sidebarAttributes('[data-testid="sidebar-field"]', 'data-field')).toContain('Name');
    // Back to the default for the flows after this one.
    await tab.setExtensionStorage({ [RELEASE_STORAGE_KEY]: null });
    await other.close();
    await tab.close();
  });
}
