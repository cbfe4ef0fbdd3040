import { describe, expect, it } from 'vitest';
import { BENCH_TODAY, portfolioBenchInputs } from '../../scripts/bench/portfolio';
import { buildPortfolio } from './rank';

describe('portfolio of 500 accounts × 200 timeline entries', () => {
  // Timing is measured by `npm run bench`; this checks the benchmark's data set ranks sensibly.
  it('keeps its promises on every row', () => {
    const rows = buildPortfolio(portfolioBenchInputs(500, 200), { today: BENCH_TODAY, toneStaleDays: 30 });
    expect(rows).toHaveLength(500);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.attention).toBeGreaterThanOrEqual(rows[i]!.attention);
    for (const row of rows) {
      expect(row.reasons.length).toBeGreaterThan(0);
      expect(row.attention).toBeGreaterThanOrEqual(0);
      expect(row.attention).toBeLessThanOrEqual(100);
    }
  });
});
