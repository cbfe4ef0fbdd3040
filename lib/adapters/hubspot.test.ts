import { describe, expect, it } from 'vitest';
import { matchAccount, readVisibleRecord } from './hubspot';
import { loadPage } from '@/tests/unit/pages';

describe('HubSpot company addresses', () => {
  it.each([
    ['https://app.hubspot.com/contacts/14589320/record/0-2/9215574031', 'hubspot:14589320:9215574031'],
    ['https://app.hubspot.com/contacts/14589320/record/0-2/9215574031/', 'hubspot:14589320:9215574031'],
    ['https://app.hubspot.com/contacts/14589320/record/0-2/9215574031/view/1?interaction=note', 'hubspot:14589320:9215574031'],
    ['https://app-eu1.hubspot.com/contacts/26041977/record/0-2/18830011502', 'hubspot:26041977:18830011502'],
    ['https://app-na2.hubspot.com/contacts/26041977/record/0-2/18830011502', 'hubspot:26041977:18830011502'],
    ['https://app.hubspot.com/contacts/14589320/company/9215574031', 'hubspot:14589320:9215574031'],
  ])('%s is the company %s', (url, key) => {
    expect(matchAccount(new URL(url))?.accountKey).toBe(key);
  });

  it.each([
    'https://app.hubspot.com/contacts/14589320/record/0-1/51',
    'https://app.hubspot.com/contacts/14589320/record/0-3/77',
    'https://app.hubspot.com/contacts/14589320/record/2-1234/5',
    'https://app.hubspot.com/contacts/14589320/objects/0-2/views/all/list',
    'https://app.hubspot.com/contacts/14589320/lists',
    'https://www.hubspot.com/contacts/14589320/record/0-2/9215574031',
    'https://app.hubspot.com.evil.example/contacts/14589320/record/0-2/9215574031',
    'http://app.hubspot.com/contacts/14589320/record/0-2/9215574031',
  ])('%s is no company record', (url) => {
    expect(matchAccount(new URL(url))).toBeNull();
  });
});

describe('reading a HubSpot company record', () => {
  it('reads the record’s own properties by internal name, once each, and the owner shown as bare text', () => {
    const record = readVisibleRecord(loadPage('hubspot/company-record.html'));
    expect(record?.name).toBe('Umbrella Corporation');
    expect(record?.fields).toEqual([
      { key: 'domain', label: 'Company domain name', value: 'umbrella.example' },
      { key: 'name', label: 'Name', value: 'Umbrella Corporation' },
      { key: 'industry', label: 'Industry', value: 'Biotechnology' },
      { key: 'lifecyclestage', label: 'Lifecycle stage', value: 'Customer' },
      { key: 'annualrevenue', label: 'Annual revenue', value: '$48,000,000' },
      { key: 'numberofemployees', label: 'Number of employees', value: '--' },
      { key: 'renewal-date', label: 'Renewal date', value: '03/31/2027' },
      { key: 'customer_tier', label: 'Customer tier', value: 'Platinum' },
      { key: 'hubspot_owner_id', label: 'Company owner', value: 'Ada Wong' },
      { key: 'Create date', label: 'Create date', value: '04/02/2024 9:12 AM EDT' },
      { key: 'Last activity date', label: 'Last activity date', value: '11/20/2026' },
    ]);
  });

  it('never reads associated records’ cards, a hidden tab, or the navigation', () => {
    const fields = readVisibleRecord(loadPage('hubspot/company-record.html'))?.fields ?? [];
    const text = JSON.stringify(fields);
    expect(text).not.toContain('Wesker');
    expect(text).not.toContain('jill@');
    expect(fields.map((f) => f.key)).not.toContain('hs_num_open_deals');
    expect(fields.map((f) => f.key)).not.toContain('contacts');
  });

  it('reads a Japanese record in the newer layout, a property being edited included', () => {
    const record = readVisibleRecord(loadPage('hubspot/company-record-ja.html'));
    expect(record?.name).toBe('株式会社サンプル商事');
    expect(record?.fields).toEqual([
      { key: 'name', label: '会社名', value: '株式会社サンプル商事' },
      { key: 'industry', label: '業種', value: '卸売' },
      { key: 'phone', label: '電話番号', value: '03-5555-0100' },
      { key: 'lifecyclestage', label: 'ライフサイクルステージ', value: '顧客' },
      { key: 'hubspot_owner_id', label: '会社の所有者', value: '佐藤 健' },
    ]);
  });

  it('a contact page reads like a company, so its address decides: no sidebar there', () => {
    expect(readVisibleRecord(loadPage('hubspot/contact-record.html'))?.fields.map((f) => f.key)).toEqual(['email', 'jobtitle']);
    expect(matchAccount(new URL('https://app.hubspot.com/contacts/14589320/record/0-1/51'))).toBeNull();
  });

  it('finds no record while the page has no properties yet', () => {
    document.documentElement.innerHTML = '<body><nav id="navbar"></nav><div data-test-id="left-sidebar"><div data-test-id="property-input-skeleton"></div></div></body>';
    expect(readVisibleRecord(document)).toBeNull();
  });
});
