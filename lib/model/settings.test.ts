import { describe, expect, it } from 'vitest';
import { CRM_SCRIPT_IDS } from '../crm-hosts';
import { CsmFormSettings, CsmSettings } from './settings';
import { ALL_CRM_INTERFACES_ON, CrmInterfaces } from './crm-interfaces';

describe('CsmSettings.crmInterfaces', () => {
  it('has every CRM interface on by default, one switch per sidebar script', () => {
    const settings = CsmSettings.parse({});
    expect(settings.crmInterfaces).toEqual({ 'salesforce-lightning': true, 'salesforce-classic': true, hubspot: true, dynamics: true });
    expect(Object.keys(ALL_CRM_INTERFACES_ON).sort()).toEqual([...CRM_SCRIPT_IDS].sort());
  });

  it('reads settings stored before the switches existed, all on, keeping what was stored', () => {
    const older = { toneStaleDays: 21, dueSoonDays: 3, competitorNames: ['Gainsight'] };
    const read = CsmSettings.parse(older);
    expect(read.crmInterfaces).toEqual(ALL_CRM_INTERFACES_ON);
    expect(read).toMatchObject(older);
  });

  it('keeps the interfaces turned off; one missing is on, one no longer known is dropped', () => {
    const read = CsmSettings.parse({ crmInterfaces: { hubspot: false, dynamics: false, pipedrive: false } });
    expect(read.crmInterfaces).toEqual({ 'salesforce-lightning': true, 'salesforce-classic': true, hubspot: false, dynamics: false });
  });

  it('refuses a switch that is not on or off', () => {
    expect(CrmInterfaces.safeParse({ hubspot: 'no' }).success).toBe(false);
  });

  it('the settings form’s save carries no switches: they have their own request', () => {
    const saved = CsmFormSettings.parse({ ...CsmSettings.parse({}), crmInterfaces: { hubspot: false } });
    expect(saved).not.toHaveProperty('crmInterfaces');
  });
});
