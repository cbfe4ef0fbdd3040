import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_WEIGHTS, HealthWeights } from './weights';

describe('health weights', () => {
  it('defaults every weight, so partial settings read', () => {
    expect(DEFAULT_HEALTH_WEIGHTS).toEqual({ usage: 35, engagement: 20, relationship: 20, goals: 15, signals: 10 });
    expect(HealthWeights.parse({ usage: 50 })).toEqual({ ...DEFAULT_HEALTH_WEIGHTS, usage: 50 });
  });

  it('rejects weights outside 0–100', () => {
    expect(HealthWeights.safeParse({ goals: -1 }).success).toBe(false);
    expect(HealthWeights.safeParse({ signals: 101 }).success).toBe(false);
    expect(HealthWeights.safeParse({ usage: Number.NaN }).success).toBe(false);
    expect(HealthWeights.safeParse({ usage: 0 }).success).toBe(true);
  });
});
