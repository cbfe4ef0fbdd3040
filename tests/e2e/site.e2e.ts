// The sample Lightning site and the harness themselves, without depending on the extension's UI:
// if these fail, the other end-to-end tests cannot mean anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  accountName,
  accountUrl,
  data,
  fieldValue,
  findChromium,
  GLOBEX,
  INITECH,
  launchWithExtension,
  SAMPLE_SHOJI,
  UMBRELLA,
  waitForPageRecord,
  type LaunchedWithExtension,
} from './harness';

type SampleWindow = Window & { __sampleRenderDelayMs?: number; __sampleFieldsRenderedAt?: number; __noReload?: boolean };

const field = (page: Page, api: string) => page.locator(`.oneContent.active [data-target-selection-name="sfdc:RecordField.Account.${api}"]`);

describe('harness', () => {
  it('finds Chromium, and says what to install when CHROME_PATH is wrong', () => {
    expect(findChromium()).toMatch(/chrom/i);
    const saved = process.env.CHROME_PATH;
    process.env.CHROME_PATH = '/nonexistent/chromium';
    try {
      expect(() => findChromium()).toThrow(/CHROME_PATH/);
    } finally {
      if (saved === undefined) delete process.env.CHROME_PATH;
      else process.env.CHROME_PATH = saved;
    }
  });

  it('has at least four accounts with real-looking ids: distinct 15-character ids, valid 18-character checksums', () => {
    expect(data.accounts.length).toBeGreaterThanOrEqual(4);
    const prefixes = new Set(data.accounts.map((a) => a.id.slice(0, 15)));
    expect(prefixes.size).toBe(data.accounts.length);
    for (const a of data.accounts) expect(a.id).toMatch(/^001[A-Za-z0-9]{15}$/);
    // Salesforce's case-safe suffix: one character per 5-character chunk, a bit per capital letter.
    const caseSafe = (id: string) => {
      let suffix = '';
      for (let chunk = 0; chunk < 3; chunk++) {
        let flags = 0;
        for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id.charAt(chunk * 5 + i))) flags |= 1 << i;
        suffix += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'.charAt(flags);
      }
      return id.slice(0, 15) + suffix;
    };
    for (const id of [...data.accounts.map((a) => a.id), data.opportunity.id, ...(data.users ?? []).map((u) => u.id)]) expect(caseSafe(id)).toBe(id);
  });
});

describe('the sample Lightning site', () => {
  let browser: LaunchedWithExtension;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs with the extension loaded (its service worker is up)', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.context.serviceWorkers().some((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`))).toBe(true);
  });

  it('serves the app under real Salesforce URLs and keeps everything else off the network', async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(accountUrl(GLOBEX.id, 'mycompany--uat.sandbox.lightning.force.com'));
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toContain('text/html');
    const probe = await page.evaluate(async () => {
      const asset = await fetch('/sample-assets/app.css');
      const missing = await fetch('/not-lightning');
      let external = 'loaded';
      try {
        await fetch('https://example.com/', { mode: 'no-cors' });
      } catch {
        external = 'blocked';
      }
      return { css: asset.headers.get('content-type'), missing: missing.status, external };
    });
    expect(probe).toEqual({ css: expect.stringContaining('text/css'), missing: 404, external: 'blocked' });
    await page.close();
  });

  it('renders an account record after load, with Lightning’s field markup', async () => {
    const page = await browser.context.newPage();
    await page.goto(accountUrl(GLOBEX.id));
    await waitForPageRecord(page);
    expect(await page.title()).toBe(`${accountName(GLOBEX)} | Salesforce`);
    for (const api of ['Name', 'Industry', 'AnnualRevenue', 'Customer_Tier__c', 'OwnerId', 'Renewal_Date__c']) {
      await expect.poll(() => field(page, api).locator('[data-output-element-id="output-field"]').textContent()).toBe(fieldValue(GLOBEX, api));
    }
    expect(await field(page, 'Industry').locator('.test-id__field-label').textContent()).toBe('Industry');
    expect(await field(page, 'Industry').locator('.slds-assistive-text').textContent()).toBe('Edit Industry');
    expect(await page.locator('.oneContent.active records-highlights2 .entityNameTitle').textContent()).toBe('Account');
    expect(await page.locator('.oneContent.active slot[name="primaryField"]').textContent()).toBe(accountName(GLOBEX));
    expect(await page.locator('.oneContent.active records-highlights-details-item').count()).toBeGreaterThan(0);
    expect(await page.locator('.oneContent.active.windowViewMode-normal').count()).toBe(1);
    // The page's own controls sit at the top right, where a sidebar could cover them.
    expect(await page.locator('.oneContent.active .page-actions button', { hasText: 'Edit' }).isVisible()).toBe(true);
    await page.close();
  });

  it('puts some fields inside open shadow roots and shows Japanese labels with the same API names', async () => {
    const page = await browser.context.newPage();
    await page.goto(accountUrl(INITECH.id));
    await waitForPageRecord(page);
    const inShadow = await page.evaluate(() =>
      [...document.querySelectorAll('sample-shadow-field')].map((host) => host.shadowRoot?.querySelector('[data-target-selection-name]')?.getAttribute('data-target-selection-name')),
    );
    expect(inShadow).toEqual((INITECH.shadowFields ?? []).map((api) => `sfdc:RecordField.Account.${api}`));
    expect(await field(page, 'Customer_Tier__c').locator('.test-id__field-value').textContent()).toBe(fieldValue(INITECH, 'Customer_Tier__c'));

    await page.goto(accountUrl(SAMPLE_SHOJI.id));
    await waitForPageRecord(page);
    expect(await field(page, 'Name').locator('.test-id__field-label').textContent()).toBe('取引先名');
    expect(await field(page, 'OwnerId').locator('.test-id__field-label').textContent()).toBe('取引先 所有者');
    expect(await field(page, 'Name').locator('[data-output-element-id="output-field"]').textContent()).toBe(accountName(SAMPLE_SHOJI));
    expect(await page.locator('.oneContent.active .entityNameTitle').textContent()).toBe('取引先');
    await page.close();
  });

  it('navigates without page loads, keeps the earlier record hidden in the DOM, and re-shows it on back', async () => {
    const page = await browser.context.newPage();
    await page.goto(accountUrl(GLOBEX.id));
    await waitForPageRecord(page);
    await page.evaluate(() => {
      const w = window as SampleWindow;
      w.__noReload = true;
      w.__sampleRenderDelayMs = 700;
      w.__sampleFieldsRenderedAt = undefined;
    });
    const firstContainer = page.locator('.oneContent').first();
    const started = Date.now();
    // The address changes at once; the record follows after the configured delay. Both read in the
    // click's own task, so how long the test takes to look cannot change what it sees.
    const atClick = await page.evaluate((href) => {
      document.querySelector<HTMLAnchorElement>(`#nav a[href="${href}"]`)?.click();
      return { path: location.pathname, title: document.title };
    }, `/lightning/r/Account/${INITECH.id}/view`);
    expect(atClick).toEqual({ path: `/lightning/r/Account/${INITECH.id}/view`, title: `${accountName(GLOBEX)} | Salesforce` });
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/lightning/r/Account/${INITECH.id}/view`);
    await waitForPageRecord(page);
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(await page.title()).toBe(`${accountName(INITECH)} | Salesforce`);
    expect(await page.evaluate(() => (window as SampleWindow).__noReload)).toBe(true);
    expect(await page.locator('.oneContent').count()).toBe(2);
    expect(await page.locator('.oneContent.active').count()).toBe(1);
    expect(await firstContainer.isHidden()).toBe(true);
    expect(await firstContainer.evaluate((c) => getComputedStyle(c).display)).toBe('none');
    expect(await firstContainer.locator('[data-target-selection-name="sfdc:RecordField.Account.Name"] [data-output-element-id="output-field"]').textContent()).toBe(accountName(GLOBEX));
    expect(await field(page, 'Name').locator('[data-output-element-id="output-field"]').textContent()).toBe(accountName(INITECH));

    await page.evaluate(() => { (window as SampleWindow).__sampleFieldsRenderedAt = undefined; });
    const rendered = page.evaluate(() => new Promise<string | null>((done) => document.addEventListener('sample:record-rendered', (e) => done((e as CustomEvent<{ id: string | null }>).detail.id), { once: true })));
    await page.goBack();
    expect(await rendered).toBe(GLOBEX.id);
    expect(await page.locator('.oneContent').count()).toBe(2);
    expect(await firstContainer.isVisible()).toBe(true);
    expect(await page.title()).toBe(`${accountName(GLOBEX)} | Salesforce`);
    await page.close();
  });

  it('shows no account record on the list view, an opportunity or setup', async () => {
    const page = await browser.context.newPage();
    await page.goto(accountUrl(UMBRELLA.id));
    await waitForPageRecord(page);
    await page.evaluate(() => { (window as SampleWindow).__sampleRenderDelayMs = 50; });
    for (const href of ['/lightning/o/Account/list', `/lightning/r/Opportunity/${data.opportunity.id}/view`, '/lightning/setup/SetupOneHome/home']) {
      await page.click(`#nav a[href="${href}"]`);
      await waitForPageRecord(page, href);
      await expect.poll(() => page.locator('.oneContent.active').getAttribute('data-sample-key')).not.toBe(UMBRELLA.id);
      expect(await page.locator('.oneContent.active [data-target-selection-name^="sfdc:RecordField.Account."]').count(), href).toBe(0);
    }
    // The list view links to every account.
    await page.click('#nav a[href="/lightning/o/Account/list"]');
    await waitForPageRecord(page, '/lightning/o/Account/list');
    await expect.poll(() => page.locator('.oneContent.active .list-view tr a').count()).toBe(data.accounts.length);
    await page.close();
  });
});
