import { storageStore, type StateStore, type StorageArea } from './kept-state';
import { KeptTabLists } from './kept-tab-lists';

/** Where the worker keeps them (`storage.session`). */
export const storageTabAccountsStore = (area: StorageArea): StateStore => storageStore(area, 'tabAccounts');

/**
 * Which accounts each CRM tab's content script has reported since the tab's page was loaded
 * (the newest 50 of a tab). A sidebar may name these: the one its tab shows now, and the ones
 * shown before it in the same page, so what was on its way when the user moved on (a draft's last
 * keystrokes, an undo) is still taken. Kept across worker restarts: a keystroke sent just before
 * the tab closed can reach a worker that has just started, where the tab is gone and will never
 * report again.
 */
export class TabAccounts extends KeptTabLists {}
