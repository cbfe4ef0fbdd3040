/**
 * Which drafts each tab's quick log forms are writing since the tab's page loaded. A form opening
 * on an account continues the newest draft of it that no other tab is writing, so two tabs on one
 * account each keep their own, and a draft left by a closed tab is found again. In memory, like
 * the tab sessions: after a worker restart, each form's next keystroke tells it again.
 */
export class DraftHolders {
  private readonly held = new Map<number, Set<string>>();

  /** `listening`: does a sidebar of the tab listen now (a tab whose page crashed is open, its sidebar gone)? */
  constructor(private readonly listening: (tabId: number) => boolean) {}

  /** The tab's sidebar wrote this draft. */
  hold(tabId: number, draftId: string): void {
    const drafts = this.held.get(tabId) ?? new Set<string>();
    drafts.add(draftId);
    this.held.set(tabId, drafts);
  }

  /** A new page in the tab, or the tab closed: its forms are gone, their drafts are free to continue. */
  release(tabId: number): void {
    this.held.delete(tabId);
  }

  /** The drafts the other tabs' forms are writing: of tabs whose sidebar still listens, so a crashed page holds nothing. */
  heldElsewhere(tabId: number | undefined): Set<string> {
    const others = new Set<string>();
    for (const [holder, drafts] of this.held) if (holder !== tabId && this.listening(holder)) for (const id of drafts) others.add(id);
    return others;
  }
}
