/** What of a page's window this needs (the content script's `window`). */
export interface LoadingPage {
  document: { readyState: DocumentReadyState };
  addEventListener(type: 'load', listener: () => void, options: { once: true }): void;
  setTimeout(handler: () => void, ms: number): unknown;
}

/**
 * Runs `start` once the page has loaded: the browser injects the sidebar's scripts as a CRM page
 * loads (lib/background/sidebar-registrations.ts), and nothing they do (reading the record,
 * messages that wake the extension's worker, the sidebar's frame) may hold up the page's own
 * `load`. A task after the `load` event, so its handlers' time is not counted in it either.
 * Injected into a page that has loaded already, `start` runs at once.
 */
export function afterPageLoad(win: LoadingPage, start: () => void): void {
  if (win.document.readyState === 'complete') start();
  else win.addEventListener('load', () => win.setTimeout(start, 0), { once: true });
}
