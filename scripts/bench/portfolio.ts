// Portfolio ranking: the pure part of the portfolio page's 300 ms budget (the rest is rendering).
import type { Account, RecordField } from '../../lib/model/account';
import type { SuccessGoal } from '../../lib/model/goal';
import { TONES, type Interaction } from '../../lib/model/interaction';
import { SIGNAL_KINDS, type Signal } from '../../lib/model/signal';
import type { PortfolioAccountInput } from '../../lib/portfolio/model';
import { buildPortfolio } from '../../lib/portfolio/rank';
import { timeMedian, type Figure } from './measure';
import { seeded } from '../lib/seeded.mjs';

export const BENCH_TODAY = '2026-11-25';
const DAY_MS = 86_400_000;
const TODAY_MS = Date.UTC(2026, 10, 25, 12);
const SEVERITIES = ['low', 'medium', 'high'] as const;

const iso = (ms: number) => new Date(ms).toISOString();
const isoDay = (ms: number) => iso(ms).slice(0, 10);

/**
 * `accounts` accounts with `entries` timeline entries each (3 interactions for every 2 signals),
 * spread over two years, most next steps done and most signals resolved, a renewal date among
 * 30 CRM fields, three goals and a health summary. Deterministic.
 */
export function portfolioBenchInputs(accounts = 500, entries = 200): PortfolioAccountInput[] {
  const random = seeded(20261125);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const interactionsPer = Math.round((entries * 3) / 5);
  const signalsPer = entries - interactionsPer;
  return Array.from({ length: accounts }, (_, a) => {
    const recordId = `001BENCH${String(a).padStart(10, "0")}`;
    const key = `salesforce:bench:${recordId}`;
    const account: Account = {
      key, crm: 'salesforce', recordId, name: `Company ${a} K.K.`, url: `https://bench.lightning.force.com/lightning/r/Account/${recordId}/view`,
      firstSeenAt: iso(TODAY_MS - 700 * DAY_MS), lastSeenAt: iso(TODAY_MS - Math.floor(random() * 60) * DAY_MS),
    };
    // Some accounts went quiet a while ago, so the no-touch rule has work to do.
    const quietDays = Math.floor(random() * 120);
    const interactions: Interaction[] = Array.from({ length: interactionsPer }, (_, i) => {
      const at = TODAY_MS - quietDays * DAY_MS - Math.floor(random() * 700) * DAY_MS - i * 60_000;
      return {
        id: `${key}-i${i}`, accountKey: key, type: 'call', occurredAt: iso(at), tone: random() < 0.7 ? pick(TONES) : null, notes: `Call ${i}`,
        attendeeIds: [], internalAttendees: [], internalOnly: false,
        nextSteps: Array.from({ length: 1 + Math.floor(random() * 2) }, (_, s) => ({
          id: `${key}-i${i}-s${s}`, text: 'Follow up', dueDate: random() < 0.9 ? isoDay(at + 14 * DAY_MS) : null, doneAt: random() < 0.85 ? iso(at + 7 * DAY_MS) : null,
        })),
        createdAt: iso(at), updatedAt: iso(at), revision: 0,
      };
    });
    const signals: Signal[] = Array.from({ length: signalsPer }, (_, i) => {
      const at = iso(TODAY_MS - Math.floor(random() * 700) * DAY_MS);
      return {
        id: `${key}-s${i}`, accountKey: key, kind: pick(SIGNAL_KINDS), otherLabel: '', polarity: random() < 0.7 ? 'risk' : 'opportunity', severity: pick(SEVERITIES),
        stakeholderId: null, whatHappened: '', howTheyFeel: '', occurredAt: at, detectedAt: at, detectedVia: 'call', interactionId: null,
        resolvedAt: random() < 0.9 ? at : null, createdAt: at, updatedAt: at, revision: 0,
      };
    });
    const fields: RecordField[] = Array.from({ length: 30 }, (_, f) => ({ key: `Field_${f}__c`, label: `Field ${f}`, value: `Value ${f}` }));
    fields[20] = { key: 'Renewal_Date__c', label: 'Renewal Date', value: isoDay(TODAY_MS + Math.floor(random() * 400 - 40) * DAY_MS).replace(/-/g, '/') };
    const goals: SuccessGoal[] = Array.from({ length: 3 }, (_, g) => ({
      id: `${key}-g${g}`, accountKey: key, title: `Goal ${g}`, successLooksLike: '', horizon: 'light', targetDate: null, metric: null,
      statusHistory: [{ status: random() < 0.5 ? 'achieved' : 'working', changedAt: iso(TODAY_MS - 100 * DAY_MS), perceivedBy: '', reason: '' }],
      createdAt: iso(TODAY_MS - 300 * DAY_MS), updatedAt: iso(TODAY_MS - 100 * DAY_MS), revision: 0,
    }));
    const health = random() < 0.1 ? null : { score: Math.floor(random() * 100), trend: pick(['up', 'down', 'flat', 'unknown'] as const), blindSpots: Math.floor(random() * 4) };
    return { account, fields, interactions, signals, goals, health };
  });
}

export function benchPortfolio(runs: number): Figure[] {
  const inputs = portfolioBenchInputs(500, 200);
  const ms = timeMedian(runs, () => buildPortfolio(inputs, { today: BENCH_TODAY, toneStaleDays: 30 }));
  return [{ name: 'Portfolio ranking, 500 accounts × 200 entries, pure (median)', value: Math.round(ms * 100) / 100, unit: 'ms', target: '≤ 300 ms incl. render' }];
}
