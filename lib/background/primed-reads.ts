import type { AccountKey } from '../model/account';
import { TIMELINE_KINDS, TIMELINE_PAGE_SIZE, type TimelinePage, type TimelineQuery } from '../model/timeline';

/** A primed read is handed out only this soon after it started: a sidebar asks within a second or two. */
const MAX_AGE_MS = 10_000;
/** Reads kept at once (one per account whose record was just reported); older ones are dropped. */
const MAX_ENTRIES = 8;

interface Entry<T> {
  generation: number;
  startedAt: number;
  result: Promise<T>;
}

/**
 * The first read a sidebar makes for an account, its timeline's first page, started by the
 * background as soon as the content script reports the record, so that it runs while the sidebar
 * frame is still loading instead of after it asks (for a 5,000-entry account it takes tens of ms).
 * The overview is not primed: it reads every interaction of the account, and doing that while the
 * sidebar frame loads made the first screen slower, not faster (measured, README).
 *
 * It is handed out once, for the same query only, and only if nothing was written since it
 * started: every request that may write invalidates all of them (lib/background/handle-request.ts),
 * and a read that failed or is missing is simply done again by the caller.
 */
export class PrimedReads {
  private generation = 0;
  private readonly timelines = new Map<string, Entry<TimelinePage>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Something may have been written: no read started before now is handed out. */
  invalidate(): void {
    this.generation++;
    this.timelines.clear();
  }

  /** Starts the read the account's sidebar will make first: its timeline's first page, every kind. */
  prime(accountKey: AccountKey, read: (query: TimelineQuery) => Promise<TimelinePage>): void {
    const query = firstTimelinePage(accountKey);
    this.keep(this.timelines, timelineKey(query), read(query));
  }

  /** The primed first page for exactly this query, or undefined (read it then). */
  takeTimeline(query: TimelineQuery): Promise<TimelinePage> | undefined {
    return query.before === null ? this.take(this.timelines, timelineKey(query)) : undefined;
  }

  private keep<T>(entries: Map<string, Entry<T>>, key: string, result: Promise<T>): void {
    // Nobody may take it: a failure here is the caller's to see on its own read.
    result.catch(() => undefined);
    entries.delete(key);
    entries.set(key, { generation: this.generation, startedAt: this.now(), result });
    for (const oldest of entries.keys()) {
      if (entries.size <= MAX_ENTRIES) break;
      entries.delete(oldest);
    }
  }

  private take<T>(entries: Map<string, Entry<T>>, key: string): Promise<T> | undefined {
    const entry = entries.get(key);
    entries.delete(key);
    if (!entry || entry.generation !== this.generation || this.now() - entry.startedAt > MAX_AGE_MS) return undefined;
    return entry.result;
  }
}

/** The query a sidebar makes first for an account: the newest page of every kind. */
export function firstTimelinePage(accountKey: AccountKey): TimelineQuery {
  return { accountKey, kinds: [...TIMELINE_KINDS], before: null, limit: TIMELINE_PAGE_SIZE };
}

function timelineKey({ accountKey, kinds, limit }: TimelineQuery): string {
  return JSON.stringify([accountKey, [...new Set(kinds)].sort(), limit]);
}
