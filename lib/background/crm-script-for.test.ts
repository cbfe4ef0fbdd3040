import { describe, expect, it } from 'vitest';
import { crmScriptFor, isCrmPage, scriptToInject } from './crm-script-for';
import { ALL_CRM_INTERFACES_ON, CrmInterfaces } from '../model/crm-interfaces';

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

describe('scriptToInject', () => {
  const hubspot = 'https://app.hubspot.com/contacts/4242/record/0-2/1001';
  const lightning = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000iNTchIAG/view';
  const hubspotOff = CrmInterfaces.parse({ hubspot: false });

  it('injects each CRM’s script while its interface is on (all are, by default)', () => {
    expect(scriptToInject(hubspot, ALL_CRM_INTERFACES_ON)).toBe('hubspot');
    expect(scriptToInject(lightning, ALL_CRM_INTERFACES_ON)).toBe('salesforce-lightning');
  });

  it('injects nothing into the tabs of an interface turned off, and leaves the others alone', () => {
    expect(scriptToInject(hubspot, hubspotOff)).toBeNull();
    expect(scriptToInject('https://app-eu1.hubspot.com/contacts/4242/record/0-2/1001', hubspotOff)).toBeNull();
    expect(scriptToInject(lightning, hubspotOff)).toBe('salesforce-lightning');
  });

  it('one Salesforce interface off leaves the other on', () => {
    const classicOff = CrmInterfaces.parse({ 'salesforce-classic': false });
    expect(scriptToInject('https://acme.my.salesforce.com/001Dn00000iNTch', classicOff)).toBeNull();
    expect(scriptToInject(lightning, classicOff)).toBe('salesforce-lightning');
  });

  it('pages of no CRM get nothing, whatever is on', () => {
    expect(scriptToInject('https://example.com/', ALL_CRM_INTERFACES_ON)).toBeNull();
    expect(scriptToInject(undefined, ALL_CRM_INTERFACES_ON)).toBeNull();
  });
});
