import { describe, expect, it } from 'vitest';
import { SiteDefinition } from '../model/site-definition';
import { AccountKey } from '../model/account';
import { taughtAdapter } from './taught';
import { taughtSitesAdapter } from './taught-sites';
import { addressParts, matchAddress, patternFrom } from './site-address';
import { findByLabel, labelOf, locate } from './locate';
import { describeElement, positionPath, stableSelectors } from '../content/teach/selectors';
import { renderAdminPage } from '../../tests/fixtures/taught-sites/admin.mjs';
import kintoneJson from '../../tests/fixtures/taught-sites/kintone-definition.json';
import adminJson from '../../tests/fixtures/taught-sites/admin-definition.json';

const kintone = SiteDefinition.parse(kintoneJson);
const admin = SiteDefinition.parse(adminJson);

function show(html: string, url: string): Document {
  const inner = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  document.body.innerHTML = inner;
  // happy-dom's window lets tests set the page's address.
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  return document;
}

/** The kintone-like record as its app renders it (tests/fixtures/taught-sites/kintone.js). */
function kintoneRecord(values: Record<string, string>): string {
  return `<div class="record-gaia">${Object.entries(values)
    .map(([label, value], i) => `<div class="control-gaia field-55${i}"><div class="control-label-gaia"><span class="control-label-text-gaia">${label}</span></div><div class="control-value-gaia value-55${i}"><span class="control-value-content-gaia">${value}</span></div></div>`)
    .join('')}</div>`;
}

describe('site definitions', () => {
  it('accept the documented examples and refuse code, bad hosts and addresses without a record part', () => {
    expect(kintone.fields.map((f) => f.name)).toEqual(['Plan', 'Seats', 'Renewal']);
    const bad = (change: Record<string, unknown>) => SiteDefinition.safeParse({ ...kintoneJson, ...change }).success;
    expect(bad({ host: 'https://acme.cybozu.com' })).toBe(false);
    expect(bad({ host: '*.cybozu.com' })).toBe(false);
    expect(bad({ address: { path: '/k/12/show', hash: '' } })).toBe(false);
    expect(bad({ address: { path: '/k/{app}/show', hash: 'record={app}' } })).toBe(false);
    expect(bad({ address: { path: '/k/{a}{/show' } })).toBe(false);
    expect(bad({ name: { selectors: ['h1 { color: red }'] } })).toBe(false);
    expect(bad({ fields: [{ name: 'A', locator: {} }, { name: 'A', locator: {} }] })).toBe(false);
    expect(bad({ format: 'something-else' })).toBe(false);
    // An unknown key (a would-be script) is dropped, never kept.
    const parsed = SiteDefinition.parse({ ...kintoneJson, onLoad: 'alert(1)' });
    expect('onLoad' in parsed).toBe(false);
  });
});

describe('address patterns', () => {
  it('match records of the taught kind only, with their id parts', () => {
    expect(matchAddress(kintone.address, new URL('https://acme.cybozu.com/k/12/show#record=345'))).toEqual(['12', '345']);
    expect(matchAddress(kintone.address, new URL('https://acme.cybozu.com/k/12/show#record=345&tab=comments'))).toEqual(['12', '345']);
    expect(matchAddress(kintone.address, new URL('https://acme.cybozu.com/k/12/'))).toBeNull();
    expect(matchAddress(kintone.address, new URL('https://acme.cybozu.com/k/12/show'))).toBeNull();
    expect(matchAddress(kintone.address, new URL('https://acme.cybozu.com/k/12/show#record=345x%3Cscript'))).toBeNull();
    expect(matchAddress(admin.address, new URL('https://customers.acme-admin.jp/admin/customer.php?id=42&tab=2'))).toEqual(['42']);
    expect(matchAddress(admin.address, new URL('https://customers.acme-admin.jp/admin/settings.php'))).toBeNull();
  });

  it('are made from the parts the CSM ticks', () => {
    const url = new URL('https://acme.cybozu.com/k/12/show#record=345');
    const parts = addressParts(url);
    expect(parts.filter((p) => p.idLike).map((p) => p.value)).toEqual(['12', '345']);
    const both = patternFrom(url, new Set(parts.flatMap((p, i) => (p.idLike ? [i] : []))));
    expect(both).toEqual({ path: '/k/{id1}/show', query: [], hash: 'record={id2}' });
    expect(matchAddress(both, new URL('https://acme.cybozu.com/k/12/show#record=346'))).toEqual(['12', '346']);
    const recordOnly = patternFrom(url, new Set([parts.findIndex((p) => p.value === '345')]));
    expect(matchAddress(recordOnly, new URL('https://acme.cybozu.com/k/13/show#record=346'))).toBeNull();
  });
});

describe('the taught adapter', () => {
  it('keys records by host and id parts', () => {
    const ref = taughtAdapter(kintone).matchAccount(new URL('https://acme.cybozu.com/k/12/show#record=345'));
    expect(ref).toEqual({ crm: 'site', recordId: '12/345', accountKey: 'site:acme.cybozu.com:12/345' });
    expect(AccountKey.safeParse(ref?.accountKey).success).toBe(true);
    expect(taughtAdapter(kintone).matchAccount(new URL('https://evil.example.com/k/12/show#record=345'))).toBeNull();
    expect(taughtAdapter(kintone).matchAccount(new URL('http://acme.cybozu.com/k/12/show#record=345'))).toBeNull();
  });

  it('reads a kintone-like record by its labels', () => {
    const doc = show(kintoneRecord({ 'Company name': 'Globex Japan KK', Plan: 'Enterprise', Seats: '250', 'Renewal date': '2027-03-31' }), 'https://acme.cybozu.com/k/12/show#record=345');
    const record = taughtAdapter(kintone).readVisibleRecord(doc);
    expect(record?.name).toBe('Globex Japan KK');
    expect(record?.fields.map((f) => [f.key, f.value])).toEqual([['Plan', 'Enterprise'], ['Seats', '250'], ['Renewal', '2027-03-31']]);
    expect(record?.lost).toEqual([]);
  });

  it('reads the admin page, and after the site changed reports the renamed field lost instead of reading its old row', () => {
    const before = taughtSitesAdapter([kintone, admin]).readVisibleRecord(show(renderAdminPage('/admin/customer.php', '?id=42') ?? '', 'https://customers.acme-admin.jp/admin/customer.php?id=42'));
    expect(before?.name).toBe('Umbrella Holdings');
    expect(before?.fields.map((f) => [f.key, f.value])).toEqual([['Plan', 'Business'], ['MRR', '¥480,000'], ['Region', 'Kanto']]);
    const after = taughtAdapter(admin).readVisibleRecord(show(renderAdminPage('/admin/customer.php', '?id=42', { changed: true }) ?? '', 'https://customers.acme-admin.jp/admin/customer.php?id=42'));
    expect(after?.lost).toEqual(['Plan']);
    expect(after?.fields.map((f) => [f.key, f.value])).toEqual([['MRR', '¥480,000'], ['Region', 'Kanto']]);
  });

  it('reads nothing while the record has not rendered, and lists a lost name', () => {
    expect(taughtAdapter(kintone).readVisibleRecord(show('<div id="app-root"></div>', 'https://acme.cybozu.com/k/12/show#record=345'))).toBeNull();
    const doc = show(kintoneRecord({ Plan: 'Enterprise' }), 'https://acme.cybozu.com/k/12/show#record=345');
    expect(taughtAdapter(kintone).readVisibleRecord(doc)?.lost).toEqual(['(name)', 'Seats', 'Renewal']);
  });
});

describe('locators', () => {
  it('refuse a selector that now points beside another label, and an ambiguous label', () => {
    show('<table><tr><th>Region</th><td data-col="mrr">Kanto</td></tr><tr><th>MRR</th><td>¥1</td></tr></table>', 'https://x.example.com/');
    expect(locate(document, { selectors: ['td[data-col="mrr"]'], label: 'MRR', path: '' })?.textContent).toBe('¥1');
    show('<dl><dt>Plan</dt><dd>A</dd><dt>Plan</dt><dd>B</dd></dl>', 'https://x.example.com/');
    expect(findByLabel(document, 'Plan')).toBeNull();
  });

  it('are made from stable attributes, the label and the position of what was clicked', () => {
    show('<div id="main"><table><tr><th>Plan:</th><td data-col="plan">Pro</td></tr><tr><th>Id</th><td data-row="r-98231">1</td></tr></table></div>', 'https://x.example.com/');
    const cell = document.querySelector('td[data-col="plan"]');
    if (!cell) throw new Error('no cell');
    expect(stableSelectors(cell)).toEqual(['td[data-col="plan"]']);
    expect(labelOf(cell)).toBe('Plan');
    expect(positionPath(cell)).toBe('#main > table > tbody > tr:nth-of-type(1) > td');
    const generated = document.querySelector('td[data-row]');
    if (!generated) throw new Error('no cell');
    expect(stableSelectors(generated)).toEqual([]);
    expect(describeElement(cell)).toEqual({ selectors: ['td[data-col="plan"]'], label: 'Plan', path: '#main > table > tbody > tr:nth-of-type(1) > td' });
  });
});

describe('hash-path addresses (single-page apps)', () => {
  const at = (hashPath: string, rest: Record<string, unknown> = {}) => SiteDefinition.parse({ ...kintoneJson, host: 'crm.example.com', address: { path: '/app', hashPath, ...rest } });
  const url = (hash: string, path = '/app') => new URL(`https://crm.example.com${path}${hash}`);

  it('are valid definitions only as routes, and count their placeholders with the others', () => {
    const ok = (address: unknown) => SiteDefinition.safeParse({ ...kintoneJson, address }).success;
    expect(ok({ path: '/app', hashPath: '/customers/{id}' })).toBe(true);
    expect(ok({ path: '/app', hashPath: '!/deal/{id}' })).toBe(true);
    expect(ok({ path: '/app', hashPath: 'customers/{id}' })).toBe(false);
    expect(ok({ path: '/app', hashPath: '/customers/list' })).toBe(false);
    expect(ok({ path: '/k/{id}', hashPath: '/c/{id}' })).toBe(false);
    expect(ok({ path: '/{a}/{b}', hashPath: '/{c}/{d}', hash: 'x={e}' })).toBe(false);
    // Definitions made before hash paths parse as they did: no new key.
    expect('hashPath' in kintone.address).toBe(false);
    expect('hashPath' in admin.address).toBe(false);
  });

  it('match a route’s segments like the path’s, whole, a trailing slash and what follows its ? aside', () => {
    const customers = at('/customers/{id}');
    expect(matchAddress(customers.address, url('#/customers/42'))).toEqual(['42']);
    expect(matchAddress(customers.address, url('#/customers/42/'))).toEqual(['42']);
    expect(matchAddress(customers.address, url('#/customers/42?tab=notes'))).toEqual(['42']);
    expect(matchAddress(customers.address, url('#/customers/42', '/app/'))).toEqual(['42']);
    for (const other of ['#/customers', '#/customers/', '#/customers/42/orders', '#/deals/42', '#customers/42', '#!/customers/42', '#record=42', '', '#/customers/4%202']) {
      expect(matchAddress(customers.address, url(other)), other).toBeNull();
    }
    expect(matchAddress(customers.address, url('#/customers/42', '/other'))).toBeNull();
    // Literal text around a placeholder, as in a path (only hand-written: teaching offers whole segments).
    expect(matchAddress(at('/customer-{id}').address, url('#/customer-42'))).toEqual(['42']);
    const deal = at('!/deal/{id}');
    expect(matchAddress(deal.address, url('#!/deal/7'))).toEqual(['7']);
    expect(matchAddress(deal.address, url('#/deal/7'))).toBeNull();
    // The hash's pairs, when taught with a route, follow its ?.
    const search = at('/search', { hash: 'id={id}' });
    expect(matchAddress(search.address, url('#/search?id=5&page=2'))).toEqual(['5']);
    expect(matchAddress(search.address, url('#/search/?id=5'))).toEqual(['5']);
    expect(matchAddress(search.address, url('#/find?id=5'))).toBeNull();
    expect(matchAddress(search.address, url('#id=5'))).toBeNull();
  });

  it('key records by host and the path’s parts, then the route’s', () => {
    const def = SiteDefinition.parse({ ...kintoneJson, host: 'crm.example.com', address: { path: '/org/{org}', hashPath: '/customers/{id}' } });
    expect(taughtAdapter(def).matchAccount(new URL('https://crm.example.com/org/acme#/customers/42'))).toEqual({ crm: 'site', recordId: 'acme/42', accountKey: 'site:crm.example.com:acme/42' });
  });

  it('are proposed by the teaching mode: a route’s segments are offered as the path’s are', () => {
    const route = url('#/customers/42?tab=notes');
    const parts = addressParts(route);
    expect(parts).toEqual([
      { value: 'app', idLike: false },
      { value: 'customers', idLike: false },
      { value: '42', idLike: true },
      { value: 'notes', idLike: false },
    ]);
    const ticked = patternFrom(route, new Set([2]));
    expect(ticked).toEqual({ path: '/app', query: [], hash: '', hashPath: '/customers/{id1}' });
    expect(SiteDefinition.safeParse({ ...kintoneJson, address: ticked }).success).toBe(true);
    expect(matchAddress(ticked, url('#/customers/43'))).toEqual(['43']);
    expect(matchAddress(ticked, url('#/customers'))).toBeNull();
    // A hashbang route, with a trailing slash.
    const bang = url('#!/deal/7/');
    expect(addressParts(bang).map((p) => p.value)).toEqual(['app', 'deal', '7']);
    expect(patternFrom(bang, new Set([2]))).toEqual({ path: '/app', query: [], hash: '', hashPath: '!/deal/{id1}' });
    // A pair after the route's ? keeps the route as literal text.
    const search = url('#/search?id=5');
    expect(patternFrom(search, new Set([2]))).toEqual({ path: '/app', query: [], hash: 'id={id1}', hashPath: '/search' });
    // Nothing of the route ticked: it is a view of a record named elsewhere, and does not matter.
    const view = url('#/overview', '/app/42');
    const viewParts = addressParts(view);
    expect(viewParts.filter((p) => p.idLike).map((p) => p.value)).toEqual(['42']);
    const byPath = patternFrom(view, new Set(viewParts.flatMap((p, i) => (p.idLike ? [i] : []))));
    expect(byPath).toEqual({ path: '/app/{id1}', query: [], hash: '' });
    expect(matchAddress(byPath, url('#/settings', '/app/43'))).toEqual(['43']);
  });
});
