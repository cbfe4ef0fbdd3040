import { describe, expect, it } from 'vitest';
import { engagementComponent } from './engagement';
import { AS_OF, interaction } from '@/tests/unit/health-fixtures';

describe('engagement component', () => {
  it('is null without touches on or before asOf; notes are not touches', () => {
    expect(engagementComponent([], AS_OF)).toBeNull();
    expect(engagementComponent([interaction({ ago: 3, type: 'note' })], AS_OF)).toBeNull();
    expect(engagementComponent([interaction({ ago: -2 })], AS_OF)).toBeNull();
  });

  it('gives full marks for a touch within two weeks and six in 90 days', () => {
    const touches = [14, 20, 30, 50, 70, 89].map((ago) => interaction({ ago }));
    expect(engagementComponent(touches, AS_OF)).toEqual({
      id: 'engagement', value: 100,
      reasons: [{ key: 'health.reason.lastTouch', params: { days: 14 } }, { key: 'health.reason.touchCadence', params: { count: 6 } }],
    });
  });

  it('loses marks with time since the last touch and fewer touches', () => {
    // Recency halfway from 14 to 90 days → 50; 1 touch of 6 → 16.7; 60/40 → 36.7.
    expect(engagementComponent([interaction({ ago: 52 }), interaction({ ago: 120 })], AS_OF)?.value).toBe(37);
    expect(engagementComponent([interaction({ ago: 200 })], AS_OF)?.value).toBe(0);
  });

  it('says "today" for a touch on asOf, and counts nothing after it', () => {
    const r = engagementComponent([interaction({ ago: 0, type: 'email' }), interaction({ ago: -1 }), interaction({ ago: -5 })], AS_OF);
    expect(r?.reasons).toEqual([{ key: 'health.reason.lastTouchToday' }, { key: 'health.reason.touchCadence', params: { count: 1 } }]);
  });
});
