import { browser } from 'wxt/browser';
import { CRM_MATCHES } from '../crm-hosts';
import type { ContentCommand } from '../messaging/content-commands';

/** Sends a command to a tab's content script (nothing happens in a tab without one). */
export type AskContentScript = (tabId: number, command: ContentCommand) => Promise<void>;

/**
 * A tab was activated in its window: it is in view, and the window's other tabs are not. Their
 * scripts take their sidebars off the page after a while, and the activated tab's comes back
 * (lib/content/background-release.ts). The window's other CRM tabs are told (a taught site's tab
 * goes by its page's visibility alone); a tab whose script is gone answers nothing.
 */
export async function tellWindowOfActivation(tabId: number, windowId: number, ask: AskContentScript): Promise<void> {
  const others = await browser.tabs.query({ windowId, active: false, url: [...CRM_MATCHES] }).catch(() => []);
  await Promise.all([ask(tabId, { type: 'tab.shown' }), ...others.map((tab) => (tab.id === undefined || tab.id === tabId ? undefined : ask(tab.id, { type: 'tab.hidden' })))]);
}
