import { toCsv } from '../export/csv';
import { reasonText, trendKey, type PortfolioMessageKey, type PortfolioTranslate } from './messages';
import type { PortfolioRow } from './model';

const COLUMNS: readonly PortfolioMessageKey[] = [
  'portfolio.column.name',
  'portfolio.column.url',
  'portfolio.column.attention',
  'portfolio.column.health',
  'portfolio.column.trend',
  'portfolio.column.reasons',
  'portfolio.column.daysSinceTouch',
  'portfolio.column.openRisks',
  'portfolio.column.overdueSteps',
  'portfolio.column.renewalDate',
];

/**
 * The portfolio as shown (rows in the order given, so filtered and ranked), as a formula-safe
 * UTF-8 CSV with BOM. Empty cells where there is no value, so a spreadsheet sorts numbers as
 * numbers. `formatDate` receives `YYYY-MM-DD` (the renewal date).
 */
export function portfolioCsv(rows: readonly PortfolioRow[], translate: PortfolioTranslate, formatDate: (isoDate: string) => string): string {
  return toCsv(
    COLUMNS.map((key) => translate(key)),
    rows.map((row) => [
      row.name,
      row.url,
      row.attention,
      row.healthScore === null ? null : Math.round(row.healthScore),
      translate(trendKey(row.healthTrend)),
      row.reasons.map((reason) => reasonText(reason, translate)).join('; '),
      row.daysSinceTouch,
      row.openRisks,
      row.overdueSteps,
      row.renewalDate === null ? null : formatDate(row.renewalDate),
    ]),
  );
}
