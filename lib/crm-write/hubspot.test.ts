// @vitest-environment node
// Node's own fetch reaches the local API server (happy-dom's would apply a page's CORS rules).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackgroundDeps } from '../background/deps';
import { settingsPageCalls, writeBackDeps } from '@/tests/unit/write-back';
import { openAdoptionDb } from '../db/open';
import { readSetting } from '../db/settings';
import { recordVisit } from '../store/visit';
import { exportBackup } from '../backup/store';
import { refOfBody } from './activity';
import { hubspotWriter, noteHtml, textOfNoteHtml } from './hubspot';
import { getWrite } from './store';
import { HUBSPOT_API_HOST } from './target';
import { CrmWriteError } from './writer';
import { reading, sequentialIds, uniqueDbName } from '@/tests/unit/factories';
import { startHubspotApi, type HubspotApi } from '@/scripts/lib/hubspot-api.mjs';
import { routedFetch } from '@/scripts/lib/routed-fetch.mjs';
import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';

const TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';
const PORTAL = '14589320';
const COMPANY = '9876543210';
const ACCOUNT = `hubspot:${PORTAL}:${COMPANY}`;

describe('touches written to HubSpot', () => {
  let api: HubspotApi;
  let db: IDBPDatabase<AdoptionDb>;
  let deps: BackgroundDeps;
  let clock: number;

  const { ok, log, written } = settingsPageCalls(() => deps, ACCOUNT);
  const notes = () => api.apiNotes();
  const statuses = () => ok<{ state: string; lastError: { code: string; detail: string } | null }[]>({ type: 'crmWrite.statuses', accountKey: ACCOUNT });
  // The browser's HubSpot session cookie: it must never go along (the token is the credential).
  const fetcher = () => routedFetch({ [HUBSPOT_API_HOST]: api.origin }, { cookies: () => 'hubspotapi=browser-session' });

  beforeEach(async () => {
    api = await startHubspotApi({ tokens: [TOKEN] });
    db = await openAdoptionDb(uniqueDbName());
    clock = Date.parse('2026-11-25T10:00:00Z');
    const writer = hubspotWriter(fetcher(), async () => (await readSetting(db, 'crm-tokens'))?.hubspot || null);
    deps = writeBackDeps(db, () => new Date(clock), 'hubspot', writer);
    // The company as HubSpot's record page showed it.
    await recordVisit(
      db,
      reading({
        accountKey: ACCOUNT,
        crm: 'hubspot',
        recordId: COMPANY,
        url: `https://app.hubspot.com/contacts/${PORTAL}/record/0-2/${COMPANY}`,
        name: 'Initech',
        fields: [{ key: 'name', label: 'Company name', value: 'Initech' }],
      }),
      new Date(clock),
      sequentialIds,
    );
    await ok({ type: 'crmWrite.token', token: TOKEN });
    await ok({ type: 'crmWrite.switch', crm: 'hubspot', on: true });
  });
  afterEach(async () => {
    db.close();
    await api.close();
  });

  it('writes nothing while logging to the CRM is off (the default)', async () => {
    await ok({ type: 'crmWrite.switch', crm: 'hubspot', on: false });
    await log('Quarterly check-in');
    await written();
    expect(api.requests).toEqual([]);
  });

  it('writes a saved touch once, as a note on the company, its text escaped into HubSpot’s rich text', async () => {
    const touch = await log('Renewal call with Priya\nShe asked about SSO & <SAML> again.', {
      type: 'call',
      nextSteps: [{ text: 'Send the SSO guide', dueDate: '2026-11-30' }],
      signals: [{ kind: 'roi-questioned', otherLabel: '', polarity: 'risk', severity: 'medium', stakeholderId: null, whatHappened: 'CFO asked what they get for the price', howTheyFeel: '' }],
    });
    await written();
    expect(notes()).toHaveLength(1);
    const [note] = notes();
    expect(note?.companies).toEqual([COMPANY]);
    expect(note?.properties.hs_timestamp).toBe('2026-11-20T10:00:00.000Z');
    const html = note?.properties.hs_note_body ?? '';
    expect(html.startsWith('<strong>Call: Renewal call with Priya</strong><br><br>Renewal call with Priya<br>She asked about SSO &amp; &lt;SAML&gt; again.')).toBe(true);
    expect(html).toContain('- Send the SSO guide (due 2026-11-30)');
    expect(html).toContain('- ROI questioned (Risk): CFO asked what they get for the price');
    // The reference is found in the stored HTML as written.
    expect(refOfBody(html)).toBe(touch.interaction.id);
    const [request] = api.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/crm/v3/objects/notes', host: HUBSPOT_API_HOST, token: TOKEN, cookie: null });
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({ associations: [{ to: { id: COMPANY }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 190 }] }] });
    expect(await statuses()).toEqual([expect.objectContaining({ state: 'written', lastError: null })]);
    expect(await getWrite(db, touch.interaction.id)).toMatchObject({ activityId: note?.id });
  });

  it('updates the same note when the touch is edited, and never makes a second one', async () => {
    const touch = await log('First version');
    await written();
    await ok({ type: 'entry.save', entry: { store: 'interactions', record: { ...touch.interaction, notes: 'Second version, after the call' } }, baseRevision: touch.interaction.revision });
    await written();
    expect(notes()).toHaveLength(1);
    expect(notes()[0]?.properties.hs_note_body).toContain('Second version, after the call');
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /crm/v3/objects/notes', `PATCH /crm/v3/objects/notes/${notes()[0]?.id}`]);
  });

  it('keeps a touch queued through server errors and rate limits, and writes it once the server answers', async () => {
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
    expect(write).toMatchObject({ state: 'waiting', attempts: 2, lastError: { code: 'crm-rate-limit', detail: 'RATE_LIMITS: You have reached your ten_secondly_rolling limit.' } });
    expect(Date.parse(write!.nextAttemptAt) - clock).toBe(60_000);

    clock += 60_000;
    await deps.crmOutbox.kick();
    expect(notes()).toHaveLength(1);
    expect(await getWrite(db, touch.interaction.id)).toMatchObject({ state: 'written', attempts: 0, lastError: null });
  });

  it('waits out HubSpot’s ten-second window after a 429 that gives no Retry-After', async () => {
    api.fail('limit');
    const writer = hubspotWriter(fetcher(), async () => TOKEN);
    const error = await writer.recent({ crm: 'hubspot', apiHost: HUBSPOT_API_HOST, recordId: COMPANY }, 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmWriteError);
    expect(error).toMatchObject({ code: 'crm-rate-limit', retryAfterMs: 10_000 });
  });

  it('finds the note a lost answer left behind instead of creating a second one', async () => {
    api.fail('drop');
    const touch = await log('The answer to this create never arrives');
    await written();
    expect(notes()).toHaveLength(1);
    expect(await getWrite(db, touch.interaction.id)).toMatchObject({ state: 'waiting', lastError: { code: 'crm-offline' }, activityId: null });
    clock += 30_000;
    await deps.crmOutbox.kick();
    expect(notes()).toHaveLength(1);
    expect(await getWrite(db, touch.interaction.id)).toMatchObject({ state: 'written', activityId: notes()[0]?.id });
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /crm/v3/objects/notes', 'POST /crm/v3/objects/notes/search', `PATCH /crm/v3/objects/notes/${notes()[0]?.id}`]);
    expect(JSON.parse(api.requests[1]?.body ?? '{}')).toMatchObject({
      filterGroups: [{ filters: [{ propertyName: 'associations.company', operator: 'EQ', value: COMPANY }, { propertyName: 'hs_createdate', operator: 'GTE' }] }],
      sorts: [{ propertyName: 'hs_createdate', direction: 'DESCENDING' }],
    });
  });

  it('says in words when there is no token or HubSpot refuses it, and writes once a valid one is saved', async () => {
    await ok({ type: 'crmWrite.token', token: '' });
    const touch = await log('Before the token');
    await written();
    expect((await statuses())[0]).toMatchObject({ state: 'failed', lastError: { code: 'crm-token', detail: 'no token' } });
    expect(api.requests).toEqual([]);

    // Saving a token retries the touches waiting for one.
    await ok({ type: 'crmWrite.token', token: 'pat-na1-revoked' });
    await written();
    expect((await statuses())[0]).toMatchObject({ state: 'failed', lastError: { code: 'crm-token', detail: 'INVALID_AUTHENTICATION: The access token provided is invalid or has expired.' } });

    api.fail('scopes');
    await ok({ type: 'crmWrite.token', token: TOKEN });
    await written();
    expect((await statuses())[0]).toMatchObject({ state: 'failed', lastError: { code: 'crm-token', detail: expect.stringMatching(/^MISSING_SCOPES: This app hasn't been granted all required scopes/) } });

    await ok({ type: 'crmWrite.retry', interactionId: touch.interaction.id });
    await written();
    expect(notes()).toHaveLength(1);
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
    expect(notes()).toHaveLength(1);
    expect(notes()[0]?.properties.hs_note_body).not.toContain('Now private');
    expect(await getWrite(db, touch.interaction.id)).toMatchObject({ state: 'withheld' });
  });

  it('reads the team’s notes on the company as plain text, leaving out the CSM’s own', async () => {
    await log('My own call');
    await written();
    api.addTeamNote({ companyId: COMPANY, body: '<div style="" dir="auto" data-top-level="true"><p style="margin:0;">Pricing call</p><p style="margin:0;">AE: discussed the renewal quote &amp; the <strong>SSO</strong> add-on</p></div>' });
    api.addTeamNote({ companyId: '1111111111', body: '<p>Another company</p>' });
    const { touches } = await ok<{ touches: { subject: string; by: string; body: string }[] }>({ type: 'teamTouches.read', accountKey: ACCOUNT });
    // A note names no author but its owner's id, which is not a name: left empty.
    expect(touches).toEqual([expect.objectContaining({ subject: 'Pricing call', body: 'AE: discussed the renewal quote & the SSO add-on', by: '' })]);
  });

  it('turns its own notes back into the text they were written from', () => {
    const body = 'Line one & <two>\n\n- a step\n\nLogged from the Adoption Sidebar [adoption-sidebar:abc-123]';
    expect(textOfNoteHtml(noteHtml({ subject: 'Call: Line one', body }))).toBe(`Call: Line one\n\n${body}`);
    expect(textOfNoteHtml('a&nbsp;b &#233; &#x1F600; &bogus; <br/>c')).toBe('a b é 😀 &bogus;\nc');
  });

  it('keeps the HubSpot token out of backups', async () => {
    await log('Written with the token');
    await written();
    expect(await ok({ type: 'crmWrite.summary' })).toMatchObject({ hasHubspotToken: true });
    const { backup } = await exportBackup(db, new Date(clock));
    expect(JSON.stringify(backup)).not.toContain('pat-na1-');
  });
});
