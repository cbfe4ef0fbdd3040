import { describe, expect, it } from 'vitest';
import { openAdoptionDb } from './open';
import { DB_VERSION } from './schema';
import { STORES_WITH_ACCOUNT_KEY, ACCOUNT_KEY_FIELD } from './org-keys';
import { readAccountRecord } from '../store/account-record';
import { timelinePage } from '../store/timeline';
import { getDraft } from '../store/drafts';
import { EMPTY_QUICK_LOG } from '../model/quick-log';
import { uniqueDbName } from '@/tests/unit/factories';

// Version 7 keys Salesforce accounts by org and id. A version-6 database with accounts of a
// production org, its sandbox (same record id: sandboxes copy production's ids), a Developer
// Edition org, an account whose remembered address names no org, and a note whose account record
// is gone: every record moves to its org's key or stays, and none is lost.

const T = '2026-01-01T00:00:00.000Z';
const PROD_ID = '001Dn00000gLbXqIAK';
const DEV_ID = '001Dn00000iNTchIAG';
const LOST_ID = '001Dn00000UmBRlIAN';
const ORPHAN_ID = '001Dn00000sMpLjIAK';

const ACCOUNTS = [
  { old: `salesforce:${PROD_ID}`, url: `https://acme.lightning.force.com/lightning/r/Account/${PROD_ID}/view`, now: `salesforce:acme:${PROD_ID}` },
  { old: `salesforce:${DEV_ID}`, url: `https://acme-dev-ed.develop.lightning.force.com/lightning/r/Account/${DEV_ID}/view`, now: `salesforce:acme-dev-ed:${DEV_ID}` },
  // Restored from a hand-edited backup: no address to tell the org from. It keeps its key.
  { old: `salesforce:${LOST_ID}`, url: 'not an address', now: `salesforce:${LOST_ID}` },
];

function account(key: string, recordId: string, url: string) {
  return { key, crm: 'salesforce', recordId, name: `Account ${recordId}`, url, firstSeenAt: T, lastSeenAt: T };
}

/** One record of each store that holds an account key, for `key`. */
function recordsOf(key: string, n: string) {
  return {
    snapshots: { id: `s-${n}`, accountKey: key, visitId: `v-${n}`, takenAt: T, fields: [{ key: 'Industry', label: 'Industry', value: `Industry ${n}` }] },
    interactions: { id: `i-${n}`, accountKey: key, type: 'call', occurredAt: T, tone: 'neutral', notes: `note ${n}`, attendeeIds: [], internalAttendees: [], nextSteps: [], internalOnly: false, createdAt: T, updatedAt: T, revision: 0 },
    drafts: { id: `form-${n}`, accountKey: key, form: { ...EMPTY_QUICK_LOG, notes: `draft ${n}` }, updatedAt: T },
    goals: { id: `g-${n}`, accountKey: key, title: `goal ${n}`, successLooksLike: '', horizon: 'light', targetDate: null, metric: null, statusHistory: [{ status: 'working', changedAt: T, perceivedBy: '', reason: '' }], createdAt: T, updatedAt: T, revision: 0 },
    signals: { id: `sig-${n}`, accountKey: key, kind: 'competitor-mentioned', polarity: 'risk', severity: 'medium', occurredAt: T, detectedAt: T, detectedVia: 'meeting', createdAt: T, updatedAt: T },
    stakeholders: { id: `p-${n}`, accountKey: key, name: `person ${n}`, role: 'champion', createdAt: T, updatedAt: T },
    usageLinks: { sourceAccountKey: `id:${n}`, accountKey: key, how: 'record-id', linkedAt: T },
    healthHistory: { accountKey: key, date: '2026-01-01', health: { score: 50 } },
    portfolioCache: { accountKey: key, computedOn: '2026-01-01', toneStaleDays: 30, recorded: true, row: {} },
  };
}

async function seedVersion6(name: string): Promise<void> {
  const db = await openAdoptionDb(name, 6);
  const tx = db.transaction([...STORES_WITH_ACCOUNT_KEY], 'readwrite');
  const put = (store: string, value: object) => void (tx.objectStore(store as 'accounts').put(value as never));
  for (const [i, a] of ACCOUNTS.entries()) {
    put('accounts', account(a.old, a.old.slice('salesforce:'.length), a.url));
    for (const [store, record] of Object.entries(recordsOf(a.old, String(i)))) put(store, record);
  }
  // A note whose account record is gone: nothing tells its org.
  put('interactions', recordsOf(`salesforce:${ORPHAN_ID}`, 'orphan').interactions);
  await tx.done;
  db.close();
}

describe('database version 7: Salesforce accounts keyed by org', () => {
  it('moves every account and everything recorded under its old key to its org’s key, losing nothing', async () => {
    const name = uniqueDbName();
    await seedVersion6(name);
    const db = await openAdoptionDb(name);
    expect(db.version).toBe(DB_VERSION);

    for (const store of STORES_WITH_ACCOUNT_KEY) {
      const keys = (await db.getAll(store)).map((r) => Reflect.get(r, ACCOUNT_KEY_FIELD[store]) as string).sort();
      // The derived portfolio rows of moved accounts are dropped (rebuilt when next asked for).
      const expected = store === 'portfolioCache' ? [`salesforce:${LOST_ID}`] : ACCOUNTS.map((a) => a.now);
      if (store === 'interactions') expected.push(`salesforce:${ORPHAN_ID}`);
      expect(keys, store).toEqual(expected.sort());
    }
    // The account's own address and id are kept; the product reads it whole under its new key.
    const prod = await readAccountRecord(db, `salesforce:acme:${PROD_ID}`);
    expect(prod?.account).toMatchObject({ key: `salesforce:acme:${PROD_ID}`, recordId: PROD_ID, url: ACCOUNTS[0]!.url, firstSeenAt: T });
    expect(prod?.interactions.map((i) => i.notes)).toEqual(['note 0']);
    expect(prod?.goals.map((g) => g.title)).toEqual(['goal 0']);
    expect(prod?.signals).toHaveLength(1);
    expect(prod?.stakeholders.map((p) => p.name)).toEqual(['person 0']);
    expect(prod?.fields).toEqual([{ key: 'Industry', label: 'Industry', value: 'Industry 0' }]);
    expect((await getDraft(db, `salesforce:acme:${PROD_ID}`))?.form.notes).toBe('draft 0');
    expect(await db.get('healthHistory', [`salesforce:acme:${PROD_ID}`, '2026-01-01'])).toMatchObject({ health: { score: 50 } });
    const dev = await timelinePage(db, { accountKey: `salesforce:acme-dev-ed:${DEV_ID}`, kinds: ['interaction'], before: null, limit: 10 });
    expect(dev.entries.map((e) => e.kind === 'interaction' && e.interaction.notes)).toEqual(['note 1']);
    // Nothing is left under the old keys that moved.
    for (const old of [ACCOUNTS[0]!.old, ACCOUNTS[1]!.old]) expect(await readAccountRecord(db, old)).toBeNull();
    // The account with no address to tell its org from is still whole, under its old key.
    expect((await readAccountRecord(db, `salesforce:${LOST_ID}`))?.interactions.map((i) => i.notes)).toEqual(['note 2']);
    db.close();
  });

  it('keeps a sandbox and production apart: the org comes from each account’s own address', async () => {
    const name = uniqueDbName();
    const db6 = await openAdoptionDb(name, 6);
    await db6.put('accounts', account(`salesforce:${PROD_ID}`, PROD_ID, `https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/${PROD_ID}/view`) as never);
    await db6.put('interactions', recordsOf(`salesforce:${PROD_ID}`, 'uat').interactions as never);
    db6.close();
    const db = await openAdoptionDb(name);
    // Last seen in the sandbox: it is the sandbox's account now, and production starts clean.
    expect((await readAccountRecord(db, `salesforce:acme--uat:${PROD_ID}`))?.interactions.map((i) => i.notes)).toEqual(['note uat']);
    expect(await readAccountRecord(db, `salesforce:acme:${PROD_ID}`)).toBeNull();
    db.close();
  });

  it('opens an empty version-6 database without change', async () => {
    const name = uniqueDbName();
    (await openAdoptionDb(name, 6)).close();
    const db = await openAdoptionDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('accounts')).toBe(0);
    db.close();
  });
});
