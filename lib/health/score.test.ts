import { describe, expect, it } from 'vitest';
import { HealthScore } from './model';
import { combineComponents, computeHealth } from './score';
import { AS_OF, daily, goal, healthInput, interaction, signal, stakeholder } from '@/tests/unit/health-fixtures';
import { DEFAULT_HEALTH_WEIGHTS, HEALTH_COMPONENT_IDS } from './weights';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('computeHealth', () => {
  it('gives no score and lists every part missing for an empty account', () => {
    expect(computeHealth(healthInput())).toEqual({
      asOf: AS_OF, score: null, components: [], missing: [...HEALTH_COMPONENT_IDS], blindSpots: [], subscriptions: [],
    });
  });

  it('shares a missing part’s weight among the others pro rata', () => {
    // Engagement 100 (touch 3 days ago, 6 in 90 days) and goals 0 (no outlook); the rest missing.
    const h = computeHealth(healthInput({
      interactions: [3, 10, 20, 30, 40, 50].map((ago) => interaction({ ago })),
      goals: [goal([['no-outlook', 20]])],
    }));
    expect(h.missing).toEqual(['usage', 'relationship', 'signals']);
    expect(h.components.map((c) => [c.id, c.value, c.weight])).toEqual([['engagement', 100, 20], ['goals', 0, 15]]);
    expect(h.components[0]?.effectiveWeight).toBeCloseTo((20 / 35) * 100, 10);
    expect(h.components[1]?.effectiveWeight).toBeCloseTo((15 / 35) * 100, 10);
    expect(h.score).toBe(57);
  });

  it('weighs every part present with the configured weights, effective weights summing to 100', () => {
    const h = computeHealth(healthInput({
      usage: [daily('activeUsers', 0, 0, 40), daily('licensedSeats', 0, 0, 100)], // 50
      interactions: [interaction({ ago: 1, tone: 'positive' })], // engagement 60 + 40/6 → 67; relationship 75
      goals: [goal([['achieved', 5]])], // 100
      signals: [signal({ kind: 'budget-change', ago: 5, severity: 'medium' })], // 50
    }));
    expect(h.missing).toEqual([]);
    const values = Object.fromEntries(h.components.map((c) => [c.id, c.value]));
    expect(values).toEqual({ usage: 50, engagement: 67, relationship: 75, goals: 100, signals: 50 });
    expect(sum(h.components.map((c) => c.effectiveWeight))).toBeCloseTo(100, 10);
    expect(h.score).toBe(Math.round((50 * 35 + 67 * 20 + 75 * 20 + 100 * 15 + 50 * 10) / 100));
    expect(HealthScore.parse(h)).toEqual(h);
  });

  it('follows custom weights, and counts parts equally when all present weigh 0', () => {
    const input = healthInput({ interactions: [interaction({ ago: 1 })], goals: [goal([['achieved', 5]])] });
    const engagement = computeHealth(input).components[0]?.value ?? -1;
    expect(computeHealth({ ...input, weights: { ...DEFAULT_HEALTH_WEIGHTS, goals: 0 } }).score).toBe(engagement);
    const zero = computeHealth({ ...input, weights: { ...DEFAULT_HEALTH_WEIGHTS, engagement: 0, goals: 0 } });
    expect(zero.components.map((c) => c.effectiveWeight)).toEqual([50, 50]);
    expect(zero.score).toBe(Math.round((engagement + 100) / 2));
  });

  it('counts only data on or before asOf, so history can be recomputed', () => {
    const past = healthInput({
      usage: [daily('activeUsers', 200, 0, 60), daily('licensedSeats', 200, 0, 100), daily('feature:a', 200, 0, 1)],
      interactions: [interaction({ ago: 10, tone: 'positive' }), interaction({ ago: 40, tone: 'neutral' })],
      signals: [signal({ kind: 'roi-questioned', ago: 20 })],
      goals: [goal([['working', 100]])],
      stakeholders: [stakeholder({ role: 'champion' })],
    });
    const future = healthInput({
      usage: [daily('activeUsers', 200, -60, (ago) => (ago < 0 ? 5 : 60)), daily('licensedSeats', 200, -60, 100), daily('feature:a', 200, -60, (ago) => (ago < 0 ? 0 : 1))],
      interactions: [...past.interactions, interaction({ ago: -1, tone: 'negative' }), interaction({ ago: -20, tone: 'negative' })],
      signals: [...past.signals, signal({ kind: 'champion-left', ago: -5, severity: 'high' })],
      goals: [...past.goals, goal([['no-outlook', -3]])],
      stakeholders: past.stakeholders,
    });
    const h = computeHealth(past);
    expect(h.score).not.toBeNull();
    expect(computeHealth(future)).toEqual(h);
    expect(computeHealth({ ...future, asOf: '2026-08-30' }).score).toBeLessThan(h.score ?? 0);
  });

  it('scores each non-empty subscription with its own usage only', () => {
    const usage = [
      daily('activeUsers', 0, 0, 80, 'Analytics'), daily('licensedSeats', 0, 0, 100, 'Analytics'), // 100
      daily('activeUsers', 0, 0, 10, 'Alerts'), daily('licensedSeats', 0, 0, 100, 'Alerts'), // 12.5
      daily('activeUsers', 0, 0, 5), daily('licensedSeats', 0, 0, 100),
    ];
    const h = computeHealth(healthInput({ usage }));
    expect(h.subscriptions).toEqual([{ subscription: 'Alerts', score: 13 }, { subscription: 'Analytics', score: 100 }]);
    expect(h.score).toBe(Math.round((95 / 300 / 0.8) * 100));
    // The other parts are the same for every subscription.
    const withGoal = computeHealth(healthInput({ usage, goals: [goal([['no-outlook', 5]])] }));
    expect(withGoal.subscriptions).toEqual([
      { subscription: 'Alerts', score: Math.round((12.5 * 35) / 50) },
      { subscription: 'Analytics', score: Math.round((100 * 35) / 50) },
    ]);
    expect(computeHealth(healthInput({ usage: [daily('activeUsers', 0, 0, 5)] })).subscriptions).toEqual([]);
  });

  it('rejects an asOf that is not a date', () => {
    expect(() => computeHealth(healthInput({ asOf: '2026-06-30T10:00:00Z' }))).toThrow();
  });
});

describe('HealthScore schema', () => {
  it('rejects reasons with keys that are not health messages', () => {
    const h = combineComponents({ usage: { id: 'usage', value: 50, reasons: [] }, engagement: null, relationship: null, goals: null, signals: null }, DEFAULT_HEALTH_WEIGHTS);
    const stored = { asOf: AS_OF, ...h, blindSpots: [], subscriptions: [] };
    expect(HealthScore.safeParse(stored).success).toBe(true);
    const bad = { ...stored, components: [{ ...h.components[0], reasons: [{ key: 'usage.done' }] }] };
    expect(HealthScore.safeParse(bad).success).toBe(false);
    expect(HealthScore.safeParse({ ...stored, score: 101 }).success).toBe(false);
  });
});
