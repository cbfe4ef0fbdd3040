import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAdoptionDb } from '../db/open';
import { recordVisit } from '../store/visit';
import { recordsFromQuickLog, saveLoggedTouch } from '../store/quick-log';
import { saveDraft } from '../store/drafts';
import { EMPTY_QUICK_LOG } from '../model/quick-log';
import { CsmSettings } from '../model/settings';
import { saveSettings } from '../store/settings';
import { accountHealth } from '../store/health';
import { storeUsageImport, usageSeriesForAccount } from '../usage/store';
import { groupIntoMonths } from '../usage/months';
import { parseBackup } from './parse';
import { BACKUP_VERSION } from './format';
import { layMonthsIntoYears, monthsOfYears } from '../model/usage-year';
import { exportBackup, restoreBackup } from './store';
import { readAccountRecord } from '../store/account-record';
import { getDraft } from '../store/drafts';
import { SiteDefinition } from '../model/site-definition';
import { saveSiteDefinition, siteDefinitions } from '../store/site-definitions';
import kintoneDefinition from '@/tests/fixtures/taught-sites/kintone-definition.json';
import { ACCOUNT_KEY, LEGACY_ACCOUNT_KEY, quickLogForm, reading, sequentialIds, uniqueDbName } from '@/tests/unit/factories';

const fixture = (name: string) => readFileSync(resolve('tests/fixtures/backups', name), 'utf8');

async function populatedDb() {
  const db = await openAdoptionDb(uniqueDbName());
  await recordVisit(db, reading(), new Date('2026-11-01T09:00:00Z'), sequentialIds);
  await saveLoggedTouch(
    db,
    recordsFromQuickLog(
      quickLogForm({ newAttendees: ['Aiko Tanaka'], signals: [{ kind: 'advocacy', otherLabel: '', polarity: 'opportunity', severity: 'low', stakeholderId: null, whatHappened: 'Offered a case study', howTheyFeel: '' }] }),
      ACCOUNT_KEY,
      new Date('2026-11-20T10:05:00Z'),
      sequentialIds,
    ),
  );
  await saveSettings(db, { ...CsmSettings.parse({}), toneStaleDays: 21, competitorNames: ['Gainsight', 'コミューン'], ownPhrases: [{ kind: 'unresolved-issue', phrase: 'SAML地獄' }] });
  await saveDraft(db, { id: 'draft-1', accountKey: ACCOUNT_KEY, form: { ...EMPTY_QUICK_LOG, type: 'meeting', tone: 'hesitant', notes: 'unsent' }, updatedAt: '2026-11-21T00:00:00.000Z' });
  const account = { id: 'GX-1', domain: 'globex.example', name: 'Globex' };
  const usage = [1, 2].map((d) => ({ id: `u${d}`, sourceAccountKey: 'id:GX-1', account, date: `2026-11-0${d}`, metric: 'activeUsers' as const, subscription: '', value: 10 + d, importedAt: '2026-11-20T00:00:00.000Z', source: 'usage.csv' }));
  await storeUsageImport(db, {
    years: layMonthsIntoYears(new Map(), groupIntoMonths(usage, '2026-11-20T00:00:00.000Z')),
    links: [{ sourceAccountKey: 'id:GX-1', accountKey: ACCOUNT_KEY, how: 'manual', linkedAt: '2026-11-20T00:00:00.000Z' }],
    mapping: { signature: 'headers:2:abc', mapping: { columns: [{ header: 'Date', role: 'date', feature: '' }, { header: 'Users', role: 'activeUsers', feature: '' }], dateOrder: 'auto' } },
  });
  await accountHealth(db, ACCOUNT_KEY, CsmSettings.parse({}).healthWeights, new Date('2026-11-22T12:00:00'));
  return db;
}

async function dump(db: Awaited<ReturnType<typeof openAdoptionDb>>) {
  const stores = ['accounts', 'snapshots', 'interactions', 'drafts', 'goals', 'signals', 'stakeholders', 'settings', 'usageYears', 'usageLinks', 'usageMappings', 'healthHistory', 'handovers'] as const;
  return Object.fromEntries(await Promise.all(stores.map(async (s) => [s, await db.getAll(s)])));
}

describe('backup', () => {
  it('carries the taught sites', async () => {
    const source = await openAdoptionDb(uniqueDbName());
    const definition = SiteDefinition.parse(kintoneDefinition);
    await saveSiteDefinition(source, definition);
    const { backup } = await exportBackup(source, new Date('2026-11-25T00:00:00Z'));
    expect(backup.records.settings).toContainEqual({ key: 'site-definitions', value: [definition] });
    const target = await openAdoptionDb(uniqueDbName());
    await restoreBackup(target, parseBackup(JSON.stringify(backup)));
    expect(await siteDefinitions(target)).toEqual([definition]);
  });

  it('restores everything into an empty database, and twice without duplicates', async () => {
    const source = await populatedDb();
    const { backup, damaged } = await exportBackup(source, new Date('2026-11-25T00:00:00Z'));
    expect(damaged).toBe(0);
    const text = JSON.stringify(backup);

    const target = await openAdoptionDb(uniqueDbName());
    expect(await restoreBackup(target, parseBackup(text))).toEqual({ accounts: 1, snapshots: 1, interactions: 1, drafts: 1, goals: 0, signals: 1, stakeholders: 1, settings: 1, usageYears: 1, usageLinks: 1, usageMappings: 1, healthHistory: 1, handovers: 0 });
    await restoreBackup(target, parseBackup(text));
    expect(await dump(target)).toEqual(await dump(source));
    // The suggestions' competitors and own phrases travel with the backup.
    expect(await target.get('settings', 'csm')).toMatchObject({ competitorNames: ['Gainsight', 'コミューン'], ownPhrases: [{ kind: 'unresolved-issue', phrase: 'SAML地獄' }] });
  });

  it('reads the documented version-1 example file', async () => {
    const backup = parseBackup(fixture('v1-example.json'));
    expect(backup.records.interactions.map((i) => i.notes)).toEqual(['Renewal call: happy with onboarding, asked about SSO.']);
    expect(backup.records.accounts[0]?.name).toBe('Globex Corporation');
    expect(backup.records.goals[0]?.statusHistory.map((c) => c.status)).toEqual(['working', 'partial-expected']);
    expect(backup.records.signals[0]?.kind).toBe('competitor-mentioned');
    expect(backup.records.stakeholders[0]?.role).toBe('champion');
    // Upgraded on import: version 1 had no usage data nor health history, and keyed accounts
    // without their org (the account's address names it: acme).
    expect(backup.version).toBe(BACKUP_VERSION);
    expect(backup.records.usageYears).toEqual([]);
    expect(backup.records.healthHistory).toEqual([]);
    const keys = [backup.records.accounts[0]?.key, ...(['snapshots', 'interactions', 'goals', 'signals', 'stakeholders'] as const).flatMap((s) => backup.records[s].map((r) => r.accountKey))];
    expect(new Set(keys)).toEqual(new Set([ACCOUNT_KEY]));
  });

  it('moves the accounts of a version-2 backup to their org’s key, into an account visited since', async () => {
    const source = await populatedDb();
    const { backup } = await exportBackup(source, new Date('2026-11-25T00:00:00Z'));
    // The same data as version 2 wrote it: usage by month, accounts keyed without the org.
    const { usageYears, handovers: _, ...records } = backup.records;
    const old = JSON.stringify({ ...backup, version: 2, records: { ...records, usageMonths: monthsOfYears(usageYears) } }).replaceAll(`"${ACCOUNT_KEY}"`, `"${LEGACY_ACCOUNT_KEY}"`);
    expect(old).toContain(LEGACY_ACCOUNT_KEY);
    const target = await openAdoptionDb(uniqueDbName());
    await recordVisit(target, reading({ visitId: 'after-the-update' }), new Date('2026-12-01T09:00:00Z'), sequentialIds);
    await restoreBackup(target, parseBackup(old));

    const record = await readAccountRecord(target, ACCOUNT_KEY);
    expect(record?.interactions.map((i) => i.notes)).toEqual(['Kickoff went well']);
    expect(record?.signals.map((s) => s.kind)).toEqual(['advocacy']);
    expect(record?.stakeholders.map((p) => p.name)).toEqual(['Aiko Tanaka']);
    expect((await getDraft(target, ACCOUNT_KEY))?.form.notes).toBe('unsent');
    expect((await target.getAll('usageLinks')).map((l) => l.accountKey)).toEqual([ACCOUNT_KEY]);
    expect((await target.getAll('healthHistory')).map((h) => h.accountKey)).toEqual([ACCOUNT_KEY]);
    expect(JSON.stringify(await dump(target))).not.toContain(`"${LEGACY_ACCOUNT_KEY}"`);
  });

  it('moves the usage months of a version-4 backup into their years', async () => {
    const source = await populatedDb();
    const { backup } = await exportBackup(source, new Date('2026-11-25T00:00:00Z'));
    const { usageYears, ...records } = backup.records;
    const months = monthsOfYears(usageYears);
    expect(months).toHaveLength(1);
    const old = { ...backup, version: 4, records: { ...records, usageMonths: months } };
    const target = await openAdoptionDb(uniqueDbName());
    await restoreBackup(target, parseBackup(JSON.stringify(old)));
    expect(await dump(target)).toEqual(await dump(source));
    expect((await usageSeriesForAccount(target, ACCOUNT_KEY))[0]?.points).toEqual([{ date: '2026-11-01', value: 11 }, { date: '2026-11-02', value: 12 }]);

    const bad = { ...old, records: { ...old.records, usageMonths: [{ ...months[0], days: [1, 2] }] } };
    expect(() => parseBackup(JSON.stringify(bad))).toThrow(expect.objectContaining({ code: 'invalid-backup', detail: expect.stringContaining('records.usageMonths.0.days') }));
  });

  it.each([
    ['not JSON at all', 'hello', 'backup-not-json'],
    ['a truncated file', fixture('v1-example.json').slice(0, 200), 'backup-not-json'],
    ['another program’s JSON', '{"items": []}', 'invalid-backup'],
    ['a backup from a newer version', '{"format":"adoption-sidebar-backup","version":99,"records":{}}', 'unsupported-backup'],
    ['a backup with a bad record', fixture('v1-example.json').replace('"type": "call"', '"type": "fax"'), 'invalid-backup'],
  ])('refuses %s with a reason', (_, text, code) => {
    expect(() => parseBackup(text)).toThrow(expect.objectContaining({ code }));
  });

  it('names the bad record in the reason', () => {
    const text = fixture('v1-example.json').replace('"type": "call"', '"type": "fax"');
    expect(() => parseBackup(text)).toThrow(expect.objectContaining({ detail: expect.stringContaining('records.interactions.0.type') }));
  });

  it('accepts a file saved with a byte-order mark', () => {
    expect(parseBackup('\uFEFF' + fixture('v1-example.json')).records.accounts).toHaveLength(1);
  });

  it('leaves stored data unchanged when a restore fails part-way', async () => {
    const db = await populatedDb();
    const before = await dump(db);
    const backup = parseBackup(fixture('v1-example.json'));
    // A record that passes validation but that IndexedDB cannot store (a key path value that is not a valid key).
    const broken = { ...backup, records: { ...backup.records, interactions: [...backup.records.interactions, { ...backup.records.interactions[0]!, id: undefined as unknown as string }] } };
    await expect(restoreBackup(db, broken)).rejects.toBeTruthy();
    expect(await dump(db)).toEqual(before);
  });
});
