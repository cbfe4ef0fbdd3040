import { describe, expect, it, vi } from 'vitest';
import { CrmInterfaceSwitches } from './crm-interface-switches';
import { ALL_CRM_INTERFACES_ON, CrmInterfaces } from '../model/settings';

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
});
