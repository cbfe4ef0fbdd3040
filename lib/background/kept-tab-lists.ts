import { z } from '../model/zod';
import { KeptState, memoryStore, type StateStore } from './kept-state';

// Only the worker writes it; what is looked up in it has been checked before.
const State = z.record(z.string(), z.array(z.string()));
type State = z.infer<typeof State>;

/**
 * For each tab, a short list of names (newest last), kept across worker restarts (KeptState):
 * what a tab's sidebar may name, or which drafts its forms write. At most `perTab` names a tab
 * and `tabs` tabs: the oldest go first (tabs by id: Chrome counts tab ids up).
 */
export class KeptTabLists {
  private readonly kept: KeptState<State>;

  constructor(
    store: StateStore = memoryStore(),
    private readonly perTab = 50,
    private readonly tabs = 200,
  ) {
    this.kept = new KeptState(State, () => ({}), store);
  }

  /** Adds the name as the tab's newest (moved there if the tab had it). */
  async add(tabId: number, name: string): Promise<void> {
    const state = await this.kept.load();
    // Added again (a record re-read, the next keystroke): nothing to write.
    if (state[tabId]?.at(-1) === name) return;
    state[tabId] = [...(state[tabId] ?? []).filter((n) => n !== name), name].slice(-this.perTab);
    const tabIds = Object.keys(state);
    for (const old of tabIds.slice(0, Math.max(0, tabIds.length - this.tabs))) delete state[old];
    this.kept.save(state);
  }

  async has(tabId: number, name: string): Promise<boolean> {
    return (await this.kept.load())[tabId]?.includes(name) ?? false;
  }

  /** The names of every tab but `tabId` that `include` accepts. */
  async ofOtherTabs(tabId: number | undefined, include: (tabId: number) => boolean | Promise<boolean>): Promise<Set<string>> {
    const others = Object.entries(await this.kept.load()).filter(([other]) => Number(other) !== tabId);
    const included = await Promise.all(others.map(([other]) => include(Number(other))));
    return new Set(others.filter((_, i) => included[i]).flatMap(([, list]) => list));
  }

  forgetTab(tabId: number): Promise<void> {
    return this.kept.update((state) => tabId in state && delete state[tabId]);
  }

  /** Resolves once what was kept so far is written (for tests). */
  written(): Promise<void> {
    return this.kept.written();
  }
}
