import { FRAME_KEY, isFrameReady } from '../messaging/sidebar-frame';
import { originOf } from '../safe-url';

export interface FrameHandshakeOptions {
  win: Window;
  /** The sidebar frame this script made: its window is the only one answered. */
  frame: HTMLIFrameElement;
  /** The extension's origin (scheme://id): the key is posted to that origin alone. */
  extensionOrigin: string;
  /** Tells the background the key (`sidebar.frame`); resolves once it knows it. */
  announce: (key: string) => Promise<unknown>;
  newKey: () => string;
}

/**
 * The content script's half of the sidebar frame handshake (lib/messaging/sidebar-frame.ts): one
 * key per frame window, the first announced at once (while the frame loads), given to the frame
 * each time it asks (announced again: after a refusal the background's memory of it may have been
 * lost). A page that fakes the frame's question only gets the key posted to this script's own
 * frame, and the same key again. Returns the stop.
 */
export function answerFrameReady({ win, frame, extensionOrigin, announce, newKey }: FrameHandshakeOptions): () => void {
  let key = newKey();
  let first: Promise<unknown> | undefined = announce(key);
  /** The frame's window the key is for: a frame taken out of the page and put back (the guard) is a new window, with a new frame id, and gets a new key. */
  let keyedWindow: Window | undefined;
  const onMessage = (event: MessageEvent) => {
    const target = frame.contentWindow;
    if (!target || event.source !== target || !isFrameReady(event.data)) return;
    if (keyedWindow !== undefined && keyedWindow !== target) {
      key = newKey();
      first = undefined;
    }
    keyedWindow = target;
    const announced = first ?? announce(key);
    first = undefined;
    const given = key;
    void announced
      .catch(() => undefined)
      .then(() => target.postMessage({ type: FRAME_KEY, key: given }, extensionOrigin));
  };
  win.addEventListener('message', onMessage);
  return () => win.removeEventListener('message', onMessage);
}

/** The extension's origin from its base URL (`runtime.getURL('/')`). */
export function extensionOriginOf(baseUrl: string): string {
  return originOf(new URL(baseUrl));
}
