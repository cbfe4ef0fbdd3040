import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { GLOBEX, INITECH, launchBrowser, logNote, openAccount, scratchDir, sidebar, sidebarFrame, stopServiceWorker, UMBRELLA, type LaunchedBrowser } from './harness';
import { BACKUP_VERSION } from '../../lib/backup/format';

/** The element focused inside the sidebar, described for assertions. */
const focused = (frame: Frame) =>
  frame.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid="${el.getAttribute('data-testid')}"]` : ''}${el.getAttribute('name') ? `[name="${el.getAttribute('name')}"]` : ''}` : '';
  });

/** Presses Tab (or Shift+Tab) until the sidebar's focused element matches `selector`: keyboard only. */
async function tabTo(page: Page, frame: Frame, selector: string, backwards = false): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await frame.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${await focused(frame)}`);
}

/** A calendar day `days` from today, as YYYY-MM-DD and as typed into an en-US date input. */
function dayFromToday(days: number): { iso: string; typed: string } {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const [y, m, day] = [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'), String(d.getDate()).padStart(2, '0')];
  return { iso: `${y}-${m}-${day}`, typed: `${m}${day}${y}` };
}

/** The health score and its parts as the sidebar shows them for an account. */
async function healthOf(browser: LaunchedBrowser, id: string): Promise<{ score: string | null; components: (string | null)[] }> {
  const page = await openAccount(browser.context, id);
  const score = sidebar(page).getByTestId('health-score');
  await score.waitFor();
  const result = {
    score: await score.getAttribute('data-score'),
    components: await sidebar(page).getByTestId('health-component').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-component')}=${e.getAttribute('data-value')}`)),
  };
  await page.close();
  return result;
}

/** The portfolio's rows as shown: account, attention and reasons, in rank order. */
async function portfolioOf(browser: LaunchedBrowser): Promise<string[]> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/portfolio.html`);
  await page.getByTestId('portfolio-row').first().waitFor();
  const rows = await page.getByTestId('portfolio-row').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-account')} ${e.getAttribute('data-attention')} ${[...e.querySelectorAll('[data-testid="portfolio-reason"]')].map((r) => r.textContent).join('; ')}`));
  await page.close();
  return rows;
}

describe('quick log, complete', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('logs a call with tone, one signal and a next step using the keyboard alone', async () => {
    const page = await openAccount(browser.context, UMBRELLA.id);
    const frame = await sidebarFrame(page);
    // The shortcut from the CRM page opens the quick log with the cursor in the notes.
    await page.keyboard.press('Alt+Shift+L');
    await expect.poll(() => focused(frame)).toBe('textarea[data-testid="quick-log-text"]');
    await page.keyboard.type('Call with the operations lead: rollout on track, CFO asks about ROI.');

    // Type: the first field of the form. Choose "call" by typing in the select.
    await tabTo(page, frame, '[data-testid="quick-log-type"]', true);
    await page.keyboard.type('call');
    // Tone: a radio group; arrow keys move from "not noted" to enthusiastic, then positive.
    await tabTo(page, frame, 'input[name="tone"]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    // Signals: a digit toggles the common kinds; 4 is "ROI questioned".
    await tabTo(page, frame, '[data-testid="quick-log-signal"]');
    await page.keyboard.press('4');
    await frame.locator('[data-testid="quick-log-signal-detail"][data-kind="roi-questioned"]').waitFor();
    // Next step: the button adds one and puts the cursor in it.
    await tabTo(page, frame, '[data-testid="quick-log-add-step"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(frame)).toBe('input[data-testid="quick-log-step-text"]');
    await page.keyboard.type('Send the ROI summary');
    await page.keyboard.press('Tab');
    const due = dayFromToday(3);
    await page.keyboard.type(due.typed);
    expect(await frame.getByTestId('quick-log-step-due').inputValue()).toBe(due.iso);
    await page.keyboard.press('Control+Enter');

    const call = frame.locator('[data-testid="timeline-entry"][data-kind="interaction"]').filter({ hasText: 'rollout on track' });
    await call.waitFor();
    expect(await call.textContent()).toContain('Positive');
    const signal = frame.locator('[data-testid="timeline-entry"][data-kind="signal"]').filter({ hasText: 'ROI questioned' });
    await signal.waitFor();
    expect(await signal.count()).toBe(1);
    await frame.getByTestId('due-step').filter({ hasText: 'Send the ROI summary' }).waitFor();
    // Focus stays in the form for the next log, which is empty again.
    await expect.poll(() => frame.getByTestId('quick-log-text').inputValue()).toBe('');

    await page.reload();
    const after = sidebar(page);
    await after.locator('[data-testid="timeline-entry"][data-kind="interaction"]').filter({ hasText: 'rollout on track' }).waitFor();
    await after.locator('[data-testid="timeline-entry"][data-kind="signal"]').filter({ hasText: 'ROI questioned' }).waitFor();

    // The health score explains itself from what was logged; usage is missing and said so.
    const score = Number(await after.getByTestId('health-score').getAttribute('data-score'));
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(100);
    expect(await after.locator('[data-testid="health-component"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-component')))).toEqual(['engagement', 'relationship', 'signals']);
    expect(await after.getByTestId('health-missing').textContent()).toContain('no usage data imported');
    await page.close();
  });

  it('prefills the notes from a template', async () => {
    const page = await openAccount(browser.context, INITECH.id);
    const frame = sidebar(page);
    await frame.getByTestId('quick-log-open').click();
    await frame.getByTestId('quick-log-template').selectOption({ label: 'QBR prep' });
    await expect.poll(() => frame.getByTestId('quick-log-text').inputValue()).toContain('Wins since last QBR:');
    await page.close();
  });
});

describe('two tabs on one account', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('stay in step, and a second edit of the same note is told and can keep either', async () => {
    const a = await openAccount(browser.context, GLOBEX.id);
    const b = await openAccount(browser.context, GLOBEX.id);
    await logNote(a, 'Saved in tab A');
    // The other tab shows it without a reload. (The CSM switches tabs; a hidden tab does not paint.)
    await b.bringToFront();
    await sidebar(b).getByTestId('timeline-entry').filter({ hasText: 'Saved in tab A' }).waitFor();

    const edit = async (page: Page, text: string) => {
      await page.bringToFront();
      await sidebar(page).getByTestId('timeline-entry').filter({ hasText: 'Saved in tab A' }).getByTestId('timeline-edit').click();
      await sidebar(page).getByTestId('interaction-notes').fill(text);
    };
    // Both tabs open the editor on the same note; A saves first.
    await edit(a, 'Edited in tab A');
    await edit(b, 'Edited in tab B');
    await a.bringToFront();
    await sidebar(a).getByTestId('editor-save').click();
    await sidebar(a).getByTestId('timeline-entry').filter({ hasText: 'Edited in tab A' }).waitFor();

    // B's save does not overwrite A's: B is told and shown both.
    await b.bringToFront();
    await sidebar(b).getByTestId('editor-save').click();
    const conflict = sidebar(b).getByTestId('edit-conflict');
    await conflict.waitFor();
    expect(await sidebar(b).getByTestId('conflict-theirs').textContent()).toBe('Edited in tab A');
    // Keeping B's version stores it, and tab A follows.
    await sidebar(b).getByTestId('conflict-keep-mine').click();
    await sidebar(b).getByTestId('timeline-entry').filter({ hasText: 'Edited in tab B' }).waitFor();
    await a.bringToFront();
    await sidebar(a).getByTestId('timeline-entry').filter({ hasText: 'Edited in tab B' }).waitFor();

    // Second round: this time the later tab keeps the version already saved.
    const reopen = async (page: Page, text: string) => {
      await page.bringToFront();
      await sidebar(page).getByTestId('timeline-entry').filter({ hasText: 'Edited in tab B' }).getByTestId('timeline-edit').click();
      await sidebar(page).getByTestId('interaction-notes').fill(text);
    };
    await reopen(a, 'Second edit in A');
    await reopen(b, 'Second edit in B');
    await b.bringToFront();
    await sidebar(b).getByTestId('editor-save').click();
    await sidebar(b).getByTestId('timeline-entry').filter({ hasText: 'Second edit in B' }).waitFor();
    await a.bringToFront();
    await sidebar(a).getByTestId('editor-save').click();
    await sidebar(a).getByTestId('edit-conflict').waitFor();
    await sidebar(a).getByTestId('conflict-keep-theirs').click();
    await sidebar(a).getByTestId('timeline-entry').filter({ hasText: 'Second edit in B' }).waitFor();
    await b.reload();
    await sidebar(b).getByTestId('timeline-entry').filter({ hasText: 'Second edit in B' }).waitFor();
    expect(await sidebar(b).getByTestId('timeline-entry').count()).toBe(1);
    await a.close();
    await b.close();
  });
});

describe('never lose a note', () => {
  it('keeps the draft when the service worker is stopped between keystrokes, the tab is closed, or the page crashes', async () => {
    const browser = await launchBrowser();
    const page = await openAccount(browser.context, INITECH.id);
    const frame = sidebar(page);
    await frame.getByTestId('quick-log-open').click();
    await frame.getByTestId('quick-log-text').pressSequentially('Before the worker stopped');
    await expect.poll(() => frame.getByTestId('quick-log-text').inputValue()).toBe('Before the worker stopped');
    await stopServiceWorker(browser);
    await frame.getByTestId('quick-log-text').pressSequentially(', and after it.');
    // Closed once the page has taken every key: keys still queued when a tab closes never reach it.
    await expect.poll(() => frame.getByTestId('quick-log-text').inputValue()).toBe('Before the worker stopped, and after it.');
    await page.close();

    const again = await openAccount(browser.context, INITECH.id);
    await expect.poll(() => sidebar(again).getByTestId('quick-log-text').inputValue()).toBe('Before the worker stopped, and after it.');
    await sidebar(again).getByTestId('draft-restored').waitFor();

    // The CRM page crashes mid-sentence: what was typed is still there.
    await sidebar(again).getByTestId('quick-log-text').press('Control+End');
    await sidebar(again).getByTestId('quick-log-text').pressSequentially(' Then the page crashed');
    await expect.poll(() => sidebar(again).getByTestId('quick-log-text').inputValue()).toBe('Before the worker stopped, and after it. Then the page crashed');
    const cdp = await browser.context.newCDPSession(again);
    const crashed = again.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => undefined); // never answers: the session dies with the page
    await crashed;
    const afterCrash = await openAccount(browser.context, INITECH.id);
    await expect.poll(() => sidebar(afterCrash).getByTestId('quick-log-text').inputValue()).toBe('Before the worker stopped, and after it. Then the page crashed');
    await browser.close();
  });

  it('keeps a keystroke typed as the service worker restarts when the tab is closed at once', async () => {
    // The keystroke wakes the stopped worker; the tab closes while it starts. Before the fix the
    // closing was handled first (the tab's sidebar frame and accounts forgotten, the accounts
    // never known to the new worker), and the keystroke was refused: about one in four here. The
    // fix orders it, so any loss fails this test; eight rounds make a regression show almost surely.
    const browser = await launchBrowser();
    let page = await openAccount(browser.context, INITECH.id);
    await sidebar(page).getByTestId('quick-log-open').click();
    let typed = '';
    for (const key of 'abcdefgh') {
      const box = sidebar(page).getByTestId('quick-log-text');
      await stopServiceWorker(browser);
      await box.press('End');
      await box.pressSequentially(key);
      typed += key;
      await expect.poll(() => box.inputValue()).toBe(typed);
      await page.close();
      // Opened again until the draft shows the key: one still on its way is waited for, not lost.
      let reopened: Page | undefined;
      await expect
        .poll(async () => {
          await reopened?.close();
          reopened = await openAccount(browser.context, INITECH.id);
          const restored = sidebar(reopened).getByTestId('quick-log-text');
          await restored.waitFor();
          return restored.inputValue();
        })
        .toBe(typed);
      if (!reopened) throw new Error('never reopened');
      page = reopened;
    }
    await browser.close();
  });

  it('restores a backup twice without duplicating anything, reproducing health and the portfolio; a malformed file changes nothing', async () => {
    const source = await launchBrowser();
    // Usage data too: the backup must carry it, its links and the remembered mapping.
    await openAccount(source.context, GLOBEX.id).then((p) => p.close());
    const usage = await source.context.newPage();
    await usage.goto(`chrome-extension://${source.extensionId}/options.html`);
    await usage.getByTestId('usage-file').setInputFiles(resolve('tests/fixtures/usage/sample-accounts.csv'));
    await usage.getByTestId('usage-confirm').click();
    await usage.locator('[data-testid="usage-result"][data-outcome="stored"]').waitFor();
    await usage.close();
    const page = await openAccount(source.context, UMBRELLA.id);
    const frame = sidebar(page);
    await frame.getByTestId('stakeholder-add').click();
    await frame.getByTestId('stakeholder-name').fill('Mina Sato');
    await frame.getByTestId('editor-save').click();
    await frame.getByTestId('stakeholder').filter({ hasText: 'Mina Sato' }).waitFor();
    await frame.getByTestId('quick-log-open').click();
    await frame.getByTestId('quick-log-text').fill('QBR dry run with Mina');
    await frame.locator('[data-testid="quick-log-signal"][data-kind="expansion-interest"]').click();
    await frame.getByTestId('quick-log-save').click();
    await frame.locator('[data-testid="timeline-entry"][data-kind="signal"]').waitFor();
    const entries = await frame.getByTestId('timeline-entry').count();
    expect(entries).toBe(2);

    const before = { health: await healthOf(source, GLOBEX.id), portfolio: await portfolioOf(source) };
    expect(before.portfolio.length).toBeGreaterThanOrEqual(2);
    const options = await source.context.newPage();
    await options.goto(`chrome-extension://${source.extensionId}/options.html`);
    const download = options.waitForEvent('download');
    await options.getByTestId('backup-export').click();
    const file = join(scratchDir('backup-'), 'backup.json');
    await (await download).saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'adoption-sidebar-backup', version: BACKUP_VERSION });
    await source.close();

    const target = await launchBrowser();
    const targetOptions = await target.context.newPage();
    await targetOptions.goto(`chrome-extension://${target.extensionId}/options.html`);
    for (let i = 0; i < 2; i++) {
      await targetOptions.getByTestId('backup-import').setInputFiles(file);
      await targetOptions.locator('[data-outcome="imported"]').waitFor();
      await targetOptions.reload();
    }
    const restored = await openAccount(target.context, UMBRELLA.id);
    await sidebar(restored).getByTestId('timeline-entry').first().waitFor();
    await expect.poll(() => sidebar(restored).getByTestId('timeline-entry').count()).toBe(entries);
    // Stakeholders arrive with the account overview, after the timeline.
    await expect.poll(() => sidebar(restored).getByTestId('stakeholder').count()).toBe(1);
    expect(await healthOf(target, GLOBEX.id)).toEqual(before.health);
    expect(await portfolioOf(target)).toEqual(before.portfolio);

    // A malformed file is refused with where it is wrong, and changes nothing.
    const bad = join(scratchDir('backup-'), 'bad.json');
    const broken = JSON.parse(readFileSync(file, 'utf8'));
    broken.records.interactions[0].occurredAt = 'yesterday';
    broken.records.accounts = [];
    writeFileSync(bad, JSON.stringify(broken));
    await targetOptions.getByTestId('backup-import').setInputFiles(bad);
    const refused = targetOptions.locator('[data-outcome="refused"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('records.interactions.0.occurredAt');
    await restored.reload();
    await sidebar(restored).getByTestId('timeline-entry').first().waitFor();
    expect(await sidebar(restored).getByTestId('timeline-entry').count()).toBe(entries);
    await expect.poll(() => sidebar(restored).getByTestId('stakeholder').count()).toBe(1);
    await target.close();
  });
});
