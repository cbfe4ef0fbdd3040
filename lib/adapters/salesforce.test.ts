import { describe, expect, it } from 'vitest';
import { matchAccount } from './salesforce';

const ID = '001Dn00000gLbXqIAK';

describe('Salesforce Lightning account addresses', () => {
  it.each([
    [`https://acme.lightning.force.com/lightning/r/Account/${ID}/view`, `salesforce:acme:${ID}`],
    [`https://acme.lightning.force.com/lightning/r/Account/${ID.slice(0, 15)}/view`, `salesforce:acme:${ID}`],
    [`https://acme.lightning.force.com/lightning/r/${ID}/view`, `salesforce:acme:${ID}`],
    [`https://acme.lightning.force.com/lightning/r/Account/${ID}/related/Contacts/view`, `salesforce:acme:${ID}`],
    [`https://acme.lightning.force.com/lightning/r/Account/${ID}/view?0.source=alohaHeader`, `salesforce:acme:${ID}`],
    // A sandbox is another org, with production's record ids.
    [`https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/${ID}/view`, `salesforce:acme--uat:${ID}`],
    [`https://acme-dev-ed.develop.lightning.force.com/lightning/r/Account/${ID}/view`, `salesforce:acme-dev-ed:${ID}`],
  ])('%s is the account %s', (url, key) => {
    expect(matchAccount(new URL(url))).toEqual({ crm: 'salesforce', recordId: ID, accountKey: key });
  });

  it.each([
    'https://acme.lightning.force.com/lightning/o/Account/list',
    'https://acme.lightning.force.com/lightning/r/Opportunity/006Dn00000GxpnsIAB/view',
    'https://acme.lightning.force.com/lightning/r/006Dn00000GxpnsIAB/view',
    'https://acme.lightning.force.com/lightning/setup/SetupOneHome/home',
    `http://acme.lightning.force.com/lightning/r/Account/${ID}/view`,
    `https://acme.lightning.force.com.evil.example/lightning/r/Account/${ID}/view`,
    `https://acme.my.salesforce.com/lightning/r/Account/${ID}/view`,
  ])('%s is no account page', (url) => {
    expect(matchAccount(new URL(url))).toBeNull();
  });
});
