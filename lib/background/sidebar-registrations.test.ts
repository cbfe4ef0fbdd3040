import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registrationChanges, syncRegistrations, TAUGHT_REGISTRATION_ID, wantedRegistrations } from './sidebar-registrations';
import { ALL_CRM_INTERFACES_ON, CrmInterfaces } from '../model/crm-interfaces';

describe('wantedRegistrations', () => {
  it('registers each CRM interface turned on, with its hosts and its own script', () => {
    const wanted = wantedRegistrations(CrmInterfaces.parse({ hubspot: false }), []);
    expect(wanted.map((r) => r.id)).toEqual(['salesforce-lightning', 'salesforce-classic', 'dynamics']);
    expect(wanted[0]).toEqual({ id: 'salesforce-lightning', matches: ['https://*.lightning.force.com/*'], js: ['content-scripts/salesforce-lightning.js'] });
  });

  it('registers the taught-site script once, for every approved host', () => {
    const wanted = wantedRegistrations(ALL_CRM_INTERFACES_ON, ['b.example.com', 'a.example.com', 'b.example.com']);
    expect(wanted.find((r) => r.id === TAUGHT_REGISTRATION_ID)).toEqual({ id: TAUGHT_REGISTRATION_ID, matches: ['https://a.example.com/*', 'https://b.example.com/*'], js: ['content-scripts/taught-site.js'] });
  });

  it('registers nothing for taught sites while no host is approved', () => {
    expect(wantedRegistrations(ALL_CRM_INTERFACES_ON, []).some((r) => r.id === TAUGHT_REGISTRATION_ID)).toBe(false);
  });
});

describe('registrationChanges', () => {
  const lightning = { id: 'salesforce-lightning', matches: ['https://*.lightning.force.com/*'], js: ['content-scripts/salesforce-lightning.js'] };
  const taught = { id: TAUGHT_REGISTRATION_ID, matches: ['https://a.example.com/*'], js: ['content-scripts/taught-site.js'] };

  it('leaves what is registered as wanted alone', () => {
    expect(registrationChanges([lightning], [{ ...lightning, js: ['/content-scripts/salesforce-lightning.js'] }])).toEqual({ unregister: [], register: [] });
  });

  it('removes what is no longer wanted and adds what is missing', () => {
    expect(registrationChanges([taught], [lightning])).toEqual({ unregister: ['salesforce-lightning'], register: [taught] });
  });

  it('registers again a script whose hosts changed', () => {
    const more = { ...taught, matches: ['https://a.example.com/*', 'https://b.example.com/*'] };
    expect(registrationChanges([more], [taught])).toEqual({ unregister: [TAUGHT_REGISTRATION_ID], register: [more] });
  });
});

describe('syncRegistrations', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  /** The browser's registered scripts, as scripting keeps them (the fake browser has none). */
  function registeredScripts() {
    let registered: { id: string; matches?: string[]; js?: string[] }[] = [];
    vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockImplementation(async () => structuredClone(registered) as never);
    const register = vi.spyOn(browser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
      for (const script of scripts) if (registered.some((r) => r.id === script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      registered = [...registered, ...scripts];
    });
    vi.spyOn(browser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
      registered = registered.filter((r) => !filter?.ids?.includes(r.id));
    });
    return { ids: () => registered.map((r) => r.id).sort(), register };
  }

  it('registers at document idle, kept across browser sessions', async () => {
    const { register } = registeredScripts();
    await syncRegistrations(async () => wantedRegistrations(CrmInterfaces.parse({ hubspot: false, dynamics: false, 'salesforce-classic': false }), []));
    expect(register).toHaveBeenCalledWith([{ id: 'salesforce-lightning', matches: ['https://*.lightning.force.com/*'], js: ['content-scripts/salesforce-lightning.js'], runAt: 'document_idle', persistAcrossSessions: true }]);
  });

  it('two changes at once do not register the same script twice (the browser would refuse the second)', async () => {
    const { ids } = registeredScripts();
    const wanted = async () => wantedRegistrations(ALL_CRM_INTERFACES_ON, ['a.example.com']);
    await Promise.all([syncRegistrations(wanted), syncRegistrations(wanted)]);
    expect(ids()).toEqual(['dynamics', 'hubspot', 'salesforce-classic', 'salesforce-lightning', TAUGHT_REGISTRATION_ID]);
  });

  it('turned off, then on: in line with the last', async () => {
    const { ids } = registeredScripts();
    let interfaces = CrmInterfaces.parse({ hubspot: false });
    const wanted = async () => wantedRegistrations(interfaces, []);
    await syncRegistrations(wanted);
    expect(ids()).not.toContain('hubspot');
    interfaces = ALL_CRM_INTERFACES_ON;
    await syncRegistrations(wanted);
    expect(ids()).toEqual(['dynamics', 'hubspot', 'salesforce-classic', 'salesforce-lightning']);
  });
});
