/**
 * The handshake that tells the sidebar frame the extension's content script made apart from a
 * `sidebar.html` frame the CRM page made itself (the page is web-accessible to CRM hosts, so a
 * page can frame it, overlay it invisibly and steer clicks):
 *
 * 1. The content script makes a random key for its frame and announces it to the background
 *    (`sidebar.frame`), which remembers it for the tab.
 * 2. The frame, once running, posts `ready` to its parent. The content script answers only a
 *    frame that is its own iframe's window, posting the key to the extension's origin alone.
 * 3. The frame connects its port named with the key. The background binds the key to the frame
 *    the browser says the port comes from (tab and frame id, which no page can fake) and serves
 *    views and requests to that frame only (lib/background/sidebar-frames.ts).
 *
 * A page's own frame never learns the key: the page cannot read the content script's world, and
 * a key it guesses or replays from another frame is refused. No zod: this ships in the content script.
 */
export const FRAME_READY = 'adoption-sidebar.ready';
export const FRAME_KEY = 'adoption-sidebar.key';
const PORT_PREFIX = 'sidebar:';
const KEY_FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isFrameKey(value: unknown): value is string {
  return typeof value === 'string' && KEY_FORMAT.test(value);
}

function typeOf(data: unknown): unknown {
  return typeof data === 'object' && data !== null ? Reflect.get(data, 'type') : undefined;
}

export function isFrameReady(data: unknown): boolean {
  return typeOf(data) === FRAME_READY;
}

/** The key in a message posted to the frame, or null when it is not one. */
export function readFrameKey(data: unknown): string | null {
  if (typeOf(data) !== FRAME_KEY) return null;
  const key: unknown = Reflect.get(data as object, 'key');
  return isFrameKey(key) ? key : null;
}

/**
 * A tab in the background takes its sidebar off the page after a while, to give back the memory
 * of the sidebar's document (lib/content/background-release.ts). The content script asks its own
 * frame first (posted to the extension's origin alone); the frame says it may go only while no
 * open editor or quick log holds text, so no unsaved text goes with it, and else that it holds
 * input (it is asked again later). The page shares the window the question
 * comes from, so it can ask too: it learns whether an editor is open, nothing of what is in it.
 */
export const FRAME_RELEASE_ASK = 'adoption-sidebar.may-release';
export const FRAME_RELEASABLE = 'adoption-sidebar.releasable';
export const FRAME_HOLDS_INPUT = 'adoption-sidebar.holds-input';

export function isReleaseAsk(data: unknown): boolean {
  return typeOf(data) === FRAME_RELEASE_ASK;
}

export function isReleasable(data: unknown): boolean {
  return typeOf(data) === FRAME_RELEASABLE;
}

export function sidebarPortName(key: string): string {
  return PORT_PREFIX + key;
}

/** The key a sidebar port was named with, or null for any other port. */
export function keyOfPort(name: string): string | null {
  const key = name.startsWith(PORT_PREFIX) ? name.slice(PORT_PREFIX.length) : null;
  return isFrameKey(key) ? key : null;
}
