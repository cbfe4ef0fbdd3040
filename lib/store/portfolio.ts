import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { parseStoredList } from '../db/records';
import { UsageAccountLink, type UsageMonth, type UsageSeries } from '../model/usage';
import { UsageYear, monthsOfYear } from '../model/usage-year';
import type { CsmSettings } from '../model/settings';
import { computeHealth, healthTrend } from '../health';
import { dateOfDay, dayNumber, localDate } from '../calendar';
import { monthsToSeries } from '../usage/months';
import { usageSeriesForAccount } from '../usage/store';
import { rankAccounts, sortRanked } from '../portfolio/rank';
import { localNow } from '../portfolio/time';
import { type PortfolioRow, PortfolioEntry } from '../portfolio/model';
import { readAccountRecord, readAllAccountRecords } from './account-record';
import { type AccountRecord } from '../model/account-record';
import { healthInput } from './health';
import { TREND_DAYS } from '../health/trend';


/** One account's row as of `now`, with its health worked out from all its data. */
export function portfolioEntry(record: AccountRecord, usage: UsageSeries[], settings: CsmSettings, now: Date): PortfolioEntry {
  const today = localDate(now);
  const current = computeHealth(healthInput(record, usage, today, settings.healthWeights));
  const previous = computeHealth(healthInput(record, usage, dateOfDay(dayNumber(today) - TREND_DAYS), settings.healthWeights));
  const input = {
    account: record.account,
    fields: record.fields,
    interactions: record.interactions,
    signals: record.signals,
    goals: record.goals,
    health: { score: current.score, trend: healthTrend(current.score, previous.score), blindSpots: current.blindSpots.length },
  };
  const [ranked] = rankAccounts([input], { today: localNow(now), toneStaleDays: settings.toneStaleDays });
  if (!ranked) throw new Error('one input ranks to one row');
  return { accountKey: record.account.key, computedOn: today, toneStaleDays: settings.toneStaleDays, ...ranked };
}

/** Every account's usage months, grouped by the CRM account they are linked to. */
async function usageMonthsByAccount(db: IDBPDatabase<AdoptionDb>): Promise<Map<string, UsageMonth[]>> {
  const tx = db.transaction(['usageLinks', 'usageYears'], 'readonly');
  const links = new Map(parseStoredList(UsageAccountLink, await tx.objectStore('usageLinks').getAll()).items.map((l) => [l.sourceAccountKey, l.accountKey]));
  const years = parseStoredList(UsageYear, await tx.objectStore('usageYears').getAll()).items;
  await tx.done;
  const byAccount = new Map<string, UsageMonth[]>();
  for (const y of years) {
    const accountKey = links.get(y.sourceAccountKey);
    if (!accountKey) continue;
    const list = byAccount.get(accountKey);
    if (list) list.push(...monthsOfYear(y));
    else byAccount.set(accountKey, monthsOfYear(y));
  }
  return byAccount;
}

/** Recomputes the entries of these accounts (after a save), or of every account (after an import or a new day). */
export async function refreshPortfolio(db: IDBPDatabase<AdoptionDb>, accountKeys: readonly string[] | 'all', settings: CsmSettings, now: Date): Promise<PortfolioEntry[]> {
  const entries: PortfolioEntry[] = [];
  if (accountKeys === 'all' || accountKeys.length > 20) {
    const wanted = accountKeys === 'all' ? null : new Set(accountKeys);
    const [records, usage] = await Promise.all([readAllAccountRecords(db), usageMonthsByAccount(db)]);
    for (const record of records) {
      if (wanted && !wanted.has(record.account.key)) continue;
      entries.push(portfolioEntry(record, monthsToSeries(usage.get(record.account.key) ?? []), settings, now));
    }
  } else {
    for (const key of accountKeys) {
      const record = await readAccountRecord(db, key);
      if (record) entries.push(portfolioEntry(record, await usageSeriesForAccount(db, key), settings, now));
    }
  }
  const tx = db.transaction('portfolioCache', 'readwrite');
  await Promise.all([...entries.map((e) => tx.store.put(e)), tx.done]);
  return entries;
}

/** The portfolio, ranked by needs attention: cached entries of today, the others recomputed first. */
export async function portfolioRows(db: IDBPDatabase<AdoptionDb>, settings: CsmSettings, now: Date): Promise<PortfolioRow[]> {
  const today = localDate(now);
  const tx = db.transaction(['accounts', 'portfolioCache'], 'readonly');
  // Both asked for at once: the database answers them in turn, without a round trip between.
  const [accountKeys, rawCached] = await Promise.all([tx.objectStore('accounts').getAllKeys(), tx.objectStore('portfolioCache').getAll()]);
  await tx.done;
  const cached = parseStoredList(PortfolioEntry, rawCached).items;
  const fresh = new Map(cached.filter((e) => e.computedOn === today && e.toneStaleDays === settings.toneStaleDays).map((e) => [e.accountKey, e]));
  const stale = accountKeys.filter((key) => !fresh.has(key));
  if (stale.length > 0) for (const e of await refreshPortfolio(db, stale, settings, now)) fresh.set(e.accountKey, e);
  return sortRanked([...fresh.values()]);
}

/**
 * Drops an account's kept row in the transaction that changes the account, so the change and the
 * row's going are one commit: a portfolio opened at any moment after never shows the row from before.
 */
export function dropPortfolioRow(tx: IDBPTransaction<AdoptionDb, StoreNames<AdoptionDb>[], 'readwrite'>, accountKey: string): Promise<void> {
  return tx.objectStore('portfolioCache').delete(accountKey);
}

/**
 * Drops the kept rows of these accounts (or all), so no reader is ever served a row older than
 * the change: `portfolioRows` recomputes a missing row. Cheap, so it runs on the save's path
 * of writes that do not drop the row themselves.
 */
export async function markPortfolioStale(db: IDBPDatabase<AdoptionDb>, accountKeys: readonly string[] | 'all'): Promise<void> {
  const tx = db.transaction('portfolioCache', 'readwrite');
  if (accountKeys === 'all') await Promise.all([tx.store.clear(), tx.done]);
  else await Promise.all([...accountKeys.map((key) => tx.store.delete(key)), tx.done]);
}
