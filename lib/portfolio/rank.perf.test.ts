import { describe, expect, it } from 'vitest';
import { BENCH_TODAY, portfolioBenchInputs } from '../../scripts/bench/portfolio';
import { buildPortfolio } from './rank';

describe('portfolio of 500 accounts × 200 timeline entries', () => {
  it('ranks well within the page budget and keeps its promises on every row', () => {
    const inputs = portfolioBenchInputs(500, 200);
    buildPortfolio(inputs, { today: BENCH_TODAY, toneStaleDays: 30 });
    const t0 = performance.now();
    const rows = buildPortfolio(inputs, { today: BENCH_TODAY, toneStaleDays: 30 });
    const ms = performance.now() - t0;
    console.log(`portfolio ranking, 500 × 200: ${ms.toFixed(1)} ms`);
    expect(rows).toHaveLength(500);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.attention).toBeGreaterThanOrEqual(rows[i]!.attention);
    for (const row of rows) {
      expect(row.reasons.length).toBeGreaterThan(0);
      expect(row.attention).toBeGreaterThanOrEqual(0);
      expect(row.attention).toBeLessThanOrEqual(100);
    }
    // Generous: a guard against accidental quadratic work, not the benchmark itself.
    expect(ms).toBeLessThan(300);
  });
});
