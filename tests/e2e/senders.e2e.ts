/**
 * Who may ask the background for what (lib/background/sender-policy.ts), in Chromium with the built
 * extension: code in the content script's isolated world of a CRM tab (what the CRM page's renderer
 * could run if it were compromised) gets its own tab's commands taken and nothing else; the sidebar
 * frame reads its own tab's account only; the extension's pages keep everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { accountName, GLOBEX, INITECH, launchBrowser, logNote, openAccount, sidebar, sidebarFrame, type LaunchedBrowser } from './harness';
import { Reply, ReplyData } from '../../lib/messaging/protocol';

/** The few extension APIs used from the probe page, as typed here (no @types/chrome in the project). */
interface ProbeApi {
  tabs: { query(query: { url: string }): Promise<{ id?: number }[]> };
  scripting: {
    executeScript(injection: { target: { tabId: number }; world: 'ISOLATED'; args: [unknown]; func: (message: unknown) => Promise<unknown> }): Promise<{ result?: unknown }[]>;
  };
}

describe('requests the background takes from each sender', () => {
  let browser: LaunchedBrowser;
  /** An extension page of our own, from which code is run in a CRM tab with chrome.scripting. */
  let probe: Page;
  let crm: Page;
  let globexKey: string;
  let initechKey: string;

  /** Sends `message` from the content script's isolated world in the tab showing `page`, and returns the reply. */
  const fromContentScript = async (page: Page, message: unknown): Promise<unknown> =>
    probe.evaluate(
      async ({ url, message }) => {
        const chrome = Reflect.get(globalThis, 'chrome') as ProbeApi;
        const [tab] = await chrome.tabs.query({ url });
        if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
        const [result] = await chrome.scripting.executeScript({
          target: { tabId: tab.id },
          world: 'ISOLATED',
          args: [message],
          // Runs in the CRM tab, in the extension's isolated world: the content script's.
          func: (m: unknown) => (Reflect.get(globalThis, 'chrome') as { runtime: { sendMessage(m: unknown): Promise<unknown> } }).runtime.sendMessage(m),
        });
        return result?.result;
      },
      { url: page.url(), message },
    );

  const fromPage = (page: Page, message: unknown): Promise<unknown> => page.evaluate((m) => (Reflect.get(globalThis, 'chrome') as { runtime: { sendMessage(m: unknown): Promise<unknown> } }).runtime.sendMessage(m), message);

  const refused = (reply: unknown, type: string) => {
    const parsed = Reply.parse(reply);
    expect(parsed, type).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  };

  const timelineOf = (accountKey: string) => ({ type: 'timeline.page', query: { accountKey, kinds: ['interaction'], before: null, limit: 50 } });

  beforeAll(async () => {
    browser = await launchBrowser();
    // Two accounts with a note each; the CRM tab ends on Globex.
    const initech = await openAccount(browser.context, INITECH.id);
    await logNote(initech, 'Initech renewal is at risk');
    await initech.close();
    crm = await openAccount(browser.context, GLOBEX.id);
    await logNote(crm, 'Globex kickoff went well');
    probe = await browser.context.newPage();
    await probe.goto(`chrome-extension://${browser.extensionId}/portfolio.html`);
    const reply = Reply.parse(await fromPage(probe, { type: 'portfolio.rows' }));
    if (!reply.ok) throw new Error(`portfolio.rows failed: ${reply.error.code}`);
    const rows = ReplyData['portfolio.rows'].parse(reply.data);
    const keyOf = (name: string) => {
      const row = rows.find((r) => r.name === name);
      if (!row) throw new Error(`no portfolio row for ${name}: ${rows.map((r) => r.name).join(', ')}`);
      return row.accountKey;
    };
    globexKey = keyOf(accountName(GLOBEX));
    initechKey = keyOf(accountName(INITECH));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('refuses a content script asking for another account’s data or a backup', async () => {
    refused(await fromContentScript(crm, { type: 'backup.export' }), 'backup.export');
    refused(await fromContentScript(crm, timelineOf(initechKey)), 'timeline.page of another account');
    refused(await fromContentScript(crm, { type: 'account.brief', accountKey: initechKey }), 'account.brief of another account');
    refused(await fromContentScript(crm, { type: 'portfolio.rows' }), 'portfolio.rows');
    // Not even its own tab's account: the content script reports, it does not read.
    refused(await fromContentScript(crm, timelineOf(globexKey)), 'timeline.page of its own account');
    refused(await fromContentScript(crm, { type: 'account.overview', accountKey: globexKey }), 'account.overview');
    // Nor change what the extension fetches, or what is recorded.
    refused(
      await fromContentScript(crm, { type: 'usageSource.save', config: { url: 'https://attacker.example.com/usage.json', headerName: 'Authorization', token: '', refreshHours: 6 }, keepToken: true }),
      'usageSource.save',
    );
    refused(await fromContentScript(crm, { type: 'quickLog.save', accountKey: initechKey, form: { type: 'call', occurredAt: null, tone: null, notes: 'planted', attendeeIds: [], newAttendees: [], internalAttendees: [], signals: [], nextSteps: [], internalOnly: false }, saveId: crypto.randomUUID() }), 'quickLog.save');
    refused(await fromContentScript(crm, { type: 'backup.import', text: '{}' }), 'backup.import');

    // Nothing was run: no usage source was saved, nothing was planted.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    expect(Reply.parse(await fromPage(options, { type: 'usageSource.get' }))).toMatchObject({ ok: true, data: { config: null } });
    const initechTimeline = Reply.parse(await fromPage(options, timelineOf(initechKey)));
    expect(JSON.stringify(initechTimeline)).not.toContain('planted');
    await options.close();
  });

  it('still takes the content script’s own tab commands', async () => {
    // The same request the keyboard shortcut sends: the tab's quick log opens.
    expect(Reply.parse(await fromContentScript(crm, { type: 'quickLog.open' }))).toEqual({ ok: true, data: null });
    await sidebar(crm).getByTestId('quick-log-text').waitFor();
  });

  it('lets the sidebar read its own account only', async () => {
    const frame = await sidebarFrame(crm, { extensionId: browser.extensionId ?? undefined });
    const own = Reply.parse(await frame.evaluate((m) => (Reflect.get(globalThis, 'chrome') as { runtime: { sendMessage(m: unknown): Promise<unknown> } }).runtime.sendMessage(m), timelineOf(globexKey)));
    expect(JSON.stringify(own)).toContain('Globex kickoff went well');
    for (const message of [timelineOf(initechKey), { type: 'account.overview', accountKey: initechKey }, { type: 'backup.export' }, { type: 'portfolio.rows' }]) {
      refused(await frame.evaluate((m) => (Reflect.get(globalThis, 'chrome') as { runtime: { sendMessage(m: unknown): Promise<unknown> } }).runtime.sendMessage(m), message), message.type);
    }
  });

  it('serves nothing to a sidebar frame the page made itself, and the real sidebar keeps working', async () => {
    const sendFrom = (frame: Frame, message: unknown) => frame.evaluate((m) => (Reflect.get(globalThis, 'chrome') as { runtime: { sendMessage(m: unknown): Promise<unknown> } }).runtime.sendMessage(m), message);
    const real = await sidebarFrame(crm, { extensionId: browser.extensionId ?? undefined });
    // The page frames the (web-accessible) sidebar page itself, covering the screen, and answers
    // every question the frame asks with a made-up key, as a page hoping to be served would.
    await crm.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.id = 'page-made-sidebar';
      frame.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;opacity:0.01;z-index:2147483647;border:0';
      window.addEventListener('message', (event) => {
        const type: unknown = typeof event.data === 'object' && event.data !== null ? Reflect.get(event.data, 'type') : undefined;
        if (event.source === frame.contentWindow && type === 'adoption-sidebar.ready') frame.contentWindow?.postMessage({ type: 'adoption-sidebar.key', key: crypto.randomUUID() }, '*');
      });
      document.body.append(frame);
    }, `chrome-extension://${browser.extensionId}/sidebar.html?page-made`);
    const pageMade = crm.frameLocator('#page-made-sidebar');
    await pageMade.getByTestId('sidebar-untrusted').waitFor();
    expect(await pageMade.getByTestId('sidebar-account-name').count()).toBe(0);
    const frame = crm.frames().find((f) => f.url().endsWith('/sidebar.html?page-made'));
    if (!frame) throw new Error('the page-made frame is not found');
    // What it asks for itself is refused too: its own tab's account, and the CSM's settings.
    refused(await sendFrom(frame, timelineOf(globexKey)), 'timeline.page from a page-made frame');
    refused(await sendFrom(frame, { type: 'settings.get' }), 'settings.get from a page-made frame');
    // The real sidebar still shows the account and saves.
    await logNote(crm, 'Saved past the page-made frame');
    expect(JSON.stringify(Reply.parse(await sendFrom(real, timelineOf(globexKey))))).toContain('Saved past the page-made frame');
    await crm.evaluate(() => document.getElementById('page-made-sidebar')?.remove());
  });

  it('shows nothing when the sidebar page is opened on its own', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/sidebar.html`);
    await page.getByTestId('sidebar-untrusted').waitFor();
    expect(await page.getByTestId('sidebar-account-name').count()).toBe(0);
    await page.close();
  });

  it('keeps everything for the extension’s own pages: the options page exports a backup', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const reply = Reply.parse(await fromPage(options, { type: 'backup.export' }));
    expect(reply.ok).toBe(true);
    expect(JSON.stringify(reply)).toContain('Initech renewal is at risk');
    const download = options.waitForEvent('download');
    await options.getByTestId('backup-export').click();
    expect((await download).suggestedFilename()).toMatch(/\.json$/);
    expect(Reply.parse(await fromPage(options, timelineOf(initechKey)))).toMatchObject({ ok: true });
    await options.close();
  });
});
