import type { IDBPDatabase } from 'idb';
import { Account, FieldSnapshot, type AccountKey, type FieldChange, type KnownField, type RecordField, type RecordReading } from '../model/account';
import { ACCOUNT_OBJECT, FieldNames } from '../model/field-names';
import { orgScopeOf } from '../model/account-key';
import { parseStored } from '../db/records';
import type { AdoptionDb } from '../db/schema';
import { addsNothing, diffFields, overlayFields } from './fields';
import { keyByApiName, learnedFrom, learnNames, sameNames, toStored } from './field-names';

export interface VisitResult {
  account: Account;
  changes: FieldChange[];
  /** When the fields compared against were seen; null on the first visit. */
  comparedWith: string | null;
  /** The fields read, keyed by API name wherever the org's names are known. */
  read: RecordField[];
  /** The record's known state: what was read, then fields not on the page now with their last value. */
  known: KnownField[];
  /** This reading began a visit's snapshot (the timeline shows it), rather than refining one or adding nothing. */
  newSnapshot: boolean;
}

/**
 * An account as stored from earlier visits: the account and its fields as last read. Null when it
 * was never seen (or its entry is damaged: the page's reading rewrites it).
 */
export async function rememberedAccount(db: IDBPDatabase<AdoptionDb>, accountKey: AccountKey): Promise<{ account: Account; fields: RecordField[] } | null> {
  const tx = db.transaction(['accounts', 'snapshots'], 'readonly');
  const account = Account.safeParse(await tx.objectStore('accounts').get(accountKey));
  const latest = await tx.objectStore('snapshots').index('byAccount').openCursor(IDBKeyRange.bound([accountKey, ''], [accountKey, '\uffff']), 'prev');
  const snapshot = FieldSnapshot.safeParse(latest?.value);
  await tx.done;
  return account.success ? { account: account.data, fields: snapshot.success ? snapshot.data.fields : [] } : null;
}

/**
 * Records one reading of an account page. A snapshot is kept per visit only when the record
 * shows something new; re-reads within the same visit (Lightning renders progressively)
 * refine that visit's snapshot. Changes are always against the last earlier visit.
 *
 * Fields the page shows without an API name (Lightning's highlights panel on the Related tab) are
 * keyed by the API name learned for their label in the same org (from a reading that showed
 * both), so a field keeps one key whatever tab is open; a field the page does not show now keeps
 * its last value and is never reported as changed.
 */
export async function recordVisit(db: IDBPDatabase<AdoptionDb>, reading: RecordReading, now: Date, newId: () => string): Promise<VisitResult> {
  const tx = db.transaction(['accounts', 'snapshots', 'fieldNames'], 'readwrite');
  const snapshots = tx.objectStore('snapshots');
  const range = IDBKeyRange.bound([reading.accountKey, ''], [reading.accountKey, '\uffff']);
  const recent: FieldSnapshot[] = [];
  for (let cursor = await snapshots.index('byAccount').openCursor(range, 'prev'); cursor && recent.length < 2; cursor = await cursor.continue()) {
    recent.push(parseStored(FieldSnapshot, cursor.value, 'field snapshot'));
  }
  const [latest, beforeLatest] = recent;
  const thisVisit = latest?.visitId === reading.visitId ? latest : undefined;
  const base = thisVisit ? beforeLatest : latest;
  const takenAt = now.toISOString();

  // Learned from stored snapshots too, so names come back from a restored backup by themselves.
  const scope = orgScopeOf(reading.accountKey);
  const names = tx.objectStore('fieldNames');
  const stored = scope ? FieldNames.safeParse(await names.get([scope, ACCOUNT_OBJECT])) : undefined;
  // A damaged entry is only a cache of what readings show: learnt again, never an error.
  const before = learnedFrom(stored?.success ? stored.data : undefined);
  const learned = [base?.fields, thisVisit?.fields, reading.fields].reduce((acc, fields) => (fields ? learnNames(acc, fields) : acc), before);
  if (scope && !sameNames(before, learned)) await names.put(toStored(learned, scope, ACCOUNT_OBJECT, takenAt));
  const baseFields = keyByApiName(base?.fields ?? [], learned);
  const read = keyByApiName(reading.fields, learned);

  const known = overlayFields(baseFields, keyByApiName(thisVisit?.fields ?? [], learned));
  const fields = overlayFields(known, read);
  const newSnapshot = !thisVisit && (!base || !addsNothing(baseFields, read));
  if (thisVisit) await snapshots.put({ ...thisVisit, fields });
  else if (newSnapshot) await snapshots.put({ id: newId(), accountKey: reading.accountKey, visitId: reading.visitId, takenAt, fields });

  const accounts = tx.objectStore('accounts');
  const storedAccount = await accounts.get(reading.accountKey);
  const previous = storedAccount === undefined ? undefined : parseStored(Account, storedAccount, 'account');
  const account: Account = {
    key: reading.accountKey,
    crm: reading.crm,
    recordId: reading.recordId,
    name: reading.name || previous?.name || '',
    url: reading.url,
    firstSeenAt: previous?.firstSeenAt ?? takenAt,
    lastSeenAt: takenAt,
  };
  await accounts.put(account);
  await tx.done;
  const onPage = new Set(read.map((f) => f.key));
  return {
    account,
    changes: base ? diffFields(baseFields, fields) : [],
    comparedWith: base?.takenAt ?? null,
    read,
    known: fields.map((f) => ({ ...f, onPage: onPage.has(f.key) })),
    newSnapshot,
  };
}
