import { browser } from 'wxt/browser';
import { SidebarPush } from '../messaging/sidebar-push';
import { FRAME_READY, readFrameKey, sidebarPortName } from '../messaging/sidebar-frame';
import { takeEarlyHandshake } from './early-handshake';

/** A key the background refused (a page posting made-up keys) is followed by asking again, this many times. */
const ASKS = 3;

/** What a served sidebar is pushed (`refused` is handled here). */
export type ServedPush = Exclude<SidebarPush, { type: 'refused' }>;

export interface SidebarConnection {
  onPush: (push: ServedPush) => void;
  onInvalid: (detail: string) => void;
  /** This frame is not the sidebar the extension made for the tab: it shows nothing. */
  onRefused: () => void;
}

/**
 * Keeps a port open to the background for pushes to this tab's sidebar, once the content script
 * that made this frame has given it its key (handshake: lib/messaging/sidebar-frame.ts). The
 * service worker can be stopped at any time, closing the port: reconnect with the same key, and
 * the background re-sends the view.
 */
export function connectSidebar({ onPush, onInvalid, onRefused }: SidebarConnection): () => void {
  const parent = window.parent;
  // Opened as a page of its own, not framed: nothing made it the sidebar of a tab.
  if (parent === window) {
    onRefused();
    return () => undefined;
  }
  let closed = false;
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  let asks = 0;
  const ask = () => {
    asks++;
    // Only the content script answers, and only its own frame; what is asked carries nothing.
    parent.postMessage({ type: FRAME_READY }, '*');
  };
  const connect = (key: string) => {
    let refused = false;
    const current = browser.runtime.connect({ name: sidebarPortName(key) });
    port = current;
    current.onMessage.addListener((message: unknown) => {
      const push = SidebarPush.safeParse(message);
      if (!push.success) onInvalid(push.error.issues[0]?.message ?? 'invalid push');
      else if (push.data.type === 'refused') refused = true;
      else onPush(push.data);
    });
    current.onDisconnect.addListener(() => {
      if (closed || port !== current) return;
      port = undefined;
      if (!refused) setTimeout(() => !closed && !port && connect(key), 50);
      else if (asks < ASKS) ask();
      else onRefused();
    });
  };
  const onMessage = (event: MessageEvent) => {
    if (event.source !== parent || port) return;
    const key = readFrameKey(event.data);
    if (key) connect(key);
  };
  window.addEventListener('message', onMessage);
  const early = takeEarlyHandshake(window);
  if (!early) ask();
  else {
    asks = 1;
    if (early.key) connect(early.key);
  }
  return () => {
    closed = true;
    window.removeEventListener('message', onMessage);
    port?.disconnect();
  };
}

/** The sidebar's connection, opened before anything renders; the view listens once it is mounted. */
export interface OpenedSidebarConnection {
  /** Delivers what arrived so far, in order, then everything after; the returned function stops it. */
  listen: (handlers: SidebarConnection) => () => void;
}

/**
 * Starts the handshake and the port at once (the sidebar's script calls it before React renders,
 * so the content script's answer, which waits on the CRM page's busy main thread, overlaps the
 * first render) and holds what arrives until the view listens.
 */
export function openSidebarConnection(connect: (handlers: SidebarConnection) => () => void = connectSidebar): OpenedSidebarConnection {
  let listener: SidebarConnection | undefined;
  const held: Array<(handlers: SidebarConnection) => void> = [];
  const deliver = (event: (handlers: SidebarConnection) => void) => (listener ? event(listener) : held.push(event));
  connect({
    onPush: (push) => deliver((h) => h.onPush(push)),
    onInvalid: (detail) => deliver((h) => h.onInvalid(detail)),
    onRefused: () => deliver((h) => h.onRefused()),
  });
  return {
    listen(handlers) {
      listener = handlers;
      for (const event of held.splice(0)) event(handlers);
      return () => {
        if (listener === handlers) listener = undefined;
      };
    },
  };
}
