import type { AccountKey } from '../model/account';

/** At most this many accounts are remembered per tab (a CSM clicking through a list of accounts). */
const PER_TAB = 50;

/**
 * Which accounts each CRM tab's content script has reported since the tab's page was loaded.
 * A sidebar may name these: the one its tab shows now, and the ones shown before it in the same
 * page, so what was on its way when the user moved on (a draft's last keystrokes, an undo) is
 * still taken. In memory, like the tab sessions: lost with the worker, rebuilt as tabs report.
 */
export class TabAccounts {
  private readonly shown = new Map<number, AccountKey[]>();

  /** The tab's content script reported this account. */
  add(tabId: number, accountKey: AccountKey): void {
    const keys = (this.shown.get(tabId) ?? []).filter((k) => k !== accountKey);
    keys.push(accountKey);
    this.shown.set(tabId, keys.slice(-PER_TAB));
  }

  /** A new page was loaded in the tab: its sidebar starts over. */
  reset(tabId: number): void {
    this.shown.delete(tabId);
  }

  has(tabId: number, accountKey: AccountKey): boolean {
    return this.shown.get(tabId)?.includes(accountKey) ?? false;
  }

  /** Drops tabs that are gone (`isLive` false), so closed tabs are not remembered for ever. */
  prune(isLive: (tabId: number) => boolean): void {
    for (const tabId of [...this.shown.keys()]) if (!isLive(tabId)) this.shown.delete(tabId);
  }
}
