import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { getSettings } from '../store/settings';
import { markPortfolioStale, refreshPortfolio } from '../store/portfolio';

export interface PortfolioRefresher {
  /**
   * Something of these accounts (or of all) changed. Their kept rows are dropped before this
   * resolves, so a portfolio opened at any moment after shows the change (a missing row is
   * recomputed when read, which also covers a worker stopped before the recompute below); the
   * rows are then recomputed shortly, once for a burst of saves, off the save's path.
   */
  accountsChanged(accountKeys: readonly string[] | 'all'): Promise<void>;
  /**
   * The same, for a write that dropped the accounts' kept rows in its own transaction
   * (`dropPortfolioRow`): only the recompute is left to do, and nothing is awaited.
   */
  rowsDropped(accountKeys: readonly string[]): void;
  /** Recomputes what is pending now (tests, and before the worker is let go). */
  flush(): Promise<void>;
}

export interface PortfolioRefresherOptions {
  /** Quiet time after the last change before recomputing. */
  delayMs?: number;
  /** A steady stream of changes still gets its rows recomputed this soon after the first. */
  maxWaitMs?: number;
}

export function createPortfolioRefresher(
  db: () => Promise<IDBPDatabase<AdoptionDb>>,
  now: () => Date,
  { delayMs = 250, maxWaitMs = 1000 }: PortfolioRefresherOptions = {},
): PortfolioRefresher {
  const pending = new Set<string>();
  let pendingAll = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPendingAt: number | null = null;
  let running: Promise<void> = Promise.resolve();

  const recompute = async (keys: readonly string[] | 'all') => {
    const store = await db();
    await refreshPortfolio(store, keys, await getSettings(store), now());
  };

  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    firstPendingAt = null;
    if (!pendingAll && pending.size === 0) return running;
    const keys = pendingAll ? 'all' : [...pending];
    pending.clear();
    pendingAll = false;
    // One recompute at a time; a failure leaves the rows missing, and they are recomputed when read.
    running = running.then(() => recompute(keys)).catch(() => undefined);
    return running;
  };

  const schedule = (accountKeys: readonly string[] | 'all') => {
    if (accountKeys === 'all') pendingAll = true;
    else for (const key of accountKeys) pending.add(key);
    const at = Date.now();
    firstPendingAt ??= at;
    clearTimeout(timer);
    const wait = Math.max(0, Math.min(delayMs, firstPendingAt + maxWaitMs - at));
    timer = setTimeout(() => void flush(), wait);
  };

  return {
    async accountsChanged(accountKeys) {
      await markPortfolioStale(await db(), accountKeys);
      schedule(accountKeys);
    },
    rowsDropped: schedule,
    flush,
  };
}
