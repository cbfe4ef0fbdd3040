import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { GLOBEX, INITECH, accountName, launchBrowser, logNote, openAccount, sampleAccountKey, scratchDir, sidebar, type LaunchedBrowser } from './harness';

const NOTE = 'Handover note: rollout on track';
const INTERNAL = 'Internal: pricing floor is 20% off';
const SENDER = 'Aiko Tanaka';

const folder = scratchDir('handover-');

async function optionsPage(browser: LaunchedBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  return page;
}

/** Downloads the sidebar's handover package of its account (internal notes left out) into `name`. */
async function handOver(page: Page, name: string): Promise<string> {
  const frame = sidebar(page);
  const panel = frame.getByTestId('handover-open');
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
  expect(await frame.getByTestId('handover-include-internal').isChecked()).toBe(false);
  const download = page.waitForEvent('download');
  await frame.getByTestId('handover-export').click();
  const file = join(folder, name);
  await (await download).saveAs(file);
  await frame.locator('[data-testid="handover-status"][data-state="done"]').waitFor();
  return file;
}

/** Imports a package on the settings page and returns the outcome shown (of this import: the page counts them). */
async function importPackage(options: Page, file: string, again: boolean): Promise<string> {
  const done = Number(await options.getByTestId('handover-result').getAttribute('data-imports'));
  await options.getByTestId('handover-import').setInputFiles(file);
  const outcome = options.locator(`[data-testid="handover-result"][data-imports="${done + 1}"] [data-outcome="imported"][data-again="${String(again)}"]`);
  await outcome.waitFor();
  return (await outcome.textContent()) ?? '';
}

/** Every timeline entry shown, as kind and id (the sample account's timeline is short: all of it is rendered). */
async function timeline(page: Page): Promise<{ kind: string; id: string; text: string }[]> {
  return sidebar(page).getByTestId('timeline-entry').evaluateAll((els) => els.map((e) => ({ kind: e.getAttribute('data-kind') ?? '', id: e.getAttribute('data-id') ?? '', text: e.textContent ?? '' })));
}

async function editNote(page: Page, from: string, to: string): Promise<void> {
  const frame = sidebar(page);
  await frame.getByTestId('timeline-entry').filter({ hasText: from }).getByTestId('timeline-edit').click();
  await frame.getByTestId('interaction-notes').fill(to);
  await frame.getByTestId('editor-save').click();
  await frame.getByTestId('timeline-entry').filter({ hasText: to }).waitFor();
}

describe('handover', () => {
  const browsers: LaunchedBrowser[] = [];
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
  });

  it('exports from one profile, imports into a fresh one twice: same timeline, no duplicates, a conflicting edit kept visible', async () => {
    // Profile A: the sender sets their name once, logs a note and an internal-only one.
    const a = await launchBrowser();
    browsers.push(a);
    const aOptions = await optionsPage(a);
    await aOptions.getByTestId('settings-sender-name').fill(SENDER);
    await aOptions.getByTestId('settings-save').click();
    await aOptions.getByText('Settings saved.').waitFor();
    const aPage = await openAccount(a.context, GLOBEX.id);
    await logNote(aPage, NOTE);
    const frame = sidebar(aPage);
    await frame.getByTestId('quick-log-text').fill(INTERNAL);
    await frame.getByTestId('quick-log-internal').check();
    await frame.getByTestId('quick-log-save').click();
    await frame.getByTestId('timeline-entry').filter({ hasText: INTERNAL }).waitFor();

    const first = await handOver(aPage, 'first.json');
    const text = readFileSync(first, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'adoption-sidebar-handover', version: 1, sender: { name: SENDER }, includesInternalNotes: false });
    expect(text).toContain(NOTE);
    expect(text).not.toContain('pricing floor');

    // Profile B, fresh: imports it twice.
    const b = await launchBrowser();
    browsers.push(b);
    const bOptions = await optionsPage(b);
    expect(await importPackage(bOptions, first, false)).toContain(`Handover from ${SENDER}`);
    expect(await importPackage(bOptions, first, true)).toContain('was imported before. Nothing changed.');

    const bPage = await openAccount(b.context, GLOBEX.id);
    await sidebar(bPage).getByTestId('timeline-entry').filter({ hasText: NOTE }).waitFor();
    const received = await timeline(bPage);
    const markers = received.filter((e) => e.kind === 'handover');
    expect(markers).toHaveLength(1);
    expect(markers[0]?.text).toContain(`Handed over by ${SENDER}`);
    expect(received.map((e) => e.text).join('\n')).not.toContain('pricing floor');
    // The same entries as the sender's (the internal-only note aside), each once.
    const sent = (await timeline(aPage)).filter((e) => !e.text.includes('pricing floor'));
    expect(received.filter((e) => e.kind !== 'handover').map((e) => e.id).sort()).toEqual(sent.map((e) => e.id).sort());
    expect(new Set(received.map((e) => e.id)).size).toBe(received.length);

    // Both change the note differently; A hands over again; B imports it (twice).
    await editNote(bPage, NOTE, 'Handover note: B corrected the date');
    await editNote(aPage, NOTE, 'Handover note: A added the budget owner');
    const second = await handOver(aPage, 'second.json');
    const merged = await importPackage(bOptions, second, false);
    expect(merged).toContain('1 records were changed both by you and by Aiko Tanaka');
    await importPackage(bOptions, second, true);

    await bPage.reload();
    const shown = sidebar(bPage);
    await shown.getByTestId('timeline-entry').filter({ hasText: 'B corrected the date' }).waitFor();
    const version = shown.locator('[data-testid="timeline-entry"][data-kind="handover-version"]');
    await version.waitFor();
    expect(await version.count()).toBe(1);
    expect(await version.textContent()).toContain(`Version from ${SENDER}`);
    expect(await version.textContent()).toContain('A added the budget owner');
    const after = await timeline(bPage);
    expect(after.filter((e) => e.kind === 'handover')).toHaveLength(2);
    expect(after.filter((e) => e.kind === 'interaction')).toHaveLength(1);

    // Keeping B's own version lets the sender's go; importing again does not bring it back.
    await version.getByTestId('handover-version-dismiss').click();
    await expect.poll(() => shown.locator('[data-testid="timeline-entry"][data-kind="handover-version"]').count()).toBe(0);
    await importPackage(bOptions, second, true);
    await bPage.reload();
    await shown.getByTestId('timeline-entry').filter({ hasText: 'B corrected the date' }).waitFor();
    expect(await shown.locator('[data-testid="timeline-entry"][data-kind="handover-version"]').count()).toBe(0);
  });

  it('hands several accounts over from the portfolio at once; a foreign file is then refused with the reason, changing nothing', async () => {
    const a = await launchBrowser();
    browsers.push(a);
    const aOptions = await optionsPage(a);
    await aOptions.getByTestId('settings-sender-name').fill(SENDER);
    await aOptions.getByTestId('settings-save').click();
    await aOptions.getByText('Settings saved.').waitFor();
    for (const account of [GLOBEX, INITECH]) await logNote(await openAccount(a.context, account.id), `Portfolio handover: ${accountName(account)}`);

    const portfolio = await a.context.newPage();
    await portfolio.goto(`chrome-extension://${a.extensionId}/portfolio.html`);
    await portfolio.locator('[data-testid="portfolio"][data-state="ready"]').waitFor();
    const keys = [GLOBEX, INITECH].map((account) => sampleAccountKey(account.id));
    for (const key of keys) await portfolio.locator(`[data-testid="portfolio-row"][data-account="${key}"] [data-testid="portfolio-select"]`).check();
    await portfolio.getByTestId('portfolio-handover').locator('summary').click();
    const download = portfolio.waitForEvent('download');
    await portfolio.getByTestId('handover-export').click();
    const file = join(folder, 'portfolio.json');
    await (await download).saveAs(file);
    expect((await download).suggestedFilename()).toMatch(/^2-accounts_handover_\d{4}-\d{2}-\d{2}\.json$/);
    const handover = JSON.parse(readFileSync(file, 'utf8')) as { accounts: { account: { key: string } }[] };
    expect(handover.accounts.map((section) => section.account.key).sort()).toEqual([...keys].sort());

    const b = await launchBrowser();
    browsers.push(b);
    const bOptions = await optionsPage(b);
    expect(await importPackage(bOptions, file, false)).toContain('2 accounts (2 new to you)');
    const bPortfolio = await b.context.newPage();
    await bPortfolio.goto(`chrome-extension://${b.extensionId}/portfolio.html`);
    await bPortfolio.locator('[data-testid="portfolio"][data-state="ready"]').waitFor();
    for (const key of keys) await bPortfolio.locator(`[data-testid="portfolio-row"][data-account="${key}"]`).waitFor();

    // A foreign file is refused with the reason, and changes nothing of what B holds.
    await bOptions.getByTestId('handover-import').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something-else","version":1}') });
    const refused = bOptions.locator('[data-testid="handover-result"] [data-outcome="refused"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('not a valid Adoption Sidebar handover package');
    await bPortfolio.reload();
    await bPortfolio.locator('[data-testid="portfolio"][data-state="ready"]').waitFor();
    expect((await bPortfolio.getByTestId('portfolio-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-account')))).sort()).toEqual([...keys].sort());
  });
});
