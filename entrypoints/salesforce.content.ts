import { browser } from 'wxt/browser';
import { CRM_MATCHES, SIDEBAR_SCRIPT_FLAG } from '@/lib/crm-hosts';
import { salesforceAdapter } from '@/lib/adapters/salesforce';
import { waitForRecord } from '@/lib/adapters/wait';
import type { VisibleRecord } from '@/lib/adapters/types';
import { fingerprint, matchAccountPage, toReading } from '@/lib/content/account-page';
import { SidebarHost } from '@/lib/content/sidebar-host';
import { LAYOUT_STORAGE_KEY, parseLayout } from '@/lib/content/layout';
import { ContentCommand } from '@/lib/messaging/content-commands';
import { hostMessagesFor } from '@/lib/i18n/host-messages';
import type { Request } from '@/lib/messaging/protocol';

/** How long after a navigation progressive rendering is followed, re-sending richer readings. */
const REFINE_MS = 4000;
const REFINE_POLL_MS = 250;
const RECORD_TIMEOUT_MS = 20000;

export default defineContentScript({
  matches: CRM_MATCHES,
  // Injected by the background after the page's `load` (lib/background/inject-sidebar.ts).
  registration: 'runtime',
  async main(ctx) {
    Reflect.set(window, SIDEBAR_SCRIPT_FLAG, true);
    const send = (message: Request) => browser.runtime.sendMessage(message).catch(() => undefined);
    let host: SidebarHost | undefined;
    let navigation: AbortController | undefined;
    let shown: VisibleRecord | undefined;
    let resend: (() => void) | undefined;

    const ensureHost = async (): Promise<SidebarHost> => {
      if (host) return host;
      // An iframe added before `load` would hold up the CRM's own page load.
      if (document.readyState !== 'complete') await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
      if (host) return host;
      // Sent before the sidebar frame exists, so the background forgets what this tab showed before.
      void send({ type: 'page.opened' });
      const stored = await browser.storage.local.get(LAYOUT_STORAGE_KEY);
      const header = document.querySelector('#oneHeader, .oneHeader');
      const top = header ? Math.min(160, Math.max(0, header.getBoundingClientRect().bottom)) : 0;
      host = new SidebarHost(
        browser.runtime.getURL('/sidebar.html'),
        parseLayout(stored[LAYOUT_STORAGE_KEY]),
        hostMessagesFor(browser.i18n.getUILanguage()),
        (layout) => void browser.storage.local.set({ [LAYOUT_STORAGE_KEY]: layout }),
        top,
      );
      document.documentElement.append(host.element);
      ctx.onInvalidated(() => host?.element.remove());
      return host;
    };

    // `url` comes from the navigation itself: WXT announces it before `location` changes.
    const onLocation = async (url: string) => {
      navigation?.abort();
      const controller = new AbortController();
      navigation = controller;
      // Let the navigation commit first, so the address and the page agree when the record is read.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (controller.signal.aborted) return;
      const ref = matchAccountPage(salesforceAdapter, url);
      if (!ref) {
        host?.hide();
        resend = undefined;
        if (shown) void send({ type: 'record.left' });
        shown = undefined;
        return;
      }
      const visitId = crypto.randomUUID();
      const sidebar = await ensureHost();
      if (controller.signal.aborted) return;
      sidebar.show();
      const record = await waitForRecord(document, salesforceAdapter, { previous: shown?.container ?? null, timeoutMs: RECORD_TIMEOUT_MS, signal: controller.signal });
      // The record on screen must be the one the address now names.
      if (!record || controller.signal.aborted || matchAccountPage(salesforceAdapter, location.href)?.accountKey !== ref.accountKey) return;
      let last = fingerprint(record);
      shown = record;
      resend = () => void send({ type: 'record.visited', reading: toReading(ref, shown ?? record, location.href, visitId) });
      resend();
      // Lightning renders a record progressively: follow it for a while and send richer readings.
      const started = Date.now();
      const refine = ctx.setInterval(() => {
        if (controller.signal.aborted || Date.now() - started > REFINE_MS) return clearInterval(refine);
        const now = salesforceAdapter.readVisibleRecord(document);
        if (!now || now.container !== record.container || fingerprint(now) === last) return;
        last = fingerprint(now);
        shown = now;
        resend?.();
      }, REFINE_POLL_MS);
    };

    const openQuickLog = async () => {
      if (!matchAccountPage(salesforceAdapter, location.href)) return;
      const sidebar = await ensureHost();
      sidebar.expand();
      sidebar.focusSidebar();
      void send({ type: 'quickLog.open' });
    };

    browser.runtime.onMessage.addListener((message: unknown) => {
      const command = ContentCommand.safeParse(message);
      if (!command.success) return;
      if (command.data.type === 'record.resend') resend?.();
      else {
        void ensureHost().then((sidebar) => {
          sidebar.expand();
          sidebar.focusSidebar();
        });
      }
    });
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local') return;
      const change = changes[LAYOUT_STORAGE_KEY];
      if (change && host) host.applyLayout(parseLayout(change.newValue));
    });
    // The same shortcut as the manifest command, for browsers where the command is unassigned.
    ctx.addEventListener(window, 'keydown', (event) => {
      if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyL') {
        event.preventDefault();
        void openQuickLog();
      }
    }, { capture: true });
    ctx.addEventListener(window, 'wxt:locationchange', (event) => void onLocation(event.newUrl.href));
    await onLocation(location.href);
  },
});
