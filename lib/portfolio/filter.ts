import type { PortfolioRow } from './model';

export interface PortfolioFilter {
  /** Only accounts with at least one unresolved risk signal. */
  riskOnly: boolean;
  /** Only accounts renewing between today and this many days from now; null: any. */
  renewalWithinDays: number | null;
  /** Only accounts not touched for at least this many days, never touched included; null: any. */
  noTouchForDays: number | null;
  /** Matched against the account name; every word typed must appear. */
  search: string;
}

export const NO_FILTER: PortfolioFilter = { riskOnly: false, renewalWithinDays: null, noTouchForDays: null, search: '' };

/** The choices the page offers, in days. */
export const RENEWAL_WITHIN_CHOICES = [30, 60, 90, 180] as const;
export const NO_TOUCH_CHOICES = [14, 30, 60, 90] as const;

/**
 * Width- and case-insensitive form for matching: NFKC folds full-width Latin letters and digits
 * (ＡＢＣ, １２３) and half-width katakana (ｶﾌﾞ) to their usual forms, so a name matches however it
 * was typed in the CRM or the search box.
 */
export function searchable(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The rows that pass every active filter, in the order given. */
export function filterPortfolio(rows: readonly PortfolioRow[], filter: PortfolioFilter): PortfolioRow[] {
  const words = searchable(filter.search).split(/\s+/).filter((w) => w !== '');
  const { renewalWithinDays: within, noTouchForDays: noTouch } = filter;
  return rows.filter((row) => {
    if (filter.riskOnly && row.openRisks === 0) return false;
    if (within !== null && (row.daysToRenewal === null || row.daysToRenewal < 0 || row.daysToRenewal > within)) return false;
    if (noTouch !== null && row.daysSinceTouch !== null && row.daysSinceTouch < noTouch) return false;
    if (words.length > 0) {
      const name = searchable(row.name);
      if (!words.every((w) => name.includes(w))) return false;
    }
    return true;
  });
}

export function isFiltered(filter: PortfolioFilter): boolean {
  return filter.riskOnly || filter.renewalWithinDays !== null || filter.noTouchForDays !== null || filter.search.trim() !== '';
}
