// @vitest-environment node
// Node's own fetch reaches the local API server (happy-dom's would apply a page's CORS rules).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackgroundDeps } from '../background/deps';
import { settingsPageCalls, writeBackDeps } from '@/tests/unit/write-back';
import { openAdoptionDb } from '../db/open';
import { recordVisit } from '../store/visit';
import { exportBackup } from '../backup/store';
import { salesforceWriter } from './salesforce';
import { getWrite } from './store';
import { ACCOUNT_KEY, reading, sequentialIds, uniqueDbName } from '@/tests/unit/factories';
import { startSalesforceApi, type SalesforceApi } from '@/scripts/lib/salesforce-api.mjs';
import { routedFetch } from '@/scripts/lib/routed-fetch.mjs';
import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';

const SID = '00Dxx0000001gEH!session';
const API_HOST = 'acme.my.salesforce.com';

describe('touches written to Salesforce', () => {
  let api: SalesforceApi;
  let db: IDBPDatabase<AdoptionDb>;
  let deps: BackgroundDeps;
  let clock: number;
  let session: string | null;

  const { ok, log, written } = settingsPageCalls(() => deps, ACCOUNT_KEY);
  const tasks = () => [...api.tasks.values()];

  beforeEach(async () => {
    api = await startSalesforceApi({ sessions: [SID] });
    db = await openAdoptionDb(uniqueDbName());
    clock = Date.parse('2026-11-25T10:00:00Z');
    session = SID;
    const writer = salesforceWriter(routedFetch({ [API_HOST]: api.origin }), async (host) => (host === API_HOST ? session : null));
    deps = writeBackDeps(db, () => new Date(clock), 'salesforce', writer);
    // The account as the Lightning page showed it: its address names the org's My Domain.
    await recordVisit(db, reading(), new Date(clock), sequentialIds);
    await ok({ type: 'crmWrite.switch', crm: 'salesforce', on: true });
  });
  afterEach(async () => {
    db.close();
    await api.close();
  });

  it('writes nothing while logging to the CRM is off (the default)', async () => {
    await ok({ type: 'crmWrite.switch', crm: 'salesforce', on: false });
    await log('Quarterly check-in');
    await written();
    expect(api.requests).toEqual([]);
    expect(await getWrite(db, (await log('Another')).interaction.id)).toBeUndefined();
  });

  it('writes a saved touch once, as a completed Task on the account with the notes, next steps and signals in words', async () => {
    const touch = await log('Renewal call with Priya\nShe asked about SSO again.', {
      type: 'call',
      nextSteps: [{ text: 'Send the SSO guide', dueDate: '2026-11-30' }],
      signals: [{ kind: 'roi-questioned', otherLabel: '', polarity: 'risk', severity: 'medium', stakeholderId: null, whatHappened: 'CFO asked what they get for the price', howTheyFeel: '' }],
    });
    await written();
    expect(tasks()).toHaveLength(1);
    const [task] = tasks();
    expect(task).toMatchObject({ WhatId: '001Dn00000ABCDEAA1', Status: 'Completed', TaskSubtype: 'Call', Type: 'Call', ActivityDate: '2026-11-20', Subject: 'Call: Renewal call with Priya' });
    expect(task?.Description).toContain('She asked about SSO again.');
    expect(task?.Description).toContain('- Send the SSO guide (due 2026-11-30)');
    expect(task?.Description).toContain('- ROI questioned (Risk): CFO asked what they get for the price');
    expect(task?.Description).toContain(`[adoption-sidebar:${touch.interaction.id}]`);
    expect(api.requests.every((r) => r.host === API_HOST)).toBe(true);
    expect(await ok({ type: 'crmWrite.statuses', accountKey: ACCOUNT_KEY })).toEqual([expect.objectContaining({ interactionId: touch.interaction.id, state: 'written', lastError: null })]);
  });

  it('updates the same Task when the touch is edited, and never makes a second one', async () => {
    const touch = await log('First version');
    await written();
    const edited = { ...touch.interaction, notes: 'Second version, after the call' };
    await ok({ type: 'entry.save', entry: { store: 'interactions', record: edited }, baseRevision: touch.interaction.revision });
    await written();
    // Saved again unchanged: already written at that revision, nothing is sent.
    const sent = api.requests.length;
    expect(tasks()).toHaveLength(1);
    expect(tasks()[0]?.Description).toContain('Second version, after the call');
    expect(api.requests.map((r) => r.method)).toEqual(['POST', 'PATCH']);
    await deps.crmOutbox.saved([touch.interaction.id]);
    await written();
    expect(api.requests.length).toBe(sent);
  });

  it('keeps a touch queued through server errors and rate limits, and writes it once the server answers', async () => {
    api.fail('unavailable');
    const touch = await log('Written after the outage');
    await written();
    let write = await getWrite(db, touch.interaction.id);
    expect(write).toMatchObject({ state: 'waiting', attempts: 1, lastError: { code: 'crm-server' } });
    expect(Date.parse(write!.nextAttemptAt) - clock).toBe(30_000);

    // Not due yet: a drain now sends nothing.
    await deps.crmOutbox.kick();
    expect(tasks()).toHaveLength(0);

    api.fail('limit');
    clock += 30_000;
    await deps.crmOutbox.kick();
    write = await getWrite(db, touch.interaction.id);
    expect(write).toMatchObject({ state: 'waiting', attempts: 2, lastError: { code: 'crm-rate-limit' } });
    expect(Date.parse(write!.nextAttemptAt) - clock).toBe(60_000);

    clock += 60_000;
    await deps.crmOutbox.kick();
    expect(tasks()).toHaveLength(1);
    expect(await getWrite(db, touch.interaction.id)).toMatchObject({ state: 'written', attempts: 0, lastError: null });
  });

  it('finds the Task a lost answer left behind instead of creating a second one', async () => {
    api.fail('drop');
    const touch = await log('The answer to this create never arrives');
    await written();
    expect(tasks()).toHaveLength(1);
    expect(await getWrite(db, touch.interaction.id)).toMatchObject({ state: 'waiting', lastError: { code: 'crm-offline' }, activityId: null });
    clock += 30_000;
    await deps.crmOutbox.kick();
    expect(tasks()).toHaveLength(1);
    const write = await getWrite(db, touch.interaction.id);
    expect(write).toMatchObject({ state: 'written', activityId: tasks()[0]?.Id });
    expect(api.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'PATCH']);
  });

  it('says in words when the session expired, and writes once the CSM is signed in again', async () => {
    session = 'expired!session';
    const touch = await log('While signed out');
    await written();
    const reply = (await ok<{ lastError: { code: string; detail: string } | null }[]>({ type: 'crmWrite.statuses', accountKey: ACCOUNT_KEY }))[0];
    expect(reply?.lastError).toEqual({ code: 'crm-session', detail: 'INVALID_SESSION_ID: Session expired or invalid' });
    session = SID;
    await ok({ type: 'crmWrite.retry', interactionId: touch.interaction.id });
    await written();
    expect(tasks()).toHaveLength(1);
  });

  it('stops and explains when the org refuses browser sessions for its API (API Access Control)', async () => {
    api.fail('blocked', 5);
    const touch = await log('Blocked by the org');
    await written();
    expect(await getWrite(db, touch.interaction.id)).toMatchObject({ state: 'failed', lastError: { code: 'crm-api-blocked' } });
    // Not retried by itself: an admin must act first.
    clock += 3_600_000;
    await deps.crmOutbox.kick();
    expect(api.requests).toHaveLength(1);
  });

  it('never sends an internal-only touch, and stops updating one made internal-only after it was written', async () => {
    const secret = await log('Internal: pricing strategy', { internalOnly: true });
    await written();
    expect(api.requests).toEqual([]);
    expect(await getWrite(db, secret.interaction.id)).toBeUndefined();

    const touch = await log('Shared at first');
    await written();
    await ok({ type: 'entry.save', entry: { store: 'interactions', record: { ...touch.interaction, notes: 'Now private', internalOnly: true } }, baseRevision: touch.interaction.revision });
    await written();
    expect(tasks()).toHaveLength(1);
    expect(tasks()[0]?.Description).not.toContain('Now private');
    expect(await getWrite(db, touch.interaction.id)).toMatchObject({ state: 'withheld' });
  });

  it('leaves the CRM alone when a touch is deleted, and drops a write not made yet', async () => {
    const touch = await log('Deleted after it was written');
    await written();
    await ok({ type: 'entry.delete', store: 'interactions', id: touch.interaction.id });
    expect(tasks()).toHaveLength(1);
    session = null;
    const unsent = await log('Deleted before it could be written');
    await written();
    await ok({ type: 'entry.delete', store: 'interactions', id: unsent.interaction.id });
    expect(await getWrite(db, unsent.interaction.id)).toBeUndefined();
  });

  it('updates the Task when the sender’s version of a written touch is taken from a handover', async () => {
    const touch = await log('My version of the call');
    await written();
    const theirs = { ...touch.interaction, notes: 'The previous CSM’s version of the call', revision: touch.interaction.revision + 1, updatedAt: '2026-11-24T09:00:00.000Z' };
    await db.put('handovers', { type: 'version', id: 'version:1', accountKey: ACCOUNT_KEY, handoverId: 'h1', senderName: 'Aiko Tanaka', sentAt: '2026-11-24T10:00:00.000Z', receivedAt: '2026-11-25T09:00:00.000Z', entry: { store: 'interactions', record: theirs } });
    await ok({ type: 'handover.resolve', id: 'version:1', action: 'take' });
    await written();
    expect(tasks()).toHaveLength(1);
    expect(tasks()[0]?.Description).toContain('The previous CSM’s version of the call');
  });

  it('reads the team’s touches on the account, leaving out the CSM’s own', async () => {
    await log('My own call');
    await written();
    api.addTeamTask({ whatId: '001Dn00000ABCDEAA1', subject: 'Pricing call', description: 'AE: discussed the renewal quote', by: 'Alex AE' });
    const { touches } = await ok<{ touches: { subject: string; by: string; body: string }[] }>({ type: 'teamTouches.read', accountKey: ACCOUNT_KEY });
    expect(touches).toEqual([expect.objectContaining({ subject: 'Pricing call', by: 'Alex AE', body: 'AE: discussed the renewal quote' })]);
  });

  it('keeps the HubSpot token out of backups', async () => {
    await ok({ type: 'crmWrite.token', token: 'pat-na1-11111111-2222-3333-4444-555555555555' });
    expect(await ok({ type: 'crmWrite.summary' })).toMatchObject({ hasHubspotToken: true });
    const { backup } = await exportBackup(db, new Date(clock));
    expect(JSON.stringify(backup)).not.toContain('pat-na1-');
  });
});
