import type { z } from '../model/zod';

/**
 * A piece of the worker's memory kept across its restarts: `storage.session` (memory of the
 * browser session, which content scripts cannot read: Chrome's default access level) in the
 * worker, a plain object in tests. Chrome stops an idle worker after 30 seconds; what a request
 * is checked against must outlive that.
 */
export interface StateStore {
  read(): Promise<unknown>;
  write(state: unknown): Promise<void>;
}

export function memoryStore(): StateStore {
  let saved: unknown;
  return {
    read: async () => saved,
    write: async (state) => {
      saved = structuredClone(state);
    },
  };
}

/** The part of a `browser.storage` area a state is kept in. */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Under one key of a storage area. */
export function storageStore(area: StorageArea, key: string): StateStore {
  return {
    read: async () => (await area.get(key))[key],
    write: (state) => area.set({ [key]: state }),
  };
}

/**
 * The state, read once from its store, then in memory; every change written back. Anything
 * unreadable is the empty state: what is kept here is rebuilt as tabs report again.
 */
export class KeptState<T> {
  private state: Promise<T> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly schema: z.ZodMiniType<T>,
    private readonly empty: () => T,
    private readonly store: StateStore,
  ) {}

  load(): Promise<T> {
    this.state ??= this.store.read().then(
      (saved) => {
        const parsed = this.schema.safeParse(saved ?? this.empty());
        return parsed.success ? parsed.data : this.empty();
      },
      () => this.empty(),
    );
    return this.state;
  }

  /** Changes the state in memory and writes it, unless `change` says it changed nothing. */
  async update(change: (state: T) => boolean): Promise<void> {
    const state = await this.load();
    if (change(state)) this.save(state);
  }

  /**
   * Written without holding up the caller (memory is what is read while the worker lives). One
   * write at a time, each of the whole (small) state, so the last one is what stays.
   */
  save(state: T): void {
    this.writing = this.writing.then(() => this.store.write(state)).catch(() => undefined);
  }

  /** Resolves once what was kept so far is written (for tests). */
  written(): Promise<void> {
    return this.writing;
  }
}
