import { describe, expect, it } from 'vitest';
import { relationshipComponent } from './relationship';
import { AS_OF, interaction, signal } from '@/tests/unit/health-fixtures';

describe('relationship component', () => {
  it('is null without a tone noted in the last year on or before asOf', () => {
    expect(relationshipComponent([interaction({ ago: 3 })], [], AS_OF)).toBeNull();
    expect(relationshipComponent([interaction({ ago: 400, tone: 'positive' })], [], AS_OF)).toBeNull();
    expect(relationshipComponent([interaction({ ago: -3, tone: 'positive' })], [], AS_OF)).toBeNull();
  });

  it('maps the tone scale to 0–100 with neutral at 50', () => {
    expect(relationshipComponent([interaction({ ago: 1, tone: 'positive' })], [], AS_OF)?.value).toBe(75);
    expect(relationshipComponent([interaction({ ago: 1, tone: 'neutral' })], [], AS_OF)?.value).toBe(50);
    expect(relationshipComponent([interaction({ ago: 1, tone: 'negative' })], [], AS_OF)?.value).toBe(0);
  });

  it('halves a reading’s weight every 45 days', () => {
    // positive today (weight 1, +1) and negative 45 days ago (weight ½, −2) cancel out.
    const r = relationshipComponent([interaction({ ago: 0, tone: 'positive' }), interaction({ ago: 45, tone: 'negative' })], [], AS_OF);
    expect(r?.value).toBe(50);
  });

  it('lets a new negative tone outweigh older positive ones', () => {
    const cooling = [interaction({ ago: 200, tone: 'enthusiastic' }), interaction({ ago: 150, tone: 'enthusiastic' }), interaction({ ago: 5, tone: 'negative' })];
    const r = relationshipComponent(cooling, [], AS_OF);
    expect(r?.value).toBeLessThan(20);
    expect(r?.reasons).toEqual([
      { key: 'health.reason.toneCool', params: { count: 3 } },
      { key: 'health.reason.latestTone.negative', params: { days: 5 } },
    ]);
    const warming = [interaction({ ago: 200, tone: 'negative' }), interaction({ ago: 150, tone: 'negative' }), interaction({ ago: 5, tone: 'enthusiastic' })];
    expect(relationshipComponent(warming, [], AS_OF)?.value).toBeGreaterThan(80);
  });

  it('counts the tone noted on a note', () => {
    expect(relationshipComponent([interaction({ ago: 2, type: 'note', tone: 'hesitant' })], [], AS_OF)?.value).toBe(25);
  });

  it('is lifted a little by open advocacy or expansion interest, up to 10', () => {
    const touches = [interaction({ ago: 1, tone: 'neutral' })];
    const lift = (signals: ReturnType<typeof signal>[]) => relationshipComponent(touches, signals, AS_OF)?.value;
    expect(lift([signal({ kind: 'advocacy', ago: 10 })])).toBe(55);
    expect(lift([signal({ kind: 'advocacy', ago: 10 }), signal({ kind: 'expansion-interest', ago: 10 }), signal({ kind: 'advocacy', ago: 3 })])).toBe(60);
    expect(lift([signal({ kind: 'advocacy', ago: 10, resolvedAgo: 5 })])).toBe(50);
    expect(lift([signal({ kind: 'advocacy', ago: -1 })])).toBe(50);
    expect(lift([signal({ kind: 'expansion-interest', ago: 10, polarity: 'risk' })])).toBe(50);
    expect(relationshipComponent(touches, [signal({ kind: 'advocacy', ago: 10 })], AS_OF)?.reasons.at(-1)).toEqual({
      key: 'health.reason.opportunityLift', params: { count: 1, points: 5 },
    });
  });
});
