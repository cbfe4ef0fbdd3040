import { describe, expect, it } from 'vitest';
import { memoryStore, storageStore } from './kept-state';
import { KeptTabLists } from './kept-tab-lists';

const A = 'salesforce:acme:001Dn00000AAAAAAA1';
const B = 'hubspot:123:456';

describe('KeptTabLists', () => {
  it('knows each tab’s names until the tab is forgotten', async () => {
    const accounts = new KeptTabLists();
    await accounts.add(1, A);
    await accounts.add(1, B);
    await accounts.add(2, B);
    expect(await accounts.has(1, A)).toBe(true);
    expect(await accounts.has(1, B)).toBe(true);
    expect(await accounts.has(2, A)).toBe(false);
    await accounts.forgetTab(1);
    expect(await accounts.has(1, A)).toBe(false);
    expect(await accounts.has(2, B)).toBe(true);
  });

  it('lists the names of the other tabs it is asked about', async () => {
    const lists = new KeptTabLists();
    await lists.add(1, 'form-1');
    await lists.add(2, 'form-2');
    await lists.add(3, 'form-3');
    expect(await lists.ofOtherTabs(1, (tabId) => tabId !== 3)).toEqual(new Set(['form-2']));
    expect(await lists.ofOtherTabs(undefined, () => true)).toEqual(new Set(['form-1', 'form-2', 'form-3']));
  });

  it('sees a change made before it asked, without waiting for it', async () => {
    const accounts = new KeptTabLists();
    void accounts.add(1, A);
    expect(await accounts.has(1, A)).toBe(true);
  });

  it('is kept across a worker restart through its store, and an unreadable store is empty', async () => {
    const store = memoryStore();
    const before = new KeptTabLists(store);
    await before.add(7, A);
    await before.written();
    expect(await new KeptTabLists(store).has(7, A)).toBe(true);
    expect(await new KeptTabLists({ read: async () => ({ 7: 'garbled' }), write: async () => undefined }).has(7, A)).toBe(false);
    expect(await new KeptTabLists({ read: () => Promise.reject(new Error('no session storage')), write: async () => undefined }).has(7, A)).toBe(false);
  });

  it('keeps the newest 50 accounts of a tab and the newest 200 tabs', async () => {
    const items: Record<string, unknown> = {};
    const area = { get: async (key: string) => ({ [key]: items[key] }), set: async (more: Record<string, unknown>) => void Object.assign(items, more) };
    const accounts = new KeptTabLists(storageStore(area, 'tabAccounts'));
    for (let i = 0; i < 51; i++) await accounts.add(1, `hubspot:1:${i}`);
    expect(await accounts.has(1, 'hubspot:1:0')).toBe(false);
    expect(await accounts.has(1, 'hubspot:1:1')).toBe(true);
    for (let tab = 2; tab <= 201; tab++) await accounts.add(tab, A);
    expect(await accounts.has(1, 'hubspot:1:50')).toBe(false);
    expect(await accounts.has(2, A)).toBe(true);
    expect(await accounts.has(201, A)).toBe(true);
    await accounts.written();
    expect(Object.keys(items)).toEqual(['tabAccounts']);
    expect(Object.keys(items.tabAccounts as object)).toHaveLength(200);
  });
});
