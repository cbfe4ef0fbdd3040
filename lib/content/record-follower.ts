import type { CrmAdapter, VisibleRecord } from '../adapters/types';
import { fingerprint, waitForRecord } from '../adapters/wait';
import type { Request } from '../messaging/protocol';
import { matchAccountPage, toReading } from './account-page';
import type { SidebarHost } from './sidebar-host';

/** How long after a navigation progressive rendering is followed, re-sending richer readings. */
const REFINE_MS = 4000;
/** How long after the user clicks or types on the page the record is re-read (a tab switch renders in this time). */
const AFTER_ACTION_MS = 3000;
const REFINE_POLL_MS = 250;
/** How long a record that has not rendered is waited for (a CRM that failed to render it may never do). */
const RECORD_TIMEOUT_MS = 120_000;
/** When the sidebar says the record has not appeared yet, instead of reading on in silence. */
export const RECORD_MISSING_MS = 10_000;

/** What the follower does with the sidebar's frame. */
type FollowedHost = Pick<SidebarHost, 'show' | 'hide' | 'expand' | 'focusSidebar'>;

export interface RecordFollowerDeps {
  adapter: CrmAdapter;
  doc: Document;
  /** The page's current address (the navigation may announce itself before `location` changes). */
  currentUrl: () => string;
  send: (message: Request) => void;
  /** The sidebar's frame, created after the page's `load` the first time it is needed. */
  ensureHost: () => Promise<FollowedHost>;
  existingHost: () => FollowedHost | undefined;
  /** An interval that ends with the content script's context. */
  setInterval: (handler: () => void, ms: number) => number;
}

/**
 * Follows the CRM's single-page navigation: on every address, is it an account record? Wait for
 * that record to render, send what it shows, and follow its progressive rendering for a while.
 */
function sameRecord(a: VisibleRecord, b: VisibleRecord): boolean {
  return a.container === b.container && fingerprint(a) === fingerprint(b);
}

export function createRecordFollower(deps: RecordFollowerDeps) {
  const { adapter, doc, send } = deps;
  let navigation: AbortController | undefined;
  let shown: VisibleRecord | undefined;
  let resend: (() => void) | undefined;
  /** Follows the shown record's rendering for `ms` more (re-reading it), or undefined off account records. */
  let refine: ((ms: number) => void) | undefined;
  /** The first address the script follows is the page it was injected into: what is on screen is its own. */
  let first = true;
  /** The account record last shown in the sidebar, kept when the page moves off accounts. */
  let lastShown: { accountKey: string; record: VisibleRecord } | undefined;

  // `url` comes from the navigation itself, heard before `location` changes (lib/content/location-watcher.ts).
  async function onLocation(url: string): Promise<void> {
    // What is on screen as the navigation starts belongs to the page being left, whatever it was
    // (an opportunity's record, or an account's the address moved away from before it rendered
    // anything else): read now, before the CRM renders the next one.
    const injectedInto = first;
    const onScreenBefore = injectedInto ? null : adapter.readVisibleRecord(doc);
    first = false;
    navigation?.abort();
    const controller = new AbortController();
    navigation = controller;
    // Let a navigation commit first, so the address and the page agree when the record is read.
    // The page the script was injected into has nothing to commit: no wait behind the CRM's own
    // tasks, which right after its `load` can be many.
    if (!injectedInto) await new Promise((resolve) => setTimeout(resolve, 0));
    if (controller.signal.aborted) return;
    const ref = matchAccountPage(adapter, url);
    if (!ref) {
      deps.existingHost()?.hide();
      resend = refine = undefined;
      if (shown) send({ type: 'record.left' });
      shown = undefined;
      return;
    }
    // The CRM changes the address before the new record renders: until then the record on screen
    // is the one left (the account shown before, or what the page showed as the address changed),
    // unless that is this very account's record still on screen (back before the next one rendered).
    const stillThisAccount = onScreenBefore !== null && lastShown?.accountKey === ref.accountKey && sameRecord(onScreenBefore, lastShown.record);
    const previous = stillThisAccount ? null : (shown ?? onScreenBefore);
    const visitId = crypto.randomUUID();
    const sidebar = await deps.ensureHost();
    if (controller.signal.aborted) return;
    sidebar.show();
    // While the CRM renders the record, an account seen before shows at once, as stored; one that
    // takes long is said to be missing, and read as soon as it renders all the same.
    const account = { accountKey: ref.accountKey, crm: ref.crm, recordId: ref.recordId, url };
    const missing = setTimeout(() => controller.signal.aborted || send({ type: 'record.missing', account }), RECORD_MISSING_MS);
    const record = await waitForRecord(doc, adapter, {
      previous,
      timeoutMs: RECORD_TIMEOUT_MS,
      signal: controller.signal,
      onWait: () => send({ type: 'record.expected', account }),
    }).finally(() => clearTimeout(missing));
    // The record on screen must be the one the address now names.
    if (!record || controller.signal.aborted || matchAccountPage(adapter, deps.currentUrl())?.accountKey !== ref.accountKey) return;
    let last = fingerprint(record);
    shown = record;
    lastShown = { accountKey: ref.accountKey, record };
    resend = () => send({ type: 'record.visited', reading: toReading(ref, shown ?? record, deps.currentUrl(), visitId) });
    resend();
    // CRMs render a record progressively, and a click may show more of it (Lightning's Details
    // tab after its Related tab): follow it for a while and send richer readings.
    let until = 0;
    let poll: number | undefined;
    refine = (ms) => {
      until = Math.max(until, Date.now() + ms);
      if (poll !== undefined || controller.signal.aborted) return;
      poll = deps.setInterval(() => {
        if (controller.signal.aborted || Date.now() > until) {
          clearInterval(poll);
          poll = undefined;
          return;
        }
        const now = adapter.readVisibleRecord(doc);
        if (!now || now.container !== record.container || fingerprint(now) === last) return;
        last = fingerprint(now);
        shown = now;
        lastShown = { accountKey: ref.accountKey, record: now };
        resend?.();
      }, REFINE_POLL_MS);
    };
    refine(REFINE_MS);
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

  /** The user clicked or pressed a key on the page: it may now show other fields of the record (another tab). */
  const onUserAction = () => refine?.(AFTER_ACTION_MS);

  return { onLocation, openQuickLog, onRestored, onUserAction, resend: () => resend?.() };
}
