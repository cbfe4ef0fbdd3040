import { describe, expect, it } from 'vitest';
import type { UsageAccountLink } from '../model/usage';
import { linksToRemember, matchUsageAccounts, normaliseCompanyName, normaliseDomain, recordIdKey, sourceAccountKey, type CrmAccountForMatch } from './match';

describe('normaliseCompanyName', () => {
  it.each([
    ['株式会社サンプル', 'サンプル'],
    ['サンプル株式会社', 'サンプル'],
    ['㈱サンプル', 'サンプル'],
    ['(株)サンプル', 'サンプル'],
    ['（株）サンプル', 'サンプル'],
    ['サンプル 有限会社', 'サンプル'],
    ['合同会社サンプル', 'サンプル'],
    ['ＡＢＣ　ソリューションズ株式会社', 'abcソリューションズ'],
    ['ｻﾝﾌﾟﾙ', 'サンプル'],
    ['Acme Inc.', 'acme'],
    ['ACME, Inc', 'acme'],
    ['Acme Corporation', 'acme'],
    ['Acme Corp.', 'acme'],
    ['Acme Co., Ltd.', 'acme'],
    ['Acme Ltd', 'acme'],
    ['Acme LLC', 'acme'],
    ['Acme GmbH', 'acme'],
    ['Acme K.K.', 'acme'],
    ['Acme KK', 'acme'],
    ['Acme plc', 'acme'],
    ['Sample Trading Co., Ltd.', 'sampletrading'],
    ['Globex Holdings', 'globexholdings'],
    ['Co-op Inc', 'coop'],
    ['Company', 'company'],
    ['AT&T Inc.', 'att'],
  ])('%s → %s', (raw, key) => {
    expect(normaliseCompanyName(raw)).toBe(key);
  });
});

describe('normaliseDomain', () => {
  it.each([
    ['https://www.acme.com/', 'acme.com'],
    ['http://Acme.COM:8080/path?q=1#x', 'acme.com'],
    ['WWW.Initech.de:443', 'initech.de'],
    ['acme.co.jp', 'acme.co.jp'],
    ['www2.acme.com', 'acme.com'],
    ['jane@acme.com', 'acme.com'],
    ['ａｃｍｅ．ｃｏｍ', 'acme.com'],
    ['acme.com.', 'acme.com'],
    ['acme', ''],
    ['', ''],
    ['not a domain', ''],
  ])('%s → %s', (raw, domain) => {
    expect(normaliseDomain(raw)).toBe(domain);
  });
});

describe('recordIdKey', () => {
  it('reduces 18-character Salesforce ids to the case-correct 15, even when lower-cased', () => {
    expect(recordIdKey('0015g00000AbCdE')).toBe('0015g00000AbCdE');
    expect(recordIdKey('0015g00000AbCdEAAV')).toBe('0015g00000AbCdE');
    expect(recordIdKey('0015g00000abcdeaav')).toBe('0015g00000AbCdE');
    expect(recordIdKey('0015g00000abcde')).toBe('0015g00000abcde');
    expect(recordIdKey(' C-1 ')).toBe('C-1');
  });
});

describe('sourceAccountKey', () => {
  it('prefers the id, then the domain, then the name', () => {
    expect(sourceAccountKey({ id: ' X1 ', domain: 'acme.com', name: 'Acme' })).toBe('id:X1');
    expect(sourceAccountKey({ id: '', domain: 'https://www.acme.com', name: 'Acme' })).toBe('domain:acme.com');
    expect(sourceAccountKey({ id: '', domain: 'nonsense', name: 'Acme Inc.' })).toBe('name:acme');
    expect(sourceAccountKey({ id: '', domain: '', name: '株式会社' })).toBe('name:株式会社');
    expect(sourceAccountKey({ id: '', domain: '', name: ' ' })).toBe('');
  });
});

const crm: CrmAccountForMatch[] = [
  { accountKey: 'salesforce:acme:0015g00000AbCdEAAV', recordId: '0015g00000AbCdEAAV', name: 'Acme, Inc.', website: 'https://www.acme.com' },
  { accountKey: 'salesforce:acme:0015g00000AbCdF', recordId: '0015g00000AbCdF', name: 'Globex Corporation', website: 'globex.com' },
  { accountKey: 'salesforce:acme:0015g00000SmPlE', recordId: '0015g00000SmPlE', name: '株式会社サンプル商事' },
  { accountKey: 'salesforce:acme:0015g00000Twin1', recordId: '0015g00000Twin1', name: 'Twin Ltd', website: 'twin.example' },
  { accountKey: 'salesforce:acme:0015g00000Twin2', recordId: '0015g00000Twin2', name: 'Twin K.K.', website: 'twin.example' },
];

describe('matchUsageAccounts', () => {
  it('matches by remembered link, then record id, then domain, then name; ambiguous ones stay unmatched with candidates', () => {
    const links: UsageAccountLink[] = [{ sourceAccountKey: 'name:mystery', accountKey: 'salesforce:acme:0015g00000AbCdF', how: 'manual', linkedAt: '2026-11-01T00:00:00.000Z' }];
    const result = matchUsageAccounts(
      [
        { id: '0015g00000abcdeaav', domain: 'globex.com', name: 'Globex' },
        { id: '', domain: 'https://globex.com/app', name: 'Acme' },
        { id: '', domain: '', name: '㈱サンプル商事' },
        { id: '', domain: '', name: 'Mystery' },
        { id: '', domain: 'twin.example', name: 'Twin' },
        { id: '', domain: '', name: 'Nobody Inc.' },
        { id: '', domain: '', name: 'Mystery' },
      ],
      crm,
      links,
    );
    expect(result.map((r) => [r.sourceAccountKey, r.match?.accountKey ?? null, r.match?.how ?? null, r.match?.remembered ?? null, r.candidates])).toEqual([
      ['id:0015g00000abcdeaav', 'salesforce:acme:0015g00000AbCdEAAV', 'record-id', false, []],
      ['domain:globex.com', 'salesforce:acme:0015g00000AbCdF', 'domain', false, []],
      ['name:サンプル商事', 'salesforce:acme:0015g00000SmPlE', 'name', false, []],
      ['name:mystery', 'salesforce:acme:0015g00000AbCdF', 'manual', true, []],
      ['domain:twin.example', null, null, null, ['salesforce:acme:0015g00000Twin1', 'salesforce:acme:0015g00000Twin2']],
      ['name:nobody', null, null, null, []],
    ]);
    expect(linksToRemember(result, '2026-11-30T00:00:00.000Z')).toEqual([
      { sourceAccountKey: 'id:0015g00000abcdeaav', accountKey: 'salesforce:acme:0015g00000AbCdEAAV', how: 'record-id', linkedAt: '2026-11-30T00:00:00.000Z' },
      { sourceAccountKey: 'domain:globex.com', accountKey: 'salesforce:acme:0015g00000AbCdF', how: 'domain', linkedAt: '2026-11-30T00:00:00.000Z' },
      { sourceAccountKey: 'name:サンプル商事', accountKey: 'salesforce:acme:0015g00000SmPlE', how: 'name', linkedAt: '2026-11-30T00:00:00.000Z' },
    ]);
  });

  it('falls through to the next way when an id matches nothing, and accepts account keys as ids', () => {
    const [byKey, fallThrough] = matchUsageAccounts(
      [
        { id: 'salesforce:acme:0015g00000AbCdF', domain: '', name: '' },
        { id: 'unknown-id', domain: '', name: 'Globex Corp.' },
      ],
      crm,
      [],
    );
    expect(byKey?.match).toEqual({ accountKey: 'salesforce:acme:0015g00000AbCdF', how: 'record-id', remembered: false });
    expect(fallThrough?.match).toEqual({ accountKey: 'salesforce:acme:0015g00000AbCdF', how: 'name', remembered: false });
  });

  it('matches an id alone to the production org first: a sandbox copies production’s ids', () => {
    const id = '001Dn00000gLbXqIAK';
    const prod = { accountKey: `salesforce:acme:${id}`, recordId: id, name: 'Globex' };
    const uat = { accountKey: `salesforce:acme--uat:${id}`, recordId: id, name: 'Globex' };
    const dev = { accountKey: `salesforce:acme--dev:${id}`, recordId: id, name: 'Globex' };
    const sources = [
      { id: '001Dn00000gLbXq', domain: '', name: '' },
      // A file made from this extension's own keys before they named the org.
      { id: `salesforce:${id}`, domain: '', name: '' },
      // A whole key still names its own org.
      { id: `salesforce:acme--uat:${id}`, domain: '', name: '' },
    ];
    // The sandbox is listed first: order does not matter.
    const matched = matchUsageAccounts(sources, [uat, prod, dev], []).map((m) => m.match?.accountKey ?? null);
    expect(matched).toEqual([prod.accountKey, prod.accountKey, uat.accountKey]);
    // With no production account seen, two sandboxes are a choice for the user, one is a match.
    const [twoSandboxes] = matchUsageAccounts([sources[0]!], [uat, dev], []);
    expect(twoSandboxes?.match).toBeNull();
    expect(twoSandboxes?.candidates).toEqual([dev.accountKey, uat.accountKey]);
    expect(matchUsageAccounts([sources[0]!], [uat], [])[0]?.match?.accountKey).toBe(uat.accountKey);
  });

  it('matches HubSpot and Dynamics 365 ids, a GUID with or without braces in any case', () => {
    const crmAccounts = [
      { accountKey: 'hubspot:14589320:9215574031', recordId: '9215574031', name: 'Umbrella' },
      { accountKey: 'dynamics:contoso.crm4.dynamics.com:a1b2c3d4-0000-4e5f-8a9b-00c0ffee0001', recordId: 'a1b2c3d4-0000-4e5f-8a9b-00c0ffee0001', name: 'Contoso' },
    ];
    const matched = matchUsageAccounts(
      [
        { id: '9215574031', domain: '', name: '' },
        { id: '{A1B2C3D4-0000-4E5F-8A9B-00C0FFEE0001}', domain: '', name: '' },
      ],
      crmAccounts,
      [],
    ).map((m) => m.match?.accountKey ?? null);
    expect(matched).toEqual(crmAccounts.map((a) => a.accountKey));
  });

  // How fast is measured by `npm run bench` (the 200,000-row import matches 2,000 accounts).
  it('matches thousands of accounts, every one', () => {
    const many: CrmAccountForMatch[] = Array.from({ length: 5000 }, (_, i) => ({
      accountKey: `salesforce:acme:001${String(i).padStart(12, '0')}`,
      recordId: `001${String(i).padStart(12, '0')}`,
      name: `Company ${i} Inc.`,
      website: `https://company${i}.example`,
    }));
    const sources = Array.from({ length: 5000 }, (_, i) => ({ id: '', domain: i % 2 ? `company${i}.example` : '', name: `COMPANY ${i}` }));
    const result = matchUsageAccounts(sources, many, []);
    expect(result.filter((r) => r.match).length).toBe(5000);
  });
});
