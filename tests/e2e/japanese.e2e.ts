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
});
