/**
 * A real working day, in Chromium with the built extension (issue 15): a save whose answer is lost
 * when the worker stops, retried, is stored once; two tabs on one account each keep their own
 * draft, also across a worker restart; a real record with a 32,000-character Long Text Area gets its sidebar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { GLOBEX, INITECH, launchBrowser, openAccount, sidebar, sidebarFrame, stopServiceWorker, UMBRELLA, type LaunchedBrowser } from './harness';
import { SITE_DIR } from '../../scripts/lib/browser.mjs';
import { Reply } from '../../lib/messaging/protocol';

type Runtime = { sendMessage(message: unknown): Promise<unknown> };
const runtimeOf = () => (Reflect.get(globalThis, 'chrome') as { runtime: Runtime }).runtime;

describe('a real working day', () => {
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** What an extension page of ours reads from the background (a backup holds every draft). */
  async function backupText(): Promise<string> {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const reply = Reply.parse(await page.evaluate((m) => (Reflect.get(globalThis, 'chrome') as { runtime: Runtime }).runtime.sendMessage(m), { type: 'backup.export' }));
    await page.close();
    if (!reply.ok) throw new Error(`backup.export: ${reply.error.code}`);
    return JSON.stringify(reply.data);
  }

  /** How many interactions of the tab's account hold `text`, as the background stores them. */
  async function storedWith(frame: Frame, accountKey: string, text: string): Promise<number> {
    const reply = Reply.parse(await frame.evaluate((m) => (Reflect.get(globalThis, 'chrome') as { runtime: Runtime }).runtime.sendMessage(m), { type: 'timeline.page', query: { accountKey, kinds: ['interaction'], before: null, limit: 500 } }));
    if (!reply.ok) throw new Error(`timeline.page: ${reply.error.code}`);
    return (reply.data as { entries: { interaction?: { notes: string } }[] }).entries.filter((e) => e.interaction?.notes === text).length;
  }

  const openQuickLog = async (page: Page) => {
    const open = sidebar(page).getByTestId('quick-log-open');
    if (await open.isVisible()) await open.click();
    return sidebar(page).getByTestId('quick-log-text');
  };

  it('a save whose answer was lost says so in words, and saving again stores it once', async () => {
    const page = await openAccount(browser.context, GLOBEX.id);
    const frame = await sidebarFrame(page, { extensionId: browser.extensionId ?? undefined });
    const accountKey = await sidebar(page).locator('main[data-account]').getAttribute('data-account');
    if (!accountKey) throw new Error('no account key on the sidebar');
    // The worker takes the first save and stores it, and its answer never comes back (as when
    // Chrome stops the worker right after the write committed).
    await frame.evaluate(() => {
      const runtime = (Reflect.get(globalThis, 'chrome') as { runtime: Runtime }).runtime;
      const send = runtime.sendMessage.bind(runtime);
      let cut = false;
      runtime.sendMessage = (message: unknown) => {
        const type: unknown = typeof message === 'object' && message !== null ? Reflect.get(message, 'type') : undefined;
        if (cut || type !== 'quickLog.save') return send(message);
        cut = true;
        return send(message).then(() => undefined);
      };
    });
    const text = 'Renewal call: the answer to this save was lost';
    await (await openQuickLog(page)).fill(text);
    await sidebar(page).getByTestId('quick-log-save').click();
    const error = sidebar(page).locator('[data-testid="error-message"][data-code="unanswered"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('trying again is safe');
    // Nothing typed is lost; the first attempt was stored.
    expect(await sidebar(page).getByTestId('quick-log-text').inputValue()).toBe(text);
    expect(await storedWith(frame, accountKey, text)).toBe(1);
    await sidebar(page).getByTestId('quick-log-save').click();
    await sidebar(page).getByTestId('quick-log-saved').waitFor();
    expect(await storedWith(frame, accountKey, text)).toBe(1);
    await sidebar(page).getByTestId('timeline-entry').filter({ hasText: text }).waitFor();
    await page.close();
  });

  it('two tabs on one account each keep their own draft: saving one never loses the other', async () => {
    const a = await openAccount(browser.context, INITECH.id);
    await (await openQuickLog(a)).fill('Typed in tab A, saved');
    await expect.poll(backupText).toContain('Typed in tab A, saved');
    const b = await openAccount(browser.context, INITECH.id);
    // Tab A is still typing its own: tab B starts empty.
    const notesB = await openQuickLog(b);
    expect(await notesB.inputValue()).toBe('');
    await notesB.fill('Typed in tab B, never saved');
    await expect.poll(backupText).toContain('Typed in tab B, never saved');
    await sidebar(a).getByTestId('quick-log-save').click();
    await sidebar(a).getByTestId('quick-log-saved').waitFor();
    // A's draft went with its save; B's stays, and survives B's tab closing.
    const afterSave = await backupText();
    expect(afterSave).toContain('Typed in tab B, never saved');
    await b.close();
    const c = await openAccount(browser.context, INITECH.id);
    await expect.poll(() => sidebar(c).getByTestId('quick-log-text').inputValue()).toBe('Typed in tab B, never saved');
    await a.close();
    await c.close();
  });

  it('a tab opened after the worker restarted does not take over the draft another open tab is writing', async () => {
    const a = await openAccount(browser.context, UMBRELLA.id);
    const notesA = await openQuickLog(a);
    await notesA.fill('Typed in tab A before the worker stopped');
    await expect.poll(backupText).toContain('Typed in tab A before the worker stopped');
    // As Chrome does after 30 s idle: tab A's sidebar reconnects to the new worker.
    await stopServiceWorker(browser);
    const b = await openAccount(browser.context, UMBRELLA.id);
    const notesB = await openQuickLog(b);
    // Before the fix, tab B's quick log opened on tab A's draft, and the two tabs wrote over each other.
    expect(await notesB.inputValue()).toBe('');
    await notesB.fill('Typed in tab B after the restart');
    await notesA.press('End');
    await notesA.pressSequentially(', and more');
    await expect.poll(backupText).toContain('Typed in tab A before the worker stopped, and more');
    expect(await backupText()).toContain('Typed in tab B after the restart');
    await a.close();
    await b.close();
  });

  it('reads a record with a 32,000-character Long Text Area', async () => {
    const description = `${'Long account history. '.repeat(1455)}End of the description.`.slice(-32_000);
    expect(description).toHaveLength(32_000);
    const data = JSON.parse(readFileSync(join(SITE_DIR, 'accounts.json'), 'utf8')) as { accounts: { id: string; fields: string[][] }[] };
    const account = data.accounts.find((x) => x.id === GLOBEX.id);
    if (!account) throw new Error('no Globex in the sample data');
    const field = account.fields.find((f) => f[0] === 'Description');
    if (!field) throw new Error('no Description field on Globex');
    field[2] = description;
    await browser.context.route(/\/sample-assets\/accounts\.json$/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) }));
    try {
      const page = await openAccount(browser.context, GLOBEX.id);
      const shown = sidebar(page).locator('[data-testid="sidebar-field"][data-field="Description"]');
      // The page renders its fields in steps; the sidebar follows until the whole value is there.
      await expect.poll(async () => (await shown.count()) > 0 && (await shown.textContent())?.length).toBe(description.length);
      expect(await shown.textContent()).toBe(description);
      await page.close();
    } finally {
      await browser.context.unroute(/\/sample-assets\/accounts\.json$/);
    }
  });
});
