import type { IDBPDatabase } from 'idb';
import { z } from '../model/zod';
import type { AdoptionDb } from '../db/schema';
import { parseStored, parseStoredList } from '../db/records';
import { UsageAccountLink, UsageAccountRef, UsageMonth, type UsageSeries } from '../model/usage';
import { UsageYear, layYearsOver, monthsHeld, monthsOfYears } from '../model/usage-year';
import { Account, AccountKey, FieldSnapshot } from '../model/account';
import type { CrmAccountForMatch } from './match';
import { RememberedMapping } from './mapping';
import { monthsToSeries } from './months';
import { abortTransaction } from '../db/records';
import { AppError, issueDetail } from '../errors';

/** What one import stores: a confirmed file (written by the import worker) or a usage-source refresh. */
export const UsageImportCommit = z.object({
  years: z.array(UsageYear).check(z.maxLength(500_000)),
  links: z.array(UsageAccountLink).check(z.maxLength(100_000)),
  mapping: z.nullable(RememberedMapping),
});
export type UsageImportCommit = z.infer<typeof UsageImportCommit>;

export const UsageImportResult = z.object({
  months: z.int().check(z.nonnegative()),
  links: z.int().check(z.nonnegative()),
  /** The CRM accounts linked to a usage account of the import (before it or by it): their health changed. */
  accountKeys: z.array(AccountKey).check(z.maxLength(100_000)),
});
export type UsageImportResult = z.infer<typeof UsageImportResult>;

/**
 * Writes an import in one transaction: all of it or, on any failure, none of it. Its years are
 * laid over the stored ones (lib/model/usage-year.ts): days stored already and absent from the
 * file are kept, the file's days replace theirs, so importing the same file twice changes nothing.
 * The kept portfolio rows of the accounts it touches are dropped in the same transaction, so no
 * reader is served a row older than the import, whoever wrote it (the file import writes from its
 * own worker) and even if the background never hears of it.
 */
export async function storeUsageImport(db: IDBPDatabase<AdoptionDb>, commit: UsageImportCommit): Promise<UsageImportResult> {
  const tx = db.transaction(['usageYears', 'usageLinks', 'usageMappings', 'portfolioCache'], 'readwrite');
  let accountKeys: string[] = [];
  const years = tx.objectStore('usageYears');
  const writes: Promise<unknown>[] = [];
  try {
    // Which incoming years are stored already: one key scan over the range they span instead of
    // a read per year, so a first import only writes.
    const ids = commit.years.map((y) => y.id);
    let min = ids[0] ?? '';
    let max = min;
    for (const id of ids) {
      if (id < min) min = id;
      if (id > max) max = id;
    }
    const range = ids.length > 0 ? IDBKeyRange.bound(min, max) : null;
    // Reads come before any write, so no write's failure goes unheard while a read is awaited.
    const [storedLinks, existing] = await Promise.all([tx.objectStore('usageLinks').getAll(), range ? years.count(range) : 0]);
    const sources = new Set(commit.years.map((y) => y.sourceAccountKey));
    const linked = parseStoredList(UsageAccountLink, storedLinks).items;
    accountKeys = [...new Set([...linked, ...commit.links].filter((l) => sources.has(l.sourceAccountKey)).map((l) => l.accountKey))];
    // Years stored already are read in one go, merged in memory, and written only when a figure
    // changed: importing the same file again writes nothing.
    const stored = new Map<string, UsageYear>();
    if (range && existing > 0) {
      for (const raw of await years.getAll(range)) {
        const parsed = UsageYear.safeParse(raw);
        if (parsed.success) stored.set(parsed.data.id, parsed.data);
      }
    }
    // Each record is checked as it is written: its check runs while the database takes the puts
    // before it, and one that fails aborts the whole import (below).
    for (const year of layYearsOver(stored, commit.years)) writes.push(years.put(checked(UsageYear, year, 'usage year')));
    const links = tx.objectStore('usageLinks');
    for (const link of commit.links) writes.push(links.put(checked(UsageAccountLink, link, 'usage link')));
    if (commit.mapping) writes.push(tx.objectStore('usageMappings').put(checked(RememberedMapping, commit.mapping, 'column mapping')));
    const portfolio = tx.objectStore('portfolioCache');
    for (const key of accountKeys) writes.push(portfolio.delete(key));
    await Promise.all(writes);
    await tx.done;
  } catch (error) {
    // A failed put does not abort the transaction by itself: the puts before it would commit.
    abortTransaction(tx, writes);
    throw error;
  }
  return { months: monthsHeld(commit.years), links: commit.links.length, accountKeys };
}

/** `value` as `schema` parses it, or an error saying which record and why it cannot be stored. */
function checked<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('internal', `${what} not stored: ${issueDetail(parsed.error.issues[0])}`);
  return parsed.data;
}

/** Every usage series of a CRM account, through the source accounts linked to it. */
export async function usageSeriesForAccount(db: IDBPDatabase<AdoptionDb>, accountKey: string): Promise<UsageSeries[]> {
  const tx = db.transaction(['usageLinks', 'usageYears'], 'readonly');
  const links = parseStoredList(UsageAccountLink, await tx.objectStore('usageLinks').index('byAccount').getAll(accountKey)).items;
  const index = tx.objectStore('usageYears').index('bySource');
  const perLink = await Promise.all(links.map((link) => index.getAll(link.sourceAccountKey)));
  await tx.done;
  const years = perLink.flatMap((list) => parseStoredList(UsageYear, list).items);
  return monthsToSeries(monthsOfYears(years));
}

export const UsageSourceAccount = z.object({
  sourceAccountKey: z.string(),
  account: UsageAccountRef,
  source: z.string(),
  updatedAt: z.string(),
  link: z.nullable(UsageAccountLink),
});
export type UsageSourceAccount = z.infer<typeof UsageSourceAccount>;

/** Each account the usage data names, with its link to a CRM account if any (for linking by hand). */
export async function usageSourceAccounts(db: IDBPDatabase<AdoptionDb>): Promise<UsageSourceAccount[]> {
  const tx = db.transaction(['usageLinks', 'usageYears'], 'readonly');
  const links = new Map(parseStoredList(UsageAccountLink, await tx.objectStore('usageLinks').getAll()).items.map((l) => [l.sourceAccountKey, l]));
  const out: UsageSourceAccount[] = [];
  let cursor = await tx.objectStore('usageYears').index('bySource').openCursor(null, 'nextunique');
  while (cursor) {
    const year = UsageYear.safeParse(cursor.value);
    if (year.success) {
      const m = year.data;
      out.push({ sourceAccountKey: m.sourceAccountKey, account: m.account, source: m.source, updatedAt: m.updatedAt, link: links.get(m.sourceAccountKey) ?? null });
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return out;
}

/** Links a usage-source account to a CRM account by hand (remembered), or removes the link. */
export async function setUsageLink(db: IDBPDatabase<AdoptionDb>, sourceAccountKey: string, accountKey: string | null, now: Date): Promise<void> {
  if (accountKey === null) return db.delete('usageLinks', sourceAccountKey);
  await db.put('usageLinks', { sourceAccountKey, accountKey: AccountKey.parse(accountKey), how: 'manual', linkedAt: now.toISOString() });
}

export async function usageLinks(db: IDBPDatabase<AdoptionDb>): Promise<UsageAccountLink[]> {
  return parseStoredList(UsageAccountLink, await db.getAll('usageLinks')).items;
}

export async function rememberedMapping(db: IDBPDatabase<AdoptionDb>, signature: string): Promise<RememberedMapping | null> {
  const stored = await db.get('usageMappings', signature);
  return stored === undefined ? null : parseStored(RememberedMapping, stored, 'remembered mapping');
}

/** The CRM accounts usage can be matched to: every account seen, with its Website field if read. */
export async function crmAccountsForMatch(db: IDBPDatabase<AdoptionDb>): Promise<CrmAccountForMatch[]> {
  const tx = db.transaction(['accounts', 'snapshots'], 'readonly');
  const accounts = parseStoredList(Account, await tx.objectStore('accounts').getAll()).items;
  const websites = new Map<string, string>();
  for (let cursor = await tx.objectStore('snapshots').index('byAccount').openCursor(); cursor; cursor = await cursor.continue()) {
    const snapshot = FieldSnapshot.safeParse(cursor.value);
    const website = snapshot.success ? snapshot.data.fields.find((f) => f.key === 'Website')?.value : undefined;
    if (snapshot.success && website) websites.set(snapshot.data.accountKey, website);
  }
  await tx.done;
  return accounts.map((a) => ({ accountKey: a.key, recordId: a.recordId, name: a.name, website: websites.get(a.key) }));
}
