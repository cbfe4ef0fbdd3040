import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { injectIntoOpenTaughtTabs } from './inject-taught';
import { SiteRegistry } from './site-registry';
import type { SiteDefinition } from '../model/site-definition';

/** A registry whose store read is watched: it stands for opening the database. */
function registry() {
  const read = vi.fn(async (): Promise<SiteDefinition[]> => []);
  return { sites: new SiteRegistry(read), read };
}

describe('taught tabs when the worker starts', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('reads no definition while no tab of a permitted, non-CRM https host is open', async () => {
    const { sites, read } = registry();
    const query = vi.spyOn(browser.tabs, 'query').mockResolvedValue([
      { id: 1, url: 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000iNTchIAG/view', status: 'complete' },
      { id: 2, url: 'https://example.com/', status: 'complete' },
    ] as never);
    vi.spyOn(browser.permissions, 'contains').mockImplementation(async () => false);
    await injectIntoOpenTaughtTabs(sites);
    expect(query).toHaveBeenCalledWith({ url: ['https://*/*'] });
    expect(read).not.toHaveBeenCalled();
  });

  it('looks at the open tabs of a permitted host', async () => {
    const { sites, read } = registry();
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 2, url: 'https://acme.cybozu.com/k/12/show#record=345', status: 'complete' }] as never);
    vi.spyOn(browser.permissions, 'contains').mockImplementation(async () => true);
    await injectIntoOpenTaughtTabs(sites);
    expect(read).toHaveBeenCalledTimes(1);
  });
});
