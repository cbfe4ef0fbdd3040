import { describe, expect, it } from 'vitest';
import { staleToneDays, toneTrend } from './tone';
import { daysInStatus, goalsExhausted } from './goals';
import { dueSteps } from './steps';
import { stakeholderFieldChanges } from './stakeholder-offers';
import type { SuccessGoal, GoalStatus } from '../model/goal';
import type { Tone } from '../model/interaction';

const tones = (...list: Tone[]) => list.map((tone, i) => ({ tone, at: `2026-11-${String(20 - i).padStart(2, '0')}T10:00:00.000Z`, interactionId: `i${i}` }));

function goal(id: string, statuses: [GoalStatus, string][], createdAt = '2026-01-01T00:00:00.000Z'): SuccessGoal {
  return {
    id, accountKey: 'salesforce:acme:001', title: id, successLooksLike: '', horizon: 'light', targetDate: null, metric: null,
    statusHistory: statuses.map(([status, changedAt]) => ({ status, changedAt, perceivedBy: '', reason: '' })),
    createdAt, updatedAt: createdAt, revision: 0,
  };
}

const step = (id: string, dueDate: string | null) => ({ interactionId: 'i', interactionRevision: 0, step: { id, text: id, dueDate, doneAt: null } });

describe('tone', () => {
  it('reads a trend from the latest tone against the ones before', () => {
    expect(toneTrend(tones('negative', 'positive', 'positive'))).toBe('cooling');
    expect(toneTrend(tones('enthusiastic', 'neutral', 'hesitant'))).toBe('warming');
    expect(toneTrend(tones('positive', 'positive', 'enthusiastic'))).toBe('steady');
    expect(toneTrend(tones('positive'))).toBeNull();
  });

  it('flags tone not refreshed within the threshold', () => {
    const readings = tones('positive');
    expect(staleToneDays(readings, new Date('2026-12-19T10:00:00Z'), 30)).toBeNull();
    expect(staleToneDays(readings, new Date('2026-12-21T10:00:00Z'), 30)).toBe(31);
    expect(staleToneDays([], new Date(), 30)).toBeNull();
  });
});

describe('goals', () => {
  it('says when every goal is achieved and no new goal was set', () => {
    const a = goal('a', [['working', '2026-02-01T00:00:00.000Z'], ['achieved', '2026-06-01T00:00:00.000Z']]);
    const b = goal('b', [['achieved', '2026-07-01T00:00:00.000Z']]);
    expect(goalsExhausted([a, b])).toBe(true);
    expect(goalsExhausted([a, goal('c', [['working', '2026-08-01T00:00:00.000Z']], '2026-08-01T00:00:00.000Z')])).toBe(false);
    expect(goalsExhausted([])).toBe(false);
  });

  it('counts days in the current status', () => {
    expect(daysInStatus(goal('a', [['working', '2026-11-01T00:00:00.000Z']]), new Date('2026-11-25T12:00:00Z'))).toBe(24);
  });
});

describe('next steps', () => {
  it('splits overdue and due soon, earliest first, leaving undated and later ones out', () => {
    const due = dueSteps([step('later', '2026-12-30'), step('soon', '2026-11-27'), step('late', '2026-11-20'), step('today', '2026-11-25'), step('undated', null)], '2026-11-25', 7);
    expect(due.overdue.map((s) => s.step.id)).toEqual(['late']);
    expect(due.dueSoon.map((s) => s.step.id)).toEqual(['today', 'soon']);
  });
});

describe('stakeholder field changes', () => {
  it('keeps changes of marked fields and of the owner', () => {
    const changes = [
      { key: 'Executive_Sponsor__c', label: 'Executive Sponsor', before: 'Aiko', after: 'Ben' },
      { key: 'Industry', label: 'Industry', before: 'A', after: 'B' },
      { key: 'OwnerId', label: 'Owner', before: 'Me', after: 'You' },
    ];
    expect(stakeholderFieldChanges(changes, ['Executive_Sponsor__c']).map((c) => c.key)).toEqual(['Executive_Sponsor__c', 'OwnerId']);
  });
});
