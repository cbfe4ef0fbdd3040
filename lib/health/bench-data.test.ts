import { describe, expect, it } from 'vitest';
import { healthBenchData } from '../../scripts/bench/health';
import { computeHealth } from './score';

describe('the health benchmark data', () => {
  // Timing is measured by `npm run bench`; this checks its data set is scored and stable.
  it('scores every account of the data set', () => {
    const scores = healthBenchData(20).map((input) => computeHealth(input).score);
    expect(scores.every((s) => s !== null && s >= 0 && s <= 100)).toBe(true);
  });

  it('generates the same data set every time', () => {
    expect(JSON.stringify(healthBenchData(3))).toBe(JSON.stringify(healthBenchData(3)));
  });
});
