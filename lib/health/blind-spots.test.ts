import { describe, expect, it } from 'vitest';
import { findBlindSpots, type BlindSpotInput } from './blind-spots';
import { computeHealth } from './score';
import { AS_OF, daily, goal, healthInput, interaction, signal, stakeholder } from '@/tests/unit/health-fixtures';

const base = (o: Partial<BlindSpotInput> = {}): BlindSpotInput => ({
  asOf: AS_OF, usage: 80, relationship: 50, usageSeries: [], interactions: [], signals: [], goals: [], stakeholders: [], ...o,
});
const keys = (o: Partial<BlindSpotInput>) => findBlindSpots(base(o)).map((s) => s.key);

describe('hidden risks behind healthy usage', () => {
  it('finds nothing when nothing hides, or without usage data', () => {
    expect(findBlindSpots(base())).toEqual([]);
    expect(keys({ usage: null, signals: [signal({ kind: 'roi-questioned', ago: 3 })] })).toEqual([]);
  });

  it('fires only when usage looks healthy', () => {
    const signals = [signal({ kind: 'roi-questioned', ago: 3 })];
    expect(keys({ usage: 65, signals })).toEqual(['health.blindSpot.roiQuestioned']);
    expect(keys({ usage: 64, signals })).toEqual([]);
  });

  it('a champion or sponsor who left: open signal or stakeholder marked left within 180 days', () => {
    const [spot] = findBlindSpots(base({ signals: [signal({ kind: 'champion-left', ago: 12 })] }));
    expect(spot).toEqual({
      kind: 'hidden-risk', key: 'health.blindSpot.keyPersonLeft',
      evidence: [{ key: 'health.evidence.usageScore', params: { value: 80 } }, { key: 'health.signal.champion-left', params: { date: '2026-06-18' } }],
    });
    const left = findBlindSpots(base({ stakeholders: [stakeholder({ role: 'executive-sponsor', name: 'Ben Ito', leftAgo: 30 })] }));
    expect(left[0]?.evidence[1]).toEqual({ key: 'health.evidence.keyPersonLeft.executive-sponsor', params: { name: 'Ben Ito', date: '2026-05-31' } });
    // Unknown leaving date: the record's last change stands in.
    expect(keys({ stakeholders: [stakeholder({ role: 'champion', leftAgo: null, updatedAgo: 10 })] })).toEqual(['health.blindSpot.keyPersonLeft']);

    expect(keys({ signals: [signal({ kind: 'champion-left', ago: 12, resolvedAgo: 2 })] })).toEqual([]);
    expect(keys({ stakeholders: [stakeholder({ role: 'champion', leftAgo: 400 })] })).toEqual([]);
    expect(keys({ stakeholders: [stakeholder({ role: 'champion', leftAgo: -10 })] })).toEqual([]);
    expect(keys({ stakeholders: [stakeholder({ role: 'end-user', leftAgo: 10 }), stakeholder({ role: 'champion' })] })).toEqual([]);
  });

  it('the sponsor’s priority dropped, roadmap disappointment, ROI questioned: open signals only', () => {
    for (const [kind, key] of [
      ['sponsor-priority-dropped', 'health.blindSpot.sponsorPriorityDropped'],
      ['roadmap-disappointment', 'health.blindSpot.roadmapDisappointment'],
      ['roi-questioned', 'health.blindSpot.roiQuestioned'],
    ] as const) {
      expect(keys({ signals: [signal({ kind, ago: 5 })] }), kind).toEqual([key]);
      expect(keys({ signals: [signal({ kind, ago: 5, resolvedAgo: 1 })] }), kind).toEqual([]);
    }
  });

  it('a new stakeholder with a competitor in the conversation', () => {
    const newcomer = signal({ kind: 'new-stakeholder', ago: 8, whatHappened: 'New CIO is evaluating a competitor' });
    expect(findBlindSpots(base({ signals: [newcomer] }))[0]?.evidence.map((e) => e.key)).toEqual([
      'health.evidence.usageScore', 'health.signal.new-stakeholder', 'health.evidence.competitorInText',
    ]);
    expect(keys({ signals: [signal({ kind: 'new-stakeholder', ago: 8, whatHappened: '新任の部長が競合製品を比較中' })] })).toEqual(['health.blindSpot.newStakeholderCompetitor']);
    const plain = signal({ kind: 'new-stakeholder', ago: 8, whatHappened: 'New CIO joined' });
    expect(keys({ signals: [plain, signal({ kind: 'competitor-mentioned', ago: 20 })] })).toEqual(['health.blindSpot.newStakeholderCompetitor']);
    expect(keys({ signals: [plain] })).toEqual([]);
    expect(keys({ signals: [signal({ kind: 'competitor-mentioned', ago: 20 })] })).toEqual([]);
    expect(keys({ signals: [plain, signal({ kind: 'competitor-mentioned', ago: 20, resolvedAgo: 10 })] })).toEqual([]);
  });

  it('ROI never shown: a customer for 180 days with no goal with a metric and none achieved', () => {
    const usageSeries = [daily('activeUsers', 200, 0, 10)];
    const metric = { name: 'Hours saved', unit: 'h', start: 0, current: 5, target: 40 };
    expect(findBlindSpots(base({ usageSeries }))).toEqual([{
      kind: 'hidden-risk', key: 'health.blindSpot.roiNeverShown',
      evidence: [{ key: 'health.evidence.usageScore', params: { value: 80 } }, { key: 'health.evidence.noRoiShown', params: { days: 200 } }],
    }]);
    expect(keys({ usageSeries, goals: [goal([['working', 150]])] })).toEqual(['health.blindSpot.roiNeverShown']);
    expect(keys({ usageSeries, goals: [goal([['working', 150]], { metric })] })).toEqual([]);
    expect(keys({ usageSeries, goals: [goal([['working', 150], ['partially-achieved', 20]])] })).toEqual([]);
    expect(keys({ usageSeries: [daily('activeUsers', 100, 0, 10)] })).toEqual([]);
    expect(keys({ interactions: [interaction({ ago: 190 })] })).toEqual(['health.blindSpot.roiNeverShown']);
  });

  it('the last touch left an issue unresolved', () => {
    const last = interaction({ ago: 2 });
    const earlier = interaction({ ago: 30 });
    const interactions = [last, earlier];
    const [spot] = findBlindSpots(base({ interactions, signals: [signal({ kind: 'unresolved-issue', ago: 2, interactionId: last.id })] }));
    expect(spot?.key).toBe('health.blindSpot.unresolvedIssue');
    expect(spot?.evidence.slice(1)).toEqual([
      { key: 'health.evidence.lastTouch', params: { date: '2026-06-28' } }, { key: 'health.signal.unresolved-issue', params: { date: '2026-06-28' } },
    ]);
    expect(keys({ interactions, signals: [signal({ kind: 'unresolved-issue', ago: 30, interactionId: earlier.id })] })).toEqual([]);
    expect(keys({ interactions, signals: [signal({ kind: 'unresolved-issue', ago: 2, interactionId: last.id, resolvedAgo: 1 })] })).toEqual([]);
  });

  it('every goal achieved and none set since', () => {
    const done = [goal([['working', 120], ['achieved', 60]]), goal([['achieved', 30]], { createdAgo: 100 })];
    const [spot] = findBlindSpots(base({ goals: done }));
    expect(spot?.key).toBe('health.blindSpot.goalsExhausted');
    expect(spot?.evidence[1]).toEqual({ key: 'health.evidence.allGoalsAchieved', params: { count: 2, date: '2026-05-31' } });
    expect(keys({ goals: [...done, goal([['working', 10]])] })).toEqual([]);
    expect(keys({ signals: [signal({ kind: 'goals-exhausted', ago: 4 })] })).toEqual(['health.blindSpot.goalsExhausted']);
  });
});

describe('adoption gap behind weak usage', () => {
  it('fires with a strong relationship or open advocacy/expansion interest', () => {
    expect(findBlindSpots(base({ usage: 30, relationship: 80 }))).toEqual([{
      kind: 'adoption-gap', key: 'health.blindSpot.adoptionGap',
      evidence: [{ key: 'health.evidence.usageScore', params: { value: 30 } }, { key: 'health.evidence.relationshipScore', params: { value: 80 } }],
    }]);
    const advocacy = signal({ kind: 'advocacy', ago: 6 });
    expect(findBlindSpots(base({ usage: 44, relationship: null, signals: [advocacy] }))[0]?.evidence).toEqual([
      { key: 'health.evidence.usageScore', params: { value: 44 } }, { key: 'health.signal.advocacy', params: { date: '2026-06-24' } },
    ]);
  });

  it('does not fire with usage at 45 or more, or without relationship strength', () => {
    expect(keys({ usage: 45, relationship: 90 })).toEqual([]);
    expect(keys({ usage: 30, relationship: 69 })).toEqual([]);
    expect(keys({ usage: 30, relationship: null })).toEqual([]);
    expect(keys({ usage: 30, relationship: 60, signals: [signal({ kind: 'expansion-interest', ago: 6, resolvedAgo: 1 })] })).toEqual([]);
    // Risk signals behind weak usage are not an adoption gap.
    expect(keys({ usage: 30, relationship: 60, signals: [signal({ kind: 'roi-questioned', ago: 6 })] })).toEqual([]);
  });
});

describe('blind spots in computeHealth', () => {
  it('reads the usage and relationship components', () => {
    const healthy = [daily('activeUsers', 0, 0, 90), daily('licensedSeats', 0, 0, 100)];
    const weak = [daily('activeUsers', 0, 0, 10), daily('licensedSeats', 0, 0, 100)];
    const warm = [interaction({ ago: 3, tone: 'enthusiastic' })];
    expect(computeHealth(healthInput({ usage: healthy, signals: [signal({ kind: 'roadmap-disappointment', ago: 3 })] })).blindSpots.map((s) => s.key))
      .toEqual(['health.blindSpot.roadmapDisappointment']);
    expect(computeHealth(healthInput({ usage: weak, interactions: warm })).blindSpots.map((s) => s.kind)).toEqual(['adoption-gap']);
    expect(computeHealth(healthInput({ usage: healthy, interactions: warm })).blindSpots).toEqual([]);
  });
});
