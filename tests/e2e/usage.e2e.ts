import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeSync, openSync, readFileSync, rmSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { Reply, ReplyData } from '../../lib/messaging/protocol';
import { GLOBEX, INITECH, SAMPLE_SHOJI, accountUrl, sampleAccountKey, launchBrowser, scratchDir, type LaunchedBrowser } from './harness';

// Usage import on the options page, in real Chromium with the built extension: the worker reads
// the real fixture files (tests/fixtures/usage, written by scripts/usage-fixtures.mjs), the
// background stores them in IndexedDB.

const fixture = (name: string) => resolve('tests/fixtures/usage', name);
const GLOBEX_SOURCE = `id:${GLOBEX.id}`;
const INITECH_SOURCE = 'domain:initech.example';
const SHOJI_NAME_SOURCE = 'name:sampleshojitrading';
const SHOJI_KEY = sampleAccountKey(SAMPLE_SHOJI.id);

interface StoredCounts {
  months: number;
  links: number;
  mappings: number;
}

/**
 * What the extension's database holds, read from the options page (same origin as the
 * background). Read-only; refuses to create the database if it does not exist yet.
 */
function storedCounts(page: Page): Promise<StoredCounts> {
  return page.evaluate(
    () =>
      new Promise<StoredCounts>((done, fail) => {
        const open = indexedDB.open('adoption-sidebar');
        open.onupgradeneeded = () => {
          open.transaction?.abort();
          fail(new Error('the database does not exist yet'));
        };
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['usageYears', 'usageLinks', 'usageMappings'], 'readonly');
          // Usage is kept by year: the months are those of each year that have figures.
          const years = tx.objectStore('usageYears').getAll();
          const links = tx.objectStore('usageLinks').count();
          const mappings = tx.objectStore('usageMappings').count();
          tx.oncomplete = () => {
            db.close();
            done({ months: (years.result as { months: unknown[] }[]).reduce((n, y) => n + y.months.filter((m) => m !== null).length, 0), links: links.result, mappings: mappings.result });
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
}

/** `usage.context` as the background answers it, asked from the options page and validated here. */
async function usageContext(page: Page) {
  const raw: unknown = await page.evaluate("chrome.runtime.sendMessage({ type: 'usage.context' })");
  const reply = Reply.parse(raw);
  if (!reply.ok) throw new Error(`usage.context failed: ${reply.error.code}`);
  return ReplyData['usage.context'].parse(reply.data);
}

describe('usage import on the options page', () => {
  let browser: LaunchedBrowser;
  let options: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // Accounts become matchable once visited: Globex (by record id), Initech (by its website).
    // サンプル商事 is visited too, for the Shift_JIS file and as the target of a link by hand.
    // Waits for what matching reads (the background's CRM accounts), not for the sidebar.
    const page = await browser.context.newPage();
    for (const account of [GLOBEX, INITECH, SAMPLE_SHOJI]) {
      await page.goto(accountUrl(account.id));
      await vi.waitFor(
        async () => {
          const visited = (await usageContext(options)).crmAccounts.some((a) => a.recordId === account.id && a.website);
          if (!visited) throw new Error(`${account.id} was not recorded as visited`);
        },
        { timeout: 60_000, interval: 100 },
      );
    }
    await page.close();
    await options.reload();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const choose = async (name: string) => {
    await options.getByTestId('usage-file').setInputFiles(fixture(name));
  };

  it('starts empty, previews a UTF-8 file with its matches and the rejected row, stores only on confirm, and never duplicates', async () => {
    await options.getByTestId('usage-empty').waitFor();
    expect(await storedCounts(options)).toEqual({ months: 0, links: 0, mappings: 0 });

    await choose('sample-accounts.csv');
    const preview = options.getByTestId('usage-preview');
    await preview.waitFor();
    const summary = options.getByTestId('usage-file-summary');
    expect(await summary.getAttribute('data-encoding')).toBe('utf-8');
    expect(await summary.getAttribute('data-rows')).toBe('8');
    expect(await options.getByTestId('usage-mapping').getAttribute('data-origin')).toBe('guessed');

    // The rejected row, with its line in the file and the reason in words.
    const rejected = options.getByTestId('usage-rejected').getByTestId('usage-rejected-row');
    expect(await rejected.count()).toBe(1);
    expect(await rejected.first().getAttribute('data-line')).toBe('8');
    expect(await rejected.first().getAttribute('data-reason')).toBe('bad-date');
    expect(await rejected.first().textContent()).toBe('Line 8: “2026-02-30” in Date is not a date.');

    // Each account, and how it matched.
    const match = (source: string) => options.locator(`[data-testid="usage-preview-account"][data-source-key="${source}"]`).getAttribute('data-match');
    expect(await match(GLOBEX_SOURCE)).toBe('record-id');
    expect(await match(INITECH_SOURCE)).toBe('domain');
    expect(await match(SHOJI_NAME_SOURCE)).toBe('unmatched');
    expect(await preview.getAttribute('data-records')).toBe(String(7 * 4 - 1));

    // Nothing is written before Confirm.
    expect(await storedCounts(options)).toEqual({ months: 0, links: 0, mappings: 0 });

    await options.getByTestId('usage-confirm').click();
    const result = options.locator('[data-testid="usage-result"][data-outcome="stored"]');
    await result.waitFor();
    expect(await result.textContent()).toContain('Stored 27 figures from sample-accounts.csv for 3 accounts');
    const first = await storedCounts(options);
    // Globex: 4 metrics in November (the February row was refused); Initech 4; Shoji 4.
    expect(first).toEqual({ months: 12, links: 2, mappings: 1 });
    await options.getByTestId('usage-preview').waitFor({ state: 'detached' });

    // The same file again: the matches and the columns are remembered, and nothing is added.
    await choose('sample-accounts.csv');
    await options.getByTestId('usage-preview').waitFor();
    expect(await options.getByTestId('usage-mapping').getAttribute('data-origin')).toBe('remembered');
    expect(await match(GLOBEX_SOURCE)).toBe('remembered');
    expect(await match(INITECH_SOURCE)).toBe('remembered');
    await options.getByTestId('usage-confirm').click();
    await result.waitFor();
    expect(await storedCounts(options)).toEqual(first);
    expect((await usageContext(options)).sources.map((s) => s.sourceAccountKey).sort()).toEqual([INITECH_SOURCE, GLOBEX_SOURCE, SHOJI_NAME_SOURCE].sort());
  });

  it('reads a Shift_JIS file with Japanese headers, and Cancel stores nothing', async () => {
    const before = await storedCounts(options);
    await choose('sample-accounts-sjis.csv');
    await options.getByTestId('usage-preview').waitFor();
    expect(await options.getByTestId('usage-file-summary').getAttribute('data-encoding')).toBe('shift_jis');
    const role = (header: string) => options.locator(`[data-testid="usage-mapping-column"][data-header="${header}"]`).getAttribute('data-role');
    expect(await role('アカウントID')).toBe('accountId');
    expect(await role('会社名')).toBe('accountName');
    expect(await role('日付')).toBe('date');
    expect(await role('アクティブユーザー数')).toBe('activeUsers');
    expect(await role('ライセンス数')).toBe('licensedSeats');
    expect(await role('ログイン数')).toBe('logins');
    expect(await role('機能:レポート')).toBe('feature');
    const shoji = options.locator(`[data-testid="usage-preview-account"][data-source-key="id:${SAMPLE_SHOJI.id}"]`);
    expect(await shoji.getAttribute('data-match')).toBe('record-id');
    expect(await shoji.textContent()).toContain('株式会社サンプル商事');
    expect(await options.locator('[data-testid="usage-preview-account"][data-match="unmatched"]').textContent()).toContain('テスト工業株式会社');
    expect(await options.getByTestId('usage-rejected').count()).toBe(0);
    // ７５ (full width), "1,200" and 2026年11月2日 are all read: 3 rows, none refused.
    expect(await options.getByTestId('usage-preview-rows').textContent()).toContain('3 of 3 rows');

    await options.getByTestId('usage-cancel').click();
    await options.getByTestId('usage-preview').waitFor({ state: 'detached' });
    expect(await storedCounts(options)).toEqual(before);
  });

  it('refuses binary garbage and a file without a date column, storing nothing', async () => {
    const before = await storedCounts(options);
    await choose('garbage.bin');
    const error = options.getByTestId('usage-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('garbled');
    expect(await error.textContent()).toContain('could not be read as text');
    expect(await options.getByTestId('usage-preview').count()).toBe(0);

    await choose('no-date.csv');
    await options.getByTestId('usage-preview').waitFor();
    expect(await options.getByTestId('usage-error').count()).toBe(0);
    const problems = options.getByTestId('usage-problem');
    expect(await problems.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['no-date']);
    expect(await problems.first().textContent()).toBe('Choose the column that holds the date.');
    expect(await options.getByTestId('usage-nothing').isVisible()).toBe(true);
    expect(await options.getByTestId('usage-confirm').isDisabled()).toBe(true);
    await options.getByTestId('usage-cancel').click();
    expect(await storedCounts(options)).toEqual(before);
  });

  it('remembers corrected columns for the next file with the same headers', async () => {
    await choose('sample-accounts.csv');
    await options.getByTestId('usage-preview').waitFor();
    const logins = options.locator('[data-testid="usage-mapping-column"][data-header="Logins"]');
    await logins.getByTestId('usage-role-select').selectOption('ignore');
    // A changed mapping must be re-checked before it can be imported.
    await options.getByTestId('usage-recheck-needed').waitFor();
    expect(await options.getByTestId('usage-confirm').isDisabled()).toBe(true);
    await options.getByTestId('usage-recheck').click();
    await options.locator('[data-testid="usage-mapping"][data-origin="user"]').waitFor();
    expect(await options.getByTestId('usage-preview').getAttribute('data-records')).toBe(String(7 * 3 - 1));
    await options.getByTestId('usage-confirm').click();
    await options.locator('[data-testid="usage-result"][data-outcome="stored"]').waitFor();

    await choose('sample-accounts.csv');
    await options.locator('[data-testid="usage-mapping"][data-origin="remembered"]').waitFor();
    expect(await logins.getAttribute('data-role')).toBe('ignore');
    await options.getByTestId('usage-cancel').click();
  });

  it('links an unmatched usage account by hand, remembered after a reload and by the next import', async () => {
    const item = options.locator(`[data-testid="usage-unmatched-account"][data-source-key="${SHOJI_NAME_SOURCE}"]`);
    await item.waitFor();
    const select = item.getByTestId('usage-link-select');
    expect(await select.getAttribute('aria-label')).toBe('CRM account for Sample Shoji Trading');
    await select.selectOption(SHOJI_KEY);
    await item.getByTestId('usage-link-status').waitFor();

    await options.reload();
    const linked = options.locator(`[data-testid="usage-linked-account"][data-source-key="${SHOJI_NAME_SOURCE}"]`);
    await linked.waitFor({ state: 'attached' });
    expect(await linked.getAttribute('data-account-key')).toBe(SHOJI_KEY);
    expect(await linked.getAttribute('data-how')).toBe('manual');
    expect(await options.locator(`[data-testid="usage-unmatched-account"][data-source-key="${SHOJI_NAME_SOURCE}"]`).count()).toBe(0);
    const context = await usageContext(options);
    expect(context.sources.find((s) => s.sourceAccountKey === SHOJI_NAME_SOURCE)?.link).toMatchObject({ accountKey: SHOJI_KEY, how: 'manual' });

    await choose('sample-accounts.csv');
    await options.getByTestId('usage-preview').waitFor();
    expect(await options.locator(`[data-testid="usage-preview-account"][data-source-key="${SHOJI_NAME_SOURCE}"]`).getAttribute('data-match')).toBe('remembered');
    await options.getByTestId('usage-cancel').click();
  });

  it('takes a file dropped on the drop zone, opens the file chooser from the keyboard, and refuses a file over 200 MB unread', async () => {
    // Drop: a real drop event carrying a file, on the drop zone.
    const text = readFileSync(fixture('sample-accounts.csv'), 'utf8');
    await options.getByTestId('usage-drop').evaluate((zone, csv) => {
      const data = new DataTransfer();
      data.items.add(new File([csv], 'dropped.csv', { type: 'text/csv' }));
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, text);
    await options.getByTestId('usage-preview').waitFor();
    expect(await options.getByTestId('usage-file-summary').textContent()).toContain('dropped.csv');
    await options.getByTestId('usage-cancel').click();

    // Keyboard: the drop zone is a button; Enter asks the file input to open the browser's file
    // chooser. (The native chooser itself is not waited for: headless Chromium shows it only to a
    // focused, visible tab, which made that check flaky.)
    await options.getByTestId('usage-file').evaluate((input) => {
      input.addEventListener('click', (event) => {
        event.preventDefault();
        input.setAttribute('data-chooser-asked', 'yes');
      }, { once: true });
    });
    await options.getByTestId('usage-drop').focus();
    await options.keyboard.press('Enter');
    await expect.poll(() => options.getByTestId('usage-file').getAttribute('data-chooser-asked')).toBe('yes');
    await options.getByTestId('usage-file').setInputFiles(fixture('no-date.csv'));
    await options.getByTestId('usage-problem').first().waitFor();
    await options.getByTestId('usage-cancel').click();

    // Too large: refused from its size, before it is read (a sparse file: no disk used).
    const dir = scratchDir('usage-e2e-');
    const huge = join(dir, 'huge.csv');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 201 * 1024 * 1024);
    closeSync(fd);
    try {
      const before = await storedCounts(options);
      await options.getByTestId('usage-file').setInputFiles(huge);
      const error = options.getByTestId('usage-error');
      await error.waitFor();
      expect(await error.getAttribute('data-code')).toBe('too-large');
      expect(await error.textContent()).toContain('The file is 201 MB; files up to 200 MB can be imported.');
      expect(await storedCounts(options)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Issue 15: a figure such as 1e400 (Infinity once read) passed the preview with 0 rejected rows,
  // then the background refused the whole file on Confirm.
  it('refuses a 1e400 row in the preview with its line and reason, and Confirm stores the other rows', async () => {
    const before = await storedCounts(options);
    await choose('overflow.csv');
    await options.getByTestId('usage-file-summary').filter({ hasText: 'overflow.csv' }).waitFor();
    const preview = options.getByTestId('usage-preview');
    await preview.waitFor();

    const rejected = options.getByTestId('usage-rejected');
    expect(await rejected.getAttribute('data-count')).toBe('3');
    const rows = rejected.getByTestId('usage-rejected-row');
    expect(await rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-line'), e.getAttribute('data-reason')]))).toEqual([
      ['3', 'not-finite'],
      ['5', 'too-long'],
      ['6', 'not-finite'],
    ]);
    expect(await rows.first().textContent()).toBe('Line 3: “1e400” in Active Users is too large to store as a number.');
    expect(await rows.nth(1).textContent()).toMatch(/^Line 5: “3074185296\d+…” in Active Users is too long to be a number\.$/);
    expect(await preview.getAttribute('data-records')).toBe('6');

    await options.getByTestId('usage-confirm').click();
    const result = options.locator('[data-testid="usage-result"][data-outcome="stored"]').filter({ hasText: 'overflow.csv' });
    await result.waitFor();
    expect(await result.getAttribute('data-records')).toBe('6');
    // Globex's December: active users and licensed seats; the new headers' mapping is remembered.
    expect(await storedCounts(options)).toEqual({ months: before.months + 2, links: before.links, mappings: before.mappings + 1 });
  });

  it('stores the import once when the service worker stopped while the preview was read (the import worker writes it itself)', async () => {
    // 1,500 usage accounts × 2 metrics × one month: 3,000 years in one transaction.
    const dir = scratchDir();
    const file = join(dir, 'many-accounts.csv');
    writeFileSync(file, ['Account ID,Date,Active Users,Logins', ...Array.from({ length: 1500 }, (_, i) => `STOP${i},2025-03-14,${i},${i + 1}`)].join('\n'));
    const before = await storedCounts(options);
    await options.getByTestId('usage-file').setInputFiles(file);
    await options.getByTestId('usage-file-summary').filter({ hasText: 'many-accounts.csv' }).waitFor();
    await options.locator('[data-testid="usage-confirm"]:not([disabled])').waitFor();

    // As Chrome does after 30 s idle: the worker is stopped while the user reads the preview.
    const cdp = await browser.context.newCDPSession(options);
    let status = 'unknown';
    let stopped!: () => void;
    const seenStopped = new Promise<void>((resolve) => (stopped = resolve));
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const worker = versions.find((v) => v.scriptURL.endsWith('/background.js'));
      if (!worker) return;
      status = worker.runningStatus;
      if (status === 'stopped') stopped();
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await seenStopped;
    expect(status).toBe('stopped');

    await options.getByTestId('usage-confirm').click();
    const result = options.locator('[data-testid="usage-result"][data-outcome="stored"]').filter({ hasText: 'many-accounts.csv' });
    await result.waitFor();
    expect(await result.getAttribute('data-months')).toBe('3000');
    expect(await storedCounts(options)).toEqual({ months: before.months + 3000, links: before.links, mappings: before.mappings + 1 });
    await cdp.detach();
    rmSync(dir, { recursive: true, force: true });
  });
});
