import type { AccountKey } from '../model/account';
import type { AccountView, SidebarPush } from '../messaging/sidebar-push';

/** The part of a runtime port the sessions use, so tests can pass a plain object. */
export interface SidebarPort {
  postMessage(message: SidebarPush): void;
}

/**
 * Which account each CRM tab shows and which sidebars are listening. In memory: when the
 * service worker restarts, sidebars reconnect and content scripts are asked to read again.
 */
export class TabSessions {
  private readonly views = new Map<number, AccountView | null>();
  private readonly ports = new Map<number, Set<SidebarPort>>();
  /** Tabs whose quick log was asked for before their sidebar listened (just made, or reconnecting). */
  private readonly quickLogWanted = new Set<number>();
  /** Counts each tab's view changes, so a view made from a read that began before one is dropped. */
  private readonly changes = new Map<number, number>();

  view(tabId: number): AccountView | null | undefined {
    return this.views.get(tabId);
  }

  setView(tabId: number, view: AccountView | null): void {
    this.views.set(tabId, view);
    this.changed(tabId);
    this.push(tabId, { type: 'view', view });
  }

  forgetView(tabId: number): void {
    this.views.delete(tabId);
    this.changed(tabId);
  }

  /** The tab's page names an account not seen before, not rendered yet: its sidebar waits for the reading. */
  awaitReading(tabId: number): void {
    this.forgetView(tabId);
    this.push(tabId, { type: 'reading' });
  }

  /** Does the tab's sidebar show the page's reading of this account (not it as stored, nor another)? */
  showsReadingOf(tabId: number, accountKey: AccountKey): boolean {
    const view = this.views.get(tabId);
    return view?.remembered === false && view.reading.accountKey === accountKey;
  }

  /** A mark of the tab's view now: `viewChangedSince` tells whether it has changed after. */
  viewMark(tabId: number): number {
    return this.changes.get(tabId) ?? 0;
  }

  viewChangedSince(tabId: number, mark: number): boolean {
    return this.viewMark(tabId) !== mark;
  }

  private changed(tabId: number): void {
    this.changes.set(tabId, this.viewMark(tabId) + 1);
  }

  attach(tabId: number, port: SidebarPort): void {
    const set = this.ports.get(tabId) ?? new Set();
    set.add(port);
    this.ports.set(tabId, set);
    if (this.quickLogWanted.delete(tabId)) port.postMessage({ type: 'quickLog.open' });
  }

  detach(tabId: number, port: SidebarPort): void {
    this.ports.get(tabId)?.delete(port);
  }

  forgetTab(tabId: number): void {
    this.views.delete(tabId);
    this.changes.delete(tabId);
    this.ports.delete(tabId);
    this.quickLogWanted.delete(tabId);
  }

  push(tabId: number, message: SidebarPush): void {
    const ports = this.ports.get(tabId);
    // The shortcut pressed before the sidebar listens is not lost: it opens once it does.
    if (message.type === 'quickLog.open' && !ports?.size) this.quickLogWanted.add(tabId);
    for (const port of ports ?? []) {
      try {
        port.postMessage(message);
      } catch {
        // Its frame went away before the port's disconnect was heard (it connected while the
        // worker was still being built): dropped, and the tab's other sidebars still get it.
        ports?.delete(port);
      }
    }
  }

  /** Tabs whose sidebar listens but has no record to show yet (its reading was not taken). */
  tabsWaiting(): number[] {
    return this.allTabs().filter((tabId) => this.views.get(tabId) === undefined);
  }

  /** Does a sidebar of the tab listen now? */
  listening(tabId: number): boolean {
    return (this.ports.get(tabId)?.size ?? 0) > 0;
  }

  /**
   * Has a sidebar of the tab connected since this worker started? One that has not may be
   * reconnecting now (the worker was just restarted), or its page may be gone.
   */
  heardFrom(tabId: number): boolean {
    return this.ports.has(tabId);
  }

  /** Every tab with a sidebar listening. */
  allTabs(): number[] {
    return [...this.ports.keys()];
  }

  /** Every tab showing this account, so all its sidebars stay in step. */
  tabsShowing(accountKey: AccountKey): number[] {
    return [...this.views].filter(([, view]) => view?.reading.accountKey === accountKey).map(([tabId]) => tabId);
  }
}
