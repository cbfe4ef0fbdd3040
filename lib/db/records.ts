import type { z } from '../model/zod';
import { AppError } from '../errors';

/**
 * Every record read from IndexedDB is parsed again: the database may hold data written by an
 * older version, restored from a hand-edited backup, or damaged.
 */
export function parseStored<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('damaged', `${what}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** Parses a list, keeping the valid records and counting the damaged ones instead of failing all. */
export function parseStoredList<S extends z.ZodMiniType>(schema: S, values: unknown[]): { items: z.infer<S>[]; damaged: number } {
  const items: z.infer<S>[] = [];
  let damaged = 0;
  for (const value of values) {
    const parsed = schema.safeParse(value);
    if (parsed.success) items.push(parsed.data);
    else damaged++;
  }
  return { items, damaged };
}

/**
 * Rolls back a read-write transaction after one of its requests failed: a failed put does not
 * abort the transaction by itself, and the puts before it would commit.
 */
export function abortTransaction(tx: { abort(): void; done: Promise<void> }, pending: readonly Promise<unknown>[] = []): void {
  for (const request of pending) request.catch(() => undefined);
  tx.done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
}
