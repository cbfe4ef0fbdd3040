import { describe, expect, it } from 'vitest';
import { AccountKey } from './account';
import { dynamicsAccountKey, hubspotAccountKey, isSandboxKey, legacySalesforceId, salesforceAccountKey, salesforceMyDomain, toCaseSafeId } from './account-key';

describe('account keys', () => {
  it.each([
    ['acme.lightning.force.com', 'acme'],
    ['acme.my.salesforce.com', 'acme'],
    ['acme--uat.sandbox.lightning.force.com', 'acme--uat'],
    ['acme--uat.sandbox.my.salesforce.com', 'acme--uat'],
    ['acme-dev-ed.develop.lightning.force.com', 'acme-dev-ed'],
    ['acme-dev-ed.develop.my.salesforce.com', 'acme-dev-ed'],
    ['acme--uat.cs42.my.salesforce.com', 'acme--uat'],
    ['ACME.Lightning.Force.com', 'acme'],
    ['na123.salesforce.com', null],
    ['acme.lightning.force.com.evil.example', null],
    ['lightning.force.com', null],
    ['acme.visual.force.com', null],
  ])('the org of %s is %s', (host, myDomain) => {
    expect(salesforceMyDomain(host)).toBe(myDomain);
  });

  it('turns a 15-character id into its 18-character form, and keeps an 18-character one', () => {
    expect(toCaseSafeId('001Dn00000gLbXq')).toBe('001Dn00000gLbXqIAK');
    expect(toCaseSafeId('001Dn00000gLbXqIAK')).toBe('001Dn00000gLbXqIAK');
    expect(toCaseSafeId('001Dn00000gLbX')).toBeNull();
    expect(toCaseSafeId('001Dn00000gLbX-')).toBeNull();
  });

  it.each([
    salesforceAccountKey('acme', '001Dn00000gLbXqIAK'),
    salesforceAccountKey('acme--uat', '001Dn00000gLbXqIAK'),
    salesforceAccountKey('acme-dev-ed', '001Dn00000gLbXqIAK'),
    'salesforce:001Dn00000gLbXqIAK',
    hubspotAccountKey('14589320', '9215574031'),
    dynamicsAccountKey('Contoso.crm4.dynamics.com', 'A1B2C3D4-0000-4E5F-8A9B-00C0FFEE0001'),
  ])('%s is an account key', (key) => {
    expect(AccountKey.safeParse(key).success).toBe(true);
  });

  it.each([
    'salesforce:acme:001Dn00000gLbXq', // a 15-character id: keys hold the 18-character form
    'salesforce:Acme:001Dn00000gLbXqIAK',
    'salesforce:-acme:001Dn00000gLbXqIAK',
    'salesforce:acme:001Dn00000gLbXqIAK:x',
    'hubspot:portal:9215574031',
    'hubspot:14589320',
    'dynamics:contoso.crm4.dynamics.com:{a1b2c3d4-0000-4e5f-8a9b-00c0ffee0001}',
    'dynamics:contoso.crm4.dynamics.com:A1B2C3D4-0000-4E5F-8A9B-00C0FFEE0001',
    'pipedrive:1',
    '',
  ])('%s is not', (key) => {
    expect(AccountKey.safeParse(key).success).toBe(false);
  });

  it('tells keys recorded before orgs were named, and sandboxes', () => {
    expect(legacySalesforceId('salesforce:001Dn00000gLbXqIAK')).toBe('001Dn00000gLbXqIAK');
    expect(legacySalesforceId('salesforce:001Dn00000gLbXq')).toBe('001Dn00000gLbXqIAK');
    expect(legacySalesforceId('salesforce:acme:001Dn00000gLbXqIAK')).toBeNull();
    expect(isSandboxKey('salesforce:acme--uat:001Dn00000gLbXqIAK')).toBe(true);
    expect(isSandboxKey('salesforce:acme:001Dn00000gLbXqIAK')).toBe(false);
    expect(isSandboxKey('salesforce:acme-dev-ed:001Dn00000gLbXqIAK')).toBe(false);
    expect(isSandboxKey('hubspot:1:2')).toBe(false);
  });
});
