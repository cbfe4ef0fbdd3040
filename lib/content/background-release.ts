/**
 * The sidebar of a tab left in the background is taken off the page after a while and made again
 * when the tab is shown: a CSM keeps many CRM tabs open, and each sidebar's document costs its
 * memory (README, figures) while only the tab in view needs one. An account seen before shows
 * at once, as stored, when its sidebar comes back. Pure: the caller wires the page, the timers
 * and the frame.
 */

/** Where the wait is kept (`storage.local`): ms in the background before the sidebar goes; 0 keeps it. */
export const RELEASE_STORAGE_KEY = 'sidebarReleaseAfterMs';
/** Five minutes, as browsers wait before freezing a tab in the background. */
export const RELEASE_AFTER_MS = 5 * 60_000;

/** The stored wait: a whole number of ms (0: never), else the default. */
export function readReleaseAfter(stored: unknown): number {
  return typeof stored === 'number' && Number.isSafeInteger(stored) && stored >= 0 ? stored : RELEASE_AFTER_MS;
}

export interface BackgroundReleaseDeps {
  /** The wait as stored now (read each time the tab goes to the background). */
  afterMs: () => Promise<number>;
  /** Asks the sidebar frame whether it may go: `releasable` follows when it may; a frame holding input is asked again after the wait. */
  ask: () => void;
  /** Takes the sidebar off the page. */
  release: () => void;
  /** Makes the sidebar again for what the page shows. */
  restore: () => void;
  setTimeout: (handler: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
}

export interface BackgroundRelease {
  hidden(): void;
  shown(): void;
  /** The frame said it holds nothing being typed. */
  releasable(): void;
  stop(): void;
}

export function createBackgroundRelease(deps: BackgroundReleaseDeps): BackgroundRelease {
  let hidden = false;
  let released = false;
  let timer: number | undefined;
  const cancel = () => {
    if (timer !== undefined) deps.clearTimeout(timer);
    timer = undefined;
  };
  const schedule = async () => {
    const ms = await deps.afterMs().catch(() => 0);
    if (!hidden || released || ms <= 0 || timer !== undefined) return;
    timer = deps.setTimeout(() => {
      timer = undefined;
      if (!hidden || released) return;
      deps.ask();
      // A frame that holds an open editor does not answer: it is asked again after the same wait.
      void schedule();
    }, ms);
  };
  return {
    hidden() {
      if (hidden) return;
      hidden = true;
      void schedule();
    },
    shown() {
      hidden = false;
      cancel();
      if (!released) return;
      released = false;
      deps.restore();
    },
    releasable() {
      if (!hidden || released) return;
      released = true;
      cancel();
      deps.release();
    },
    stop() {
      hidden = false;
      cancel();
    },
  };
}
