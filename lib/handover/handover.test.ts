import { describe, expect, it } from 'vitest';
import type { IDBPDatabase } from 'idb';
import { openAdoptionDb } from '../db/open';
import type { AdoptionDb } from '../db/schema';
import { recordVisit } from '../store/visit';
import { recordsFromQuickLog, saveLoggedTouch } from '../store/quick-log';
import { saveEntry } from '../store/entries';
import { updateSettings } from '../store/settings';
import { timelinePage } from '../store/timeline';
import { exportBackup, restoreBackup } from '../backup/store';
import { parseBackup } from '../backup/parse';
import { AppError } from '../errors';
import type { SuccessGoal } from '../model/goal';
import type { Interaction } from '../model/interaction';
import { exportHandover, importHandover, resolveVersion } from './store';
import { parseHandover } from './parse';
import { HANDOVER_FORMAT, type Handover } from './format';
import { BACKUP_VERSION } from '../backup/format';
import { monthsOfYears } from '../model/usage-year';
import { handoverFileName } from './file-name';
import { ACCOUNT_KEY, quickLogForm, reading, sequentialIds, uniqueDbName } from '@/tests/unit/factories';

type Db = IDBPDatabase<AdoptionDb>;
const T0 = new Date('2026-11-20T10:00:00Z');
const T1 = new Date('2026-11-21T10:00:00Z');
const T2 = new Date('2026-11-22T10:00:00Z');
const OTHER_KEY = 'salesforce:acme:001Dn00000ZZZZZAA9';

/** Profile A: Aiko's, with a visit, a note, an internal-only note with a signal, a goal. */
async function senderProfile(name = 'Aiko Tanaka'): Promise<Db> {
  const db = await openAdoptionDb(uniqueDbName());
  await updateSettings(db, (s) => ({ ...s, senderName: name }));
  await recordVisit(db, reading(), T0, sequentialIds);
  await saveLoggedTouch(db, recordsFromQuickLog(quickLogForm({ notes: 'Kickoff went well' }), ACCOUNT_KEY, T0, () => 'note-1'));
  await saveLoggedTouch(
    db,
    recordsFromQuickLog(
      quickLogForm({ notes: 'Internal: pricing floor is 20% off', internalOnly: true, signals: [{ kind: 'competitor-mentioned', otherLabel: '', polarity: 'risk', severity: 'medium', stakeholderId: null, whatHappened: 'Rival named', howTheyFeel: '' }] }),
      ACCOUNT_KEY,
      T0,
      sequentialIds,
    ),
  );
  await saveEntry(db, { store: 'goals', record: goal() }, null, T0);
  return db;
}

function goal(patch: Partial<SuccessGoal> = {}): SuccessGoal {
  return {
    id: 'goal-1', accountKey: ACCOUNT_KEY, title: 'Roll out to sales', successLooksLike: '', horizon: 'light', targetDate: null, metric: null,
    statusHistory: [{ status: 'working', changedAt: T0.toISOString(), perceivedBy: 'Aiko', reason: 'kickoff' }],
    createdAt: T0.toISOString(), updatedAt: T0.toISOString(), revision: 0, ...patch,
  };
}

async function interaction(db: Db, id: string): Promise<Interaction> {
  const found = await db.get('interactions', id);
  if (!found) throw new Error(`no interaction ${id}`);
  return found;
}

async function editNote(db: Db, id: string, notes: string, at: Date) {
  const current = await interaction(db, id);
  const outcome = await saveEntry(db, { store: 'interactions', record: { ...current, notes } }, current.revision, at);
  expect(outcome.status).toBe('saved');
}

const STORES = ['accounts', 'snapshots', 'interactions', 'goals', 'signals', 'stakeholders', 'usageLinks', 'handovers'] as const;
const dump = async (db: Db) => Object.fromEntries(await Promise.all(STORES.map(async (s) => [s, await db.getAll(s)])));
const exported = async (db: Db, includeInternal = false, at = T1) => JSON.stringify(await exportHandover(db, [ACCOUNT_KEY], includeInternal, at, () => `pkg-${at.getTime()}-${String(includeInternal)}`));
const timelineOf = async (db: Db) => (await timelinePage(db, { accountKey: ACCOUNT_KEY, kinds: ['interaction', 'signal', 'goal-status', 'field-change', 'handover', 'handover-version'], before: null, limit: 100 })).entries;

describe('handover export', () => {
  it('carries everything about the account, documented and versioned, without internal notes unless ticked', async () => {
    const a = await senderProfile();
    const handover = parseHandover(await exported(a));
    expect(handover).toMatchObject({ format: HANDOVER_FORMAT, version: 1, sender: { name: 'Aiko Tanaka' }, sentAt: T1.toISOString(), includesInternalNotes: false });
    const [section] = handover.accounts;
    expect(section?.account.name).toBe('Globex Corporation');
    expect(section?.interactions.map((i) => i.notes)).toEqual(['Kickoff went well']);
    expect(section?.signals.map((s) => s.kind)).toEqual(['competitor-mentioned']);
    expect(section?.goals.map((g) => g.title)).toEqual(['Roll out to sales']);
    expect(section?.snapshots).toHaveLength(1);
    expect(section?.health?.score).toEqual(expect.any(Number));

    const withInternal = parseHandover(await exported(a, true));
    expect(withInternal.includesInternalNotes).toBe(true);
    expect(withInternal.accounts[0]?.interactions.map((i) => i.notes).sort()).toEqual(['Internal: pricing floor is 20% off', 'Kickoff went well']);
  });

  it('is refused until the sender’s name is set, and for an account with nothing stored', async () => {
    const a = await senderProfile('');
    await expect(exportHandover(a, [ACCOUNT_KEY], false, T1, sequentialIds)).rejects.toMatchObject({ code: 'sender-name-missing' });
    await updateSettings(a, (s) => ({ ...s, senderName: 'Aiko' }));
    await expect(exportHandover(a, [ACCOUNT_KEY, OTHER_KEY], false, T1, sequentialIds)).rejects.toMatchObject({ code: 'account-unknown', detail: OTHER_KEY });
  });

  it('names the file after the account, or the number of accounts', () => {
    expect(handoverFileName(['Globex Corporation'], new Date(2026, 10, 25, 12))).toBe('Globex-Corporation_handover_2026-11-25.json');
    expect(handoverFileName(['A', 'B', 'C'], new Date(2026, 10, 25, 12))).toBe('3-accounts_handover_2026-11-25.json');
  });
});

describe('handover import', () => {
  it('merges into a fresh profile; twice changes nothing; the marker shows once; internal notes stay out', async () => {
    const a = await senderProfile();
    const text = await exported(a);
    const b = await openAdoptionDb(uniqueDbName());
    const first = await importHandover(b, parseHandover(text), T2);
    expect(first).toMatchObject({ senderName: 'Aiko Tanaka', accounts: 1, newAccounts: 1, again: false, counts: { added: 4, unchanged: 0, conflicts: 0 } });
    const afterFirst = await dump(b);
    const second = await importHandover(b, parseHandover(text), new Date('2026-11-23T10:00:00Z'));
    expect(second).toMatchObject({ again: true, newAccounts: 0, counts: { added: 0, unchanged: 4, conflicts: 0, updated: 0, merged: 0 } });
    expect(await dump(b)).toEqual(afterFirst);

    const entries = await timelineOf(b);
    expect(entries.filter((e) => e.kind === 'handover')).toHaveLength(1);
    expect(entries.find((e) => e.kind === 'handover')).toMatchObject({ at: T1.toISOString(), handover: { senderName: 'Aiko Tanaka', receivedAt: T2.toISOString() } });
    const notes = entries.flatMap((e) => (e.kind === 'interaction' ? [e.interaction.notes] : []));
    expect(notes).toEqual(['Kickoff went well']);
    // The same entries as the sender's, but for the marker.
    const senderIds = (await timelineOf(a)).filter((e) => !(e.kind === 'interaction' && e.interaction.internalOnly)).map((e) => e.id).sort();
    expect(entries.filter((e) => e.kind !== 'handover').map((e) => e.id).sort()).toEqual(senderIds);
  });

  it('keeps both versions of a note both sides changed, visibly and once', async () => {
    const a = await senderProfile();
    const b = await openAdoptionDb(uniqueDbName());
    await importHandover(b, parseHandover(await exported(a)), T2);
    await editNote(b, 'note-1', 'Kickoff went well — B’s correction', new Date('2026-11-23T10:00:00Z'));
    await editNote(a, 'note-1', 'Kickoff went well — A’s addendum', new Date('2026-11-23T11:00:00Z'));
    const again = await exported(a, false, new Date('2026-11-24T10:00:00Z'));
    const result = await importHandover(b, parseHandover(again), new Date('2026-11-25T10:00:00Z'));
    expect(result.counts).toMatchObject({ conflicts: 1, added: 0 });
    const twice = await importHandover(b, parseHandover(again), new Date('2026-11-26T10:00:00Z'));
    expect(twice).toMatchObject({ again: true, counts: { conflicts: 0, added: 0 } });

    expect((await interaction(b, 'note-1')).notes).toBe('Kickoff went well — B’s correction');
    const entries = await timelineOf(b);
    const versions = entries.filter((e) => e.kind === 'handover-version');
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: { senderName: 'Aiko Tanaka', entry: { store: 'interactions', record: { id: 'note-1', notes: 'Kickoff went well — A’s addendum' } } } });
    expect(entries.filter((e) => e.kind === 'handover')).toHaveLength(2);

    // Taking the sender's version makes it the record, and the version leaves the timeline.
    const id = versions[0]?.id ?? '';
    expect(await resolveVersion(b, id, 'take', new Date('2026-11-27T10:00:00Z'))).toBe(ACCOUNT_KEY);
    expect(await interaction(b, 'note-1')).toMatchObject({ notes: 'Kickoff went well — A’s addendum', revision: 2 });
    expect((await timelineOf(b)).filter((e) => e.kind === 'handover-version')).toHaveLength(0);
    await expect(resolveVersion(b, id, 'dismiss', T2)).rejects.toMatchObject({ code: 'gone' });
    // And importing the package again does not bring the version back.
    await importHandover(b, parseHandover(again), new Date('2026-11-28T10:00:00Z'));
    expect((await timelineOf(b)).filter((e) => e.kind === 'handover-version')).toHaveLength(0);
  });

  it('takes the sender’s newer version of a record the receiver left as received, and never brings back one it deleted', async () => {
    const a = await senderProfile();
    const b = await openAdoptionDb(uniqueDbName());
    await importHandover(b, parseHandover(await exported(a)), T2);
    await editNote(a, 'note-1', 'Kickoff went well, follow-up booked', new Date('2026-11-23T11:00:00Z'));
    const signal = (await b.getAll('signals'))[0];
    if (!signal) throw new Error('no signal');
    await b.delete('signals', signal.id);
    const result = await importHandover(b, parseHandover(await exported(a, false, new Date('2026-11-24T10:00:00Z'))), new Date('2026-11-25T10:00:00Z'));
    expect(result.counts).toMatchObject({ updated: 1, conflicts: 0, added: 0 });
    expect((await interaction(b, 'note-1')).notes).toBe('Kickoff went well, follow-up booked');
    expect(await b.getAll('signals')).toEqual([]);
  });

  it('merges goals’ status histories by union, and keeps the sender’s version when the rest differs too', async () => {
    const a = await senderProfile();
    const b = await openAdoptionDb(uniqueDbName());
    await importHandover(b, parseHandover(await exported(a)), T2);
    const atA = { status: 'partial-expected' as const, changedAt: '2026-11-23T00:00:00.000Z', perceivedBy: 'Aiko', reason: 'pilot team live' };
    const atB = { status: 'no-outlook' as const, changedAt: '2026-11-23T12:00:00.000Z', perceivedBy: 'Ben', reason: 'sponsor left' };
    const base = goal();
    await saveEntry(a, { store: 'goals', record: { ...base, statusHistory: [...base.statusHistory, atA] } }, 0, new Date('2026-11-23T01:00:00Z'));
    await saveEntry(b, { store: 'goals', record: { ...base, title: 'Roll out to sales and support', statusHistory: [...base.statusHistory, atB] } }, 0, new Date('2026-11-23T13:00:00Z'));
    const result = await importHandover(b, parseHandover(await exported(a, false, new Date('2026-11-24T10:00:00Z'))), new Date('2026-11-25T10:00:00Z'));
    expect(result.counts).toMatchObject({ merged: 1, conflicts: 1 });
    const merged = await b.get('goals', 'goal-1');
    expect(merged?.title).toBe('Roll out to sales and support');
    expect(merged?.statusHistory.map((c) => c.status)).toEqual(['working', 'partial-expected', 'no-outlook']);
    expect((await timelineOf(b)).filter((e) => e.kind === 'handover-version')).toHaveLength(1);
  });

  it('adds to an account the receiver already has, keeping the receiver’s own records and links', async () => {
    const a = await senderProfile();
    const b = await openAdoptionDb(uniqueDbName());
    await recordVisit(b, reading({ visitId: 'b-visit' }), T0, () => 'b-snapshot');
    await saveLoggedTouch(b, recordsFromQuickLog(quickLogForm({ notes: 'B’s own note' }), ACCOUNT_KEY, T0, () => 'b-note'));
    await b.put('usageLinks', { sourceAccountKey: 'id:GX', accountKey: OTHER_KEY, how: 'manual', linkedAt: T0.toISOString() });
    await a.put('usageLinks', { sourceAccountKey: 'id:GX', accountKey: ACCOUNT_KEY, how: 'manual', linkedAt: T0.toISOString() });
    const result = await importHandover(b, parseHandover(await exported(a)), T2);
    expect(result).toMatchObject({ newAccounts: 0, counts: { linksKept: 1, conflicts: 0 } });
    expect((await b.getAll('interactions')).map((i) => i.notes).sort()).toEqual(['B’s own note', 'Kickoff went well']);
    expect((await b.get('usageLinks', 'id:GX'))?.accountKey).toBe(OTHER_KEY);
  });

  it('refuses a bad or foreign file with the reason, and changes nothing', async () => {
    const a = await senderProfile();
    const text = await exported(a);
    const b = await openAdoptionDb(uniqueDbName());
    await saveLoggedTouch(b, recordsFromQuickLog(quickLogForm({ notes: 'B’s own note' }), ACCOUNT_KEY, T0, () => 'b-note'));
    const before = await dump(b);
    const refusal = (bad: string) => {
      try {
        parseHandover(bad);
      } catch (error) {
        return error instanceof AppError ? { code: error.code, detail: error.detail } : { code: 'thrown', detail: String(error) };
      }
      return null;
    };
    const edited = (change: (h: Handover) => unknown) => {
      const copy = JSON.parse(text) as Handover;
      change(copy);
      return JSON.stringify(copy);
    };
    expect(refusal('{"format": "adoption-sidebar-hando')).toMatchObject({ code: 'handover-not-json' });
    expect(refusal('{"hello": 1}')).toMatchObject({ code: 'invalid-handover' });
    expect(refusal(JSON.stringify((await exportBackup(a, T1)).backup))).toMatchObject({ code: 'handover-is-backup' });
    expect(refusal(edited((h) => Object.assign(h, { version: 2 })))).toMatchObject({ code: 'unsupported-handover', detail: '2' });
    expect(refusal(edited((h) => Object.assign(h.accounts[0]?.interactions[0] ?? {}, { occurredAt: 'yesterday' })))).toMatchObject({ code: 'invalid-handover', detail: expect.stringContaining('accounts.0.interactions.0.occurredAt') });
    // Records smuggled under another account, internal notes in a package that says it has none, no sender.
    expect(refusal(edited((h) => Object.assign(h.accounts[0]?.interactions[0] ?? {}, { accountKey: OTHER_KEY })))).toMatchObject({ code: 'invalid-handover', detail: expect.stringContaining('belongs to another account') });
    expect(refusal(edited((h) => Object.assign(h.accounts[0]?.interactions[0] ?? {}, { internalOnly: true })))).toMatchObject({ code: 'invalid-handover', detail: expect.stringContaining('internal-only') });
    expect(refusal(edited((h) => Object.assign(h, { sender: { name: ' ' } })))).toMatchObject({ code: 'invalid-handover', detail: expect.stringContaining('sender.name') });
    expect(await dump(b)).toEqual(before);
    // A health the receiver cannot read is informational only: dropped, not refused.
    expect(parseHandover(edited((h) => Object.assign(h.accounts[0] ?? {}, { health: { score: 'high' } }))).accounts[0]?.health).toBeNull();
  });

  it('rides along in backups (version 4 and later), and older backups read with none', async () => {
    const a = await senderProfile();
    const b = await openAdoptionDb(uniqueDbName());
    await importHandover(b, parseHandover(await exported(a)), T2);
    const { backup } = await exportBackup(b, T2);
    expect(backup.version).toBe(BACKUP_VERSION);
    expect(backup.records.handovers).toHaveLength(1);
    const c = await openAdoptionDb(uniqueDbName());
    await restoreBackup(c, parseBackup(JSON.stringify(backup)));
    expect((await timelineOf(c)).filter((e) => e.kind === 'handover')).toHaveLength(1);
    // As version 3 wrote it: no handovers, usage by month.
    const { usageYears, handovers: _, ...records } = backup.records;
    const v3 = { ...backup, version: 3, records: { ...records, usageMonths: monthsOfYears(usageYears) } };
    expect(parseBackup(JSON.stringify(v3)).records.handovers).toEqual([]);
  });
});
