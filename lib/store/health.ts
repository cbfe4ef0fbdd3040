import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { parseStoredList } from '../db/records';
import { computeHealth, healthTrend, usageSparkline, type HealthInput } from '../health';
import { TREND_DAYS } from '../health/trend';
import { HealthSnapshot } from '../health/model';
import { dateOfDay, dayNumber, localDate } from '../calendar';
import type { HealthWeights } from '../health/weights';
import { usageSeriesForAccount } from '../usage/store';
import { readAccountRecord } from './account-record';
import { type AccountRecord } from '../model/account-record';
import type { UsageSeries } from '../model/usage';
import type { AccountHealth } from '../health/model';

/** Days of history and of the usage sparkline the sidebar shows. */
export const HISTORY_DAYS = 90;


export function healthInput(record: AccountRecord, usage: UsageSeries[], asOf: string, weights: HealthWeights): HealthInput {
  return { asOf, usage, interactions: record.interactions, signals: record.signals, goals: record.goals, stakeholders: record.stakeholders, weights };
}

export function newestUsageDay(usage: readonly UsageSeries[]): string | null {
  let newest: string | null = null;
  for (const s of usage) {
    const last = s.points[s.points.length - 1];
    if (last && (newest === null || last.date > newest)) newest = last.date;
  }
  return newest;
}

/** Computes today's health, keeps it as today's entry of the daily history, and returns what the sidebar shows. */
export async function accountHealth(db: IDBPDatabase<AdoptionDb>, accountKey: string, weights: HealthWeights, now: Date): Promise<AccountHealth | null> {
  const record = await readAccountRecord(db, accountKey);
  return record && healthOfRecord(db, record, weights, now);
}

/**
 * The same, for a record already read (the QBR brief needs both). `keepHistory: false` (the
 * brief) neither stores today's score nor reads the history back: the brief does not show it.
 */
export async function healthOfRecord(db: IDBPDatabase<AdoptionDb>, record: AccountRecord, weights: HealthWeights, now: Date, { keepHistory = true } = {}): Promise<AccountHealth> {
  const accountKey = record.account.key;
  const usage = await usageSeriesForAccount(db, accountKey);
  const today = localDate(now);
  const current = computeHealth(healthInput(record, usage, today, weights));
  const previous = computeHealth(healthInput(record, usage, dateOfDay(dayNumber(today) - TREND_DAYS), weights));
  let history: AccountHealth['history'] = [];
  if (keepHistory) {
    const snapshot: HealthSnapshot = { accountKey, date: today, health: current };
    await db.put('healthHistory', snapshot);
    const from = dateOfDay(dayNumber(today) - HISTORY_DAYS + 1);
    const stored = parseStoredList(HealthSnapshot, await db.getAll('healthHistory', IDBKeyRange.bound([accountKey, from], [accountKey, today])));
    history = stored.items.map((s) => ({ date: s.date, score: s.health.score }));
  }
  return {
    current,
    previousScore: previous.score,
    trend: healthTrend(current.score, previous.score),
    sparkline: usageSparkline(usage, today, HISTORY_DAYS),
    usageAsOf: newestUsageDay(usage),
    history,
  };
}
