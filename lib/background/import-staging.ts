import { AppError } from '../errors';
import { monthsHeld, type UsageYear } from '../model/usage-year';

/** Months with figures one import may stage before its commit (its years may hold 1 to 12 each). */
const MAX_STAGED_MONTHS = 500_000;
/** Parts of an import nobody committed are dropped after this long. */
const IDLE_MS = 10 * 60_000;

/**
 * Parts of big usage imports sent with `usage.importPart`, held until their `usage.importCommit`
 * stores them in one transaction. In memory: if the worker stops between parts, the commit finds
 * the count wrong and the page starts over, with nothing stored.
 */
export interface ImportStaging {
  add(importId: string, years: readonly UsageYear[], now: Date): void;
  /** The staged years of a whole import, or null when parts were lost; the import is forgotten either way. */
  take(importId: string, yearCount: number): UsageYear[] | null;
}

export function createImportStaging(): ImportStaging {
  const staged = new Map<string, { years: UsageYear[]; months: number; touchedAt: number }>();
  return {
    add(importId, years, now) {
      const at = now.getTime();
      for (const [id, s] of staged) if (at - s.touchedAt > IDLE_MS) staged.delete(id);
      const entry = staged.get(importId) ?? { years: [], months: 0, touchedAt: at };
      for (const y of years) entry.years.push(y);
      entry.months += monthsHeld(years);
      entry.touchedAt = at;
      staged.set(importId, entry);
      if (entry.months > MAX_STAGED_MONTHS) {
        staged.delete(importId);
        throw new AppError('invalid-message', 'too many months in one import');
      }
    },
    take(importId, yearCount) {
      const entry = staged.get(importId);
      staged.delete(importId);
      return entry && entry.years.length === yearCount ? entry.years : null;
    },
  };
}
