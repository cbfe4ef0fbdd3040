import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackgroundRelease, readReleaseAfter, RELEASE_AFTER_MS } from './background-release';

function setup(afterMs = 1000) {
  const calls: string[] = [];
  const release = createBackgroundRelease({
    afterMs: async () => afterMs,
    ask: () => calls.push('ask'),
    release: () => calls.push('release'),
    restore: () => calls.push('restore'),
    setTimeout: (handler, ms) => window.setTimeout(handler, ms),
    clearTimeout: (id) => window.clearTimeout(id),
  });
  return { release, calls };
}

describe('background release', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks the frame once the tab has been in the background for the wait, and takes it off when it may', async () => {
    const { release, calls } = setup();
    release.hidden();
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['ask']);
    release.releasable();
    expect(calls).toEqual(['ask', 'release']);
    // Nothing more while it is off the page.
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toEqual(['ask', 'release']);
    release.shown();
    expect(calls).toEqual(['ask', 'release', 'restore']);
  });

  it('asks again after the same wait when the frame holds input (it never says it may go)', async () => {
    const { release, calls } = setup();
    release.hidden();
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toEqual(['ask', 'ask', 'ask']);
  });

  it('keeps the sidebar of a tab shown again before the wait, and restores nothing that was not taken off', async () => {
    const { release, calls } = setup();
    release.hidden();
    await vi.advanceTimersByTimeAsync(500);
    release.shown();
    await vi.advanceTimersByTimeAsync(5000);
    // An answer that comes after the tab is shown again takes nothing off.
    release.releasable();
    expect(calls).toEqual([]);
  });

  it('a repeated "hidden" does not start the wait again', async () => {
    const { release, calls } = setup();
    release.hidden();
    await vi.advanceTimersByTimeAsync(600);
    release.hidden();
    await vi.advanceTimersByTimeAsync(400);
    expect(calls).toEqual(['ask']);
  });

  it('never takes it off with a wait of 0, nor after stop', async () => {
    const never = setup(0);
    never.release.hidden();
    await vi.advanceTimersByTimeAsync(RELEASE_AFTER_MS * 2);
    expect(never.calls).toEqual([]);
    const stopped = setup();
    stopped.release.hidden();
    stopped.release.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(stopped.calls).toEqual([]);
  });

  it('reads the stored wait: whole ms, 0 for never, anything else the default', () => {
    expect(readReleaseAfter(1500)).toBe(1500);
    expect(readReleaseAfter(0)).toBe(0);
    for (const bad of [undefined, null, -1, 1.5, '1000', Number.NaN, Number.POSITIVE_INFINITY, {}]) expect(readReleaseAfter(bad)).toBe(RELEASE_AFTER_MS);
  });
});
