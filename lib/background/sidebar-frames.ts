import { z } from 'zod';

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
  frameId: z.number().int().optional(),
});
const FrameState = z.record(z.string(), TabFrame);
type FrameState = z.infer<typeof FrameState>;

/** Where the state is kept; `storage.session` in the worker, a plain object in tests. */
export interface FrameStateStore {
  read(): Promise<unknown>;
  write(state: FrameState): Promise<void>;
}

export function memoryFrameStore(): FrameStateStore {
  let saved: unknown;
  return {
    read: async () => saved,
    write: async (state) => {
      saved = structuredClone(state);
    },
  };
}

const STORAGE_KEY = 'sidebarFrames';

/** The part of a `browser.storage` area the state is kept in. */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** In `storage.session` (the worker's): kept across worker restarts for the browser session; content scripts cannot read it (Chrome's default access level). */
export function storageFrameStore(area: StorageArea): FrameStateStore {
  return {
    read: async () => (await area.get(STORAGE_KEY))[STORAGE_KEY],
    write: (state) => area.set({ [STORAGE_KEY]: state }),
  };
}

export class SidebarFrames {
  private state: Promise<FrameState> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly store: FrameStateStore = memoryFrameStore()) {}

  /** The tab's content script made a frame with this key (again, after the worker restarted: the binding stays). */
  async expect(tabId: number, key: string): Promise<void> {
    const state = await this.load();
    if (state[tabId]?.key === key) return;
    state[tabId] = { key };
    this.save(state);
  }

  /** Does `frameId` of the tab show the key its content script announced? The first frame to show it keeps it. */
  async claim(tabId: number, frameId: number, key: string): Promise<boolean> {
    const state = await this.load();
    const entry = state[tabId];
    if (!entry || entry.key !== key) return false;
    if (entry.frameId !== undefined) return entry.frameId === frameId;
    entry.frameId = frameId;
    this.save(state);
    return true;
  }

  /** Is this frame the tab's sidebar, the one the extension made? */
  async isSidebar(tabId: number, frameId: number | undefined): Promise<boolean> {
    const entry = (await this.load())[tabId];
    return entry?.frameId !== undefined && entry.frameId === frameId;
  }

  async forgetTab(tabId: number): Promise<void> {
    const state = await this.load();
    if (!(tabId in state)) return;
    delete state[tabId];
    this.save(state);
  }

  private load(): Promise<FrameState> {
    // Anything unreadable is a state with no sidebars: each content script announces its key again when its frame asks.
    this.state ??= this.store.read().then(
      (saved) => FrameState.catch({}).parse(saved ?? {}),
      () => ({}),
    );
    return this.state;
  }

  /**
   * Kept for a worker restart, without holding up the answer (memory is what is read while the
   * worker lives). A write lost with the worker heals itself: the frame's key is then refused, the
   * frame asks again, and its content script announces the key anew. One write at a time, each of
   * the whole (small) state, so the last one is what stays.
   */
  private save(state: FrameState): void {
    this.writing = this.writing.then(() => this.store.write(state)).catch(() => undefined);
  }

  /** Resolves once what was kept so far is written (for tests). */
  written(): Promise<void> {
    return this.writing;
  }
}
