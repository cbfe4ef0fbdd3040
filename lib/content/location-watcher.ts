/** The part of the Navigation API used here (not in every browser, nor in TypeScript's DOM types). */
interface NavigationLike extends EventTarget {
  addEventListener(type: 'navigate', listener: (event: Event & { destination?: { url?: string } }) => void): void;
  removeEventListener(type: 'navigate', listener: (event: Event & { destination?: { url?: string } }) => void): void;
}

/**
 * Calls `onChange(url)` when the page's address changes (the CRM's single-page navigation). Only
 * the browser's own `navigate` events count: one the page dispatches itself (`isTrusted` false)
 * is ignored, as is anything else a page script could send (WXT's `wxt:locationchange` is a
 * window event any page script can forge). The navigation's destination is known before
 * `location` changes. Where the Navigation API is missing (older Firefox), `location` is polled.
 * Returns the function that stops watching.
 */
export function watchLocation(onChange: (url: string) => void, pollMs = 1000): () => void {
  let last = location.href;
  const report = (url: string) => {
    if (url === last) return;
    last = url;
    onChange(url);
  };
  const navigation = Reflect.get(globalThis, 'navigation') as NavigationLike | undefined;
  if (typeof navigation?.addEventListener === 'function') {
    const listener = (event: Event & { destination?: { url?: string } }) => {
      const url = event.isTrusted ? event.destination?.url : undefined;
      if (url) report(url);
    };
    navigation.addEventListener('navigate', listener);
    return () => navigation.removeEventListener('navigate', listener);
  }
  const timer = window.setInterval(() => report(location.href), pollMs);
  return () => window.clearInterval(timer);
}
