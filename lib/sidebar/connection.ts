import { browser } from 'wxt/browser';
import { SIDEBAR_PORT, SidebarPush } from '../messaging/protocol';

/**
 * Keeps a port open to the background for pushes to this tab's sidebar. The service worker
 * can be stopped at any time, closing the port: reconnect, and the background re-sends the view.
 */
export function connectSidebar(onPush: (push: SidebarPush) => void, onInvalid: (detail: string) => void): () => void {
  let closed = false;
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  const connect = () => {
    port = browser.runtime.connect({ name: SIDEBAR_PORT });
    port.onMessage.addListener((message: unknown) => {
      const push = SidebarPush.safeParse(message);
      if (push.success) onPush(push.data);
      else onInvalid(push.error.issues[0]?.message ?? 'invalid push');
    });
    port.onDisconnect.addListener(() => {
      if (!closed) setTimeout(connect, 50);
    });
  };
  connect();
  return () => {
    closed = true;
    port?.disconnect();
  };
}
