// @vitest-environment node
// Node's own fetch reaches the local API server (happy-dom's would apply a page's CORS rules).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackgroundDeps } from '../background/deps';
import { settingsPageCalls, writeBackDeps } from '@/tests/unit/write-back';
import { openAdoptionDb } from '../db/open';
import { recordVisit } from '../store/visit';
import { dynamicsWriter, PHONECALL_DESCRIPTION_MAX } from './dynamics';
import { getWrite } from './store';
import { reading, sequentialIds, uniqueDbName } from '@/tests/unit/factories';
import { startDynamicsApi, type DynamicsApi } from '@/scripts/lib/dynamics-api.mjs';
import { routedFetch } from '@/scripts/lib/routed-fetch.mjs';
import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';

const ORG_HOST = 'contoso.crm4.dynamics.com';
const ACCOUNT_ID = '7d5e3c1a-2b4f-4e6a-9c8d-0f1e2d3c4b5a';
const ACCOUNT = `dynamics:${ORG_HOST}:${ACCOUNT_ID}`;
const COOKIE = 'CfDJ8-signed-in-session';

describe('touches written to Dynamics 365', () => {
  let api: DynamicsApi;
  let db: IDBPDatabase<AdoptionDb>;
  let deps: BackgroundDeps;
  let clock: number;
  /** The org's session cookie the browser holds (null: signed out). */
  let cookie: string | null;

  const { ok, log, written } = settingsPageCalls(() => deps, ACCOUNT);
  const calls = () => api.phoneCalls();
  const statuses = () => ok<{ state: string; lastError: { code: string; detail: string } | null }[]>({ type: 'crmWrite.statuses', accountKey: ACCOUNT });

  beforeEach(async () => {
    api = await startDynamicsApi({ sessionCookie: COOKIE });
    db = await openAdoptionDb(uniqueDbName());
    clock = Date.parse('2026-11-25T10:00:00Z');
    cookie = COOKIE;
    const writer = dynamicsWriter(routedFetch({ [ORG_HOST]: api.origin }, { cookies: (host) => (host === ORG_HOST && cookie ? `ReqClientId=abc; CrmOwinAuth=${cookie}` : null) }));
    deps = writeBackDeps(db, () => new Date(clock), 'dynamics', writer);
    // The account as the Unified Interface form showed it.
    await recordVisit(
      db,
      reading({
        accountKey: ACCOUNT,
        crm: 'dynamics',
        recordId: ACCOUNT_ID,
        url: `https://${ORG_HOST}/main.aspx?appid=4e1c1f0e-5b7a-4c3d-9e2f-1a2b3c4d5e6f&pagetype=entityrecord&etn=account&id=${ACCOUNT_ID}`,
        name: 'Contoso Pharmaceuticals',
        fields: [{ key: 'name', label: 'Account Name', value: 'Contoso Pharmaceuticals' }],
      }),
      new Date(clock),
      sequentialIds,
    );
    await ok({ type: 'crmWrite.switch', crm: 'dynamics', on: true });
  });
  afterEach(async () => {
    db.close();
    await api.close();
  });

  it('writes nothing while logging to the CRM is off (the default)', async () => {
    await ok({ type: 'crmWrite.switch', crm: 'dynamics', on: false });
    await log('Quarterly check-in');
    await written();
    expect(api.requests).toEqual([]);
  });

  it('writes a saved touch once, as a phone call regarding the account, with the browser’s session and no token', async () => {
    const touch = await log('Renewal call with Priya\nShe asked about SSO again.', {
      type: 'call',
      nextSteps: [{ text: 'Send the SSO guide', dueDate: '2026-11-30' }],
      signals: [{ kind: 'roi-questioned', otherLabel: '', polarity: 'risk', severity: 'medium', stakeholderId: null, whatHappened: 'CFO asked what they get for the price', howTheyFeel: '' }],
    });
    await written();
    expect(calls()).toHaveLength(1);
    const [call] = calls();
    expect(call).toMatchObject({
      _regardingobjectid_value: ACCOUNT_ID,
      subject: 'Call: Renewal call with Priya',
      actualend: '2026-11-20T10:00:00.000Z',
      scheduledend: '2026-11-20T10:00:00.000Z',
      directioncode: true,
      // Left open: statecode cannot be set on create, and a completed call could not be edited.
      statecode: 0,
    });
    expect(call?.description).toContain('She asked about SSO again.');
    expect(call?.description).toContain('- Send the SSO guide (due 2026-11-30)');
    expect(call?.description).toContain('- ROI questioned (Risk): CFO asked what they get for the price');
    expect(call?.description).toContain(`[adoption-sidebar:${touch.interaction.id}]`);
    const [request] = api.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/api/data/v9.2/phonecalls', host: ORG_HOST, cookie: COOKIE });
    expect(request?.headers).toMatchObject({ accept: 'application/json', 'odata-version': '4.0', 'odata-maxversion': '4.0', 'content-type': 'application/json; charset=utf-8' });
    expect(request?.headers.authorization).toBeUndefined();
    expect(await statuses()).toEqual([expect.objectContaining({ state: 'written', lastError: null })]);
    expect(await getWrite(db, touch.interaction.id)).toMatchObject({ activityId: call?.activityid });
  });

  it('updates the same phone call when the touch is edited, and never makes a second one', async () => {
    const touch = await log('First version');
    await written();
    await ok({ type: 'entry.save', entry: { store: 'interactions', record: { ...touch.interaction, notes: 'Second version, after the call' } }, baseRevision: touch.interaction.revision });
    await written();
    expect(calls()).toHaveLength(1);
    expect(calls()[0]?.description).toContain('Second version, after the call');
    expect(api.requests.map((r) => r.method)).toEqual(['POST', 'PATCH']);
    // Never an upsert: a phone call deleted in the CRM is not made again behind the CSM's back.
    expect(api.requests[1]?.headers['if-match']).toBe('*');
  });

  it('says the phone call is gone when it was deleted in the CRM, rather than recreating it', async () => {
    const touch = await log('Deleted in Dynamics later');
    await written();
    api.activities.clear();
    await ok({ type: 'entry.save', entry: { store: 'interactions', record: { ...touch.interaction, notes: 'Edited after the deletion' } }, baseRevision: touch.interaction.revision });
    await written();
    expect(await getWrite(db, touch.interaction.id)).toMatchObject({ state: 'failed', lastError: { code: 'crm-gone' } });
    expect(calls()).toHaveLength(0);
  });

  it('keeps a touch queued through server errors and the service protection limit, honouring Retry-After', async () => {
    api.fail('unavailable');
    const touch = await log('Written after the outage');
    await written();
    let write = await getWrite(db, touch.interaction.id);
    expect(write).toMatchObject({ state: 'waiting', attempts: 1, lastError: { code: 'crm-server' } });
    expect(Date.parse(write!.nextAttemptAt) - clock).toBe(30_000);

    api.fail('limit');
    clock += 30_000;
    await deps.crmOutbox.kick();
    write = await getWrite(db, touch.interaction.id);
    expect(write).toMatchObject({ state: 'waiting', attempts: 2, lastError: { code: 'crm-rate-limit', detail: expect.stringContaining('0x80072322') } });
    // Retry-After: 90 outweighs the minute of backoff.
    expect(Date.parse(write!.nextAttemptAt) - clock).toBe(90_000);

    clock += 90_000;
    await deps.crmOutbox.kick();
    expect(calls()).toHaveLength(1);
    expect(await getWrite(db, touch.interaction.id)).toMatchObject({ state: 'written', attempts: 0, lastError: null });
  });

  it('finds the phone call a lost answer left behind instead of creating a second one', async () => {
    api.fail('drop');
    const touch = await log('The answer to this create never arrives');
    await written();
    expect(calls()).toHaveLength(1);
    expect(await getWrite(db, touch.interaction.id)).toMatchObject({ state: 'waiting', lastError: { code: 'crm-offline' }, activityId: null });
    clock += 30_000;
    await deps.crmOutbox.kick();
    expect(calls()).toHaveLength(1);
    expect(await getWrite(db, touch.interaction.id)).toMatchObject({ state: 'written', activityId: calls()[0]?.activityid });
    expect(api.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'PATCH']);
    expect(decodeURIComponent(api.requests[1]?.search ?? '')).toContain(`$filter=_regardingobjectid_value eq ${ACCOUNT_ID} and createdon ge `);
  });

  it('says in words when the CSM is signed out or the session expired, and writes once signed in again', async () => {
    cookie = null;
    const touch = await log('While signed out');
    await written();
    expect((await statuses())[0]?.lastError).toEqual({ code: 'crm-session', detail: `signed out of ${ORG_HOST} (HTTP 401)` });

    // An expired session: Dynamics sends the browser to Microsoft's sign-in page.
    cookie = 'CfDJ8-expired';
    await ok({ type: 'crmWrite.retry', interactionId: touch.interaction.id });
    await written();
    expect((await statuses())[0]?.lastError).toEqual({ code: 'crm-session', detail: `signed out of ${ORG_HOST}: it answered with the Microsoft sign-in page` });
    expect(calls()).toHaveLength(0);

    cookie = COOKIE;
    await ok({ type: 'crmWrite.retry', interactionId: touch.interaction.id });
    await written();
    expect(calls()).toHaveLength(1);
  });

  it('stops and explains when the CSM’s security role lacks the privilege', async () => {
    api.fail('privilege', 5);
    const touch = await log('No privilege');
    await written();
    expect(await getWrite(db, touch.interaction.id)).toMatchObject({ state: 'failed', lastError: { code: 'crm-rejected', detail: expect.stringMatching(/^0x80040220: .*missing prvCreateActivity privilege/) } });
    clock += 3_600_000;
    await deps.crmOutbox.kick();
    expect(api.requests).toHaveLength(1);
  });

  it('cuts long notes to the 2,000 characters of a phone call’s description, keeping the reference', async () => {
    const touch = await log(`Long call\n${'A detailed paragraph about the rollout. '.repeat(200)}`);
    await written();
    const description = calls()[0]?.description ?? '';
    expect(await getWrite(db, touch.interaction.id)).toMatchObject({ state: 'written' });
    expect(description.length).toBeLessThanOrEqual(PHONECALL_DESCRIPTION_MAX);
    expect(description).toContain('Long call');
    expect(description.endsWith(`[adoption-sidebar:${touch.interaction.id}]`)).toBe(true);
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
    expect(calls()).toHaveLength(1);
    expect(calls()[0]?.description).not.toContain('Now private');
    expect(await getWrite(db, touch.interaction.id)).toMatchObject({ state: 'withheld' });
  });

  it('reads the team’s touches on the account with their authors’ names, leaving out the CSM’s own', async () => {
    await log('My own call');
    await written();
    api.addTeamPhoneCall({ accountId: ACCOUNT_ID, subject: 'Pricing call', description: 'AE: discussed the renewal quote', by: 'Alex AE' });
    const { touches } = await ok<{ touches: { subject: string; by: string; body: string }[] }>({ type: 'teamTouches.read', accountKey: ACCOUNT });
    expect(touches).toEqual([expect.objectContaining({ subject: 'Pricing call', by: 'Alex AE', body: 'AE: discussed the renewal quote' })]);
    const read = api.requests.at(-1);
    expect(read?.path).toBe('/api/data/v9.2/activitypointers');
    expect(read?.headers.prefer).toBe('odata.include-annotations="OData.Community.Display.V1.FormattedValue"');
  });
});
