import { storageStore, type StateStore, type StorageArea } from './kept-state';
import { KeptTabLists } from './kept-tab-lists';

/** Where the worker keeps them (`storage.session`). */
export const storageDraftHoldersStore = (area: StorageArea): StateStore => storageStore(area, 'draftHolders');

/**
 * Which drafts each tab's quick log forms are writing since the tab's page loaded. A form opening
 * on an account continues the newest draft of it that no other tab is writing, so two tabs on one
 * account each keep their own, and a draft left by a closed tab is found again. Kept across worker
 * restarts (`held`, forgotten by the worker's entry when a tab closes): Chrome stops an idle
 * worker after 30 seconds, and a tab opened after that must not take over a draft that a form
 * still open elsewhere writes.
 */
export class DraftHolders {
  /** `mayStillWrite`: may a sidebar of the tab still be writing (not one whose page crashed or went to another site)? */
  constructor(
    private readonly mayStillWrite: (tabId: number) => boolean | Promise<boolean>,
    private readonly held: KeptTabLists = new KeptTabLists(),
  ) {}

  /** The tab's sidebar wrote this draft. */
  hold(tabId: number, draftId: string): Promise<void> {
    return this.held.add(tabId, draftId);
  }

  /** A new page in the tab: its forms are gone, their drafts are free to continue. */
  release(tabId: number): Promise<void> {
    return this.held.forgetTab(tabId);
  }

  /** The drafts the other tabs' forms may still be writing. */
  heldElsewhere(tabId: number | undefined): Promise<Set<string>> {
    return this.held.ofOtherTabs(tabId, this.mayStillWrite);
  }
}
