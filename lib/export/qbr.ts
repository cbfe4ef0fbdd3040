import type { Translator } from '../i18n';
import type { AccountRecord } from '../model/account-record';
import type { AccountHealth } from '../health/model';
import type { GoalMetric } from '../model/goal';
import { buildBrief, type Brief } from './brief';
import type { DateRange } from '../model/dates';
import { briefToMarkdown } from './markdown';
import { briefExtras, healthView, usageSummary, type HealthView, type UsageSummary } from './brief-health';
import { timelineCsv, timelineCsvRows } from './timeline-csv';
import { usageChart, type ChartModel } from './usage-chart';

/** What an export is made of: the account's whole record and its health, as the background answers. */
export interface QbrSource {
  record: AccountRecord;
  health: AccountHealth | null;
}

export interface QbrOptions {
  range: DateRange;
  includeInternal: boolean;
}

export function briefOf(record: AccountRecord, { range, includeInternal }: QbrOptions): Brief {
  return buildBrief({
    account: record.account,
    fields: record.fields,
    range,
    goals: record.goals,
    signals: record.signals,
    stakeholders: record.stakeholders,
    interactions: record.interactions,
    includeInternal,
  });
}

/** The QBR brief as Markdown, health, usage and blind spots included, in the UI language. */
export function qbrMarkdown({ record, health }: QbrSource, options: QbrOptions, i18n: Translator, now: Date): string {
  return briefToMarkdown(briefOf(record, options), i18n, now, briefExtras(health, i18n), options.includeInternal);
}

/** Every timeline entry in the range as a formula-safe CSV with BOM. */
export function qbrTimelineCsv({ record }: QbrSource, options: QbrOptions, i18n: Translator): string {
  return timelineCsv(timelineCsvRows(record, options.range, options.includeInternal, i18n), i18n);
}

/** What the printable page lays out. */
export interface BriefPageModel {
  brief: Brief;
  health: HealthView | null;
  /** Null when no usage was imported: the page shows an empty state instead of the chart. */
  usage: UsageSummary | null;
  chart: ChartModel | null;
}

export function briefPageModel({ record, health }: QbrSource, options: QbrOptions, i18n: Translator): BriefPageModel {
  const usage = health ? usageSummary(health) : null;
  return {
    brief: briefOf(record, options),
    health: health ? healthView(health, i18n) : null,
    usage,
    chart: usage ? usageChart(usage.values, usage.to) : null,
  };
}

/** How far a goal's metric has come from its start toward its target, 0–100 (a target below the start counts down). */
export function metricProgress(metric: GoalMetric): number {
  const span = metric.target - metric.start;
  if (span === 0) return metric.current === metric.target ? 100 : 0;
  return Math.round(Math.max(0, Math.min(1, (metric.current - metric.start) / span)) * 100);
}
