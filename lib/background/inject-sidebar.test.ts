import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { crmInterfaceSwitched, injectIntoCrmTabs, injectSidebar } from './inject-sidebar';
import { ALL_CRM_INTERFACES_ON, CrmInterfaces } from '../model/crm-interfaces';
import { SIDEBAR_PING } from '../crm-hosts';

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
    const injecting = vi.fn();
    injectIntoCrmTabs(async () => ALL_CRM_INTERFACES_ON, injecting);
    const tab = { id: 3, url: crmUrl, status: 'complete' } as Parameters<Parameters<typeof browser.tabs.onUpdated.addListener>[0]>[2];
    // Still loading: not yet (the CRM's page load pays nothing).
    await fakeBrowser.tabs.onUpdated.trigger(3, { status: 'loading', url: crmUrl }, { ...tab, status: 'loading' });
    expect(sendMessage).not.toHaveBeenCalled();
    // Loaded: a new document, where no script runs yet: injected without asking, and the worker
    // told, so it gets ready for the script's first message.
    await fakeBrowser.tabs.onUpdated.trigger(3, { status: 'complete' }, tab);
    await vi.waitFor(() => expect(executeScript).toHaveBeenCalledTimes(1));
    expect(sendMessage).not.toHaveBeenCalled();
    expect(injecting).toHaveBeenCalledTimes(1);
    // A single-page navigation in the loaded tab: asked; nobody answers, so injected again.
    await fakeBrowser.tabs.onUpdated.trigger(3, { url: `${crmUrl}?x=1` }, { ...tab, url: `${crmUrl}?x=1` });
    await vi.waitFor(() => expect(executeScript).toHaveBeenCalledTimes(2));
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(injecting).toHaveBeenCalledTimes(1);
    // Other sites: never.
    await fakeBrowser.tabs.onUpdated.trigger(4, { status: 'complete' }, { ...tab, id: 4, url: 'https://example.com/' });
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(executeScript).toHaveBeenCalledTimes(2);
    expect(injecting).toHaveBeenCalledTimes(1);
  });
});

describe('CRM interfaces turned off', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  type Tab = Parameters<Parameters<typeof browser.tabs.onUpdated.addListener>[0]>[2];
  const hubspotUrl = 'https://app.hubspot.com/contacts/4242/record/0-2/1001';
  const lightningUrl = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000iNTchIAG/view';
  const hubspotOff = CrmInterfaces.parse({ hubspot: false });

  it('a loaded tab of an interface turned off gets no script; another CRM’s tab still does', async () => {
    const { sendMessage, executeScript } = tabWithScript(false);
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([] as never);
    injectIntoCrmTabs(async () => hubspotOff);
    const tab = { id: 3, url: hubspotUrl, status: 'complete' } as Tab;
    await fakeBrowser.tabs.onUpdated.trigger(3, { status: 'complete' }, tab);
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'complete' }, { ...tab, id: 5, url: lightningUrl });
    await vi.waitFor(() => expect(executeScript).toHaveBeenCalledTimes(1));
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 5 }, files: ['/content-scripts/salesforce-lightning.js'] });
    expect(sendMessage).not.toHaveBeenCalledWith(3, expect.anything(), expect.anything());
  });

  it('reads the switches for CRM pages only: loading or switching to another tab never opens the store', async () => {
    tabWithScript(false);
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([] as never);
    vi.spyOn(browser.tabs, 'get').mockImplementation(async (tabId) => ({ id: tabId, url: 'chrome-extension://abc/brief.html', status: 'complete' }) as never);
    const interfacesNow = vi.fn(async () => ALL_CRM_INTERFACES_ON);
    injectIntoCrmTabs(interfacesNow);
    const tab = { id: 6, url: 'chrome-extension://abc/brief.html', status: 'complete' } as Tab;
    await fakeBrowser.tabs.onUpdated.trigger(6, { status: 'complete' }, tab);
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'complete' }, { ...tab, id: 7, url: 'https://example.com/' });
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 6, windowId: 1 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(interfacesNow).not.toHaveBeenCalled();
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'complete' }, { ...tab, id: 5, url: lightningUrl });
    await vi.waitFor(() => expect(interfacesNow).toHaveBeenCalledTimes(1));
  });

  it('turned off: each open tab of that CRM is told to end its sidebar; turned on: loaded tabs get the script again', async () => {
    const { sendMessage, executeScript } = tabWithScript(false);
    const query = vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 3 }, { id: 4 }] as never);
    await crmInterfaceSwitched('hubspot', false, async () => hubspotOff);
    expect(query).toHaveBeenCalledWith({ url: ['https://*.hubspot.com/*'] });
    expect(sendMessage).toHaveBeenCalledWith(3, { type: 'sidebar.end' }, { frameId: 0 });
    expect(sendMessage).toHaveBeenCalledWith(4, { type: 'sidebar.end' }, { frameId: 0 });
    expect(executeScript).not.toHaveBeenCalled();

    vi.spyOn(browser.tabs, 'get').mockImplementation(async (tabId) => ({ id: tabId, url: hubspotUrl, status: 'complete' }) as never);
    await crmInterfaceSwitched('hubspot', true, async () => ALL_CRM_INTERFACES_ON);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 3 }, files: ['/content-scripts/hubspot.js'] });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 4 }, files: ['/content-scripts/hubspot.js'] });
  });
});
