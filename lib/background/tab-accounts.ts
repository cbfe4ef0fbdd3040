import { z } from 'zod';
import type { AccountKey } from '../model/account';
import { KeptState, memoryStore, storageStore, type StateStore, type StorageArea } from './kept-state';

/** At most this many accounts are remembered per tab (a CSM clicking through a list of accounts). */
const PER_TAB = 50;
/** At most this many tabs: the oldest (lowest ids: Chrome counts tab ids up) go first. */
const TABS = 200;

// Only the worker writes it, with keys it has checked; `has` compares against a checked key.
const State = z.record(z.string(), z.array(z.string()));
type State = z.infer<typeof State>;

/** Where the worker keeps the state (`storage.session`). */
export const storageTabAccountsStore = (area: StorageArea): StateStore => storageStore(area, 'tabAccounts');

/**
 * Which accounts each CRM tab's content script has reported since the tab's page was loaded.
 * A sidebar may name these: the one its tab shows now, and the ones shown before it in the same
 * page, so what was on its way when the user moved on (a draft's last keystrokes, an undo) is
 * still taken. Kept across worker restarts: a keystroke sent just before the tab closed can reach
 * a worker that has just started, where the tab is gone and will never report again.
 */
export class TabAccounts {
  private readonly kept: KeptState<State>;

  constructor(store: StateStore = memoryStore()) {
    this.kept = new KeptState(State, () => ({}), store);
  }

  /** The tab's content script reported this account. */
  async add(tabId: number, accountKey: AccountKey): Promise<void> {
    const state = await this.kept.load();
    // Read again (a record re-read, the sidebar reconnecting): nothing to write.
    if (state[tabId]?.at(-1) === accountKey) return;
    const keys = (state[tabId] ?? []).filter((k) => k !== accountKey);
    keys.push(accountKey);
    state[tabId] = keys.slice(-PER_TAB);
    const tabs = Object.keys(state);
    for (const old of tabs.slice(0, Math.max(0, tabs.length - TABS))) delete state[old];
    this.kept.save(state);
  }

  /** A new page was loaded in the tab (its sidebar starts over), or the tab was closed. */
  async forgetTab(tabId: number): Promise<void> {
    const state = await this.kept.load();
    if (!(tabId in state)) return;
    delete state[tabId];
    this.kept.save(state);
  }

  async has(tabId: number, accountKey: string): Promise<boolean> {
    return (await this.kept.load())[tabId]?.includes(accountKey) ?? false;
  }

  /** Resolves once what was kept so far is written (for tests). */
  written(): Promise<void> {
    return this.kept.written();
  }
}
