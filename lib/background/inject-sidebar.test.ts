import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { crmInterfaceSwitched, injectIntoOpenCrmTabs, injectSidebar } from './inject-sidebar';
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

describe('injectIntoOpenCrmTabs (whenever the worker starts)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('injects into each open CRM tab whose CRM interface is on, once it has loaded', async () => {
    const { executeScript } = tabWithScript(false);
    const query = vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 3 }, { id: 5 }] as never);
    const urls: Record<number, string> = { 3: 'https://app.hubspot.com/contacts/4242/record/0-2/1001', 5: 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000iNTchIAG/view' };
    vi.spyOn(browser.tabs, 'get').mockImplementation(async (tabId) => ({ id: tabId, url: urls[tabId], status: 'complete' }) as never);
    await injectIntoOpenCrmTabs(async () => CrmInterfaces.parse({ hubspot: false }));
    expect(query).toHaveBeenCalledWith({ url: expect.arrayContaining(['https://*.lightning.force.com/*', 'https://*.hubspot.com/*']) });
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 5 }, files: ['/content-scripts/salesforce-lightning.js'] });
  });
});

describe('CRM interfaces turned off', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  const hubspotUrl = 'https://app.hubspot.com/contacts/4242/record/0-2/1001';
  const hubspotOff = CrmInterfaces.parse({ hubspot: false });

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
