// Lightning's Related tab shows only the highlights panel, whose fields carry no API name: the
// adapter reads the saved pages, the background's visit store keys them and decides what changed.
import { describe, expect, it } from 'vitest';
import { readVisibleRecord } from '@/lib/adapters/salesforce';
import { recordVisit } from '@/lib/store/visit';
import { openAdoptionDb } from '@/lib/db/open';
import type { RecordReading } from '@/lib/model/account';
import { loadPage } from './pages';
import { ACCOUNT_KEY, reading, sequentialIds, uniqueDbName } from './factories';

function pageReading(page: string, visitId: string, accountKey = ACCOUNT_KEY): RecordReading {
  const record = readVisibleRecord(loadPage(`salesforce-lightning/${page}`));
  if (!record) throw new Error(`${page}: no record read`);
  return reading({ accountKey, name: record.name, fields: record.fields, visitId });
}

let day = 1;
const nextDay = () => new Date(Date.UTC(2026, 10, day++, 9));

describe('a record opened on its Details tab, then its Related tab', () => {
  it('keys the highlights by the API names the Details tab showed, and reports nothing changed', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    await recordVisit(db, pageReading('account-details.html', 'v1'), nextDay(), sequentialIds);
    const related = await recordVisit(db, pageReading('account-related.html', 'v2'), nextDay(), sequentialIds);
    expect(related.changes).toEqual([]);
    expect(related.read.map((f) => f.key)).toEqual(['Type', 'Phone', 'Industry', 'OwnerId']);
    // The sidebar still lists every known field once: the Details tab's with their last value.
    expect(related.known.map((f) => [f.key, f.onPage])).toEqual([
      ['Name', false], ['Industry', true], ['Phone', true], ['OwnerId', true], ['Type', true], ['Customer_Tier__c', false],
    ]);
    const back = await recordVisit(db, pageReading('account-details.html', 'v3'), nextDay(), sequentialIds);
    expect(back.changes).toEqual([]);
    expect(back.known.every((f) => f.onPage)).toBe(true);
  });

  it('still reports a field that shows another value on the Related tab', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    await recordVisit(db, pageReading('account-details.html', 'v1'), nextDay(), sequentialIds);
    const related = pageReading('account-related.html', 'v2');
    const moved = { ...related, fields: related.fields.map((f) => (f.key === 'Account Owner' ? { ...f, value: 'Alex Moreno' } : f)) };
    const visit = await recordVisit(db, moved, nextDay(), sequentialIds);
    expect(visit.changes).toEqual([{ key: 'OwnerId', label: 'Account Owner', before: 'Kim Sato', after: 'Alex Moreno' }]);
  });

  it('uses the pairs for every account of the org, and in Japanese', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const other = 'salesforce:acme:001Dn00000sMpLjIAK';
    await recordVisit(db, pageReading('account-details-ja.html', 'v1'), nextDay(), sequentialIds);
    const visit = await recordVisit(db, pageReading('account-related-ja.html', 'v2', other), nextDay(), sequentialIds);
    expect(visit.read.map((f) => f.key)).toEqual(['Type', 'Phone', 'Industry', 'OwnerId']);
  });

  it('keeps another org’s labels apart (a sandbox is another org)', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    await recordVisit(db, pageReading('account-details.html', 'v1'), nextDay(), sequentialIds);
    const sandbox = await recordVisit(db, pageReading('account-related.html', 'v2', 'salesforce:acme--uat:001Dn00000ABCDEAA1'), nextDay(), sequentialIds);
    expect(sandbox.read.map((f) => f.key)).toContain('Account Owner');
  });
});

describe('a record opened on its Related tab first (a fresh profile)', () => {
  it('keys the highlights by label until the Details tab is seen, then merges them into one key each, reporting nothing', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const first = await recordVisit(db, pageReading('account-related.html', 'v1'), nextDay(), sequentialIds);
    expect(first.read.map((f) => f.key)).toContain('Account Owner');
    const details = await recordVisit(db, pageReading('account-details.html', 'v2'), nextDay(), sequentialIds);
    expect(details.changes).toEqual([]);
    expect(details.known.map((f) => f.key).filter((k) => k === 'OwnerId' || k === 'Account Owner')).toEqual(['OwnerId']);
    const again = await recordVisit(db, pageReading('account-related.html', 'v3'), nextDay(), sequentialIds);
    expect(again.changes).toEqual([]);
    expect(again.read.map((f) => f.key)).toContain('OwnerId');
  });

  it('learns the names back from a restored snapshot, with nothing learnt yet in this browser', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    await recordVisit(db, pageReading('account-details.html', 'v1'), nextDay(), sequentialIds);
    await db.clear('fieldNames');
    const visit = await recordVisit(db, pageReading('account-related.html', 'v2'), nextDay(), sequentialIds);
    expect(visit.read.map((f) => f.key)).toContain('OwnerId');
    expect(visit.changes).toEqual([]);
  });
});
