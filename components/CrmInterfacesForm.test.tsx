import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { browser } from 'wxt/browser';
import { createTranslator } from '@/lib/i18n';
import { CsmSettings } from '@/lib/model/settings';
import { CrmInterfaces } from '@/lib/model/crm-interfaces';
import { Request } from '@/lib/messaging/protocol';
import { I18nProvider } from './i18n';
import { CrmInterfacesForm } from './CrmInterfacesForm';

// The CRMs section against a mocked background (which validates each request as the real one
// does) and a browser whose site access the test grants and withdraws.

const request = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/client', () => ({ request }));

/** Hosts the browser lets the extension on, and the permission listeners the page added. */
let granted: Set<string>;
let listeners: { added: (() => void)[]; removed: (() => void)[] };

beforeEach(() => {
  granted = new Set(['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*', 'https://*.hubspot.com/*', 'https://*.dynamics.com/*']);
  listeners = { added: [], removed: [] };
  let interfaces = CrmInterfaces.parse({});
  request.mockImplementation(async (message: unknown) => {
    const parsed = Request.parse(message);
    if (parsed.type === 'settings.get') return { ...CsmSettings.parse({}), crmInterfaces: interfaces };
    if (parsed.type === 'crm.switch') return (interfaces = { ...interfaces, [parsed.script]: parsed.on });
    throw new Error(`unexpected ${parsed.type}`);
  });
  vi.spyOn(browser.permissions, 'contains').mockImplementation(async ({ origins }) => (origins ?? []).every((o) => granted.has(o)));
  vi.spyOn(browser.permissions.onAdded, 'addListener').mockImplementation((l) => void listeners.added.push(l as () => void));
  vi.spyOn(browser.permissions.onRemoved, 'addListener').mockImplementation((l) => void listeners.removed.push(l as () => void));
  vi.spyOn(browser.permissions.onAdded, 'removeListener').mockImplementation(() => undefined);
  vi.spyOn(browser.permissions.onRemoved, 'removeListener').mockImplementation(() => undefined);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  request.mockReset();
});

function renderForm(locale: 'en' | 'ja' = 'en') {
  render(
    <I18nProvider translator={createTranslator(locale)}>
      <CrmInterfacesForm />
    </I18nProvider>,
  );
}

const row = (crm: string) => {
  const found = document.querySelector<HTMLElement>(`[data-testid="crm-interface"][data-crm="${crm}"]`);
  if (!found) throw new Error(`no row for ${crm}`);
  return found;
};
const statusOf = (crm: string) => within(row(crm)).getByTestId('crm-interface-status').textContent;

describe('CrmInterfacesForm', () => {
  it('lists each CRM with its hosts and a labelled switch; turning one off says Off, and on again On', async () => {
    renderForm();
    await waitFor(() => expect(statusOf('dynamics')).toBe('On'));
    const hubspot = screen.getByRole<HTMLInputElement>('switch', { name: 'HubSpot' });
    expect(hubspot.checked).toBe(true);
    expect(within(row('hubspot')).getByText(/app-eu1/)).toBeTruthy();
    fireEvent.click(hubspot);
    await waitFor(() => expect(statusOf('hubspot')).toBe('Off'));
    expect(screen.getByRole<HTMLInputElement>('switch', { name: 'HubSpot' }).checked).toBe(false);
    expect(request).toHaveBeenCalledWith({ type: 'crm.switch', script: 'hubspot', on: false });
    expect(statusOf('salesforce-lightning')).toBe('On');
    fireEvent.click(screen.getByRole('switch', { name: 'HubSpot' }));
    await waitFor(() => expect(statusOf('hubspot')).toBe('On'));
  });

  it('says Permission missing when site access was withdrawn, asks the browser on a click, and follows the browser’s changes', async () => {
    granted.delete('https://*.dynamics.com/*');
    const ask = vi.spyOn(browser.permissions, 'request').mockImplementation(async ({ origins }) => {
      for (const o of origins ?? []) granted.add(o);
      return true;
    });
    renderForm();
    await waitFor(() => expect(statusOf('dynamics')).toBe('Permission missing'));
    fireEvent.click(within(row('dynamics')).getByTestId('crm-interface-allow'));
    expect(ask).toHaveBeenCalledWith({ origins: ['https://*.dynamics.com/*'] });
    await waitFor(() => expect(statusOf('dynamics')).toBe('On'));
    expect(within(row('dynamics')).queryByTestId('crm-interface-allow')).toBeNull();

    // Withdrawn in the browser's own settings while the page is open.
    granted.delete('https://*.hubspot.com/*');
    act(() => listeners.removed.forEach((l) => l()));
    await waitFor(() => expect(statusOf('hubspot')).toBe('Permission missing'));
  });

  it('speaks Japanese', async () => {
    renderForm('ja');
    await waitFor(() => expect(statusOf('hubspot')).toBe('オン'));
    fireEvent.click(screen.getByRole('switch', { name: 'HubSpot' }));
    await waitFor(() => expect(statusOf('hubspot')).toBe('オフ'));
  });
});
