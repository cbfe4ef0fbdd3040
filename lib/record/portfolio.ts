import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { parseStoredList } from '../db/records';
import { UsageAccountLink, UsageMonth } from '../model/usage';
import type { CsmSettings } from '../model/settings';
import { computeHealth, healthTrend } from '../health';
import { dateOfDay, dayNumber } from '../health/dates';
import { localDate } from '../insights/steps';
import { monthsToSeries } from '../usage/months';
import { buildPortfolio } from '../portfolio/rank';
import { localNow } from '../portfolio/time';
import type { PortfolioRow } from '../portfolio/model';
import { readAllAccountRecords } from './account-record';
import { healthInput, TREND_DAYS } from './health';

/** Every account's usage months, grouped by the CRM account they are linked to. */
async function usageMonthsByAccount(db: IDBPDatabase<AdoptionDb>): Promise<Map<string, UsageMonth[]>> {
  const tx = db.transaction(['usageLinks', 'usageMonths'], 'readonly');
  const links = new Map(parseStoredList(UsageAccountLink, await tx.objectStore('usageLinks').getAll()).items.map((l) => [l.sourceAccountKey, l.accountKey]));
  const months = parseStoredList(UsageMonth, await tx.objectStore('usageMonths').getAll()).items;
  await tx.done;
  const byAccount = new Map<string, UsageMonth[]>();
  for (const m of months) {
    const accountKey = links.get(m.sourceAccountKey);
    if (!accountKey) continue;
    const list = byAccount.get(accountKey);
    if (list) list.push(m);
    else byAccount.set(accountKey, [m]);
  }
  return byAccount;
}

/** The portfolio, ranked by needs attention, with each account's health worked out from its data. */
export async function portfolioRows(db: IDBPDatabase<AdoptionDb>, settings: CsmSettings, now: Date): Promise<PortfolioRow[]> {
  const [records, usage] = await Promise.all([readAllAccountRecords(db), usageMonthsByAccount(db)]);
  const today = localDate(now);
  const before = dateOfDay(dayNumber(today) - TREND_DAYS);
  const inputs = records.map((record) => {
    const series = monthsToSeries(usage.get(record.account.key) ?? []);
    const current = computeHealth(healthInput(record, series, today, settings.healthWeights));
    const previous = computeHealth(healthInput(record, series, before, settings.healthWeights));
    return {
      account: record.account,
      fields: record.fields,
      interactions: record.interactions,
      signals: record.signals,
      goals: record.goals,
      health: { score: current.score, trend: healthTrend(current.score, previous.score), blindSpots: current.blindSpots.length },
    };
  });
  return buildPortfolio(inputs, { today: localNow(now), toneStaleDays: settings.toneStaleDays });
}
