/**
 * Keeps the sidebar's host as the extension made it while the CRM page's scripts remove it, hide
 * it, restyle it, replace `<html>` or take its top-layer place (the idea of Bitwarden's inline
 * menu guard): a MutationObserver on the document, `<html>`, the host and its shadow root, the
 * host's popover toggles, other top-layer elements opening, and a slow check for what no observer
 * reports (stylesheets changed through the CSSOM). Every deviation is undone by `restore`.
 *
 * Bounded: at most `maxRestores` restorations in `windowMs`. A page that keeps fighting past that
 * is left alone (no observers, nothing to cost either side) for `pauseMs`, doubling up to
 * `maxPauseMs` while it keeps on; then the guard puts the host back once and watches again.
 */
export interface GuardLimits {
  maxRestores: number;
  windowMs: number;
  pauseMs: number;
  maxPauseMs: number;
  /** The slow check's period. */
  checkMs: number;
}

// The first pause is short: a page that fought for a moment (a framework re-rendering its body) gets the sidebar
// back within seconds; one that keeps fighting is left alone longer each time, up to 5 minutes.
export const GUARD_LIMITS: GuardLimits = { maxRestores: 8, windowMs: 10_000, pauseMs: 5_000, maxPauseMs: 300_000, checkMs: 3_000 };

export interface GuardTarget {
  host: HTMLElement;
  /** Is everything as it must be? Cheap: runs on every observed change. */
  intact(): boolean;
  /** Puts everything back as it must be. */
  restore(): void;
  /** Does `other`, just opened in the top layer, sit above the host and over it? */
  coveredBy(other: Element): boolean;
  /** Moves the host to the top of the top layer. */
  raise(): void;
  /** False once the extension context is gone: the guard then stops, and `onDead` runs. */
  alive(): boolean;
}

export interface GuardClock {
  now(): number;
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface GuardOptions {
  limits?: GuardLimits;
  clock?: GuardClock;
  onDead?: () => void;
  /** Told when the guard gives up for a while (the sidebar logs it). */
  onPause?: (ms: number) => void;
}

export interface HostGuard {
  /** Checks now (as on every observed change); also how the slow check runs. */
  check(): void;
  stop(): void;
  readonly paused: boolean;
}

const windowClock: GuardClock = {
  now: () => Date.now(),
  setTimeout: (handler, ms) => window.setTimeout(handler, ms),
  clearTimeout: (id) => window.clearTimeout(id),
};

export function guardHost(target: GuardTarget, options: GuardOptions = {}): HostGuard {
  const limits = options.limits ?? GUARD_LIMITS;
  const clock = options.clock ?? windowClock;
  const { host } = target;
  const doc = host.ownerDocument;
  let restorations: number[] = [];
  let pauses = 0;
  let lastPauseEnded = -Infinity;
  let paused = false;
  let stopped = false;
  let timer = 0;
  let observedRoot: Element | null = null;

  const observer = new MutationObserver(() => check());
  const onToggle = (event: Event) => {
    const other = event.target;
    // Another element entered the top layer: above the sidebar now, when it overlaps it.
    if (other !== host && other instanceof Element) {
      if (!paused && alive() && target.coveredBy(other) && spend()) target.raise();
    } else check();
  };

  function alive(): boolean {
    if (stopped) return false;
    if (target.alive()) return true;
    stop();
    options.onDead?.();
    return false;
  }

  /** Takes one restoration from the budget; false (and a pause) when it is spent. */
  function spend(): boolean {
    const now = clock.now();
    restorations = restorations.filter((at) => now - at < limits.windowMs);
    if (restorations.length < limits.maxRestores) {
      restorations.push(now);
      return true;
    }
    pause(now);
    return false;
  }

  function check(): void {
    if (paused || !alive()) return;
    // The page may have replaced <html> itself: watch the new one.
    if (doc.documentElement !== observedRoot) observeRoot();
    // Only real changes count: the guard's own restorations come back here as intact.
    if (target.intact() || !spend()) return;
    target.restore();
  }

  function observeRoot(): void {
    observedRoot = doc.documentElement;
    if (observedRoot) observer.observe(observedRoot, { childList: true });
  }

  function watch(): void {
    observer.observe(doc, { childList: true });
    observeRoot();
    observer.observe(host, { attributes: true, childList: true });
    if (host.shadowRoot) observer.observe(host.shadowRoot, { attributes: true, childList: true, subtree: true, characterData: true });
    host.addEventListener('toggle', onToggle);
    doc.addEventListener('toggle', onToggle, true);
  }

  function unwatch(): void {
    observer.disconnect();
    host.removeEventListener('toggle', onToggle);
    doc.removeEventListener('toggle', onToggle, true);
  }

  function schedule(ms: number, then: () => void): void {
    clock.clearTimeout(timer);
    timer = clock.setTimeout(then, ms);
  }

  function pause(now: number): void {
    if (now - lastPauseEnded > limits.maxPauseMs) pauses = 0;
    const ms = Math.min(limits.maxPauseMs, limits.pauseMs * 2 ** pauses);
    pauses += 1;
    paused = true;
    unwatch();
    options.onPause?.(ms);
    schedule(ms, resume);
  }

  function resume(): void {
    if (stopped) return;
    paused = false;
    lastPauseEnded = clock.now();
    restorations = [];
    if (!alive()) return;
    if (!target.intact()) {
      spend();
      target.restore();
    }
    // The restoration's own records are not news.
    watch();
    observer.takeRecords();
    tick();
  }

  function tick(): void {
    schedule(limits.checkMs, () => {
      check();
      // The check may have paused or stopped the guard; the pause has its own timer then.
      if (!paused && !stopped) tick();
    });
  }

  function stop(): void {
    stopped = true;
    unwatch();
    clock.clearTimeout(timer);
  }

  watch();
  tick();
  return {
    check,
    stop,
    get paused() {
      return paused;
    },
  };
}
