import { describe, expect, it } from 'vitest';
import { matchAccount, readVisibleRecord } from './salesforce';
import { loadPage } from '@/tests/unit/pages';

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

describe('reading a Lightning account record, tab by tab', () => {
  const fieldsOf = (page: string) => Object.fromEntries((readVisibleRecord(loadPage(page))?.fields ?? []).map((f) => [f.key, f.value]));

  it('keys the Details tab’s fields by API name, the highlights panel adding nothing twice', () => {
    const record = readVisibleRecord(loadPage('salesforce-lightning/account-details.html'));
    expect(record?.name).toBe('Globex Corporation');
    expect(record?.fields).toContainEqual({ key: 'OwnerId', label: 'Account Owner', value: 'Kim Sato' });
    expect(Object.keys(fieldsOf('salesforce-lightning/account-details.html'))).toEqual(['Name', 'Industry', 'Phone', 'OwnerId', 'Type', 'Customer_Tier__c']);
  });

  it('keys the Related tab’s highlights by label: the page shows no API name there (the background maps them)', () => {
    const record = readVisibleRecord(loadPage('salesforce-lightning/account-related.html'));
    expect(record?.name).toBe('Globex Corporation');
    expect(record?.fields).toEqual([
      { key: 'Type', label: 'Type', value: 'Customer - Direct' },
      { key: 'Phone', label: 'Phone', value: '+1 415 555 0100' },
      { key: 'Industry', label: 'Industry', value: 'Manufacturing' },
      { key: 'Account Owner', label: 'Account Owner', value: 'Kim Sato' },
    ]);
  });

  it('reads Japanese labels on both tabs', () => {
    expect(fieldsOf('salesforce-lightning/account-details-ja.html')).toMatchObject({ Name: '株式会社サンプル商事', OwnerId: '佐藤 健', Industry: '卸売' });
    expect(fieldsOf('salesforce-lightning/account-related-ja.html')).toEqual({ 種別: '顧客', 電話: '03-1234-5678', 業種: '卸売', '取引先 所有者': '佐藤 健' });
  });
});
