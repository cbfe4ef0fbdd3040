/**
 * Touches written back to the CRM, in Chromium with the built extension. Each CRM's API is a local
 * server (scripts/lib/{salesforce,dynamics,hubspot}-api.mjs) reached under its real host by request
 * routing: Salesforce's REST API under `acme.my.salesforce.com` with the CSM's session in that
 * host's `sid` cookie, the Dynamics Web API under the org's host with its session cookie, HubSpot's
 * CRM API under `api.hubapi.com` with the token pasted in settings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dynamicsAccountUrl, dynamicsData, GLOBEX, hubspotCompanyUrl, hubspotData, launchBrowser, logNote, openAccount, sidebar, type LaunchedBrowser } from './harness';
import { extensionWithHostsApproved } from '../../scripts/lib/taught-sites.mjs';
import { startSalesforceApi, type SalesforceApi } from '../../scripts/lib/salesforce-api.mjs';
import { startDynamicsApi, type DynamicsApi } from '../../scripts/lib/dynamics-api.mjs';
import { startHubspotApi, type HubspotApi } from '../../scripts/lib/hubspot-api.mjs';
import type { BrowserContext } from 'playwright-core';

const SID = '00Dxx0000001gEH!AQ0AQBrowserSession';
const API_HOST = 'acme.my.salesforce.com';
const DYNAMICS_HOST = 'contoso.crm4.dynamics.com';
const DYNAMICS_SESSION = 'dynamics-browser-session';
const HUBSPOT_TOKEN = 'pat-na1-00000000-1111-2222-3333-444444444444';

/** Requests to `pattern` go to the local server at `origin`, same path; a connection it cuts is cut for the browser too. */
async function routeTo(context: BrowserContext, pattern: string, origin: string): Promise<void> {
  await context.route(pattern, async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${origin}${url.pathname}${url.search}`, headers: { ...(await route.request().allHeaders()), 'x-forwarded-host': url.host } }).catch(() => null);
    await (response ? route.fulfill({ response }) : route.abort('connectionreset'));
  });
}

describe('logging touches to Salesforce', () => {
  let api: SalesforceApi;
  let dynamics: DynamicsApi;
  let hubspot: HubspotApi;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    api = await startSalesforceApi({ sessions: [SID] });
    dynamics = await startDynamicsApi({ sessionCookie: DYNAMICS_SESSION });
    hubspot = await startHubspotApi({ tokens: [HUBSPOT_TOKEN] });
    // `cookies` and HubSpot's API host approved as when the CSM accepted the prompts on turning
    // the feature on (no test can answer a prompt).
    browser = await launchBrowser({ extensionDir: extensionWithHostsApproved(['api.hubapi.com'], undefined, ['cookies']) });
    await browser.context.addCookies([
      { name: 'sid', value: SID, domain: API_HOST, path: '/', secure: true, httpOnly: true, sameSite: 'None' },
      { name: 'CrmOwinAuth', value: DYNAMICS_SESSION, domain: DYNAMICS_HOST, path: '/', secure: true, httpOnly: true, sameSite: 'None' },
    ]);
    // Registered after the sample sites' routes, so they are tried first for the APIs' paths.
    await routeTo(browser.context, `https://${API_HOST}/services/data/**`, api.origin);
    await routeTo(browser.context, `https://${DYNAMICS_HOST}/api/data/**`, dynamics.origin);
    await routeTo(browser.context, 'https://api.hubapi.com/**', hubspot.origin);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await dynamics?.close();
    await hubspot?.close();
  });

  const options = async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    return page;
  };
  const turnOn = async (page: Page, crm: string) => {
    await page.locator(`[data-testid="crm-write"][data-crm="${crm}"]`).getByTestId('crm-write-switch').click();
    await page.locator(`[data-testid="crm-write"][data-crm="${crm}"][data-on="true"]`).waitFor();
  };

  const entry = (page: Page, text: string) => sidebar(page).getByTestId('timeline-entry').filter({ hasText: text });
  const writeState = (page: Page, text: string, state: string) => entry(page, text).locator(`[data-testid="crm-write-status"][data-state="${state}"]`);
  const tasks = () => [...api.tasks.values()];
  /** Opens the record, logs a note there, and waits until the note is written to its CRM. */
  const logWritten = async (url: string, note: string) => {
    const page = await browser.context.newPage();
    await page.goto(url);
    await sidebar(page).getByTestId('sidebar-account-name').waitFor();
    await logNote(page, note);
    await writeState(page, note, 'written').waitFor();
    return page;
  };

  it('is off until turned on, then writes each touch once, updates it on edit, recovers from errors and never sends internal-only notes', async () => {
    const before = await openAccount(browser.context, GLOBEX.id);
    await logNote(before, 'Logged while writing to the CRM was off');
    expect(api.requests).toHaveLength(0);
    await before.close();

    const settings = await options();
    await turnOn(settings, 'salesforce');
    await settings.close();

    const page = await openAccount(browser.context, GLOBEX.id);
    await logNote(page, 'Adoption review with Priya: SSO rollout next');
    await writeState(page, 'Adoption review with Priya', 'written').waitFor();
    expect(tasks()).toHaveLength(1);
    expect(tasks()[0]).toMatchObject({ WhatId: GLOBEX.id, Status: 'Completed', Subject: expect.stringContaining('Adoption review with Priya: SSO rollout next') });
    expect(api.requests.every((r) => r.host === API_HOST)).toBe(true);
    // The older touch, saved while it was off, is not written after the fact.
    expect(tasks()[0]?.Description).not.toContain('while writing to the CRM was off');

    // Edited: the same Task is updated.
    const frame = sidebar(page);
    await entry(page, 'Adoption review with Priya').getByTestId('timeline-edit').click();
    await frame.getByTestId('interaction-notes').fill('Adoption review with Priya: SSO rollout on 1 December');
    await frame.getByTestId('editor-save').click();
    await writeState(page, 'SSO rollout on 1 December', 'written').waitFor();
    await expect.poll(() => tasks()[0]?.Description ?? '').toContain('SSO rollout on 1 December');
    expect(tasks()).toHaveLength(1);

    // The session expired: the timeline says so in words, and a retry once signed in writes it.
    api.fail('session');
    await logNote(page, 'Call while the session had expired');
    // Queued first (no reason yet), then tried: waiting, with the reason.
    const mark = entry(page, 'Call while the session had expired').locator('[data-testid="crm-write-status"][data-state="waiting"][data-code="crm-session"]');
    await mark.waitFor();
    expect(await mark.textContent()).toContain('Open the CRM and sign in');
    await mark.getByTestId('crm-write-retry').click();
    await writeState(page, 'Call while the session had expired', 'written').waitFor();
    expect(tasks()).toHaveLength(2);

    // Internal-only: nothing leaves the browser.
    const sent = api.requests.length;
    if (await frame.getByTestId('quick-log-open').isVisible()) await frame.getByTestId('quick-log-open').click();
    await frame.getByTestId('quick-log-text').fill('Internal: discount we might offer');
    await frame.getByTestId('quick-log-internal').check();
    await frame.getByTestId('quick-log-save').click();
    await entry(page, 'Internal: discount we might offer').waitFor();
    await logNote(page, 'A shared touch after the internal one');
    await writeState(page, 'A shared touch after the internal one', 'written').waitFor();
    expect(tasks()).toHaveLength(3);
    expect(tasks().some((t) => t.Description?.includes('discount we might offer'))).toBe(false);
    expect(api.requests.length).toBe(sent + 1);
    expect(await entry(page, 'Internal: discount we might offer').getByTestId('crm-write-status').count()).toBe(0);

    // The team's touches: read on demand, the CSM's own left out.
    api.addTeamTask({ whatId: GLOBEX.id, subject: 'Renewal pricing call', description: 'AE: sent the renewal quote', by: 'Alex AE' });
    await frame.getByTestId('team-touches-read').click();
    await frame.locator('[data-testid="team-touches"][data-state="read"]').waitFor();
    const team = frame.getByTestId('team-touch');
    expect(await team.count()).toBe(1);
    expect(await team.textContent()).toContain('Renewal pricing call');
    expect(await team.textContent()).toContain('Alex AE');
  });

  it('writes a touch to HubSpot as a note on the company with the pasted token, and to Dynamics 365 as a phone call with the session', async () => {
    const settings = await options();
    await turnOn(settings, 'hubspot');
    await settings.getByTestId('crm-write-hubspot-token').fill(HUBSPOT_TOKEN);
    await settings.getByRole('button', { name: 'Save token' }).click();
    await settings.getByTestId('crm-write-token-saved').waitFor();
    await turnOn(settings, 'dynamics');
    await settings.close();

    const company = hubspotData().companies[0];
    if (!company) throw new Error('no sample company');
    const hubspotPage = await logWritten(hubspotCompanyUrl(company.id), 'HubSpot touch: rollout to the EMEA team');
    expect(hubspot.apiNotes()).toHaveLength(1);
    expect(hubspot.apiNotes()[0]).toMatchObject({ companies: [company.id] });
    expect(hubspot.apiNotes()[0]?.properties.hs_note_body).toContain('rollout to the EMEA team');
    expect(hubspot.requests.every((r) => r.token === HUBSPOT_TOKEN)).toBe(true);
    await hubspotPage.close();

    const account = dynamicsData().accounts[0];
    if (!account) throw new Error('no sample account');
    const dynamicsPage = await logWritten(dynamicsAccountUrl(account.id), 'Dynamics touch: training booked');
    const calls = dynamics.phoneCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ _regardingobjectid_value: account.id.toLowerCase() });
    expect(calls[0]?.description).toContain('training booked');
    // The worker's request carried the org's session cookie, as the signed-in browser holds it.
    expect(dynamics.requests.every((r) => r.cookie === DYNAMICS_SESSION)).toBe(true);
  });
});
