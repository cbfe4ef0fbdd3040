import { describe, expect, it } from 'vitest';
import { signalsComponent } from './signals';
import { AS_OF, signal } from '@/tests/unit/health-fixtures';

describe('signals component', () => {
  it('is null when no signal had happened by asOf', () => {
    expect(signalsComponent([], AS_OF)).toBeNull();
    expect(signalsComponent([signal({ kind: 'champion-left', ago: -3 })], AS_OF)).toBeNull();
  });

  it('sits at the baseline when every signal is resolved', () => {
    expect(signalsComponent([signal({ kind: 'roi-questioned', ago: 30, resolvedAgo: 10 })], AS_OF)).toEqual({
      id: 'signals', value: 70, reasons: [{ key: 'health.reason.noOpenSignals' }],
    });
  });

  it('weighs open risks and opportunities by severity', () => {
    const r = signalsComponent(
      [signal({ kind: 'champion-left', ago: 5, severity: 'high' }), signal({ kind: 'budget-change', ago: 5, severity: 'low' }), signal({ kind: 'advocacy', ago: 5, severity: 'medium' })],
      AS_OF,
    );
    expect(r).toEqual({
      id: 'signals', value: 70 - 35 - 10 + 10,
      reasons: [{ key: 'health.reason.openRisks', params: { count: 2, high: 1 } }, { key: 'health.reason.openOpportunities', params: { count: 1 } }],
    });
    expect(signalsComponent([1, 2, 3].map(() => signal({ kind: 'champion-left', ago: 5, severity: 'high' })), AS_OF)?.value).toBe(0);
    expect(signalsComponent([1, 2, 3].map(() => signal({ kind: 'advocacy', ago: 5, severity: 'high' })), AS_OF)?.value).toBe(100);
  });

  it('counts a signal resolved after asOf as open on asOf', () => {
    expect(signalsComponent([signal({ kind: 'roi-questioned', ago: 30, resolvedAgo: -10 })], AS_OF)?.value).toBe(50);
  });
});
