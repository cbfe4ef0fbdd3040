/** The only pages the sidebar is ever injected into. Sandboxes (*.sandbox.lightning.force.com) match too. */
export const CRM_MATCHES = ['https://*.lightning.force.com/*'];

/**
 * Holds the running sidebar script on `window` in the extension's isolated world of a CRM page
 * (lib/content/script-instance.ts): the page's own scripts cannot see or set it.
 */
export const SIDEBAR_SCRIPT_FLAG = 'adoptionSidebarScript';

/**
 * The background asks a CRM tab whether the sidebar script runs there (tabs.sendMessage): a live
 * script answers `true`. No answer: the script is gone (or never came), and it is injected again.
 */
export const SIDEBAR_PING = { type: 'sidebar.ping' } as const;

export function isSidebarPing(message: unknown): boolean {
  return typeof message === 'object' && message !== null && Reflect.get(message, 'type') === SIDEBAR_PING.type;
}
