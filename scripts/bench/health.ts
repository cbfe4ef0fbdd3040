// Health score timing: 200 accounts × 2 years of daily usage, generated deterministically.
import { dateOfDay, dayNumber } from '../../lib/calendar';
import { computeHealth, type HealthInput } from '../../lib/health/score';
import { DEFAULT_HEALTH_WEIGHTS } from '../../lib/health/weights';
import { GOAL_STATUSES, type SuccessGoal } from '../../lib/model/goal';
import { INTERACTION_TYPES, TONES, type Interaction } from '../../lib/model/interaction';
import { defaultPolarity, SIGNAL_KINDS, type Signal } from '../../lib/model/signal';
import { STAKEHOLDER_ROLES, type Stakeholder } from '../../lib/model/stakeholder';
import type { UsagePoint, UsageSeries } from '../../lib/model/usage';
import { timeMedian, type Figure } from './measure';
import { pick, seeded } from '../lib/seeded.mjs';

export const BENCH_AS_OF = '2026-06-30';

const at = (date: string, hour = 10) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/** One account: activeUsers, licensedSeats, logins and 5 features daily for `days` days, ~100 touches, 20 signals, 5 goals. */
function account(n: number, random: () => number, asOf: string, days: number): HealthInput {
  const accountKey = `salesforce:acme:001B${String(n).padStart(14, '0')}`;
  const last = dayNumber(asOf);
  const dates = Array.from({ length: days }, (_, i) => dateOfDay(last - days + 1 + i));
  const seats = 50 + Math.floor(random() * 450);
  const series = (metric: UsageSeries['metric'], value: (i: number) => number): UsageSeries => ({
    subscription: 'Platform',
    metric,
    points: dates.map((date, i): UsagePoint => ({ date, value: value(i) })),
  });
  let active = seats * (0.2 + random() * 0.6);
  const drift = (random() - 0.5) * 0.002;
  const activeValues = dates.map(() => {
    active = Math.max(0, Math.min(seats, active * (1 + drift + (random() - 0.5) * 0.04)));
    return Math.round(active);
  });
  const usage: UsageSeries[] = [
    series('activeUsers', (i) => activeValues[i] ?? 0),
    series('licensedSeats', () => seats),
    series('logins', (i) => Math.round((activeValues[i] ?? 0) * (1 + random()))),
    ...['reports', 'dashboards', 'exports', 'alerts', 'api'].map((name, f) => {
      const share = f < 3 ? random() : random() * 0.1;
      return series(`feature:${name}`, (i) => (random() < share ? Math.round((activeValues[i] ?? 0) * random()) : 0));
    }),
  ];

  const interactions: Interaction[] = Array.from({ length: 90 + Math.floor(random() * 20) }, (_, i) => {
    const occurredAt = at(pick(random, dates), 9 + Math.floor(random() * 8));
    return {
      id: `${accountKey}-i${i}`, accountKey, type: pick(random, INTERACTION_TYPES), occurredAt,
      tone: random() < 0.3 ? null : pick(random, TONES), notes: '', attendeeIds: [], internalAttendees: [], nextSteps: [],
      internalOnly: false, createdAt: occurredAt, updatedAt: occurredAt, revision: 0,
    };
  }).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));

  const signals: Signal[] = Array.from({ length: 20 }, (_, i) => {
    const kind = pick(random, SIGNAL_KINDS);
    const occurred = Math.floor(random() * days);
    const occurredAt = at(dates[occurred] ?? asOf);
    const resolved = random() < 0.6 ? dates[Math.min(days - 1, occurred + Math.floor(random() * 60))] : undefined;
    return {
      id: `${accountKey}-s${i}`, accountKey, kind, otherLabel: kind === 'other' ? 'Other' : '', polarity: defaultPolarity(kind),
      severity: pick(random, ['low', 'medium', 'high'] as const), stakeholderId: null, whatHappened: random() < 0.2 ? 'Mentioned a competitor' : '',
      howTheyFeel: '', occurredAt, detectedAt: occurredAt, detectedVia: 'meeting', interactionId: pick(random, interactions).id,
      resolvedAt: resolved ? at(resolved) : null, createdAt: occurredAt, updatedAt: occurredAt, revision: 0,
    };
  });

  const goals: SuccessGoal[] = Array.from({ length: 5 }, (_, i) => {
    const start = Math.floor(random() * (days - 60));
    const createdAt = at(dates[start] ?? asOf);
    const steps = 1 + Math.floor(random() * 3);
    return {
      id: `${accountKey}-g${i}`, accountKey, title: `Goal ${i}`, successLooksLike: '', horizon: random() < 0.5 ? 'light' : 'deep', targetDate: null,
      metric: random() < 0.5 ? { name: 'Hours saved', unit: 'h', start: 0, current: 10, target: 40 } : null,
      statusHistory: Array.from({ length: steps }, (_, s) => ({
        status: pick(random, GOAL_STATUSES), changedAt: at(dates[Math.min(days - 1, start + s * 20)] ?? asOf), perceivedBy: '', reason: '',
      })),
      createdAt, updatedAt: createdAt, revision: 0,
    };
  });

  const stakeholders: Stakeholder[] = Array.from({ length: 5 }, (_, i) => ({
    id: `${accountKey}-p${i}`, accountKey, name: `Person ${i}`, title: '', role: pick(random, STAKEHOLDER_ROLES), influence: 'medium',
    preferredChannel: null, personalityNotes: '', status: random() < 0.2 ? 'left' : 'active', activeSince: null,
    leftOn: null, createdAt: at(dates[0] ?? asOf), updatedAt: at(pick(random, dates)), revision: 0,
  }));

  return { asOf, usage, interactions, signals, goals, stakeholders, weights: DEFAULT_HEALTH_WEIGHTS };
}

/** The benchmark's data set: the same for the same arguments. */
export function healthBenchData(accounts = 200, days = 730, asOf = BENCH_AS_OF, seed = 20260630): HealthInput[] {
  const random = seeded(seed);
  return Array.from({ length: accounts }, (_, n) => account(n, random, asOf, days));
}

export function benchHealth(runs: number): Figure[] {
  const inputs = healthBenchData();
  const value = timeMedian(runs, () => {
    for (const input of inputs) computeHealth(input);
  });
  return [{ name: 'Health scores, 200 accounts × 2 years daily usage (median)', value: Math.round(value * 100) / 100, unit: 'ms', target: '< 200 ms' }];
}
