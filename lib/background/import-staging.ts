import { AppError } from '../errors';
import type { UsageMonth } from '../model/usage';

/** Months one import may stage before its commit. */
const MAX_STAGED_MONTHS = 500_000;
/** Parts of an import nobody committed are dropped after this long. */
const IDLE_MS = 10 * 60_000;

/**
 * Parts of big usage imports sent with `usage.importPart`, held until their `usage.importCommit`
 * stores them in one transaction. In memory: if the worker stops between parts, the commit finds
 * the count wrong and the page starts over, with nothing stored.
 */
export interface ImportStaging {
  add(importId: string, months: readonly UsageMonth[], now: Date): void;
  /** The staged months of a whole import, or null when parts were lost; the import is forgotten either way. */
  take(importId: string, monthCount: number): UsageMonth[] | null;
}

export function createImportStaging(): ImportStaging {
  const staged = new Map<string, { months: UsageMonth[]; touchedAt: number }>();
  return {
    add(importId, months, now) {
      const at = now.getTime();
      for (const [id, s] of staged) if (at - s.touchedAt > IDLE_MS) staged.delete(id);
      const entry = staged.get(importId) ?? { months: [], touchedAt: at };
      for (const m of months) entry.months.push(m);
      entry.touchedAt = at;
      staged.set(importId, entry);
      if (entry.months.length > MAX_STAGED_MONTHS) {
        staged.delete(importId);
        throw new AppError('invalid-message', 'too many months in one import');
      }
    },
    take(importId, monthCount) {
      const entry = staged.get(importId);
      staged.delete(importId);
      return entry && entry.months.length === monthCount ? entry.months : null;
    },
  };
}
