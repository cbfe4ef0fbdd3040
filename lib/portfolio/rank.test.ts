import { describe, expect, it } from 'vitest';
import type { Account, RecordField } from '../model/account';
import type { GoalStatus, SuccessGoal } from '../model/goal';
import type { Interaction, NextStep, Tone } from '../model/interaction';
import type { Severity, Signal } from '../model/signal';
import { dueSteps } from '../insights/steps';
import { ATTENTION, buildPortfolio } from './rank';
import type { PortfolioAccountInput, PortfolioHealth, PortfolioRow } from './model';

const TODAY = '2026-11-25';
const options = { today: TODAY, toneStaleDays: 30 };

let seq = 0;
const id = () => `id${++seq}`;
const daysAgo = (days: number, hour = 10) => new Date(Date.UTC(2026, 10, 25 - days, hour)).toISOString();
const dayOffset = (days: number) => new Date(Date.UTC(2026, 10, 25 + days)).toISOString().slice(0, 10);

function account(name: string): Account {
  const recordId = `001${name.replace(/[^A-Za-z0-9]/g, '')}${++seq}`.slice(0, 18) || `001x${seq}`;
  return { key: `salesforce:acme:${recordId}`, crm: 'salesforce', recordId, name, url: `https://acme.lightning.force.com/lightning/r/Account/${recordId}/view`, firstSeenAt: daysAgo(400), lastSeenAt: daysAgo(1) };
}

function touch(days: number, extra: { tone?: Tone | null; steps?: Partial<NextStep>[]; occurredAt?: string } = {}): Interaction {
  const occurredAt = extra.occurredAt ?? daysAgo(days);
  return {
    id: id(), accountKey: 'salesforce:acme:001', type: 'call', occurredAt, tone: extra.tone === undefined ? 'positive' : extra.tone, notes: '',
    attendeeIds: [], internalAttendees: [], internalOnly: false,
    nextSteps: (extra.steps ?? []).map((s) => ({ id: id(), text: 'Follow up', dueDate: null, doneAt: null, ...s })),
    createdAt: occurredAt, updatedAt: occurredAt, revision: 0,
  };
}

function risk(severity: Severity, extra: Partial<Signal> = {}): Signal {
  const at = daysAgo(10);
  return {
    id: id(), accountKey: 'salesforce:acme:001', kind: 'roi-questioned', otherLabel: '', polarity: 'risk', severity, stakeholderId: null, whatHappened: '', howTheyFeel: '',
    occurredAt: at, detectedAt: at, detectedVia: 'call', interactionId: null, resolvedAt: null, createdAt: at, updatedAt: at, revision: 0, ...extra,
  };
}

function goal(status: GoalStatus): SuccessGoal {
  return {
    id: id(), accountKey: 'salesforce:acme:001', title: 'Reps live', successLooksLike: '', horizon: 'light', targetDate: null, metric: null,
    statusHistory: [{ status, changedAt: daysAgo(50), perceivedBy: '', reason: '' }], createdAt: daysAgo(200), updatedAt: daysAgo(50), revision: 0,
  };
}

const renewalOn = (date: string): RecordField[] => [
  { key: 'Industry', label: 'Industry', value: 'Retail' },
  { key: 'Renewal_Date__c', label: 'Renewal Date', value: date },
];
const healthy: PortfolioHealth = { score: 85, trend: 'flat', blindSpots: 0 };

function input(name: string, parts: Partial<Omit<PortfolioAccountInput, 'account'>> = {}): PortfolioAccountInput {
  return { account: account(name), fields: [], interactions: [], signals: [], goals: [], health: null, ...parts };
}

const rank = (...inputs: PortfolioAccountInput[]) => buildPortfolio(inputs, options);
const only = (i: PortfolioAccountInput): PortfolioRow => {
  const row = rank(i)[0];
  if (!row) throw new Error('no row');
  return row;
};
const keys = (row: PortfolioRow) => row.reasons.map((r) => r.key);

describe('portfolio ranking', () => {
  it('puts overdue steps and a close renewal above a quiet healthy account, and says why', () => {
    const quiet = input('Quiet Co', { health: healthy, interactions: [touch(5)] });
    const urgent = input('Urgent Inc', {
      health: healthy,
      fields: renewalOn('2026/12/15'),
      interactions: [touch(3, { steps: [{ dueDate: dayOffset(-10) }, { dueDate: dayOffset(-1) }, { dueDate: dayOffset(-20), doneAt: daysAgo(15) }, { dueDate: TODAY }] })],
    });
    const rows = rank(quiet, urgent);
    expect(rows.map((r) => r.name)).toEqual(['Urgent Inc', 'Quiet Co']);
    const [first, second] = rows;
    expect(first).toMatchObject({ attention: ATTENTION.renewal.within30 + 2 * ATTENTION.overdueStep.each, overdueSteps: 2, renewalDate: '2026-12-15', daysToRenewal: 20, daysSinceTouch: 3 });
    expect(first?.reasons).toEqual([
      { key: 'portfolio.reason.renewalSoon.other', params: { days: 20 } },
      { key: 'portfolio.reason.overdueSteps.other', params: { count: 2 } },
    ]);
    expect(second).toMatchObject({ attention: 0, reasons: [{ key: 'portfolio.reason.noConcerns' }], healthScore: 85, healthTrend: 'flat' });
  });

  it('lists reasons by their weight, the biggest contributor first', () => {
    const row = only(input('Slipping', {
      health: { score: 35, trend: 'down', blindSpots: 1 },
      interactions: [touch(45, { tone: 'hesitant' })],
      signals: [risk('high')],
    }));
    expect(keys(row)).toEqual([
      'portfolio.reason.healthLow',
      'portfolio.reason.healthFalling', // 10, ties with the high risk and comes first in the table
      'portfolio.reason.openRisks.one',
      'portfolio.reason.noTouch',
      'portfolio.reason.toneStale',
      'portfolio.reason.blindSpots.one',
    ]);
    expect(row.reasons[0]?.params).toEqual({ score: 35 });
    expect(row.attention).toBe(25 + 10 + 10 + 6 + 6 + 3);
    expect(row.toneStale).toBe(true);
  });

  it('weights health in bands', () => {
    expect(only(input('A', { health: { score: 39.6, trend: 'flat', blindSpots: 0 } })).reasons[0]).toEqual({ key: 'portfolio.reason.healthLow', params: { score: 40 } });
    expect(only(input('A', { health: { score: 39.6, trend: 'flat', blindSpots: 0 } })).attention).toBe(25 + ATTENTION.noTouch.never);
    expect(only(input('A', { health: { score: 59, trend: 'up', blindSpots: 0 }, interactions: [touch(1)] })).attention).toBe(15);
    expect(only(input('A', { health: { score: 60, trend: 'up', blindSpots: 0 }, interactions: [touch(1)] })).attention).toBe(0);
  });

  it('counts open risk signals by severity, up to a cap, leaving resolved ones and opportunities out', () => {
    const base = { health: healthy, interactions: [touch(1)] };
    const row = only(input('R', { ...base, signals: [risk('low'), risk('medium'), risk('high', { resolvedAt: daysAgo(2) }), risk('high', { polarity: 'opportunity' })] }));
    expect(row).toMatchObject({ openRisks: 2, attention: 3 + 6, reasons: [{ key: 'portfolio.reason.openRisks.other', params: { count: 2 } }] });
    const many = only(input('R', { ...base, signals: [risk('high'), risk('high'), risk('high')] }));
    expect(many).toMatchObject({ openRisks: 3, attention: ATTENTION.risk.max });
  });

  it('brings renewals closer up in steps, and flags one that has just passed', () => {
    const at = (date: string) => only(input('R', { health: healthy, interactions: [touch(1)], fields: renewalOn(date) }));
    expect(at(TODAY)).toMatchObject({ daysToRenewal: 0, attention: 20, reasons: [{ key: 'portfolio.reason.renewalToday' }] });
    expect(at(dayOffset(1)).reasons).toEqual([{ key: 'portfolio.reason.renewalSoon.one', params: { days: 1 } }]);
    expect(at(dayOffset(45)).attention).toBe(14);
    expect(at(dayOffset(90)).attention).toBe(8);
    expect(at(dayOffset(91))).toMatchObject({ daysToRenewal: 91, attention: 0, reasons: [{ key: 'portfolio.reason.noConcerns' }] });
    expect(at(dayOffset(-3))).toMatchObject({ daysToRenewal: -3, attention: 10, reasons: [{ key: 'portfolio.reason.renewalPassed.other', params: { days: 3 } }] });
    expect(at(dayOffset(-31)).attention).toBe(0);
    // Japanese Salesforce shows 2026年12月15日.
    expect(only(input('J', { fields: [{ key: '契約更新日', label: '契約更新日', value: '2026年12月15日' }] })).daysToRenewal).toBe(20);
  });

  it('counts days since the last touch, not the CRM visit, and ignores planned meetings', () => {
    const row = only(input('T', { health: healthy, interactions: [touch(95, { tone: null }), touch(70, { tone: null }), touch(-3)] }));
    expect(row).toMatchObject({ lastTouchAt: daysAgo(70), daysSinceTouch: 70, attention: ATTENTION.noTouch.days60 });
    expect(row.reasons[0]).toEqual({ key: 'portfolio.reason.noTouch', params: { days: 70 } });
    expect(only(input('T', { health: healthy, interactions: [touch(29)] })).attention).toBe(0);
    expect(only(input('T', { health: healthy, interactions: [touch(30, { tone: null })] })).attention).toBe(ATTENTION.noTouch.days30);
    expect(only(input('T', { health: healthy, interactions: [touch(90, { tone: null })] })).attention).toBe(ATTENTION.noTouch.days90);
  });

  it('reads touches written with any offset', () => {
    // 2026-11-20T01:00+09:00 is 2026-11-19T16:00Z: later than the canonical one.
    const row = only(input('O', { interactions: [touch(6, { occurredAt: '2026-11-19T10:00:00.000Z' }), touch(0, { occurredAt: '2026-11-20T01:00:00+09:00' })] }));
    expect(row.lastTouchAt).toBe('2026-11-20T01:00:00+09:00');
  });

  it('flags tone older than the CSM setting, from the latest interaction that noted one', () => {
    const stale = input('S', { health: healthy, interactions: [touch(40), touch(2, { tone: null })] });
    expect(only(stale)).toMatchObject({ toneStale: true, attention: ATTENTION.toneStale, reasons: [{ key: 'portfolio.reason.toneStale', params: { days: 40 } }] });
    expect(buildPortfolio([stale], { today: TODAY, toneStaleDays: 45 })[0]?.toneStale).toBe(false);
    expect(only(input('S', { health: healthy, interactions: [touch(40), touch(2)] })).toneStale).toBe(false);
  });

  it('counts overdue steps by the same rule as the sidebar', () => {
    const interactions = [
      touch(20, { steps: [{ dueDate: dayOffset(-5) }, { dueDate: dayOffset(-1), doneAt: daysAgo(1) }, { dueDate: null }, { dueDate: TODAY }] }),
      touch(10, { steps: [{ dueDate: dayOffset(-2) }, { dueDate: dayOffset(-3) }, { dueDate: dayOffset(4) }] }),
    ];
    const open = interactions.flatMap((i) => i.nextSteps.filter((step) => step.doneAt === null).map((step) => ({ interactionId: i.id, interactionRevision: 0, step })));
    const row = only(input('O', { health: healthy, interactions }));
    expect(row.overdueSteps).toBe(dueSteps(open, TODAY, 7).overdue.length);
    expect(row.overdueSteps).toBe(3);
    expect(row.attention).toBe(ATTENTION.overdueStep.max);
  });

  it('flags goals all achieved with none set since', () => {
    const row = only(input('G', { health: healthy, interactions: [touch(1)], goals: [goal('achieved'), goal('achieved')] }));
    expect(row).toMatchObject({ attention: ATTENTION.goalsExhausted, reasons: [{ key: 'portfolio.reason.goalsExhausted' }] });
    expect(only(input('G', { health: healthy, interactions: [touch(1)], goals: [goal('achieved'), goal('working')] })).attention).toBe(0);
  });

  it('shows an account with nothing recorded, ranked low, and says so', () => {
    const empty = input('Empty Ltd');
    const health = input('Blind', { health: { score: null, trend: 'unknown', blindSpots: 4 } });
    const planned = input('Planned', { goals: [goal('working')] });
    const rows = rank(empty, health, planned, input('Fine', { health: healthy, interactions: [touch(1)] }));
    // At equal attention, accounts with nothing recorded come last.
    expect(rows.map((r) => r.name)).toEqual(['Planned', 'Fine', 'Blind', 'Empty Ltd']);
    expect(rows[0]).toMatchObject({ attention: ATTENTION.noTouch.never, reasons: [{ key: 'portfolio.reason.neverTouched' }] });
    // Every blind spot of an empty account only restates that nothing is recorded.
    expect(rows[2]).toMatchObject({ attention: 0, reasons: [{ key: 'portfolio.reason.nothingRecorded' }] });
    expect(rows[3]).toEqual({
      accountKey: empty.account.key, name: 'Empty Ltd', url: empty.account.url, attention: 0, reasons: [{ key: 'portfolio.reason.nothingRecorded' }],
      healthScore: null, healthTrend: 'unknown', lastTouchAt: null, daysSinceTouch: null, openRisks: 0, overdueSteps: 0, renewalDate: null, daysToRenewal: null, toneStale: false,
    });
    // A renewal read from the CRM still counts, even with nothing recorded.
    expect(only(input('Renewing', { fields: renewalOn(dayOffset(10)) }))).toMatchObject({
      attention: 20, reasons: [{ key: 'portfolio.reason.renewalSoon.other', params: { days: 10 } }, { key: 'portfolio.reason.nothingRecorded' }],
    });
  });

  it('caps attention at 100', () => {
    const row = only(input('Fire', {
      health: { score: 10, trend: 'down', blindSpots: 5 },
      fields: renewalOn(dayOffset(5)),
      interactions: [touch(120, { steps: [{ dueDate: dayOffset(-100) }, { dueDate: dayOffset(-90) }, { dueDate: dayOffset(-80) }] })],
      signals: [risk('high'), risk('high'), risk('high')],
      goals: [goal('achieved')],
    }));
    expect(row.attention).toBe(100);
    expect(row.reasons).toHaveLength(9);
  });

  it('breaks ties by name, numbers in order, then by key', () => {
    const rows = rank(input('Company 10'), input('company 2'), input('Company 1'));
    expect(rows.map((r) => r.name)).toEqual(['Company 1', 'company 2', 'Company 10']);
  });

  it('counts days to the CSM’s own today when given a date-time with offset', () => {
    // 07:00 on the 25th in Tokyo is the 24th in UTC; the step due on the 24th is overdue in Tokyo.
    const i = input('Tokyo', { health: healthy, interactions: [touch(1, { steps: [{ dueDate: '2026-11-24' }] })], fields: renewalOn('2026-11-26') });
    const [tokyo] = buildPortfolio([i], { today: '2026-11-25T07:00:00+09:00', toneStaleDays: 30 });
    expect(tokyo).toMatchObject({ overdueSteps: 1, daysToRenewal: 1 });
    const [utc] = buildPortfolio([i], { today: '2026-11-24T22:00:00.000Z', toneStaleDays: 30 });
    expect(utc).toMatchObject({ overdueSteps: 0, daysToRenewal: 2 });
  });
});
