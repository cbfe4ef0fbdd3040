import { FRAME_READY, isFrameKey, readFrameKey } from '../messaging/sidebar-frame';

/**
 * The sidebar frame's half of the handshake (lib/messaging/sidebar-frame.ts), started by a small
 * first script (entrypoints/sidebar-handshake.ts) as soon as sidebar.html starts, not after the
 * sidebar's 500 kB of JavaScript have loaded and run: the content script's answer waits on the
 * CRM page's busy main thread, and now arrives while the app loads. The app takes the key over
 * (`takeEarlyHandshake`, lib/sidebar/connection.ts).
 */
const GLOBAL = 'adoptionSidebarHandshake';

export interface EarlyHandshake {
  /** The key the content script gave, or null when it has not answered yet. */
  key: string | null;
}

export function startEarlyHandshake(win: Window): void {
  // Opened as a page of its own: nothing to ask (the app shows it is not a tab's sidebar).
  if (win.parent === win) return;
  const handshake = { key: null as string | null, stop: () => win.removeEventListener('message', onMessage) };
  function onMessage(event: MessageEvent) {
    const key = event.source === win.parent ? readFrameKey(event.data) : null;
    if (key === null) return;
    handshake.key = key;
    handshake.stop();
  }
  win.addEventListener('message', onMessage);
  Reflect.set(win, GLOBAL, handshake);
  win.parent.postMessage({ type: FRAME_READY }, '*');
}

/**
 * The early handshake, once: undefined when the first script did not ask (the app asks itself);
 * else the key if it has come (if not, the answer reaches the app's own listener).
 */
export function takeEarlyHandshake(win: Window): EarlyHandshake | undefined {
  const handshake: unknown = Reflect.get(win, GLOBAL);
  if (typeof handshake !== 'object' || handshake === null) return undefined;
  Reflect.deleteProperty(win, GLOBAL);
  const stop: unknown = Reflect.get(handshake, 'stop');
  if (typeof stop === 'function') stop();
  const key: unknown = Reflect.get(handshake, 'key');
  return { key: isFrameKey(key) ? key : null };
}
