import type { AccountKey } from '../model/account';
import type { AccountView, SidebarPush } from '../messaging/protocol';

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

  view(tabId: number): AccountView | null | undefined {
    return this.views.get(tabId);
  }

  setView(tabId: number, view: AccountView | null): void {
    this.views.set(tabId, view);
    this.push(tabId, { type: 'view', view });
  }

  forgetView(tabId: number): void {
    this.views.delete(tabId);
  }

  attach(tabId: number, port: SidebarPort): void {
    const set = this.ports.get(tabId) ?? new Set();
    set.add(port);
    this.ports.set(tabId, set);
  }

  detach(tabId: number, port: SidebarPort): void {
    this.ports.get(tabId)?.delete(port);
  }

  forgetTab(tabId: number): void {
    this.views.delete(tabId);
    this.ports.delete(tabId);
  }

  push(tabId: number, message: SidebarPush): void {
    for (const port of this.ports.get(tabId) ?? []) port.postMessage(message);
  }

  /** Tabs whose sidebar listens but has no record to show yet (its reading was not taken). */
  tabsWaiting(): number[] {
    return this.allTabs().filter((tabId) => this.views.get(tabId) === undefined);
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
