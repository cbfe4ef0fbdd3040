import { z } from '../model/zod';
import { KeptState, memoryStore, storageStore, type StateStore, type StorageArea } from './kept-state';

/**
 * Which frame of each CRM tab is the sidebar the extension made (handshake:
 * lib/messaging/sidebar-frame.ts). Kept where the worker finds it after a restart
 * (`storage.session`: memory of the browser session, not readable by content scripts), because a
 * sidebar reconnects with the key it was given, not a new one.
 */
const TabFrame = z.object({
  /** The key the tab's content script announced for the frame it made. */
  key: z.string(),
  /** The frame that showed the key first; undefined until it has. */
  frameId: z.optional(z.int()),
});
const FrameState = z.record(z.string(), TabFrame);
type FrameState = z.infer<typeof FrameState>;

/** Where the worker keeps the state (`storage.session`). */
export const storageFrameStore = (area: StorageArea): StateStore => storageStore(area, 'sidebarFrames');

/**
 * Anything unreadable is a state with no sidebars: each content script announces its key again
 * when its frame asks. A write lost with the worker heals itself the same way: the frame's key is
 * refused, the frame asks again, and its content script announces the key anew.
 */
export class SidebarFrames {
  private readonly kept: KeptState<FrameState>;

  constructor(store: StateStore = memoryStore()) {
    this.kept = new KeptState(FrameState, () => ({}), store);
  }

  /** The tab's content script made a frame with this key (again, after the worker restarted: the binding stays). */
  async expect(tabId: number, key: string): Promise<void> {
    const state = await this.kept.load();
    if (state[tabId]?.key === key) return;
    state[tabId] = { key };
    this.kept.save(state);
  }

  /** Does `frameId` of the tab show the key its content script announced? The first frame to show it keeps it. */
  async claim(tabId: number, frameId: number, key: string): Promise<boolean> {
    const state = await this.kept.load();
    const entry = state[tabId];
    if (!entry || entry.key !== key) return false;
    if (entry.frameId !== undefined) return entry.frameId === frameId;
    entry.frameId = frameId;
    this.kept.save(state);
    return true;
  }

  /** Is this frame the tab's sidebar, the one the extension made? */
  async isSidebar(tabId: number, frameId: number | undefined): Promise<boolean> {
    const entry = (await this.kept.load())[tabId];
    return entry?.frameId !== undefined && entry.frameId === frameId;
  }

  forgetTab(tabId: number): Promise<void> {
    return this.kept.update((state) => tabId in state && delete state[tabId]);
  }

  /** Resolves once what was kept so far is written (for tests). */
  written(): Promise<void> {
    return this.kept.written();
  }
}
