// QBR export timing: one account with 2,000 timeline entries (interactions, signals, goal status
// changes), generated deterministically; each format built from the record as the sidebar gets it.
import { createTranslator } from '../../lib/i18n';
import { computeHealth, healthTrend, usageSparkline } from '../../lib/health';
import { dateOfDay, dayNumber } from '../../lib/calendar';
import { DEFAULT_HEALTH_WEIGHTS } from '../../lib/health/weights';
import { GOAL_STATUSES, type SuccessGoal } from '../../lib/model/goal';
import { INTERACTION_TYPES, TONES, type Interaction } from '../../lib/model/interaction';
import { defaultPolarity, SIGNAL_KINDS, type Signal } from '../../lib/model/signal';
import { STAKEHOLDER_ROLES, type Stakeholder } from '../../lib/model/stakeholder';
import type { UsageSeries } from '../../lib/model/usage';
import type { AccountRecord } from '../../lib/model/account-record';
import type { AccountHealth } from '../../lib/health/model';
import { briefPageModel, qbrMarkdown, qbrTimelineCsv, type QbrOptions, type QbrSource } from '../../lib/export/qbr';
import { timeMedian, type Figure } from './measure';
import { pick, seeded } from '../lib/seeded.mjs';

export const BRIEF_BENCH_TODAY = '2026-11-25';

const DAYS = 730;
const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const NOTE = 'Walked through the rollout plan with the operations lead.\nThey asked about SSO and the reporting add-on; ROI numbers for the CFO next week. =SUM(A1) stays text.';

/**
 * One account over two years: 1,200 interactions (with next steps, some internal only), 600
 * signals, 20 goals with 10 status changes each (2,000 timeline entries), 30 stakeholders and
 * two years of daily usage; its health computed as the background would.
 */
export function briefBenchSource(): QbrSource {
  const random = seeded(20261125);
  const accountKey = 'salesforce:acme:001BENCHBRIEF00001';
  const last = dayNumber(BRIEF_BENCH_TODAY);
  const day = (ago: number) => dateOfDay(last - ago);
  const stakeholders: Stakeholder[] = Array.from({ length: 30 }, (_, i) => ({
    id: `p${i}`, accountKey, name: `Person ${i}`, title: 'Manager', role: pick(random, STAKEHOLDER_ROLES), influence: 'medium', preferredChannel: null,
    personalityNotes: '', status: i % 6 === 0 ? 'left' : 'active', activeSince: day(Math.floor(random() * DAYS)), leftOn: i % 6 === 0 ? day(Math.floor(random() * 200)) : null,
    createdAt: at(day(DAYS), 9), updatedAt: at(day(10), 9), revision: 0,
  }));
  const interactions: Interaction[] = Array.from({ length: 1200 }, (_, i) => {
    const occurredAt = at(day(Math.floor(random() * DAYS)), 8 + Math.floor(random() * 9));
    return {
      id: `i${i}`, accountKey, type: pick(random, INTERACTION_TYPES), occurredAt, tone: random() < 0.3 ? null : pick(random, TONES),
      notes: `${NOTE} (#${i})`, attendeeIds: [pick(random, stakeholders).id], internalAttendees: ['Kim Sato'], internalOnly: random() < 0.1,
      nextSteps: Array.from({ length: Math.floor(random() * 3) }, (_, s) => ({ id: `i${i}s${s}`, text: 'Send the ROI summary', dueDate: day(Math.floor(random() * DAYS)), doneAt: random() < 0.8 ? occurredAt : null })),
      createdAt: occurredAt, updatedAt: occurredAt, revision: 0,
    };
  });
  const signals: Signal[] = Array.from({ length: 600 }, (_, i) => {
    const kind = pick(random, SIGNAL_KINDS);
    const occurredAt = at(day(Math.floor(random() * DAYS)), 10);
    return {
      id: `s${i}`, accountKey, kind, otherLabel: kind === 'other' ? 'Other' : '', polarity: defaultPolarity(kind), severity: pick(random, ['low', 'medium', 'high'] as const),
      stakeholderId: random() < 0.5 ? pick(random, stakeholders).id : null, whatHappened: 'Mentioned a competitor in the steering meeting', howTheyFeel: 'Unsure',
      occurredAt, detectedAt: occurredAt, detectedVia: 'meeting', interactionId: random() < 0.5 ? pick(random, interactions).id : null,
      resolvedAt: random() < 0.8 ? occurredAt : null, createdAt: occurredAt, updatedAt: occurredAt, revision: 0,
    };
  });
  const goals: SuccessGoal[] = Array.from({ length: 20 }, (_, g) => {
    const start = DAYS - g * 10;
    return {
      id: `g${g}`, accountKey, title: `Goal ${g}: reps live in region ${g}`, successLooksLike: '', horizon: g % 2 ? 'deep' : 'light', targetDate: null,
      metric: g % 3 ? { name: 'Reps active', unit: '%', start: 10, current: 50, target: 90 } : null,
      statusHistory: Array.from({ length: 10 }, (_, c) => ({ status: pick(random, GOAL_STATUSES), changedAt: at(day(start - c * 60 > 0 ? start - c * 60 : c), 11), perceivedBy: 'Kim', reason: 'Quarterly review' }))
        .sort((a, b) => a.changedAt.localeCompare(b.changedAt)),
      createdAt: at(day(start), 11), updatedAt: at(day(1), 11), revision: 0,
    };
  });
  const dates = Array.from({ length: DAYS }, (_, i) => day(DAYS - 1 - i));
  let active = 120;
  const usage: UsageSeries[] = [
    { subscription: '', metric: 'activeUsers', points: dates.map((date) => ({ date, value: Math.round((active = Math.max(0, active * (1 + (random() - 0.5) * 0.05)))) })) },
    { subscription: '', metric: 'licensedSeats', points: dates.map((date) => ({ date, value: 200 })) },
  ];
  const record: AccountRecord = {
    account: { key: accountKey, crm: 'salesforce', recordId: '001BENCHBRIEF00001', name: 'Globex Corporation', url: 'https://bench.lightning.force.com/lightning/r/Account/001BENCHBRIEF00001/view', firstSeenAt: at(day(DAYS), 9), lastSeenAt: at(day(0), 9) },
    fields: [{ key: 'Renewal_Date__c', label: 'Renewal Date', value: '3/31/2027' }],
    interactions, signals, goals, stakeholders, damaged: 0,
  };
  const input = { usage, interactions, signals, goals, stakeholders, weights: DEFAULT_HEALTH_WEIGHTS };
  const current = computeHealth({ ...input, asOf: BRIEF_BENCH_TODAY });
  const previous = computeHealth({ ...input, asOf: day(30) });
  const health: AccountHealth = {
    current, previousScore: previous.score, trend: healthTrend(current.score, previous.score), sparkline: usageSparkline(usage, BRIEF_BENCH_TODAY, 90),
    usageAsOf: BRIEF_BENCH_TODAY, history: [],
  };
  return { record, health };
}

/** Median ms to build and render each export format; the range spans the whole two years (every entry in it). */
export function benchBrief(runs: number): Figure[] {
  const source = briefBenchSource();
  const i18n = createTranslator('en');
  const options: QbrOptions = { range: { from: dateOfDay(dayNumber(BRIEF_BENCH_TODAY) - DAYS), to: BRIEF_BENCH_TODAY }, includeInternal: true };
  const now = new Date(`${BRIEF_BENCH_TODAY}T12:00:00Z`);
  const figure = (name: string, ms: number): Figure => ({ name, value: Math.round(ms * 100) / 100, unit: 'ms', target: '≤ 300 ms' });
  return [
    figure('QBR brief, 2,000-entry account: Markdown (median)', timeMedian(runs, () => qbrMarkdown(source, options, i18n, now))),
    figure('QBR brief, 2,000-entry account: timeline CSV (median)', timeMedian(runs, () => qbrTimelineCsv(source, options, i18n))),
    figure('QBR brief, 2,000-entry account: printable page data and chart (median)', timeMedian(runs, () => briefPageModel(source, options, i18n))),
  ];
}
