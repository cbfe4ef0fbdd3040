/**
 * Hands the quick log's draft to the background on every change without making typing lag when
 * the draft is large (a pasted note of megabytes: each message serialises all of it).
 *
 * - A change is sent at once when no earlier draft is still on its way, or when the draft is
 *   small (a few kilobytes cost nothing to send): a tab closed or crashed mid-word loses nothing.
 * - A large draft changed while the previous one is still being stored waits for it; only the
 *   newest waiting draft is sent then (older ones would be overwritten anyway).
 * - `flush()` sends a waiting draft at once: on pagehide, when the page is hidden, on unmount.
 * - `cancel()` forgets a waiting draft: the form was just saved (which clears the stored draft),
 *   and a late draft must not bring it back.
 *
 * Drafts reach the background in the order they are sent, and it stores them in that order, so
 * the last one sent is the one kept.
 */
export interface DraftSaver<T> {
  save(draft: T): void;
  flush(): void;
  cancel(): void;
  /** Resolves once nothing is waiting or on its way (for tests). */
  settled(): Promise<void>;
}

/** Below this size (in characters) a draft is always sent at once. */
export const SMALL_DRAFT = 64 * 1024;

export function createDraftSaver<T>(options: {
  send: (draft: T) => Promise<unknown>;
  size: (draft: T) => number;
  onError: (error: unknown) => void;
}): DraftSaver<T> {
  let inFlight = 0;
  let waiting: { draft: T } | null = null;
  let idle: (() => void)[] = [];

  const settleIfIdle = () => {
    if (inFlight > 0 || waiting) return;
    const callbacks = idle;
    idle = [];
    for (const callback of callbacks) callback();
  };
  const sendNow = (draft: T) => {
    inFlight += 1;
    let sent: Promise<unknown>;
    try {
      sent = options.send(draft);
    } catch (error) {
      sent = Promise.reject(error);
    }
    void sent
      .catch((error: unknown) => options.onError(error))
      .finally(() => {
        inFlight -= 1;
        if (inFlight === 0 && waiting) {
          const next = waiting.draft;
          waiting = null;
          sendNow(next);
        }
        settleIfIdle();
      });
  };

  return {
    save(draft) {
      if (inFlight === 0 || options.size(draft) < SMALL_DRAFT) {
        waiting = null;
        sendNow(draft);
      } else {
        waiting = { draft };
      }
    },
    flush() {
      if (!waiting) return;
      const next = waiting.draft;
      waiting = null;
      sendNow(next);
    },
    cancel() {
      waiting = null;
      settleIfIdle();
    },
    settled() {
      if (inFlight === 0 && !waiting) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
  };
}
