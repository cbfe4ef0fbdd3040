import { describe, expect, it } from 'vitest';
import { memoryStore } from './kept-state';
import { SidebarFrames, storageFrameStore } from './sidebar-frames';

const KEY = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const OTHER_KEY = '11111111-2222-4333-8444-555555555555';

describe('SidebarFrames', () => {
  it('serves the frame that shows its tab’s key first, and no other frame or tab', async () => {
    const frames = new SidebarFrames();
    await frames.expect(1, KEY);
    expect(await frames.isSidebar(1, 5)).toBe(false);
    expect(await frames.claim(1, 5, OTHER_KEY)).toBe(false);
    expect(await frames.claim(2, 5, KEY)).toBe(false);
    expect(await frames.claim(1, 5, KEY)).toBe(true);
    expect(await frames.isSidebar(1, 5)).toBe(true);
    // The key copied into another frame of the tab (the page's own) is refused.
    expect(await frames.claim(1, 9, KEY)).toBe(false);
    expect(await frames.isSidebar(1, 9)).toBe(false);
    expect(await frames.isSidebar(2, 5)).toBe(false);
    // The same frame reconnecting (worker restarted) keeps it.
    expect(await frames.claim(1, 5, KEY)).toBe(true);
  });

  it('keeps the binding when the content script announces the same key again, and starts over with a new one', async () => {
    const frames = new SidebarFrames();
    await frames.expect(1, KEY);
    await frames.claim(1, 5, KEY);
    await frames.expect(1, KEY);
    expect(await frames.isSidebar(1, 5)).toBe(true);
    // A new frame (the script injected again): the old one is no longer served.
    await frames.expect(1, OTHER_KEY);
    expect(await frames.isSidebar(1, 5)).toBe(false);
    expect(await frames.claim(1, 7, OTHER_KEY)).toBe(true);
    await frames.forgetTab(1);
    expect(await frames.isSidebar(1, 7)).toBe(false);
  });

  it('remembers across a worker restart through its store, and treats an unreadable store as empty', async () => {
    const store = memoryStore();
    const before = new SidebarFrames(store);
    await before.expect(1, KEY);
    await before.claim(1, 5, KEY);
    await before.written();
    const after = new SidebarFrames(store);
    expect(await after.isSidebar(1, 5)).toBe(true);
    expect(await after.claim(1, 9, KEY)).toBe(false);

    const garbled = new SidebarFrames({ read: async () => ({ 1: { key: 42 } }), write: async () => undefined });
    expect(await garbled.isSidebar(1, 5)).toBe(false);
    const failing = new SidebarFrames({ read: () => Promise.reject(new Error('no session storage')), write: async () => undefined });
    expect(await failing.isSidebar(1, 5)).toBe(false);
  });

  it('keeps its state under one key of a storage area', async () => {
    const items: Record<string, unknown> = {};
    const area = { get: async (key: string) => ({ [key]: items[key] }), set: async (more: Record<string, unknown>) => void Object.assign(items, more) };
    const frames = new SidebarFrames(storageFrameStore(area));
    await frames.expect(1, KEY);
    await frames.claim(1, 5, KEY);
    await frames.written();
    expect(Object.keys(items)).toEqual(['sidebarFrames']);
    expect(await new SidebarFrames(storageFrameStore(area)).isSidebar(1, 5)).toBe(true);
  });
});
