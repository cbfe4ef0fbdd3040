import { describe, expect, it } from 'vitest';
import { isCrmPage } from './inject-sidebar';

describe('isCrmPage', () => {
  it('accepts Lightning pages, sandboxes included, and nothing else', () => {
    expect(isCrmPage('https://acme.lightning.force.com/lightning/r/Account/001Dn00000iNTchIAG/view')).toBe(true);
    expect(isCrmPage('https://acme--uat.sandbox.lightning.force.com/lightning/o/Account/list')).toBe(true);
    expect(isCrmPage('http://acme.lightning.force.com/lightning/page/home')).toBe(false);
    expect(isCrmPage('https://lightning.force.com.evil.example/lightning/r/Account/001/view')).toBe(false);
    expect(isCrmPage('https://acme.my.salesforce.com/001Dn00000iNTch')).toBe(false);
    expect(isCrmPage(undefined)).toBe(false);
  });
});
