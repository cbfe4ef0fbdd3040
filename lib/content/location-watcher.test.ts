import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchLocation } from './location-watcher';

/** A Navigation API stand-in: the browser's own events are trusted, a page's are not. */
class FakeNavigation extends EventTarget {
  navigate(url: string, trusted: boolean): void {
    const event = Object.assign(new Event('navigate'), { destination: { url } });
    if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
    this.dispatchEvent(event);
  }
}

describe('watchLocation', () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'navigation');
    vi.useRealTimers();
  });

  it("reports the browser's navigations, destination first, and ignores ones a page script dispatches", () => {
    const navigation = new FakeNavigation();
    Reflect.set(globalThis, 'navigation', navigation);
    const seen: string[] = [];
    const stop = watchLocation((url) => seen.push(url));
    navigation.navigate('https://acme.lightning.force.com/lightning/r/Account/001/view', true);
    navigation.navigate('https://acme.lightning.force.com/lightning/r/Account/001/view', true);
    navigation.navigate('https://acme.lightning.force.com/lightning/r/Account/002/view', false);
    stop();
    navigation.navigate('https://acme.lightning.force.com/lightning/o/Account/list', true);
    expect(seen).toEqual(['https://acme.lightning.force.com/lightning/r/Account/001/view']);
  });

  it('polls the address where there is no Navigation API', () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const stop = watchLocation((url) => seen.push(url), 1000);
    history.pushState({}, '', '/lightning/r/Account/003/view');
    vi.advanceTimersByTime(1000);
    vi.advanceTimersByTime(1000);
    stop();
    history.pushState({}, '', '/lightning/o/Account/list');
    vi.advanceTimersByTime(3000);
    expect(seen).toEqual([new URL('/lightning/r/Account/003/view', location.href).href]);
  });
});
