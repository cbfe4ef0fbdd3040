/**
 * Suggestions from what the CSM types, in the built extension: a mixed English and Japanese note
 * gives signals with their kind and the stakeholder named, one is taken into the chosen signals
 * and saved, a negated sentence gives no risk, the CSM's competitor from settings is recognised, a
 * pasted Teams .vtt lists each suggestion with its line, a transcript file can be added, an
 * edited interaction's notes offer their signals too, and a competitor saved in settings reaches a
 * sidebar that was already open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { GLOBEX, INITECH, launchBrowser, logNote, openAccount, SAMPLE_SHOJI, sidebar, UMBRELLA, type LaunchedBrowser } from './harness';

const VTT = resolve('tests/fixtures/transcripts/teams-call.vtt');
const suggestion = (frame: FrameLocator, kind: string) => frame.locator(`[data-testid="quick-log-suggestion"][data-kind="${kind}"]`);

async function addStakeholder(frame: FrameLocator, name: string, role: string): Promise<void> {
  await frame.getByTestId('stakeholder-add').click();
  await frame.getByTestId('stakeholder-name').fill(name);
  await frame.getByTestId('stakeholder-role').selectOption(role);
  await frame.getByTestId('editor-save').click();
  await frame.getByTestId('stakeholder').filter({ hasText: name }).waitFor();
}

async function openQuickLog(frame: FrameLocator): Promise<void> {
  const open = frame.getByTestId('quick-log-open');
  if (await open.isVisible()) await open.click();
  await frame.getByTestId('quick-log-text').waitFor();
}

describe('suggestions in the quick log', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
    // The CSM's competitor, entered on the settings page.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('settings-competitors').fill('Totango\nコミューン');
    await options.getByTestId('settings-phrase-add').click();
    await options.getByTestId('settings-phrase-kind').last().selectOption('unresolved-issue');
    await options.getByTestId('settings-phrase-text').last().fill('SAML地獄');
    await options.getByTestId('settings-save').click();
    await options.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await options.reload();
    expect(await options.getByTestId('settings-competitors').inputValue()).toBe('Totango\nコミューン');
    expect(await options.getByTestId('settings-phrase-text').last().inputValue()).toBe('SAML地獄');
    await options.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('suggests from a mixed note as it is typed, takes one into the chosen signals, and gives no risk for a negated sentence', async () => {
    const page = await openAccount(browser.context, GLOBEX.id);
    const frame = sidebar(page);
    await addStakeholder(frame, 'Priya Raman', 'champion');
    await openQuickLog(frame);
    const notes = frame.getByTestId('quick-log-text');
    await notes.pressSequentially('Priyaさんが来月退職予定\nCFO asked about ROI again\nNo budget cut this year.\n退職はしないとのこと、田中部長。\nThey compared us with Totango; またSAML地獄');

    const left = suggestion(frame, 'champion-left');
    await left.waitFor();
    expect(await left.getAttribute('data-stakeholder')).toBe('Priya Raman');
    expect(await left.locator('mark').textContent()).toBe('退職');
    expect(await left.textContent()).toContain('line 1');
    await suggestion(frame, 'roi-questioned').waitFor();
    await suggestion(frame, 'competitor-mentioned').waitFor();
    await suggestion(frame, 'unresolved-issue').waitFor();
    // Exactly one suggestion per signal said; none from the negated lines (3 and 4).
    expect(await frame.locator('[data-testid="quick-log-suggestion"][data-polarity="risk"]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind'), e.getAttribute('data-line')]))).toEqual([
      ['champion-left', '1'],
      ['roi-questioned', '2'],
      ['competitor-mentioned', '5'],
      ['unresolved-issue', '5'],
    ]);
    // Nothing is chosen by itself.
    expect(await frame.getByTestId('quick-log-signal-detail').count()).toBe(0);

    await left.getByTestId('quick-log-suggestion-accept').click();
    await frame.locator('[data-testid="quick-log-signal-detail"][data-kind="champion-left"]').waitFor();
    expect(await frame.locator('[data-testid="quick-log-signal"][data-kind="champion-left"]').getAttribute('aria-pressed')).toBe('true');
    expect(await left.count()).toBe(0);
    // The keyboard: Delete dismisses the suggestion that has focus, Enter takes one.
    await suggestion(frame, 'roi-questioned').getByTestId('quick-log-suggestion-accept').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => suggestion(frame, 'roi-questioned').count()).toBe(0);
    await suggestion(frame, 'competitor-mentioned').getByTestId('quick-log-suggestion-accept').focus();
    await page.keyboard.press('Enter');
    await frame.locator('[data-testid="quick-log-signal-detail"][data-kind="competitor-mentioned"]').waitFor();
    // Typing on does not bring the dismissed one back.
    await notes.press('End');
    await notes.pressSequentially('. They want more seats.');
    await suggestion(frame, 'expansion-interest').waitFor();
    expect(await suggestion(frame, 'roi-questioned').count()).toBe(0);

    // Saved as if chosen by hand: the signal is about Priya, noticed on a call.
    await frame.getByTestId('quick-log-save').click();
    await frame.getByTestId('quick-log-saved').waitFor();
    const signal = frame.locator('[data-testid="open-signal"][data-kind="champion-left"]');
    await signal.waitFor();
    expect(await signal.textContent()).toContain('Priya Raman');
    expect(await signal.textContent()).toContain('Call');
    await page.close();
  });

  it('suggests a tone when the words are clearly warm', async () => {
    const page = await openAccount(browser.context, INITECH.id);
    const frame = sidebar(page);
    await openQuickLog(frame);
    await frame.getByTestId('quick-log-text').fill('Great call, they loved the new dashboards and were thrilled.');
    const tone = frame.getByTestId('quick-log-tone-suggestion');
    await tone.waitFor();
    expect(await tone.getAttribute('data-tone')).toBe('enthusiastic');
    await frame.getByTestId('quick-log-tone-accept').click();
    expect(await frame.locator('input[name="tone"][value="enthusiastic"]').isChecked()).toBe(true);
    await page.close();
  });

  it('keeps a pasted Teams .vtt as the notes and lists each suggestion with its line and speaker', async () => {
    const page = await openAccount(browser.context, GLOBEX.id);
    const frame = sidebar(page);
    await openQuickLog(frame);
    const vtt = readFileSync(VTT, 'utf8');
    const notes = frame.getByTestId('quick-log-text');
    // As a paste does: the whole text in one input event.
    await notes.evaluate((el, value) => {
      const area = el as HTMLTextAreaElement;
      area.focus();
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(area, value);
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, vtt);
    await suggestion(frame, 'expansion-interest').waitFor();
    expect(await notes.inputValue()).toBe(vtt);
    const listed = await frame.getByTestId('quick-log-suggestion').evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind'), e.getAttribute('data-line'), e.getAttribute('data-stakeholder')]));
    expect(listed).toEqual([
      ['champion-left', '9', 'Priya Raman'],
      ['roi-questioned', '13', 'Priya Raman'],
      ['expansion-interest', '17', 'Priya Raman'],
    ]);
    expect(await suggestion(frame, 'champion-left').textContent()).toContain('line 9 (00:00:08)');
    await page.close();
  });

  it('suggests from an interaction’s notes when it is edited; a taken one opens the signal editor filled in, linked to it, and is not suggested again', async () => {
    const page = await openAccount(browser.context, UMBRELLA.id);
    const frame = sidebar(page);
    await logNote(page, 'Onsite review. They are evaluating alternatives before the renewal.');
    const entry = frame.locator('[data-testid="timeline-entry"][data-kind="interaction"]').first();
    await entry.getByTestId('timeline-edit').click();
    const editor = frame.getByTestId('interaction-editor');
    const offered = editor.locator('[data-testid="quick-log-suggestion"][data-kind="competitor-mentioned"]');
    await offered.waitFor();
    await offered.getByTestId('quick-log-suggestion-accept').click();
    const signalEditor = frame.getByTestId('signal-editor');
    await signalEditor.waitFor();
    expect(await signalEditor.getByTestId('signal-kind').inputValue()).toBe('competitor-mentioned');
    expect(await signalEditor.getByTestId('signal-what').inputValue()).toBe('They are evaluating alternatives before the renewal.');
    await signalEditor.getByTestId('editor-save').click();
    await frame.locator('[data-testid="open-signal"][data-kind="competitor-mentioned"]').waitFor();

    // Closed (Escape) and edited again: the touch does not suggest the signal already logged with
    // it, only what is new.
    await editor.getByTestId('interaction-notes').press('Escape');
    await editor.waitFor({ state: 'detached' });
    await entry.getByTestId('timeline-edit').click();
    const notes = editor.getByTestId('interaction-notes');
    await notes.fill(`${await notes.inputValue()}\nCFO asked about ROI again.`);
    await editor.locator('[data-testid="quick-log-suggestion"][data-kind="roi-questioned"]').waitFor();
    expect(await offered.count()).toBe(0);
    await page.close();
  });

  it('adds a transcript file to the notes', async () => {
    const page = await openAccount(browser.context, INITECH.id);
    const frame = sidebar(page);
    await openQuickLog(frame);
    await frame.getByTestId('quick-log-text').fill('Notes before the file.');
    await frame.getByTestId('quick-log-transcript-file').setInputFiles(VTT);
    await expect.poll(() => frame.getByTestId('quick-log-text').inputValue()).toBe(`Notes before the file.\n${readFileSync(VTT, 'utf8')}`);
    await suggestion(frame, 'roi-questioned').waitFor();
    await page.close();
  });

  it('makes the new person a taken suggestion names a stakeholder when the touch is saved, the signal about them', async () => {
    const page = await openAccount(browser.context, SAMPLE_SHOJI.id);
    const frame = sidebar(page);
    await openQuickLog(frame);
    await frame.getByTestId('quick-log-text').fill('New VP of Operations, Mark Chen, joined last week and wants a walkthrough.');
    const offered = suggestion(frame, 'new-stakeholder');
    await offered.waitFor();
    expect(await offered.getAttribute('data-stakeholder')).toBe('Mark Chen');
    await offered.getByTestId('quick-log-suggestion-accept').click();
    const who = frame.locator('[data-testid="quick-log-signal-detail"][data-kind="new-stakeholder"]').getByTestId('quick-log-signal-who');
    expect(await who.locator('option:checked').textContent()).toBe('Mark Chen (new: added to the stakeholders when saved)');
    await frame.getByTestId('quick-log-save').click();
    await frame.getByTestId('stakeholder').filter({ hasText: 'Mark Chen' }).waitFor();
    await frame.locator('[data-testid="open-signal"][data-kind="new-stakeholder"]').filter({ hasText: 'Mark Chen' }).waitFor();
    // Still there after a reload: one stakeholder of that name.
    await page.reload();
    await frame.locator('[data-testid="open-signal"][data-kind="new-stakeholder"]').filter({ hasText: 'Mark Chen' }).waitFor();
    expect(await frame.getByTestId('stakeholder').filter({ hasText: 'Mark Chen' }).count()).toBe(1);
    await page.close();
  });

  it('in an edited touch, a taken suggestion naming a new person opens the signal editor about them, and saving makes them a stakeholder', async () => {
    const page = await openAccount(browser.context, INITECH.id);
    const frame = sidebar(page);
    await logNote(page, 'New VP of Sales, Dana Whitfield, joined last week.');
    const entry = frame.locator('[data-testid="timeline-entry"][data-kind="interaction"]').filter({ hasText: 'Dana Whitfield' });
    await entry.getByTestId('timeline-edit').click();
    const offered = frame.getByTestId('interaction-editor').locator('[data-testid="quick-log-suggestion"][data-kind="new-stakeholder"]');
    await offered.waitFor();
    await offered.getByTestId('quick-log-suggestion-accept').click();
    const signalEditor = frame.getByTestId('signal-editor');
    expect(await signalEditor.getByTestId('signal-who').locator('option:checked').textContent()).toBe('Dana Whitfield (new: added to the stakeholders when saved)');
    await signalEditor.getByTestId('editor-save').click();
    await frame.getByTestId('stakeholder').filter({ hasText: 'Dana Whitfield' }).waitFor();
    await frame.locator('[data-testid="open-signal"][data-kind="new-stakeholder"]').filter({ hasText: 'Dana Whitfield' }).waitFor();
    await page.close();
  });

  it('recognises a competitor added on the settings page in a sidebar already open, its note kept', async () => {
    const page = await openAccount(browser.context, UMBRELLA.id);
    const frame = sidebar(page);
    await openQuickLog(frame);
    await frame.getByTestId('quick-log-text').fill('CFO asked about ROI again\nZorblax came up twice.');
    await suggestion(frame, 'roi-questioned').waitFor();
    expect(await suggestion(frame, 'competitor-mentioned').count()).toBe(0);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('settings-competitors').fill('Totango\nコミューン\nZorblax');
    await options.getByTestId('settings-save').click();
    await options.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await options.close();

    // No reload of the CRM page: the open sidebar reads the settings again and reads the note with them.
    await suggestion(frame, 'competitor-mentioned').waitFor();
    expect(await frame.getByTestId('quick-log-text').inputValue()).toBe('CFO asked about ROI again\nZorblax came up twice.');
    await page.close();
  });
});
