import { browser } from 'wxt/browser';
import type { ContentCommand } from '../messaging/content-commands';

/** Sends a command to a tab's content script (nothing happens in a tab without one). */
export type AskContentScript = (tabId: number, command: ContentCommand) => Promise<void>;

/**
 * A tab was activated in its window: it is in view, and the window's other tabs are not. Their
 * scripts take their sidebars off the page after a while, and the activated tab's comes back
 * (lib/content/background-release.ts). Every other tab of the window is told, whatever its
 * page: only a sidebar script listens, and a tab without one answers nothing.
 */
export async function tellWindowOfActivation(tabId: number, windowId: number, ask: AskContentScript): Promise<void> {
  const others = await browser.tabs.query({ windowId, active: false }).catch(() => []);
  await Promise.all([ask(tabId, { type: 'tab.shown' }), ...others.map((tab) => (tab.id === undefined || tab.id === tabId ? undefined : ask(tab.id, { type: 'tab.hidden' })))]);
}
