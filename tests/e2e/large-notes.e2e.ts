/**
 * Nothing lost at any size: a note of a megabyte pasted into the quick log is saved, shown (as a
 * clipped preview with "show all"), exported, and kept as a draft across a closed tab; past the
 * note's cap the form says so, the background refuses it in the user's words, and the draft still
 * keeps every character.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Download, FrameLocator, Page } from 'playwright-core';
import { GLOBEX, INITECH, launchBrowser, openAccount, sidebar, sidebarFrame, UMBRELLA, type LaunchedBrowser } from './harness';
import { inline } from '@/lib/export/markdown';
import { LIMITS } from '@/lib/model/limits';

const MiB = 1024 * 1024;

/** `length` characters of meeting notes (English and Japanese, quotes, line breaks), starting and ending with markers. */
function note(length: number, tag: string): string {
  const head = `BEGIN-${tag} `;
  const tail = ` END-${tag}`;
  const line = '定例会議：導入状況を確認。Adoption review with "quotes", <tags> and \\ backslashes; next steps agreed.\n';
  return head + line.repeat(Math.ceil(length / line.length)).slice(0, length - head.length - tail.length) + tail;
}

/** Today as YYYY-MM-DD in local time. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function downloadFrom(page: Page, click: () => Promise<void>): Promise<Download> {
  const download = page.waitForEvent('download');
  await click();
  return download;
}

/** Puts `text` into the quick log's notes as a paste would (one input event), opening the quick log first. */
async function paste(frame: FrameLocator, text: string): Promise<void> {
  const open = frame.getByTestId('quick-log-open');
  if (await open.isVisible()) await open.click();
  const notes = frame.getByTestId('quick-log-text');
  await notes.waitFor();
  // As a paste does: the whole text in one input event (React reads it through the native setter).
  await notes.evaluate((el, value) => {
    const area = el as HTMLTextAreaElement;
    area.focus();
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(area, value);
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** The quick log's notes, read without copying them through an assertion message. */
const notesOf = (frame: FrameLocator) => frame.getByTestId('quick-log-text').evaluate((el) => (el as HTMLTextAreaElement).value);

describe('a note of a megabyte', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is saved, shown as a preview with “show all”, and exported whole', async () => {
    const text = note(MiB, 'saved');
    const page = await openAccount(browser.context, GLOBEX.id);
    const frame = sidebar(page);
    await paste(frame, text);
    // Far below the cap: no counter yet.
    expect(await frame.getByTestId('limit-count').count()).toBe(0);

    // Typed at the end of it, every key is taken (how fast, beside a bare textarea, is a figure of
    // `npm run bench`).
    const typed = ' Typed.';
    await frame.getByTestId('quick-log-text').press('Control+End');
    await frame.getByTestId('quick-log-text').pressSequentially(typed);
    await expect.poll(() => notesOf(frame).then((value) => value.endsWith(typed))).toBe(true);
    const saved = text + typed;

    await frame.getByTestId('quick-log-save').click();
    await frame.getByTestId('quick-log-saved').waitFor();
    expect(await frame.getByTestId('error-message').count()).toBe(0);

    // The timeline shows the start of it, and stays light.
    const entry = frame.locator('[data-testid="timeline-entry"][data-kind="interaction"]').first();
    const preview = entry.getByTestId('entry-text-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/^BEGIN-saved 定例会議/);
    expect((await entry.boundingBox())?.height).toBeLessThan(400);
    expect(await entry.getByTestId('entry-show-all').textContent()).toBe(`Show all (${saved.length.toLocaleString('en-US')} characters)`);

    // After a reload (read back from IndexedDB), "show all" shows every character, in a box of its own.
    await page.reload();
    const again = sidebar(page);
    const stored = again.locator('[data-testid="timeline-entry"][data-kind="interaction"]').first();
    await stored.getByTestId('entry-show-all').click();
    const all = stored.getByTestId('entry-text-all');
    expect(await all.evaluate((el) => el.textContent?.length)).toBe(saved.length);
    expect(await all.evaluate((el, expected) => el.textContent === expected, saved)).toBe(true);
    expect((await stored.boundingBox())?.height).toBeLessThan(800);

    // The QBR brief's Markdown holds all of it.
    await again.getByTestId('export-from').fill(today());
    await again.getByTestId('export-to').fill(today());
    const download = await downloadFrom(page, () => again.getByTestId('export-markdown').click());
    const md = readFileSync(await download.path(), 'utf8');
    expect(md.includes(inline(saved))).toBe(true);
    expect(md).toContain('END-saved Typed.');
    await page.close();
  });

  it('survives a tab closed while typing: reopening the account restores every character', async () => {
    const text = note(MiB, 'draft');
    const page = await openAccount(browser.context, INITECH.id);
    const frame = sidebar(page);
    await paste(frame, text);
    await frame.getByTestId('quick-log-text').press('Control+End');
    await frame.getByTestId('quick-log-text').pressSequentially(' the end');
    // Closed once the page has taken every key (on a busy machine the browser spends 100 ms or more
    // on each key of a 1 MiB textarea, and keys still queued when a tab closes never reach it).
    await expect.poll(() => frame.getByTestId('quick-log-text').evaluate((el) => (el as HTMLTextAreaElement).value.endsWith(' the end'))).toBe(true);
    await page.close();

    const reopened = await openAccount(browser.context, INITECH.id);
    const restored = sidebar(reopened);
    await restored.getByTestId('draft-restored').waitFor();
    await expect.poll(async () => (await notesOf(restored)).length).toBe(text.length + ' the end'.length);
    expect((await notesOf(restored)) === `${text} the end`).toBe(true);
    await reopened.close();
  });

  it('past the cap: the form says so, the background refuses it in the user’s words, and the draft keeps it all', async () => {
    const text = note(LIMITS.notes + 5, 'over');
    const page = await openAccount(browser.context, UMBRELLA.id);
    const frame = sidebar(page);
    await paste(frame, text);
    const over = frame.getByTestId('limit-over');
    await over.waitFor();
    expect(await over.textContent()).toBe('This note is longer than 5,000,000 characters (5,000,005 now). It can be saved once it is shorter; meanwhile the draft keeps every character.');

    // Saving says what is wrong, never "a message it does not understand".
    await frame.getByTestId('quick-log-save').click();
    const error = frame.getByTestId('error-message');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('invalid-content');
    expect(await error.textContent()).toContain('This note is longer than 5,000,000 characters (5,000,005 now).');

    // The background answers the same to a request sent anyway (a page that skipped the form's check).
    const sidebarPage = await sidebarFrame(page);
    const reply = await sidebarPage.evaluate(
      async ({ accountKey, notes }) => {
        const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }).chrome.runtime;
        return runtime.sendMessage({ type: 'quickLog.save', accountKey, form: { type: 'call', occurredAt: null, tone: null, notes, attendeeIds: [], newAttendees: [], internalAttendees: [], signals: [], nextSteps: [], internalOnly: false }, saveId: crypto.randomUUID() });
      },
      // Any well-formed key: the content is checked before anything is looked up.
      { accountKey: 'salesforce:acme:001Dn00000ABCDEAA1', notes: text },
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-content', field: 'notes', limit: LIMITS.notes, detail: 'This note is longer than 5,000,000 characters (5,000,005 now).' } });

    // Closing the tab loses nothing of it.
    await page.close();
    const reopened = await openAccount(browser.context, UMBRELLA.id);
    const restored = sidebar(reopened);
    await restored.getByTestId('draft-restored').waitFor();
    await expect.poll(async () => (await notesOf(restored)).length).toBe(text.length);
    await restored.getByTestId('limit-over').waitFor();
    await reopened.close();
  });
});
