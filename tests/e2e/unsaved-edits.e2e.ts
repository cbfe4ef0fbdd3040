/**
 * An edit of a stored entry (a note, a goal) is kept as it is typed, in Chromium with the built
 * extension: closing the tab or reloading the page mid-edit loses nothing, the sidebar offers the
 * edit again when the account is next opened, and an edit another open tab is still writing is not
 * taken from it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INITECH, launchBrowser, logNote, openAccount, sampleAccountKey, sidebar, sidebarFrame, SAMPLE_SHOJI, UMBRELLA, type LaunchedBrowser } from './harness';

describe('unsaved edits of stored entries', () => {
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an edit of a note typed just before its tab closes is offered again, not to another open tab, and saved once', async () => {
    const first = await openAccount(browser.context, INITECH.id);
    await logNote(first, 'Kickoff went well');
    const entry = sidebar(first).getByTestId('timeline-entry').filter({ hasText: 'Kickoff went well' });
    await entry.getByTestId('timeline-edit').click();
    const notes = sidebar(first).getByTestId('interaction-editor').getByTestId('interaction-notes');
    await notes.press('End');
    await notes.pressSequentially('; the sponsor asked for SSO');

    // Another tab on the account while the first still edits: the edit is not offered there.
    const second = await openAccount(browser.context, INITECH.id);
    await sidebar(second).getByTestId('restored-edits-none').waitFor({ state: 'attached' });
    await second.close();

    // Two more keys, and the tab closes at once.
    await notes.pressSequentially('!!');
    await first.close();

    const third = await openAccount(browser.context, INITECH.id);
    const restored = sidebar(third).getByTestId('restored-edits');
    await expect.poll(() => restored.getByTestId('interaction-notes').inputValue()).toBe('Kickoff went well; the sponsor asked for SSO!!');
    await restored.getByTestId('editor-restored').waitFor();
    await restored.getByTestId('editor-save').click();
    await sidebar(third).getByTestId('timeline-entry').filter({ hasText: 'the sponsor asked for SSO!!' }).waitFor();
    await sidebar(third).getByTestId('restored-edits-none').waitFor({ state: 'attached' });
    // One touch, edited: no second copy, and nothing offered once it is saved.
    expect(await sidebar(third).getByTestId('timeline-entry').filter({ hasText: 'Kickoff went well' }).count()).toBe(1);
    await third.reload();
    await sidebar(third).getByTestId('restored-edits-none').waitFor({ state: 'attached' });
    await third.close();
  });

  it('a new goal typed before a reload is offered again, and cancelling it discards it', async () => {
    const page = await openAccount(browser.context, SAMPLE_SHOJI.id);
    await sidebar(page).getByTestId('goal-add').click();
    await sidebar(page).getByTestId('goal-title').pressSequentially('Roll out to support');
    await sidebar(page).getByTestId('goal-metric-target').pressSequentially('1,000');
    await page.reload();

    const restored = sidebar(page).getByTestId('restored-edits').getByTestId('goal-editor');
    await expect.poll(() => restored.getByTestId('goal-title').inputValue()).toBe('Roll out to support');
    expect(await restored.getByTestId('goal-metric-target').inputValue()).toBe('1,000');
    await restored.getByRole('button', { name: 'Cancel' }).click();
    await sidebar(page).getByTestId('restored-edits-none').waitFor({ state: 'attached' });
    await page.reload();
    await sidebar(page).getByTestId('restored-edits-none').waitFor({ state: 'attached' });
    expect(await sidebar(page).getByTestId('goal').count()).toBe(0);
    await page.close();
  });

  it('an edit closed by Escape is offered back: Enter on the focused Undo opens it again with its text, and it saves', async () => {
    const page = await openAccount(browser.context, INITECH.id);
    await logNote(page, 'Renewal call booked');
    const entry = sidebar(page).getByTestId('timeline-entry').filter({ hasText: 'Renewal call booked' });
    await entry.getByTestId('timeline-edit').click();
    const notes = sidebar(page).getByTestId('interaction-editor').getByTestId('interaction-notes');
    await notes.press('End');
    await notes.pressSequentially(' for 12 March');
    await notes.press('Escape');
    await sidebar(page).getByTestId('interaction-editor').waitFor({ state: 'detached' });

    // The Undo has the focus: Enter brings the edit back.
    const undo = sidebar(page).getByTestId('discard-toast').getByTestId('undo-discard');
    await expect.poll(() => undo.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const reopened = sidebar(page).getByTestId('restored-edits').getByTestId('interaction-notes');
    await expect.poll(() => reopened.inputValue()).toBe('Renewal call booked for 12 March');
    // Put back as a kept edit: a reload before saving still offers it.
    await page.reload();
    const kept = sidebar(page).getByTestId('restored-edits');
    await expect.poll(() => kept.getByTestId('interaction-notes').inputValue()).toBe('Renewal call booked for 12 March');
    await kept.getByTestId('editor-save').click();
    await sidebar(page).getByTestId('timeline-entry').filter({ hasText: 'Renewal call booked for 12 March' }).waitFor();
    expect(await sidebar(page).getByTestId('timeline-entry').filter({ hasText: 'Renewal call booked' }).count()).toBe(1);
    await page.close();
  });

  it('an edit stays open with its text when another entry is edited and when the timeline is scrolled far away', async () => {
    const page = await openAccount(browser.context, UMBRELLA.id);
    // Forty touches, saved by the sidebar as its quick log does: more than the timeline keeps mounted.
    await (await sidebarFrame(page)).evaluate(async (accountKey) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<{ ok: boolean }> } } }).chrome.runtime;
      for (let i = 0; i < 40; i++) {
        const occurredAt = new Date(Date.now() - (40 - i) * 60_000).toISOString();
        const form = { type: 'call', occurredAt, tone: null, notes: `Weekly sync ${i}`, attendeeIds: [], newAttendees: [], internalAttendees: [], signals: [], nextSteps: [], internalOnly: false };
        if (!(await runtime.sendMessage({ type: 'quickLog.save', accountKey, form, saveId: crypto.randomUUID() })).ok) throw new Error(`save ${i} refused`);
      }
    }, sampleAccountKey(UMBRELLA.id));
    const frame = sidebar(page);
    const entry = (text: string) => frame.getByTestId('timeline-entry').filter({ hasText: text });
    await entry('Weekly sync 39').waitFor();

    // An entry in its editor is found by its id: the text it showed is in a field now.
    const byId = async (text: string) => frame.locator(`[data-testid="timeline-entry"][data-id="${await entry(text).getAttribute('data-id')}"]`);
    const newest = await byId('Weekly sync 39');
    const next = await byId('Weekly sync 38');
    await newest.getByTestId('timeline-edit').click();
    const notes = newest.getByTestId('interaction-notes');
    await notes.press('End');
    await notes.pressSequentially(': pricing raised');
    // Another entry's editor opened beside it: the first stays open.
    await next.getByTestId('timeline-edit').click();
    await next.getByTestId('interaction-editor').waitFor();
    expect(await notes.inputValue()).toBe('Weekly sync 39: pricing raised');

    // Scrolled to the oldest and back: the edit is where it was.
    const timeline = frame.getByTestId('timeline');
    await timeline.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await entry('Weekly sync 0').waitFor();
    expect(await frame.getByTestId('interaction-editor').count()).toBe(2);
    await timeline.evaluate((el) => (el.scrollTop = 0));
    await expect.poll(() => notes.inputValue()).toBe('Weekly sync 39: pricing raised');
    await newest.getByTestId('editor-save').click();
    await entry('Weekly sync 39: pricing raised').getByTestId('timeline-edit').waitFor();
    await page.close();
  });
});
