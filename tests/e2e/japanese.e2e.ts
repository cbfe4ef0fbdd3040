import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GLOBEX, launchBrowser, openAccount, sidebar, type LaunchedBrowser } from './harness';

// The UI in Japanese in a real browser set to Japanese: the dictionary is shipped as `\u` escapes
// (wxt.config.ts, BUNDLE_OUTPUT), so this is also where a wrong escape would show.
describe('the sidebar in a browser set to Japanese', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser({ locale: 'ja-JP' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows its labels and the quick log in Japanese', async () => {
    const page = await openAccount(browser.context, GLOBEX.id);
    const frame = sidebar(page);
    await expect.poll(() => frame.getByRole('heading', { name: 'このレコードの項目' }).count()).toBe(1);
    await frame.getByRole('button', { name: '接点を記録' }).click();
    await expect.poll(() => frame.getByRole('button', { name: '保存', exact: true }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('shows the settings, portfolio and toolbar pages in Japanese', async () => {
    const page = await browser.context.newPage();
    for (const [path, text] of [
      ['options.html', 'アダプション・サイドバーの設定'],
      ['portfolio.html', 'ポートフォリオ'],
      ['popup.html', 'ポートフォリオを開く'],
    ] as const) {
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      await expect.poll(() => page.getByText(text, { exact: true }).first().count(), { message: path }).toBe(1);
      expect(await page.evaluate(() => document.documentElement.lang), path).toBe('ja');
    }
    await page.close();
  });
});
