import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GLOBEX, INITECH, launchWithSampleData, openAccount, sidebar, UMBRELLA, type LaunchedBrowser } from './harness';

/** The sidebar's health as shown for an account: score, parts, blind spots. */
async function health(browser: LaunchedBrowser, id: string) {
  const page = await openAccount(browser.context, id);
  const frame = sidebar(page);
  await frame.getByTestId('health-score').waitFor();
  const shown = {
    score: Number(await frame.getByTestId('health-score').getAttribute('data-score')),
    components: await frame.getByTestId('health-component').evaluateAll((els) => els.map((e) => e.getAttribute('data-component'))),
    blindSpots: await frame.getByTestId('blind-spot').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')}: ${e.textContent ?? ''}`)),
    text: (await frame.getByTestId('health').textContent()) ?? '',
    sparkline: await frame.getByTestId('health-sparkline').count(),
  };
  await page.close();
  return shown;
}

describe('the health score on the sample accounts', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchWithSampleData();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('explains itself from every part, and tells the healthy account from the one at risk', async () => {
    const globex = await health(browser, GLOBEX.id);
    const initech = await health(browser, INITECH.id);
    expect(globex.components).toEqual(['usage', 'engagement', 'relationship', 'goals', 'signals']);
    expect(globex.sparkline).toBe(1);
    expect(globex.text).toContain('Seat utilisation');
    // Initech: adoption falling, its champion gone, ROI questioned.
    expect(initech.score).toBeLessThan(globex.score - 20);
    expect(initech.text).toMatch(/Open risk signals: 2/);
  });

  it('shows a blind spot with its evidence when usage looks healthy but a risk hides behind it', async () => {
    // Umbrella: heavy, steady usage; its only goal achieved and no new one set.
    const umbrella = await health(browser, UMBRELLA.id);
    expect(umbrella.blindSpots.some((b) => b.startsWith('hidden-risk') && b.includes('every goal is achieved'))).toBe(true);
  });

  it('follows the weights set in settings', async () => {
    const before = await health(browser, INITECH.id);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    for (const [component, weight] of [['usage', '0'], ['signals', '60']] as const) {
      await options.locator(`[data-testid="settings-weight"][data-component="${component}"]`).fill(weight);
    }
    await options.getByTestId('settings-save').click();
    await options.getByText('Settings saved.').waitFor();
    await options.close();
    const after = await health(browser, INITECH.id);
    expect(after.score).not.toBe(before.score);
    expect(after.text).toMatch(/Usage: \d+\/100, counts 0%/);
  });
});
