import type { Interaction } from '../model/interaction';
import type { Severity, Signal } from '../model/signal';
import { renewalDate } from '../export/renewal';
import { goalsExhausted } from '../insights/goals';
import { staleToneDays } from '../insights/tone';
import { countedReasonKey, type Reason } from './messages';
import type { PortfolioAccountInput, PortfolioOptions, PortfolioRow } from './model';
import { DAY_MS, LatestUpTo, readClock, type Clock } from './time';
import { dayNumber } from '../calendar';

/**
 * Attention points. Each factor that adds points adds one reason, and reasons are listed by
 * points (ties in the order below), so the first reason is always the biggest contributor to
 * the rank. The sum is capped at 100.
 *
 * | Factor            | Rule                                                  | Points          |
 * |-------------------|-------------------------------------------------------|-----------------|
 * | Low health        | score < 40 / < 60                                     | 25 / 15         |
 * | Health falling    | trend `down`                                          | 10              |
 * | Open risks        | each unresolved risk signal: high 10, medium 6, low 3 | up to 25        |
 * | Renewal close     | today to 30 / 31–60 / 61–90 days away                 | 20 / 14 / 8     |
 * | Renewal passed    | 1–30 days ago (CRM not updated, or lapsed)            | 10              |
 * | No touch          | ≥ 90 / ≥ 60 / ≥ 30 days since the last interaction    | 15 / 10 / 6     |
 * | Never touched     | no interaction, but something else recorded           | 10              |
 * | Overdue steps     | each open next step due before today                  | 4, up to 12     |
 * | Blind spots       | each blind spot of the health score                   | 3, up to 9      |
 * | Tone stale        | tone last noted longer ago than the CSM's setting     | 6               |
 * | Goals exhausted   | every goal achieved, none set since                   | 6               |
 *
 * An account with nothing recorded (no interaction, signal, goal or health score) gets no points
 * for never being touched or for blind spots, which would only restate the emptiness; it ranks
 * low with "nothing recorded yet" (last among equals), unless its CRM renewal date is close.
 */
export const ATTENTION = {
  healthLow: { below40: 25, below60: 15 },
  healthFalling: 10,
  risk: { high: 10, medium: 6, low: 3, max: 25 } satisfies Record<Severity | 'max', number>,
  renewal: { within30: 20, within60: 14, within90: 8, passed30: 10 },
  noTouch: { days90: 15, days60: 10, days30: 6, never: 10 },
  overdueStep: { each: 4, max: 12 },
  blindSpot: { each: 3, max: 9 },
  toneStale: 6,
  goalsExhausted: 6,
} as const;

interface Scored {
  reason: Reason;
  points: number;
}

/**
 * Rows sorted by attention (highest first); at equal attention, accounts with something recorded
 * before those with nothing, then by name.
 */
export function buildPortfolio(inputs: readonly PortfolioAccountInput[], options: PortfolioOptions): PortfolioRow[] {
  return sortRanked(rankAccounts(inputs, options));
}

/** A row and whether anything is recorded for its account (which orders equal attention). */
export interface RankedAccount {
  row: PortfolioRow;
  recorded: boolean;
}

/** Each account's row, unsorted: rows can be kept per account and sorted together later. */
export function rankAccounts(inputs: readonly PortfolioAccountInput[], options: PortfolioOptions): RankedAccount[] {
  const clock = readClock(options.today);
  // One Date for the whole run, for the shared tone-staleness rule.
  const now = new Date(clock.nowMs);
  return inputs.map((input) => rankAccount(input, clock, now, options.toneStaleDays));
}

export function sortRanked(ranked: RankedAccount[]): PortfolioRow[] {
  ranked.sort(
    (a, b) =>
      b.row.attention - a.row.attention ||
      Number(b.recorded) - Number(a.recorded) ||
      byName.compare(a.row.name, b.row.name) ||
      (a.row.accountKey < b.row.accountKey ? -1 : a.row.accountKey > b.row.accountKey ? 1 : 0),
  );
  return ranked.map((r) => r.row);
}

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function rankAccount(input: PortfolioAccountInput, clock: Clock, now: Date, toneStaleDays: number): RankedAccount {
  const { account, health } = input;
  const scored: Scored[] = [];
  const add = (points: number, reason: Reason) => {
    if (points > 0) scored.push({ reason, points });
  };

  const { lastTouch, lastTone, overdueSteps } = scanInteractions(input.interactions, clock);
  const { openRisks, riskPoints } = scanSignals(input.signals);

  const recorded = input.interactions.length > 0 || input.signals.length > 0 || input.goals.length > 0 || (health !== null && health.score !== null);

  const healthScore = health?.score ?? null;
  if (healthScore !== null) {
    const points = healthScore < 40 ? ATTENTION.healthLow.below40 : healthScore < 60 ? ATTENTION.healthLow.below60 : 0;
    add(points, { key: 'portfolio.reason.healthLow', params: { score: Math.round(healthScore) } });
  }
  if (health?.trend === 'down') add(ATTENTION.healthFalling, { key: 'portfolio.reason.healthFalling' });

  if (openRisks > 0) add(Math.min(riskPoints, ATTENTION.risk.max), { key: countedReasonKey('openRisks', openRisks), params: { count: openRisks } });

  const renewal = renewalDate(input.fields);
  const daysToRenewal = renewal === null ? null : dayNumber(renewal) - clock.todayNumber;
  if (daysToRenewal !== null) {
    const r = ATTENTION.renewal;
    if (daysToRenewal === 0) add(r.within30, { key: 'portfolio.reason.renewalToday' });
    else if (daysToRenewal > 0) {
      const points = daysToRenewal <= 30 ? r.within30 : daysToRenewal <= 60 ? r.within60 : daysToRenewal <= 90 ? r.within90 : 0;
      add(points, { key: countedReasonKey('renewalSoon', daysToRenewal), params: { days: daysToRenewal } });
    } else if (daysToRenewal >= -30) add(r.passed30, { key: countedReasonKey('renewalPassed', -daysToRenewal), params: { days: -daysToRenewal } });
  }

  const daysSinceTouch = lastTouch === null ? null : Math.floor((clock.nowMs - lastTouch.ms) / DAY_MS);
  if (daysSinceTouch !== null) {
    const t = ATTENTION.noTouch;
    const points = daysSinceTouch >= 90 ? t.days90 : daysSinceTouch >= 60 ? t.days60 : daysSinceTouch >= 30 ? t.days30 : 0;
    add(points, { key: 'portfolio.reason.noTouch', params: { days: daysSinceTouch } });
  } else if (recorded) add(ATTENTION.noTouch.never, { key: 'portfolio.reason.neverTouched' });

  if (overdueSteps > 0) {
    add(Math.min(overdueSteps * ATTENTION.overdueStep.each, ATTENTION.overdueStep.max), { key: countedReasonKey('overdueSteps', overdueSteps), params: { count: overdueSteps } });
  }

  const blindSpots = health?.blindSpots ?? 0;
  if (recorded && blindSpots > 0) {
    add(Math.min(blindSpots * ATTENTION.blindSpot.each, ATTENTION.blindSpot.max), { key: countedReasonKey('blindSpots', blindSpots), params: { count: blindSpots } });
  }

  const staleDays = lastTone?.tone ? staleToneDays([{ at: lastTone.occurredAt, tone: lastTone.tone, interactionId: lastTone.id }], now, toneStaleDays) : null;
  if (staleDays !== null) add(ATTENTION.toneStale, { key: 'portfolio.reason.toneStale', params: { days: staleDays } });

  if (goalsExhausted(input.goals)) add(ATTENTION.goalsExhausted, { key: 'portfolio.reason.goalsExhausted' });

  // Stable sort: equal points keep the table's order.
  scored.sort((a, b) => b.points - a.points);
  const reasons = scored.map((s) => s.reason);
  if (!recorded) reasons.push({ key: 'portfolio.reason.nothingRecorded' });
  else if (reasons.length === 0) reasons.push({ key: 'portfolio.reason.noConcerns' });

  const row: PortfolioRow = {
    accountKey: account.key,
    name: account.name,
    url: account.url,
    attention: Math.min(100, scored.reduce((sum, s) => sum + s.points, 0)),
    reasons,
    healthScore,
    healthTrend: health?.trend ?? 'unknown',
    lastTouchAt: lastTouch?.item.occurredAt ?? null,
    daysSinceTouch,
    openRisks,
    overdueSteps,
    renewalDate: renewal,
    daysToRenewal,
    toneStale: staleDays !== null,
  };
  return { row, recorded };
}

// The loops over every timeline entry are small functions of their own because the page ranks
// once, cold: a small function is optimised by the JIT within the first accounts, while
// rankAccount with the loops inlined took V8 about 50 ms to optimise, several times the ranking
// itself. Indexed loops, because for-of allocates an iterator result per entry until then.

interface InteractionScan {
  lastTouch: { item: Interaction; ms: number } | null;
  lastTone: Interaction | null;
  overdueSteps: number;
}

/**
 * The last touch and the last interaction that noted a tone, leaving out those dated in the
 * future (a planned meeting is not a touch yet), and the open next steps due before today: the
 * overdue rule of dueSteps (insights/steps.ts), counted in place instead of building and sorting
 * a list of every open step of every account.
 */
function scanInteractions(interactions: readonly Interaction[], clock: Clock): InteractionScan {
  const touch = new LatestUpTo<Interaction>(clock);
  const toned = new LatestUpTo<Interaction>(clock);
  const { today } = clock;
  let overdueSteps = 0;
  for (let i = 0; i < interactions.length; i++) {
    const interaction = interactions[i];
    if (interaction === undefined) continue;
    touch.offer(interaction.occurredAt, interaction);
    if (interaction.tone !== null) toned.offer(interaction.occurredAt, interaction);
    const steps = interaction.nextSteps;
    for (let j = 0; j < steps.length; j++) {
      const step = steps[j];
      if (step !== undefined && step.doneAt === null && step.dueDate !== null && step.dueDate < today) overdueSteps++;
    }
  }
  return { lastTouch: touch.result(), lastTone: toned.latest(), overdueSteps };
}

function scanSignals(signals: readonly Signal[]): { openRisks: number; riskPoints: number } {
  let openRisks = 0;
  let riskPoints = 0;
  for (let i = 0; i < signals.length; i++) {
    const signal = signals[i];
    if (signal === undefined || signal.resolvedAt !== null || signal.polarity !== 'risk') continue;
    openRisks++;
    riskPoints += signal.severity === 'high' ? ATTENTION.risk.high : signal.severity === 'medium' ? ATTENTION.risk.medium : ATTENTION.risk.low;
  }
  return { openRisks, riskPoints };
}
