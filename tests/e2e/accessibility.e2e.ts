import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { RunOptions } from 'axe-core';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GLOBEX, launchBrowser, launchWithSampleData, openAccount, sidebarFrame, type LaunchedBrowser } from './harness';

// axe-core's checks (WCAG 2 A and AA, and its best practices) on every page and state of the
// extension a CSM sees, run in the real browser on the rendered pages. A violation fails the test
// with axe's rule, the elements and what to fix.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's violations in a document (or only inside `include`, e.g. the sidebar's host on a CRM page), as readable lines. */
async function violations(target: Page | Frame, include?: string): Promise<string[]> {
  // Loaded once per document: the same frame is checked again with each form open.
  if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(AXE_SOURCE);
  const found = await target.evaluate(async (selector) => {
    const axe: typeof import('axe-core') = Reflect.get(window, 'axe');
    const options: RunOptions = { resultTypes: ['violations'] };
    const result = await axe.run(selector ? { include: [[selector]] } : document, options);
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, include ?? null);
  return found.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`.replace(/\s+/g, ' ')).join(' | ')}`);
}

/** The sidebar of the account, then with each of its forms open, and the sidebar's host on the CRM page. */
async function checkSidebar(browser: LaunchedBrowser, waitFor: string): Promise<Record<string, string[]>> {
  const page = await openAccount(browser.context, GLOBEX.id);
  const frame = await sidebarFrame(page);
  await frame.getByTestId(waitFor).first().waitFor();
  await frame.locator('[data-testid="health"], [data-testid="health-none"]').first().waitFor();
  const found: Record<string, string[]> = { sidebar: await violations(frame) };
  for (const button of ['quick-log-open', 'goal-add', 'signal-add', 'stakeholder-add']) {
    await frame.getByTestId(button).click();
    found[`sidebar after ${button}`] = await violations(frame);
  }
  found['the sidebar on the CRM page'] = await violations(page, 'adoption-sidebar-host');
  await page.close();
  return found;
}

async function checkPages(browser: LaunchedBrowser, pages: Array<[path: string, ready: string]>): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  const page = await browser.context.newPage();
  for (const [path, ready] of pages) {
    await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
    await page.locator(ready).first().waitFor();
    found[path.replace(/#.*/, '')] = await violations(page);
  }
  await page.close();
  return found;
}

const none = (found: Record<string, string[]>) => Object.fromEntries(Object.keys(found).map((k) => [k, []]));

describe('accessibility (axe-core) of the extension’s pages', () => {
  describe('in English, with the sample data', () => {
    let browser: LaunchedBrowser;
    beforeAll(async () => {
      browser = await launchWithSampleData();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('the sidebar with an account’s touches, goals, signals and stakeholders, each form open, and its host on the page', async () => {
      const found = await checkSidebar(browser, 'timeline-entry');
      expect(found).toEqual(none(found));
    });

    it('the settings, the portfolio with its rows, the toolbar menu and the printable brief', async () => {
      const page = await openAccount(browser.context, GLOBEX.id);
      const accountKey = await (await sidebarFrame(page)).locator('main[data-account]').getAttribute('data-account');
      await page.close();
      const brief = `brief.html#${new URLSearchParams({ account: accountKey ?? '', from: '2026-01-01', to: '2026-12-31', internal: '0' }).toString()}`;
      const found = await checkPages(browser, [
        ['options.html', 'main h1'],
        ['portfolio.html', '[data-testid="portfolio-row"]'],
        ['popup.html', '[data-testid="popup-portfolio"]'],
        [brief, 'main h1'],
      ]);
      expect(found).toEqual(none(found));
    });
  });

  describe('in Japanese, before any data (the empty states)', () => {
    let browser: LaunchedBrowser;
    beforeAll(async () => {
      browser = await launchBrowser({ locale: 'ja-JP' });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('the sidebar, each form open, the settings and the portfolio', async () => {
      const found = {
        ...(await checkSidebar(browser, 'sidebar-fields')),
        ...(await checkPages(browser, [['options.html', 'main h1'], ['portfolio.html', '[data-testid="portfolio"][data-state="ready"]']])),
      };
      expect(found).toEqual(none(found));
    });
  });
});
