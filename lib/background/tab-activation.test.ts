import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { tellWindowOfActivation } from './tab-activation';
import { CRM_MATCHES } from '../crm-hosts';

describe('tellWindowOfActivation', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('tells the activated tab it is shown and the other CRM tabs of its window that they are not', async () => {
    const query = vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 3 }, { id: 4 }, { id: 5 }, {}] as never);
    const ask = vi.fn(async () => undefined);
    await tellWindowOfActivation(5, 1, ask);
    expect(query).toHaveBeenCalledWith({ windowId: 1, active: false, url: [...CRM_MATCHES] });
    expect(ask.mock.calls).toEqual([
      [5, { type: 'tab.shown' }],
      [3, { type: 'tab.hidden' }],
      [4, { type: 'tab.hidden' }],
    ]);
  });

  it('still tells the activated tab when the window cannot be read', async () => {
    vi.spyOn(browser.tabs, 'query').mockRejectedValue(new Error('No window with id: 1.'));
    const ask = vi.fn(async () => undefined);
    await tellWindowOfActivation(5, 1, ask);
    expect(ask.mock.calls).toEqual([[5, { type: 'tab.shown' }]]);
  });
});
