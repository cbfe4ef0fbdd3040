import { describe, expect, it, vi } from 'vitest';
import { CrmInterfaceSwitches } from './crm-interface-switches';
import { ALL_CRM_INTERFACES_ON, CrmInterfaces } from '../model/crm-interfaces';

describe('CrmInterfaceSwitches', () => {
  it('reads the store once, and answers what was stored since without reading again', async () => {
    const hubspotOff = CrmInterfaces.parse({ hubspot: false });
    const read = vi.fn(async () => hubspotOff);
    const switches = new CrmInterfaceSwitches(read);
    expect(await switches.current()).toEqual(hubspotOff);
    expect(await switches.current()).toEqual(hubspotOff);
    expect(read).toHaveBeenCalledTimes(1);
    switches.set(ALL_CRM_INTERFACES_ON);
    expect(await switches.current()).toEqual(ALL_CRM_INTERFACES_ON);
    expect(read).toHaveBeenCalledTimes(1);
    switches.forget();
    expect(await switches.current()).toEqual(hubspotOff);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('counts every interface as on while the store cannot be read, and reads again next time', async () => {
    const read = vi.fn<() => Promise<CrmInterfaces>>().mockRejectedValueOnce(new Error('store-blocked')).mockResolvedValue(CrmInterfaces.parse({ dynamics: false }));
    const switches = new CrmInterfaceSwitches(read);
    expect(await switches.current()).toEqual(ALL_CRM_INTERFACES_ON);
    expect((await switches.current()).dynamics).toBe(false);
  });

  it('reads the copy first (no store opened when a worker starts), makes it from the store when there is none, and keeps it with every change', async () => {
    const hubspotOff = CrmInterfaces.parse({ hubspot: false });
    let copied: unknown;
    const copy = {
      get: vi.fn(async () => copied),
      set: vi.fn(async (value: CrmInterfaces) => void (copied = value)),
      clear: vi.fn(async () => void (copied = undefined)),
    };
    const read = vi.fn(async () => hubspotOff);
    const first = new CrmInterfaceSwitches(read, copy);
    expect(await first.current()).toEqual(hubspotOff);
    await vi.waitFor(() => expect(copied).toEqual(hubspotOff));
    // The next worker: from the copy alone.
    const next = new CrmInterfaceSwitches(read, copy);
    expect(await next.current()).toEqual(hubspotOff);
    expect(read).toHaveBeenCalledTimes(1);
    next.set(ALL_CRM_INTERFACES_ON);
    await vi.waitFor(() => expect(copied).toEqual(ALL_CRM_INTERFACES_ON));
    // A restored backup: the copy goes, and the store is read again.
    next.forget();
    expect(await next.current()).toEqual(hubspotOff);
    expect(read).toHaveBeenCalledTimes(2);
    // A damaged copy is not believed.
    copied = { hubspot: 'yes' };
    expect(await new CrmInterfaceSwitches(read, copy).current()).toEqual(hubspotOff);
  });
});
