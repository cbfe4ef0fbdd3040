import type { Translator } from '../i18n';
import type { Reason } from '../health/model';
import type { HealthComponentId } from '../health/weights';
import { blindSpotKindKey, componentNameKey, missingKey, trendKey } from '../health/messages';
import { dateOfDay, dayNumber } from '../calendar';
import type { AccountHealth } from '../health/model';
import { TREND_DAYS } from '../health/trend';
import type { BriefExtras } from './markdown';
import { inline } from './markdown';
import { isWorkingDay, median, MIN_WORKING_DAYS } from '../health/working-days';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A health reason in the UI language: numbers in the locale's format, `date` parameters as days. */
export function healthReasonText(reason: Reason, i18n: Translator): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(reason.params ?? {})) {
    params[name] = typeof value === 'number' ? i18n.number(value) : name === 'date' && ISO_DAY.test(value) ? i18n.day(value) : value;
  }
  return i18n.t(reason.key, params);
}

export interface HealthComponentView {
  id: HealthComponentId;
  name: string;
  value: number;
  /** The share it counts for after missing parts' weight is shared out, in whole percent. */
  weight: number;
  reasons: string[];
}

export interface BlindSpotView {
  kind: 'hidden-risk' | 'adoption-gap';
  kindName: string;
  text: string;
  evidence: string[];
}

/** An account's health as the brief shows it, in the UI language. */
export interface HealthView {
  score: number | null;
  previousScore: number | null;
  trend: AccountHealth['trend'];
  trendName: string;
  components: HealthComponentView[];
  /** One line per part without data; empty when every part has data. */
  missing: string[];
  blindSpots: BlindSpotView[];
  /** One line per subscription, when the usage data names them. */
  subscriptions: string[];
}

export function healthView(health: AccountHealth, i18n: Translator): HealthView {
  const { t } = i18n;
  const { current } = health;
  return {
    score: current.score,
    previousScore: health.previousScore,
    trend: health.trend,
    trendName: t(trendKey(health.trend)),
    components: current.components.map((c) => ({
      id: c.id,
      name: t(componentNameKey(c.id)),
      value: c.value,
      weight: Math.round(c.effectiveWeight),
      reasons: c.reasons.map((r) => healthReasonText(r, i18n)),
    })),
    missing: current.missing.map((id) => t(missingKey(id))),
    blindSpots: current.blindSpots.map((b) => ({
      kind: b.kind,
      kindName: t(blindSpotKindKey(b.kind)),
      text: t(b.key),
      evidence: b.evidence.map((r) => healthReasonText(r, i18n)),
    })),
    subscriptions: current.subscriptions.map((s) =>
      s.score === null ? t('health.subscription.none', { subscription: s.subscription }) : t('health.subscription', { subscription: s.subscription, score: s.score }),
    ),
  };
}

/** Days compared at each end of the usage window. */
export const USAGE_COMPARE_DAYS = 30;

/** The daily active users the health reply carries, summed up for the brief. */
export interface UsageSummary {
  /** First and last day of the window (the sparkline's days). */
  from: string;
  to: string;
  /** The newest usage figure stored, whatever the window. */
  asOf: string;
  values: number[];
  average: number;
  peak: number;
  compareDays: number;
  /** The typical working day (median) of the first and of the last `compareDays` up to the newest figure. */
  firstAverage: number;
  lastAverage: number;
  /** Percent change from the first to the last `compareDays`; null when the first had none. */
  changePercent: number | null;
}

const average = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length);
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The typical working day of each end of the window, compared like with like: working days only
 * (weekends and the holiday periods would drag an average down), and only days up to the newest
 * figure (a late export is not a drop). All days with figures when working days are too few.
 */
function typicalDays(values: readonly number[], from: string, through: string, compareDays: number): { first: number; last: number } {
  const first = dayNumber(from);
  const lastDay = Math.min(dayNumber(through), first + values.length - 1);
  const pick = (start: number, end: number) => {
    const working: number[] = [];
    const all: number[] = [];
    for (let d = start; d <= end; d++) {
      const v = values[d - first];
      if (v === undefined) continue;
      all.push(v);
      if (isWorkingDay(dateOfDay(d))) working.push(v);
    }
    return median(working.length >= MIN_WORKING_DAYS ? working : all) ?? 0;
  };
  return { first: pick(first, first + compareDays - 1), last: pick(lastDay - compareDays + 1, lastDay) };
}

/** Null when no usage has been imported for the account. */
export function usageSummary(health: AccountHealth): UsageSummary | null {
  const values = health.sparkline;
  if (health.usageAsOf === null || values.length === 0) return null;
  const to = health.current.asOf;
  const from = dateOfDay(dayNumber(to) - values.length + 1);
  const compareDays = Math.min(USAGE_COMPARE_DAYS, Math.floor(values.length / 2)) || values.length;
  const typical = typicalDays(values, from, health.usageAsOf, compareDays);
  let peak = 0;
  for (const v of values) if (v > peak) peak = v;
  return {
    from,
    to,
    asOf: health.usageAsOf,
    values,
    average: round1(average(values)),
    peak,
    compareDays,
    firstAverage: round1(typical.first),
    lastAverage: round1(typical.last),
    changePercent: typical.first > 0 ? Math.round(((typical.last - typical.first) / typical.first) * 100) : null,
  };
}

const BARS = '▁▂▃▄▅▆▇█';

/** Weekly averages as block characters (▁ lowest … █ highest), a sparkline that pastes as text. */
export function textSparkline(values: readonly number[], perBar = 7): string {
  const buckets: number[] = [];
  for (let i = 0; i < values.length; i += perBar) buckets.push(average(values.slice(i, i + perBar)));
  const max = Math.max(0, ...buckets);
  return buckets.map((v) => BARS[max === 0 ? 0 : Math.min(BARS.length - 1, Math.round((v / max) * (BARS.length - 1)))] ?? '').join('');
}

export const signedPercent = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n)}%`;

/**
 * The health-based sections of the Markdown brief (summary line, usage trend, health and its
 * drivers, blind spots), each a list of Markdown lines; usage is null when none was imported.
 */
export function briefExtras(health: AccountHealth | null, i18n: Translator): BriefExtras {
  if (health === null) return { summary: [], usage: null, health: null, blindSpots: null };
  const { t, day, number } = i18n;
  const view = healthView(health, i18n);
  const scoreLine = view.score === null ? t('health.score.none') : t('brief.healthScore', { score: view.score, trend: view.trendName });
  const usage = usageSummary(health);
  return {
    summary: [`- ${inline(scoreLine)}`],
    usage: usage && [
      `- ${inline(t('brief.usageWindow', { from: day(usage.from), to: day(usage.to), average: number(usage.average), peak: number(usage.peak) }))}`,
      `- ${inline(t('brief.usageChange', { days: usage.compareDays, before: number(usage.firstAverage), after: number(usage.lastAverage), change: usage.changePercent === null ? '—' : signedPercent(usage.changePercent) }))}`,
      `- ${inline(t('brief.usageWeekly', { bars: textSparkline(usage.values) }))}`,
      `- ${inline(t('brief.usageAsOf', { date: day(usage.asOf) }))}`,
    ],
    health: [
      `- ${inline(view.score !== null && view.previousScore !== null ? t('brief.healthCompared', { score: view.score, trend: view.trendName, previous: view.previousScore, days: TREND_DAYS }) : scoreLine)}`,
      ...view.components.flatMap((c) => [
        `- ${t('brief.componentLine', { name: inline(c.name), value: c.value, weight: c.weight })}`,
        ...c.reasons.map((r) => `  - ${inline(r)}`),
      ]),
      ...view.missing.map((m) => `- ${inline(m)}`),
      ...(view.missing.length > 0 && view.components.length > 0 ? [`- ${inline(t('health.missing.shared'))}`] : []),
      ...view.subscriptions.map((s) => `- ${inline(s)}`),
    ],
    blindSpots: view.blindSpots.flatMap((b) => [`- ${t('brief.blindSpotLine', { kind: inline(b.kindName), text: inline(b.text) })}`, ...b.evidence.map((e) => `  - ${inline(e)}`)]),
  };
}
