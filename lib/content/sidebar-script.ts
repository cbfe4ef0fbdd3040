import { browser } from 'wxt/browser';
import { isSidebarPing, SIDEBAR_SCRIPT_FLAG } from '../crm-hosts';
import type { CrmAdapter } from '../adapters/types';
import { createRecordFollower } from './record-follower';
import { hostMessages, removeStrayHosts, SidebarHost } from './sidebar-host';
import { claimWorld } from './script-instance';
import { watchLocation } from './location-watcher';
import { LAYOUT_STORAGE_KEY, parseLayout } from './layout';
import { readContentCommand } from './content-command';
import { answerFrameReady, extensionOriginOf } from './frame-handshake';
import { createBackgroundRelease, readReleaseAfter, RELEASE_STORAGE_KEY } from './background-release';
import { FRAME_RELEASE_ASK, isReleasable } from '../messaging/sidebar-frame';
import type { Request } from '../messaging/protocol';

/**
 * The sidebar script on a CRM page, the same for every CRM but for its adapter: follows the
 * page's single-page navigation, reads the account record shown, and keeps exactly one sidebar.
 * Each CRM's entry point (entrypoints/<id>.content.ts) runs it with its own adapter only.
 */
/** Keys that activate or move between a page's tabs. */
const TAB_KEYS = new Set(['Enter', ' ', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);

export function runSidebarScript(adapter: CrmAdapter): void {
  const instance = claimWorld(window, SIDEBAR_SCRIPT_FLAG, () => browser.runtime?.id !== undefined);
  // A live copy already runs in this page.
  if (!instance) return;
  const ask = (message: Request): Promise<unknown> => browser.runtime.sendMessage(message).catch(() => undefined);
  const send = (message: Request) => void ask(message);
  const extensionOrigin = extensionOriginOf(browser.runtime.getURL('/'));
  let host: SidebarHost | undefined;
  let creating: Promise<SidebarHost> | undefined;
  let stopHandshake: (() => void) | undefined;
  // Read while the record is awaited: one round trip less once the sidebar is wanted.
  let storedLayout: Promise<Record<string, unknown>> | undefined = browser.storage.local.get(LAYOUT_STORAGE_KEY);
  /** Takes the sidebar off the page; the next need makes a new one. */
  const dropHost = () => {
    stopHandshake?.();
    host?.remove();
    host = stopHandshake = creating = undefined;
  };
  instance.onStop(dropHost);

  const createHost = async (): Promise<SidebarHost> => {
    // An iframe added before `load` would hold up the CRM's own page load.
    if (document.readyState !== 'complete') await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
    // Sent before the sidebar frame exists, so the background forgets what this tab showed before.
    send({ type: 'page.opened' });
    const layoutRead = storedLayout ?? browser.storage.local.get(LAYOUT_STORAGE_KEY);
    // The first message lookup fetches the whole bundle from the browser process, synchronously:
    // done while the layout's answer is on its way, not after it, before the frame can start.
    const messages = hostMessages(browser.i18n);
    const stored = await layoutRead;
    storedLayout = undefined;
    // Ended meanwhile: no sidebar, and nothing after this runs.
    if (!instance.alive()) return new Promise<never>(() => undefined);
    // Exactly one sidebar: one left by a copy of the script whose extension context is gone goes.
    removeStrayHosts(document);
    host = new SidebarHost({
      sidebarUrl: browser.runtime.getURL('/sidebar.html'),
      layout: parseLayout(stored[LAYOUT_STORAGE_KEY]),
      messages,
      saveLayout: (layout) => void browser.storage.local.set({ [LAYOUT_STORAGE_KEY]: layout }),
      topOffset: () => {
        const header = adapter.topBar ? document.querySelector(adapter.topBar) : null;
        return header ? Math.min(160, Math.max(0, header.getBoundingClientRect().bottom)) : 0;
      },
      alive: instance.alive,
      onDead: instance.stop,
    });
    // Only this frame gets the key that makes the background serve it (not one the page frames itself).
    stopHandshake = answerFrameReady({
      win: window,
      frame: host.iframe,
      extensionOrigin,
      announce: (key) => ask({ type: 'sidebar.frame', key }),
      newKey: () => crypto.randomUUID(),
    });
    host.attach();
    return host;
  };
  const ensureHost = () =>
    (creating ??= createHost().catch((error: unknown) => {
      creating = undefined;
      throw error;
    }));

  const follower = createRecordFollower({
    adapter,
    doc: document,
    currentUrl: () => location.href,
    send,
    ensureHost,
    existingHost: () => host,
    setInterval: (handler, ms) => {
      const id = window.setInterval(() => (instance.alive() ? handler() : window.clearInterval(id)), ms);
      return id;
    },
  });

  // A tab left in the background gives its sidebar's memory back after a while (README, figures).
  const background = createBackgroundRelease({
    afterMs: async () => readReleaseAfter((await browser.storage.local.get(RELEASE_STORAGE_KEY))[RELEASE_STORAGE_KEY]),
    ask: () => host?.iframe.contentWindow?.postMessage({ type: FRAME_RELEASE_ASK }, extensionOrigin),
    release: dropHost,
    restore: () => void follower.onRestored(),
    setTimeout: (handler, ms) => window.setTimeout(handler, ms),
    clearTimeout: (id) => window.clearTimeout(id),
  });
  instance.onStop(background.stop);
  const onFrameMessage = (event: MessageEvent) => {
    const frame = host?.iframe.contentWindow;
    if (frame && event.source === frame && event.origin === extensionOrigin && isReleasable(event.data)) background.releasable();
  };
  window.addEventListener('message', onFrameMessage);
  instance.onStop(() => window.removeEventListener('message', onFrameMessage));
  // The page's own visibility (a browser's tab strip, a minimised window). Only the browser's event:
  // the state is read in this script's world, where the page cannot redefine it.
  const onVisibility = (event: Event) => {
    if (!event.isTrusted) return;
    if (document.visibilityState === 'hidden') background.hidden();
    else background.shown();
  };
  document.addEventListener('visibilitychange', onVisibility);
  instance.onStop(() => document.removeEventListener('visibilitychange', onVisibility));
  if (document.visibilityState === 'hidden') background.hidden();

  const onMessage = (message: unknown) => {
    // The background asks whether the script still runs here (else it injects it again).
    if (isSidebarPing(message)) return instance.alive() ? Promise.resolve(true) : undefined;
    const command = readContentCommand(message);
    if (!command) return;
    if (command.type === 'tab.hidden') background.hidden();
    else if (command.type === 'tab.shown') background.shown();
    else if (command.type === 'record.resend') follower.resend();
    // Turned off in the settings: everything registered above is undone, the sidebar included, and
    // the ping goes unanswered, so turning it on again injects a new copy.
    else if (command.type === 'sidebar.end') instance.stop();
    else void follower.openQuickLog();
  };
  browser.runtime.onMessage.addListener(onMessage);
  instance.onStop(() => browser.runtime.onMessage.removeListener(onMessage));
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[LAYOUT_STORAGE_KEY];
    if (area !== 'local' || !change) return;
    if (host) host.applyLayout(parseLayout(change.newValue));
    else storedLayout = undefined;
  };
  browser.storage.onChanged.addListener(onStorage);
  instance.onStop(() => browser.storage.onChanged.removeListener(onStorage));
  // The same shortcut as the manifest command, for browsers where the command is unassigned.
  // Only a key the user pressed: the page's scripts can dispatch keydown events too.
  const onKey = (event: KeyboardEvent) => {
    if (event.isTrusted && event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyL') {
      event.preventDefault();
      void follower.openQuickLog();
    }
  };
  window.addEventListener('keydown', onKey, { capture: true });
  instance.onStop(() => window.removeEventListener('keydown', onKey, { capture: true }));
  // A click or key on the page may show other fields of the record (Lightning's Details tab opened
  // from its Related tab) without any navigation: the record is read again for a moment.
  // Keys only as they activate a tab (not while the user types in the CRM's own fields).
  const onAction = (event: Event) => {
    if (!event.isTrusted) return;
    if (event instanceof KeyboardEvent && !TAB_KEYS.has(event.key)) return;
    follower.onUserAction();
  };
  for (const type of ['click', 'keyup']) window.addEventListener(type, onAction, { capture: true, passive: true });
  instance.onStop(() => ['click', 'keyup'].forEach((type) => window.removeEventListener(type, onAction, { capture: true })));
  // Back or Forward to this page restored it from the back/forward cache: the tab showed another
  // page meanwhile, and (in Firefox) the sidebar document kept with the page has lost its port.
  // A new sidebar, not the old frame reloaded: a new window, which the browser (and a driver over
  // WebDriver BiDi) sees as a frame of the restored page; and the record told again. Only the
  // browser's own event counts.
  const onPageShow = (event: PageTransitionEvent) => {
    if (!event.isTrusted || !event.persisted || !instance.alive() || !host) return;
    dropHost();
    void follower.onRestored();
  };
  window.addEventListener('pageshow', onPageShow);
  instance.onStop(() => window.removeEventListener('pageshow', onPageShow));
  instance.onStop(
    watchLocation((url) => {
      if (instance.alive()) void follower.onLocation(url);
      else instance.stop();
    }),
  );
  void follower.onLocation(location.href);
}
