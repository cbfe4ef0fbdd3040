import type { CrmAdapter, VisibleRecord } from '../adapters/types';
import { fingerprint, waitForRecord } from '../adapters/wait';
import type { Request } from '../messaging/protocol';
import { matchAccountPage, toReading } from './account-page';
import type { SidebarHost } from './sidebar-host';

/** How long after a navigation progressive rendering is followed, re-sending richer readings. */
const REFINE_MS = 4000;
const REFINE_POLL_MS = 250;
const RECORD_TIMEOUT_MS = 20000;

export interface RecordFollowerDeps {
  adapter: CrmAdapter;
  doc: Document;
  /** The page's current address (the navigation may announce itself before `location` changes). */
  currentUrl: () => string;
  send: (message: Request) => void;
  /** The sidebar's frame, created after the page's `load` the first time it is needed. */
  ensureHost: () => Promise<SidebarHost>;
  existingHost: () => SidebarHost | undefined;
  /** An interval that ends with the content script's context. */
  setInterval: (handler: () => void, ms: number) => number;
}

/**
 * Follows the CRM's single-page navigation: on every address, is it an account record? Wait for
 * that record to render, send what it shows, and follow its progressive rendering for a while.
 */
export function createRecordFollower(deps: RecordFollowerDeps) {
  const { adapter, doc, send } = deps;
  let navigation: AbortController | undefined;
  let shown: VisibleRecord | undefined;
  let resend: (() => void) | undefined;
  /** The address before was no account record (an opportunity, a list): whatever record it showed is not the next account's. */
  let cameFromOtherPage = false;

  // `url` comes from the navigation itself: WXT announces it before `location` changes.
  async function onLocation(url: string): Promise<void> {
    navigation?.abort();
    const controller = new AbortController();
    navigation = controller;
    // Let the navigation commit first, so the address and the page agree when the record is read.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (controller.signal.aborted) return;
    const ref = matchAccountPage(adapter, url);
    if (!ref) {
      deps.existingHost()?.hide();
      resend = undefined;
      if (shown) send({ type: 'record.left' });
      shown = undefined;
      cameFromOtherPage = true;
      return;
    }
    // The CRM changes the address before the new record renders: until then the record on screen
    // is the one left (an account shown before, or an opportunity's), never this account's.
    const previous = shown ?? (cameFromOtherPage ? adapter.readVisibleRecord(doc) : null);
    cameFromOtherPage = false;
    const visitId = crypto.randomUUID();
    const sidebar = await deps.ensureHost();
    if (controller.signal.aborted) return;
    sidebar.show();
    const record = await waitForRecord(doc, adapter, { previous, timeoutMs: RECORD_TIMEOUT_MS, signal: controller.signal });
    // The record on screen must be the one the address now names.
    if (!record || controller.signal.aborted || matchAccountPage(adapter, deps.currentUrl())?.accountKey !== ref.accountKey) return;
    let last = fingerprint(record);
    shown = record;
    resend = () => send({ type: 'record.visited', reading: toReading(ref, shown ?? record, deps.currentUrl(), visitId) });
    resend();
    // CRMs render a record progressively: follow it for a while and send richer readings.
    const started = Date.now();
    const refine = deps.setInterval(() => {
      if (controller.signal.aborted || Date.now() - started > REFINE_MS) return clearInterval(refine);
      const now = adapter.readVisibleRecord(doc);
      if (!now || now.container !== record.container || fingerprint(now) === last) return;
      last = fingerprint(now);
      shown = now;
      resend?.();
    }, REFINE_POLL_MS);
  }

  async function openQuickLog(): Promise<void> {
    if (!matchAccountPage(adapter, deps.currentUrl())) return;
    const sidebar = await deps.ensureHost();
    sidebar.expand();
    sidebar.focusSidebar();
    send({ type: 'quickLog.open' });
  }

  /**
   * The page came back from the back/forward cache with its record on screen: the sidebar (a new
   * one, the caller dropped the old) is shown and told the record again. Nothing on other pages.
   */
  async function onRestored(): Promise<void> {
    const again = resend;
    if (!again) return;
    const sidebar = await deps.ensureHost();
    sidebar.show();
    again();
  }

  return { onLocation, openQuickLog, onRestored, resend: () => resend?.() };
}
