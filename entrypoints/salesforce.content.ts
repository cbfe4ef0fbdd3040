import { browser } from 'wxt/browser';
import { CRM_MATCHES, SIDEBAR_SCRIPT_FLAG } from '@/lib/crm-hosts';
import { salesforceAdapter } from '@/lib/adapters/salesforce';
import { createRecordFollower } from '@/lib/content/record-follower';
import { SidebarHost } from '@/lib/content/sidebar-host';
import { LAYOUT_STORAGE_KEY, parseLayout } from '@/lib/content/layout';
import { ContentCommand } from '@/lib/messaging/content-commands';
import { hostMessagesFor } from '@/lib/i18n/host-messages';
import type { Request } from '@/lib/messaging/protocol';

export default defineContentScript({
  matches: CRM_MATCHES,
  // Injected by the background after the page's `load` (lib/background/inject-sidebar.ts).
  registration: 'runtime',
  async main(ctx) {
    Reflect.set(window, SIDEBAR_SCRIPT_FLAG, true);
    const send = (message: Request) => void browser.runtime.sendMessage(message).catch(() => undefined);
    let host: SidebarHost | undefined;

    const ensureHost = async (): Promise<SidebarHost> => {
      if (host) return host;
      // An iframe added before `load` would hold up the CRM's own page load.
      if (document.readyState !== 'complete') await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
      if (host) return host;
      // Sent before the sidebar frame exists, so the background forgets what this tab showed before.
      send({ type: 'page.opened' });
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

    const follower = createRecordFollower({
      adapter: salesforceAdapter,
      doc: document,
      currentUrl: () => location.href,
      send,
      ensureHost,
      existingHost: () => host,
      setInterval: (handler, ms) => ctx.setInterval(handler, ms),
    });

    browser.runtime.onMessage.addListener((message: unknown) => {
      const command = ContentCommand.safeParse(message);
      if (!command.success) return;
      if (command.data.type === 'record.resend') follower.resend();
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
        void follower.openQuickLog();
      }
    }, { capture: true });
    ctx.addEventListener(window, 'wxt:locationchange', (event) => void follower.onLocation(event.newUrl.href));
    await follower.onLocation(location.href);
  },
});
