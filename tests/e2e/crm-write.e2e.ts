/**
 * Touches written back to Salesforce, in Chromium with the built extension: the org's REST API is
 * a local server (scripts/lib/salesforce-api.mjs) reached under `acme.my.salesforce.com` by request
 * routing, with the CSM's session in that host's `sid` cookie as Salesforce sets it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { GLOBEX, launchBrowser, logNote, openAccount, sidebar, type LaunchedBrowser } from './harness';
import { extensionWithHostsApproved } from '../../scripts/lib/taught-sites.mjs';
import { startSalesforceApi, type SalesforceApi } from '../../scripts/lib/salesforce-api.mjs';

const SID = '00Dxx0000001gEH!AQ0AQBrowserSession';
const API_HOST = 'acme.my.salesforce.com';

describe('logging touches to Salesforce', () => {
  let api: SalesforceApi;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    api = await startSalesforceApi({ sessions: [SID] });
    // `cookies` approved as when the CSM accepted the prompt on turning the feature on (no test can answer a prompt).
    browser = await launchBrowser({ extensionDir: extensionWithHostsApproved([], undefined, ['cookies']) });
    await browser.context.addCookies([{ name: 'sid', value: SID, domain: API_HOST, path: '/', secure: true, httpOnly: true, sameSite: 'None' }]);
    // Registered after the sample sites' routes, so it is tried first for the API's paths.
    await browser.context.route(`https://${API_HOST}/services/data/**`, async (route) => {
      const url = new URL(route.request().url());
      const response = await route.fetch({ url: `${api.origin}${url.pathname}${url.search}`, headers: { ...route.request().headers(), 'x-forwarded-host': url.host } }).catch(() => null);
      // A connection the server cut is cut for the browser too.
      await (response ? route.fulfill({ response }) : route.abort('connectionreset'));
    });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const entry = (page: Page, text: string) => sidebar(page).getByTestId('timeline-entry').filter({ hasText: text });
  const writeState = (page: Page, text: string, state: string) => entry(page, text).locator(`[data-testid="crm-write-status"][data-state="${state}"]`);
  const tasks = () => [...api.tasks.values()];

  it('is off until turned on, then writes each touch once, updates it on edit, recovers from errors and never sends internal-only notes', async () => {
    const before = await openAccount(browser.context, GLOBEX.id);
    await logNote(before, 'Logged while writing to the CRM was off');
    expect(api.requests).toHaveLength(0);
    await before.close();

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const salesforce = options.locator('[data-testid="crm-write"][data-crm="salesforce"]');
    await salesforce.getByTestId('crm-write-switch').click();
    await options.locator('[data-testid="crm-write"][data-crm="salesforce"][data-on="true"]').waitFor();

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
});
