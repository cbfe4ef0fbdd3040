import { describe, expect, it } from 'vitest';
import { briefLinkHash, isValidRange, parseBriefLink } from './brief-link';
import { exportFileName } from './file-name';
import { safeWebUrl } from '../safe-url';

describe('printable brief link', () => {
  const link = { accountKey: 'salesforce:acme:001Dn00000ABCDEAA1', from: '2026-07-01', to: '2026-09-30', includeInternal: false };

  it('round-trips the account, range and flag, and nothing else', () => {
    const hash = briefLinkHash(link);
    expect(hash).toBe('#account=salesforce%3Aacme%3A001Dn00000ABCDEAA1&from=2026-07-01&to=2026-09-30&internal=0');
    expect(parseBriefLink(hash)).toEqual(link);
    expect(parseBriefLink(briefLinkHash({ ...link, includeInternal: true }))?.includeInternal).toBe(true);
  });

  it('refuses links that are not whole, or backwards, or malformed', () => {
    expect(parseBriefLink('')).toBeNull();
    expect(parseBriefLink('#account=salesforce%3A001&from=2026-07-01')).toBeNull();
    expect(parseBriefLink('#account=salesforce%3A001&from=2026-10-01&to=2026-09-30&internal=0')).toBeNull();
    expect(parseBriefLink('#account=javascript:alert(1)&from=2026-07-01&to=2026-09-30&internal=0')).toBeNull();
    expect(parseBriefLink('#account=salesforce%3A001&from=2026-07-01&to=2026-09-30&internal=yes')).toBeNull();
    expect(parseBriefLink('#account=salesforce%3A001&from=2026-02-30&to=2026-09-30&internal=0')).toBeNull();
  });

  it('checks a range is two days, the first not after the second', () => {
    expect(isValidRange({ from: '2026-07-01', to: '2026-07-01' })).toBe(true);
    expect(isValidRange({ from: '2026-07-02', to: '2026-07-01' })).toBe(false);
    expect(isValidRange({ from: '', to: '2026-07-01' })).toBe(false);
  });
});

describe('export file names', () => {
  const range = { from: '2026-07-01', to: '2026-09-30' };
  it('name the account and the range, without characters file systems refuse', () => {
    expect(exportFileName('Globex Corporation', range, 'QBR', 'md')).toBe('Globex-Corporation_QBR_2026-07-01_2026-09-30.md');
    expect(exportFileName('株式会社サンプル商事', range, 'timeline', 'csv')).toBe('株式会社サンプル商事_timeline_2026-07-01_2026-09-30.csv');
    expect(exportFileName('A/B: "Test" <Co>?', range, 'QBR', 'md')).toBe('A-B-Test-Co_QBR_2026-07-01_2026-09-30.md');
    expect(exportFileName('...', range, 'QBR', 'md')).toBe('account_QBR_2026-07-01_2026-09-30.md');
    expect(exportFileName('😀'.repeat(100), range, 'QBR', 'md')).toBe(`${'😀'.repeat(80)}_QBR_2026-07-01_2026-09-30.md`);
  });
});

describe('links to stored URLs', () => {
  it('keeps web addresses only', () => {
    expect(safeWebUrl('https://acme.lightning.force.com/lightning/r/Account/001/view')).toBe('https://acme.lightning.force.com/lightning/r/Account/001/view');
    expect(safeWebUrl('javascript:alert(1)')).toBeNull();
    expect(safeWebUrl('data:text/html,hi')).toBeNull();
    expect(safeWebUrl('not a url')).toBeNull();
  });
});
