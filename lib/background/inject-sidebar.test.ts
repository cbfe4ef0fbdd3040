import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { crmScriptFor, injectIntoCrmTabs, injectSidebar, isCrmPage } from './inject-sidebar';
import { SIDEBAR_PING } from '../crm-hosts';

describe('isCrmPage', () => {
  it('accepts Lightning pages, sandboxes included, and nothing else', () => {
    expect(isCrmPage('https://acme.lightning.force.com/lightning/r/Account/001Dn00000iNTchIAG/view')).toBe(true);
    expect(isCrmPage('https://acme--uat.sandbox.lightning.force.com/lightning/o/Account/list')).toBe(true);
    expect(isCrmPage('http://acme.lightning.force.com/lightning/page/home')).toBe(false);
    expect(isCrmPage('https://lightning.force.com.evil.example/lightning/r/Account/001/view')).toBe(false);
    expect(isCrmPage(undefined)).toBe(false);
  });

  it('picks each CRM’s own script by the page’s host', () => {
    expect(crmScriptFor('https://acme.lightning.force.com/lightning/r/Account/001Dn00000iNTchIAG/view')).toBe('salesforce-lightning');
    expect(crmScriptFor('https://acme.my.salesforce.com/001Dn00000iNTch')).toBe('salesforce-classic');
    expect(crmScriptFor('https://acme--uat.sandbox.my.salesforce.com/001Dn00000iNTch')).toBe('salesforce-classic');
    expect(crmScriptFor('https://na123.salesforce.com/001Dn00000iNTch')).toBeNull();
    expect(crmScriptFor('https://example.com/')).toBeNull();
    expect(crmScriptFor('not a url')).toBeNull();
  });
});

/** The tab's content script, as the background sees it: answering the ping, or not there. */
function tabWithScript(answers: boolean) {
  const sendMessage = vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(async () => {
    if (answers) return true;
    throw new Error('Could not establish connection. Receiving end does not exist.');
  });
  const executeScript = vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([] as never);
  return { sendMessage, executeScript };
}

describe('injectSidebar', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('asks the script in the top frame, and leaves a tab where it answers alone', async () => {
    const { sendMessage, executeScript } = tabWithScript(true);
    expect(await injectSidebar(7, 'salesforce-lightning')).toBe(false);
    expect(sendMessage).toHaveBeenCalledWith(7, SIDEBAR_PING, { frameId: 0 });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('injects when nobody answers: a script that ended leaves nothing behind that does', async () => {
    const { executeScript } = tabWithScript(false);
    expect(await injectSidebar(7, 'salesforce-lightning')).toBe(true);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/content-scripts/salesforce-lightning.js'] });
  });

  it('does not trust anything but a real answer', async () => {
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ type: 'sidebar.ping' } as never);
    const executeScript = vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([] as never);
    expect(await injectSidebar(7, 'salesforce-lightning')).toBe(true);
    expect(executeScript).toHaveBeenCalledTimes(1);
  });

  it('injects once when asked twice at the same time', async () => {
    const { executeScript } = tabWithScript(false);
    expect(await Promise.all([injectSidebar(7, 'salesforce-lightning'), injectSidebar(7, 'salesforce-lightning')])).toEqual([true, false]);
    expect(executeScript).toHaveBeenCalledTimes(1);
  });

  it('a tab that went away is nothing to do', async () => {
    tabWithScript(false).executeScript.mockRejectedValue(new Error('No tab with id: 7'));
    expect(await injectSidebar(7, 'salesforce-lightning')).toBe(false);
  });
});

describe('injectIntoCrmTabs', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  const crmUrl = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000iNTchIAG/view';

  it('injects into a CRM tab once it has loaded, and after single-page navigation when the script is gone', async () => {
    const { sendMessage, executeScript } = tabWithScript(false);
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([] as never);
    vi.spyOn(browser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
    injectIntoCrmTabs();
    const tab = { id: 3, url: crmUrl, status: 'complete' } as Parameters<Parameters<typeof browser.tabs.onUpdated.addListener>[0]>[2];
    // Still loading: not yet (the CRM's page load pays nothing).
    await fakeBrowser.tabs.onUpdated.trigger(3, { status: 'loading', url: crmUrl }, { ...tab, status: 'loading' });
    expect(sendMessage).not.toHaveBeenCalled();
    // Loaded: a new document, where no script runs yet: injected without asking.
    await fakeBrowser.tabs.onUpdated.trigger(3, { status: 'complete' }, tab);
    await vi.waitFor(() => expect(executeScript).toHaveBeenCalledTimes(1));
    expect(sendMessage).not.toHaveBeenCalled();
    // A single-page navigation in the loaded tab: asked; nobody answers, so injected again.
    await fakeBrowser.tabs.onUpdated.trigger(3, { url: `${crmUrl}?x=1` }, { ...tab, url: `${crmUrl}?x=1` });
    await vi.waitFor(() => expect(executeScript).toHaveBeenCalledTimes(2));
    expect(sendMessage).toHaveBeenCalledTimes(1);
    // Other sites: never.
    await fakeBrowser.tabs.onUpdated.trigger(4, { status: 'complete' }, { ...tab, id: 4, url: 'https://example.com/' });
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(executeScript).toHaveBeenCalledTimes(2);
  });
});
