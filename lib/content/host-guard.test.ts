import { afterEach, describe, expect, it, vi } from 'vitest';
import { guardHost, type GuardClock, type GuardLimits, type GuardTarget } from './host-guard';

const LIMITS: GuardLimits = { maxRestores: 3, windowMs: 1_000, pauseMs: 5_000, maxPauseMs: 20_000, checkMs: 500 };

/** A clock the test moves by hand: timers fire only in `advance`. */
function manualClock() {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; handler: () => void }>();
  const clock: GuardClock = {
    now: () => now,
    setTimeout: (handler, ms) => {
      const id = next++;
      timers.set(id, { at: now + ms, handler });
      return id;
    },
    clearTimeout: (id) => void timers.delete(id),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].handler();
    }
    now = end;
  };
  return { clock, advance, pending: () => timers.size };
}

/** A host that must sit in <html> with no attributes; counts the guard's restorations. */
function plainTarget(alive = () => true) {
  const host = document.createElement('adoption-sidebar-host');
  host.attachShadow({ mode: 'open' });
  document.documentElement.append(host);
  const restore = vi.fn(() => {
    document.documentElement.append(host);
    for (const name of host.getAttributeNames()) host.removeAttribute(name);
  });
  const target: GuardTarget = {
    host,
    intact: () => host.parentNode === document.documentElement && host.attributes.length === 0,
    restore,
    coveredBy: () => false,
    raise: vi.fn(),
    alive,
  };
  return { host, target, restore };
}

/** Lets pending mutation observer callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('guardHost', () => {
  const stops: (() => void)[] = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    document.querySelectorAll('adoption-sidebar-host').forEach((el) => el.remove());
  });

  it('puts the host back when the page removes it or changes its attributes', async () => {
    const { clock } = manualClock();
    const { host, target, restore } = plainTarget();
    stops.push(guardHost(target, { clock, limits: LIMITS }).stop);
    host.remove();
    await settle();
    expect(host.parentNode).toBe(document.documentElement);
    host.setAttribute('style', 'display:none');
    await settle();
    expect(host.hasAttribute('style')).toBe(false);
    expect(restore).toHaveBeenCalledTimes(2);
  });

  it('does not count its own restorations or unrelated changes', async () => {
    const { clock } = manualClock();
    const { target, restore } = plainTarget();
    stops.push(guardHost(target, { clock, limits: LIMITS }).stop);
    document.documentElement.append(document.createElement('other-extension-host'));
    await settle();
    expect(restore).not.toHaveBeenCalled();
  });

  it('gives up after maxRestores in the window against a page that keeps fighting, then retries later', async () => {
    const { clock, advance } = manualClock();
    const { host, target, restore } = plainTarget();
    const onPause = vi.fn();
    const guard = guardHost(target, { clock, limits: LIMITS, onPause });
    stops.push(guard.stop);
    // The page removes the host whenever it is back: each restoration is undone at once.
    let removals = 0;
    const fight = new MutationObserver(() => {
      if (host.isConnected) {
        removals += 1;
        host.remove();
      }
    });
    fight.observe(document.documentElement, { childList: true });
    host.remove();
    await settle();
    await settle();
    expect(restore).toHaveBeenCalledTimes(LIMITS.maxRestores);
    expect(removals).toBe(LIMITS.maxRestores);
    expect(guard.paused).toBe(true);
    expect(onPause).toHaveBeenCalledWith(LIMITS.pauseMs);
    expect(host.isConnected).toBe(false);

    // Paused: the page's changes cost the guard nothing.
    host.setAttribute('hidden', '');
    await settle();
    expect(restore).toHaveBeenCalledTimes(LIMITS.maxRestores);

    // The page stops fighting; after the pause the host is back.
    fight.disconnect();
    advance(LIMITS.pauseMs);
    expect(guard.paused).toBe(false);
    expect(host.parentNode).toBe(document.documentElement);
    expect(host.attributes.length).toBe(0);
  });

  it('pauses twice as long each time a page keeps on, up to maxPauseMs', async () => {
    const { clock, advance } = manualClock();
    const { host, target } = plainTarget();
    const onPause = vi.fn();
    stops.push(guardHost(target, { clock, limits: LIMITS, onPause }).stop);
    const fight = new MutationObserver(() => host.isConnected && host.remove());
    fight.observe(document.documentElement, { childList: true });
    host.remove();
    await settle();
    // Each retry puts the host back once; the page removes it again at once, and so on.
    for (let retry = 0; retry < 4; retry++) {
      advance(onPause.mock.calls.at(-1)?.[0] ?? 0);
      await settle();
      await settle();
    }
    fight.disconnect();
    expect(onPause.mock.calls.map(([ms]) => ms)).toEqual([5_000, 10_000, 20_000, 20_000, 20_000]);
  });

  it('restores what no observer reports on its slow check', () => {
    const { clock, advance } = manualClock();
    let broken = false;
    const { target } = plainTarget();
    const restore = vi.fn(() => {
      broken = false;
    });
    stops.push(guardHost({ ...target, intact: () => !broken, restore }, { clock, limits: LIMITS }).stop);
    broken = true;
    advance(LIMITS.checkMs);
    expect(restore).toHaveBeenCalledTimes(1);
    advance(LIMITS.checkMs * 4);
    expect(restore).toHaveBeenCalledTimes(1);
  });

  it('stops for good, without restoring, once the extension context is gone', async () => {
    const { clock, advance, pending } = manualClock();
    let alive = true;
    const { host, target, restore } = plainTarget(() => alive);
    const onDead = vi.fn();
    guardHost(target, { clock, limits: LIMITS, onDead });
    alive = false;
    host.remove();
    await settle();
    expect(restore).not.toHaveBeenCalled();
    expect(onDead).toHaveBeenCalledTimes(1);
    advance(LIMITS.maxPauseMs);
    expect(pending()).toBe(0);
    expect(onDead).toHaveBeenCalledTimes(1);
  });

  it('follows <html> when the page replaces it', async () => {
    const { clock } = manualClock();
    const { host, target } = plainTarget();
    stops.push(guardHost(target, { clock, limits: LIMITS }).stop);
    const html = document.createElement('html');
    html.append(document.createElement('head'), document.createElement('body'));
    const old = document.documentElement;
    // (happy-dom refuses replaceChild on the document; Chromium's replaceChild is in the e2e test.)
    old.remove();
    document.append(html);
    await settle();
    expect(host.parentNode).toBe(html);
    // The new <html> is watched too.
    host.remove();
    await settle();
    expect(host.parentNode).toBe(html);
    html.remove();
    document.append(old);
  });

  it('raises the host above a top-layer element opened over it, within the same budget', () => {
    const { clock } = manualClock();
    const { target } = plainTarget();
    const raise = vi.fn();
    const other = document.createElement('div');
    document.body.append(other);
    stops.push(guardHost({ ...target, coveredBy: (el) => el === other, raise }, { clock, limits: LIMITS }).stop);
    for (let i = 0; i < LIMITS.maxRestores + 2; i++) other.dispatchEvent(new Event('toggle'));
    expect(raise).toHaveBeenCalledTimes(LIMITS.maxRestores);
    other.remove();
  });
});
