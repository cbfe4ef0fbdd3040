import { describe, expect, it } from 'vitest';
import { matchAccount, readVisibleRecord } from './dynamics';
import { loadPage } from '@/tests/unit/pages';

const GUID = 'a1b2c3d4-0000-4e5f-8a9b-00c0ffee0001';
const KEY = `dynamics:contoso.crm4.dynamics.com:${GUID}`;

describe('Dynamics 365 account addresses', () => {
  it.each([
    `https://contoso.crm4.dynamics.com/main.aspx?appid=0b1c&pagetype=entityrecord&etn=account&id=${GUID}`,
    `https://contoso.crm4.dynamics.com/main.aspx?appname=sales&pagetype=entityrecord&etn=account&id=%7B${GUID.toUpperCase()}%7D`,
    `https://contoso.crm4.dynamics.com/main.aspx?etn=account&pagetype=entityrecord&id={${GUID}}&formid=8448b78f`,
    `https://Contoso.CRM4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${GUID}`,
  ])('%s is the account', (url) => {
    expect(matchAccount(new URL(url))).toEqual({ crm: 'dynamics', recordId: GUID, accountKey: KEY });
  });

  it.each([
    ['crm', 'contoso.crm.dynamics.com'],
    ['crm7', 'contoso.crm7.dynamics.com'],
    ['crm11', 'contoso.crm11.dynamics.com'],
  ])('keys each region’s org by its host (%s)', (_, host) => {
    expect(matchAccount(new URL(`https://${host}/main.aspx?pagetype=entityrecord&etn=account&id=${GUID}`))?.accountKey).toBe(`dynamics:${host}:${GUID}`);
  });

  it.each([
    `https://contoso.crm4.dynamics.com/main.aspx?appid=0b1c&pagetype=entityrecord&etn=contact&id=${GUID}`,
    'https://contoso.crm4.dynamics.com/main.aspx?appid=0b1c&pagetype=entitylist&etn=account&viewid=00000000-0000-0000-00aa-000010001001',
    'https://contoso.crm4.dynamics.com/main.aspx?appid=0b1c&pagetype=entityrecord&etn=account',
    'https://contoso.crm4.dynamics.com/main.aspx?appid=0b1c&pagetype=entityrecord&etn=account&id=not-a-guid',
    `https://contoso.operations.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${GUID}`,
    `https://contoso.crm4.dynamics.com.evil.example/main.aspx?pagetype=entityrecord&etn=account&id=${GUID}`,
  ])('%s is no account form', (url) => {
    expect(matchAccount(new URL(url))).toBeNull();
  });
});

describe('reading a Dynamics 365 account form', () => {
  it('reads each field once by logical name, the body’s value before the header’s and the process bar’s', () => {
    const record = readVisibleRecord(loadPage('dynamics/account-form.html'));
    expect(record?.name).toBe('Contoso Pharmaceuticals');
    expect(record?.fields).toEqual([
      { key: 'revenue', label: 'Annual Revenue', value: '$80,000,000.00' },
      { key: 'ownerid', label: 'Owner', value: 'Alex Wu' },
      { key: 'numberofemployees', label: 'Number of Employees', value: '4,500' },
      { key: 'telephone1', label: 'Phone', value: '+44 20 7946 0000' },
      { key: 'primarycontactid', label: 'Primary Contact', value: 'Yvonne McKay' },
      { key: 'name', label: 'Account Name', value: 'Contoso Pharmaceuticals' },
      { key: 'websiteurl', label: 'Website', value: 'https://contoso.example' },
      { key: 'industrycode', label: 'Industry', value: 'Pharmaceutical and Biotechnology' },
      { key: 'description', label: 'Description', value: 'Key account for the UK region.' },
    ]);
  });

  it('leaves out a tab not shown, a lookup’s search box and check boxes', () => {
    const keys = readVisibleRecord(loadPage('dynamics/account-form.html'))?.fields.map((f) => f.key) ?? [];
    expect(keys).not.toContain('accountnumber');
    expect(keys).not.toContain('donotemail');
    expect(keys.filter((k) => k === 'primarycontactid')).toHaveLength(1);
  });

  it('reads a Japanese form by the same logical names', () => {
    const record = readVisibleRecord(loadPage('dynamics/account-form-ja.html'));
    expect(record?.name).toBe('株式会社サンプル商事');
    expect(record?.fields).toEqual([
      { key: 'ownerid', label: '所有者', value: '佐藤 健' },
      { key: 'name', label: '取引先企業名', value: '株式会社サンプル商事' },
      { key: 'industrycode', label: '業種', value: '卸売' },
      { key: 'telephone1', label: '代表電話', value: '03-5555-0100' },
    ]);
  });

  it('a contact form reads like an account, so its address decides: no sidebar there', () => {
    expect(readVisibleRecord(loadPage('dynamics/contact-form.html'))?.fields.map((f) => f.key)).toEqual(['firstname', 'lastname']);
    expect(matchAccount(new URL(`https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=${GUID}`))).toBeNull();
  });

  it('finds no record before the form is there', () => {
    document.documentElement.innerHTML = '<body><div data-id="topBar"></div></body>';
    expect(readVisibleRecord(document)).toBeNull();
  });
});
