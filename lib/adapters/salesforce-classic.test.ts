import { describe, expect, it } from 'vitest';
import { matchAccount, readVisibleRecord } from './salesforce-classic';
import { matchAccount as matchLightning } from './salesforce';
import { loadPage } from '@/tests/unit/pages';

const ID = '001Dn00000gLbXqIAK';

describe('Salesforce Classic account addresses', () => {
  it.each([
    [`https://acme.my.salesforce.com/${ID.slice(0, 15)}`, `salesforce:acme:${ID}`],
    [`https://acme.my.salesforce.com/${ID}`, `salesforce:acme:${ID}`],
    [`https://acme.my.salesforce.com/${ID.slice(0, 15)}?srPos=0&srKp=001`, `salesforce:acme:${ID}`],
    [`https://acme--uat.sandbox.my.salesforce.com/${ID.slice(0, 15)}`, `salesforce:acme--uat:${ID}`],
    [`https://acme-dev-ed.develop.my.salesforce.com/${ID.slice(0, 15)}`, `salesforce:acme-dev-ed:${ID}`],
  ])('%s is the account %s', (url, key) => {
    expect(matchAccount(new URL(url))).toEqual({ crm: 'salesforce', recordId: ID, accountKey: key });
  });

  it('is the same account as the record’s Lightning page', () => {
    const classic = matchAccount(new URL(`https://acme.my.salesforce.com/${ID.slice(0, 15)}`));
    const lightning = matchLightning(new URL(`https://acme.lightning.force.com/lightning/r/Account/${ID}/view`));
    expect(classic?.accountKey).toBe(lightning?.accountKey);
  });

  it.each([
    `https://acme.my.salesforce.com/${ID.slice(0, 15)}/e`,
    `https://acme.my.salesforce.com/${ID.slice(0, 15)}/e?retURL=%2F${ID.slice(0, 15)}`,
    'https://acme.my.salesforce.com/001/o',
    'https://acme.my.salesforce.com/001?fcf=00BDn00000AllAc',
    'https://acme.my.salesforce.com/003Dn00000Hank1',
    'https://acme.my.salesforce.com/006Dn00000Gxpns',
    'https://acme.my.salesforce.com/home/home.jsp',
    `http://acme.my.salesforce.com/${ID.slice(0, 15)}`,
    // An instance host names no org: a record there could be any org's.
    `https://na123.salesforce.com/${ID.slice(0, 15)}`,
    `https://acme.lightning.force.com/${ID.slice(0, 15)}`,
  ])('%s is no account detail page', (url) => {
    expect(matchAccount(new URL(url))).toBeNull();
  });
});

describe('reading a Classic account detail page', () => {
  it('reads every shown field of the detail block, standard fields by their API name, custom ones by label', () => {
    const record = readVisibleRecord(loadPage('salesforce-classic/account-detail.html'));
    expect(record?.name).toBe('Globex Corporation');
    expect(record?.fields).toEqual([
      { key: 'Account Owner', label: 'Account Owner', value: 'Jane Doe' },
      { key: 'Rating', label: 'Rating', value: 'Hot' },
      { key: 'Name', label: 'Account Name', value: 'Globex Corporation' },
      { key: 'Phone', label: 'Phone', value: '+1 415 555 0100' },
      { key: 'ParentId', label: 'Parent Account', value: '' },
      { key: 'Website', label: 'Website', value: 'http://www.globex.example' },
      { key: 'Type', label: 'Type', value: 'Customer - Direct' },
      { key: 'Industry', label: 'Industry', value: 'Manufacturing' },
      { key: 'AnnualRevenue', label: 'Annual Revenue', value: '$52,000,000' },
      { key: 'NumberOfEmployees', label: 'Employees', value: '1,200' },
      { key: 'Customer Tier', label: 'Customer Tier', value: 'Gold' },
      { key: 'BillingAddress', label: 'Billing Address', value: '1 Globex Way Springfield, OR 97477 USA' },
      { key: 'ShippingAddress', label: 'Shipping Address', value: '' },
    ]);
  });

  it('leaves out a collapsed section, related lists and other records’ blocks', () => {
    const keys = readVisibleRecord(loadPage('salesforce-classic/account-detail.html'))?.fields.map((f) => f.key) ?? [];
    expect(keys).not.toContain('Created By');
    expect(keys).not.toContain('Stage');
    expect(keys).not.toContain('Contact Name');
  });

  it('keys Japanese labels’ standard fields by the same API names', () => {
    const record = readVisibleRecord(loadPage('salesforce-classic/account-detail-ja.html'));
    expect(record?.name).toBe('株式会社サンプル商事');
    const byKey = Object.fromEntries(record?.fields.map((f) => [f.key, [f.label, f.value]]) ?? []);
    expect(byKey).toMatchObject({
      Name: ['取引先名', '株式会社サンプル商事'],
      Industry: ['業種', '商社'],
      AnnualRevenue: ['年間売上', '¥1,200,000,000'],
      '取引先 所有者': ['取引先 所有者', '山田 花子'],
      顧客ティア: ['顧客ティア', 'ゴールド'],
    });
  });

  it('finds no record before the detail block is there', () => {
    document.documentElement.innerHTML = '<body><div id="AppBodyHeader"></div></body>';
    expect(readVisibleRecord(document)).toBeNull();
  });
});
