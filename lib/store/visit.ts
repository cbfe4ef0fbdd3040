import type { IDBPDatabase } from 'idb';
import { Account, FieldSnapshot, type FieldChange, type RecordReading } from '../model/account';
import { parseStored } from '../db/records';
import type { AdoptionDb } from '../db/schema';
import { addsNothing, diffFields, overlayFields } from './fields';

export interface VisitResult {
  account: Account;
  changes: FieldChange[];
  /** When the fields compared against were seen; null on the first visit. */
  comparedWith: string | null;
}

/**
 * Records one reading of an account page. A snapshot is kept per visit only when the record
 * shows something new; re-reads within the same visit (Lightning renders progressively)
 * refine that visit's snapshot. Changes are always against the last earlier visit.
 */
export async function recordVisit(db: IDBPDatabase<AdoptionDb>, reading: RecordReading, now: Date, newId: () => string): Promise<VisitResult> {
  const tx = db.transaction(['accounts', 'snapshots'], 'readwrite');
  const snapshots = tx.objectStore('snapshots');
  const range = IDBKeyRange.bound([reading.accountKey, ''], [reading.accountKey, '\uffff']);
  const recent: FieldSnapshot[] = [];
  for (let cursor = await snapshots.index('byAccount').openCursor(range, 'prev'); cursor && recent.length < 2; cursor = await cursor.continue()) {
    recent.push(parseStored(FieldSnapshot, cursor.value, 'field snapshot'));
  }
  const [latest, beforeLatest] = recent;
  const thisVisit = latest?.visitId === reading.visitId ? latest : undefined;
  const base = thisVisit ? beforeLatest : latest;

  const known = overlayFields(base?.fields ?? [], thisVisit?.fields ?? []);
  const fields = overlayFields(known, reading.fields);
  const takenAt = now.toISOString();
  if (thisVisit) {
    await snapshots.put({ ...thisVisit, fields });
  } else if (!base || !addsNothing(base.fields, reading.fields)) {
    await snapshots.put({ id: newId(), accountKey: reading.accountKey, visitId: reading.visitId, takenAt, fields });
  }

  const accounts = tx.objectStore('accounts');
  const stored = await accounts.get(reading.accountKey);
  const previous = stored === undefined ? undefined : parseStored(Account, stored, 'account');
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
  return { account, changes: base ? diffFields(base.fields, fields) : [], comparedWith: base?.takenAt ?? null };
}
