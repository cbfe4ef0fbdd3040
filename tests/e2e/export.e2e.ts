import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { accountName, GLOBEX, sampleAccountKey, INITECH, launchBrowser, logNote, openAccount, sidebar, UMBRELLA, type LaunchedBrowser } from './harness';

const SECTIONS = ['Summary', 'Goals and progress', 'Usage trend', 'Health and its drivers', 'Blind spots', 'Risks and opportunities', 'Stakeholders and changes', 'Interactions', 'Next steps'];
const FORMULA_NOTE = '=HYPERLINK("http://evil.example","Click me")';

/** Today and a week ago as YYYY-MM-DD in local time: notes logged now fall in this range. */
function lastWeek(): { from: string; to: string } {
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const today = new Date();
  const before = new Date(today);
  before.setDate(today.getDate() - 7);
  return { from: iso(before), to: iso(today) };
}

async function savedText(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

async function downloadFrom(page: Page, click: () => Promise<void>): Promise<Download> {
  const download = page.waitForEvent('download');
  await click();
  return download;
}

describe('QBR export from the sidebar', () => {
  let browser: LaunchedBrowser;
  let page: Page;
  const range = lastWeek();

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openAccount(browser.context, GLOBEX.id);
    const frame = sidebar(page);
    await logNote(page, 'Kickoff recap: rollout on track');
    await logNote(page, FORMULA_NOTE);
    // An internal-only note, and a touch with a competitor signal.
    await frame.getByTestId('quick-log-text').fill('Internal: pricing floor is 20% off');
    await frame.getByTestId('quick-log-internal').check();
    await frame.getByTestId('quick-log-save').click();
    await frame.getByTestId('timeline-entry').filter({ hasText: 'pricing floor' }).waitFor();
    await frame.getByTestId('quick-log-text').fill('Call with IT: they compare us with a rival');
    await frame.locator('[data-testid="quick-log-signal"][data-kind="competitor-mentioned"]').click();
    await frame.getByTestId('quick-log-save').click();
    await frame.locator('[data-testid="timeline-entry"][data-kind="signal"]').waitFor();

    await frame.getByTestId('export-panel').waitFor();
    await frame.getByTestId('export-from').fill(range.from);
    await frame.getByTestId('export-to').fill(range.to);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('defaults to the last quarter and refuses a backwards range', async () => {
    const fresh = await openAccount(browser.context, INITECH.id);
    const frame = sidebar(fresh);
    const from = await frame.getByTestId('export-from').inputValue();
    const to = await frame.getByTestId('export-to').inputValue();
    expect(from).toMatch(/^\d{4}-(01|04|07|10)-01$/);
    expect(to > from).toBe(true);
    await frame.getByTestId('export-from').fill('2026-10-01');
    await frame.getByTestId('export-to').fill('2026-09-01');
    await frame.getByTestId('export-bad-range').waitFor();
    expect(await frame.getByTestId('export-bad-range').textContent()).toBe('The start date must be on or before the end date.');
    expect(await frame.getByTestId('export-markdown').isDisabled()).toBe(true);
    await fresh.close();
  });

  it('downloads Markdown with the sections in order, leaving internal notes out unless included', async () => {
    const frame = sidebar(page);
    const download = await downloadFrom(page, () => frame.getByTestId('export-markdown').click());
    expect(download.suggestedFilename()).toBe(`Globex-Corporation_QBR_${range.from}_${range.to}.md`);
    const md = await savedText(download);
    const headings = md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    expect(headings).toEqual(SECTIONS);
    expect(md).toContain(`# ${accountName(GLOBEX)}: QBR brief`);
    expect(md).toContain('Kickoff recap: rollout on track');
    expect(md).toContain('Competitor mentioned');
    expect(md).toContain('Renewal date: Mar 31, 2027');
    expect(md).not.toContain('pricing floor');
    // No usage was imported: the section says so.
    expect(md.split('## Usage trend\n')[1]?.split('\n## ')[0]?.trim()).toBe('Not available yet: no usage data has been imported for this account.');
    await frame.getByTestId('export-status').filter({ hasText: 'Saved as' }).waitFor();

    await frame.getByTestId('export-include-internal').check();
    const withInternal = await savedText(await downloadFrom(page, () => frame.getByTestId('export-markdown').click()));
    expect(withInternal).toContain('pricing floor is 20% off');
    expect(withInternal).toContain('Internal-only notes are included.');
    await frame.getByTestId('export-include-internal').uncheck();
  });

  it('copies the Markdown to the clipboard', async () => {
    const frame = sidebar(page);
    await frame.getByTestId('export-copy').click();
    await frame.getByTestId('export-status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
    // Read it back where the test may: the CRM page's origin, given clipboard-read.
    await browser.context.grantPermissions(['clipboard-read'], { origin: 'https://acme.lightning.force.com' });
    await page.bringToFront();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('## Risks and opportunities');
    expect(copied).not.toContain('pricing floor');
  });

  it('downloads the timeline as a formula-safe CSV with a BOM', async () => {
    const frame = sidebar(page);
    const download = await downloadFrom(page, () => frame.getByTestId('export-csv').click());
    expect(download.suggestedFilename()).toBe(`Globex-Corporation_timeline_${range.from}_${range.to}.csv`);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8').slice(1);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Date,Kind,Type,Tone,Title,Details,Internal only');
    // The note that is a formula is text: prefixed with an apostrophe, never a cell starting with `=`.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Click me"")"`);
    expect(csv).not.toMatch(/(^|,)"?=/m);
    expect(csv).toContain('Signal,Competitor mentioned');
    expect(csv).not.toContain('pricing floor');
    expect(lines.filter((l) => l.includes(',Touch,'))).toHaveLength(3);
  });

  it('opens the printable page with its sections and the usage chart’s empty state, the address carrying no notes', async () => {
    const frame = sidebar(page);
    const [brief] = await Promise.all([browser.context.waitForEvent('page'), frame.getByTestId('export-print').click()]);
    await brief.getByTestId('brief-page').and(brief.locator('[data-state="ready"]')).waitFor();
    expect(brief.url()).toMatch(new RegExp(`^chrome-extension://${browser.extensionId}/brief\\.html#account=${encodeURIComponent(sampleAccountKey(GLOBEX.id))}&from=${range.from}&to=${range.to}&internal=0$`));
    const sections = await brief.getByTestId('brief-section').evaluateAll((els) => els.map((e) => e.getAttribute('data-section')));
    expect(sections).toEqual(['summary', 'goals', 'usage', 'health', 'blindSpots', 'signals', 'stakeholders', 'interactions', 'nextSteps']);
    await brief.getByTestId('usage-chart').or(brief.getByTestId('usage-chart-empty')).first().waitFor();
    expect(await brief.getByTestId('usage-chart-empty').count()).toBe(1);
    expect(await brief.locator('[data-section="interactions"]').textContent()).toContain('Kickoff recap');
    expect(await brief.locator('[data-section="interactions"]').textContent()).not.toContain('pricing floor');
    expect(await brief.locator('[data-section="signals"]').textContent()).toContain('Competitor mentioned');
    expect(await brief.getByTestId('brief-health-component').count()).toBeGreaterThan(0);
    // Printing hides the button.
    await brief.emulateMedia({ media: 'print' });
    expect(await brief.getByTestId('brief-print').isVisible()).toBe(false);
    await brief.emulateMedia({ media: 'screen' });
    expect(await brief.getByTestId('brief-print').isVisible()).toBe(true);
    await brief.close();
  });

  it('draws the usage trend as an SVG line chart once usage is imported', async () => {
    const brief = await browser.context.newPage();
    await brief.goto(`chrome-extension://${browser.extensionId}/brief.html`);
    // Four months of daily active users for the account, in their years, stored as the usage import stores them.
    const accountKey = sampleAccountKey(GLOBEX.id);
    const now = new Date();
    const years = new Map<number, { id: string; sourceAccountKey: string; account: object; subscription: string; metric: string; year: string; months: ((number | null)[] | null)[]; updatedAt: string; source: string }>();
    for (let back = 0; back < 4; back++) {
      const d = new Date(now.getFullYear(), now.getMonth() - back, 1);
      const length = new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate();
      const days = Array.from({ length: 31 }, (_, i) => (i < length ? 40 + i - back * 5 : null));
      const year = years.get(d.getFullYear()) ?? { id: `e2e|${d.getFullYear()}|activeUsers`, sourceAccountKey: 'e2e:globex', account: { id: 'globex', domain: '', name: 'Globex' }, subscription: '', metric: 'activeUsers', year: String(d.getFullYear()), months: new Array(12).fill(null), updatedAt: now.toISOString(), source: 'e2e' };
      year.months[d.getMonth()] = days;
      years.set(d.getFullYear(), year);
    }
    const links = [{ sourceAccountKey: 'e2e:globex', accountKey, how: 'manual', linkedAt: now.toISOString() }];
    // Written from an extension page (the import worker's origin) in one transaction, then the background is told.
    await brief.evaluate(
      ({ records, links }) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open('adoption-sidebar');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['usageYears', 'usageLinks'], 'readwrite');
            for (const year of records) tx.objectStore('usageYears').put(year);
            for (const link of links) tx.objectStore('usageLinks').put(link);
            tx.oncomplete = () => {
              db.close();
              done();
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
      { records: [...years.values()], links },
    );
    expect(await brief.evaluate(`chrome.runtime.sendMessage(${JSON.stringify({ type: 'usage.imported', accountKeys: [accountKey] })})`)).toMatchObject({ ok: true });
    await brief.goto(`chrome-extension://${browser.extensionId}/brief.html#account=${encodeURIComponent(accountKey)}&from=${range.from}&to=${range.to}&internal=0`);
    await brief.reload();
    const chart = brief.getByTestId('usage-chart');
    await chart.waitFor();
    expect(await chart.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
    expect((await chart.locator('path.line').getAttribute('d'))?.split(' L')).toHaveLength(90);
    // Axis labels in the locale's format (en-US here): "Nov 25".
    expect(await chart.locator('.axis-labels.x text').last().textContent()).toMatch(/^[A-Z][a-z]{2} \d{1,2}$/);
    expect(await brief.locator('[data-section="usage"]').textContent()).toContain('Daily active users,');
    await brief.close();
  });

  it('tells an account it does not know and a link without an account apart from a brief', async () => {
    const brief = await browser.context.newPage();
    await brief.goto(`chrome-extension://${browser.extensionId}/brief.html#account=salesforce%3A001XXXXXXXXXXXXXXX&from=2026-01-01&to=2026-03-31&internal=0`);
    await brief.locator('[data-testid="brief-page"][data-state="not-found"]').waitFor();
    await brief.goto(`chrome-extension://${browser.extensionId}/brief.html#nothing`);
    await brief.reload();
    await brief.locator('[data-testid="brief-page"][data-state="bad-link"]').waitFor();
    await brief.close();
  });
});

describe('portfolio page', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('says there is nothing yet before any account was opened', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/portfolio.html`);
    await page.locator('[data-testid="portfolio-empty"][data-empty="no-accounts"]').waitFor();
    await page.close();
  });

  it('lists visited accounts ranked with reasons; search, the risk filter and the CSV work', async () => {
    for (const account of [GLOBEX, INITECH, UMBRELLA]) await (await openAccount(browser.context, account.id)).close();
    const umbrella = await openAccount(browser.context, UMBRELLA.id);
    const frame = sidebar(umbrella);
    await frame.getByTestId('quick-log-open').click();
    await frame.getByTestId('quick-log-text').fill('=cmd|/c calc: they question the ROI');
    await frame.locator('[data-testid="quick-log-signal"][data-kind="roi-questioned"]').click();
    await frame.getByTestId('quick-log-save').click();
    await frame.locator('[data-testid="timeline-entry"][data-kind="signal"]').waitFor();
    await umbrella.close();

    // From the settings page's link.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const [page] = await Promise.all([browser.context.waitForEvent('page'), options.getByTestId('options-portfolio').click()]);
    await page.getByTestId('portfolio-row').first().waitFor();
    expect(page.url()).toBe(`chrome-extension://${browser.extensionId}/portfolio.html`);
    expect(Number(await page.getByTestId('portfolio').locator('table').getAttribute('data-rendered-at'))).toBeGreaterThan(0);

    const rows = page.getByTestId('portfolio-row');
    expect(await rows.count()).toBe(3);
    const attention = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-attention'))));
    expect(attention).toEqual([...attention].sort((a, b) => b - a));
    // Umbrella has an open risk and renews soonest: it comes first, and says why.
    const first = rows.first();
    expect(await first.getAttribute('data-account')).toBe(sampleAccountKey(UMBRELLA.id));
    const reasons = await first.getByTestId('portfolio-reason').allTextContents();
    expect(reasons).toContain('1 open risk signal');
    expect(reasons.some((r) => /^Renewal in \d+ days?$/.test(r))).toBe(true);
    for (const row of await rows.all()) expect(await row.getByTestId('portfolio-reason').count()).toBeGreaterThan(0);
    const link = first.getByRole('link', { name: accountName(UMBRELLA) });
    expect(await link.getAttribute('href')).toBe(`https://acme.lightning.force.com/lightning/r/Account/${UMBRELLA.id}/view`);
    expect(await link.getAttribute('target')).toBe('_blank');

    // Search, whatever the width of the letters typed.
    await page.getByTestId('portfolio-search').fill('ＩＮＩＴＥＣＨ');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-account')).toBe(sampleAccountKey(INITECH.id));
    await page.getByTestId('portfolio-search').fill('no such company');
    await page.locator('[data-testid="portfolio-empty"][data-empty="no-match"]').waitFor();
    await page.getByTestId('portfolio-search').fill('');

    // Risk only, by keyboard.
    await page.getByTestId('portfolio-filter-risk').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-account')).toBe(sampleAccountKey(UMBRELLA.id));

    // The CSV is what is shown: BOM, translated headers, nothing a spreadsheet would run.
    const download = page.waitForEvent('download');
    await page.getByTestId('portfolio-csv').click();
    const bytes = readFileSync(await (await download).path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Account,CRM record,Attention,Health,Health trend,Why,Days since last touch,Open risk signals,Overdue next steps,Renewal date');
    expect(lines.filter((l) => l !== '')).toHaveLength(2);
    expect(lines[1]).toContain(accountName(UMBRELLA));
    expect(bytes.toString('utf8')).not.toMatch(/(^|,)"?[=+@]/m);

    // Renewal within 30 days as well: Umbrella renews on Dec 20.
    await page.getByTestId('portfolio-filter-renewal').selectOption('30');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByTestId('portfolio-filter-notouch').selectOption('90');
    await page.locator('[data-testid="portfolio-empty"][data-empty="no-match"]').waitFor();
    await page.close();
    await options.close();
  });
});
