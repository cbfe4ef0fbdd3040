import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { accountUrl, launchBrowser, sampleData, SIDEBAR_SELECTOR, type LaunchedBrowser } from '../../scripts/lib/browser.mjs';

export { accountUrl, launchBrowser, sampleData, SIDEBAR_SELECTOR, type LaunchedBrowser };

export const data = sampleData();
export const [GLOBEX, INITECH, SAMPLE_SHOJI, UMBRELLA] = data.accounts.map((a) => a!) as [typeof data.accounts[0], typeof data.accounts[0], typeof data.accounts[0], typeof data.accounts[0]];

export function sidebar(page: Page): FrameLocator {
  return page.frameLocator(SIDEBAR_SELECTOR);
}

/** Opens an account page and waits until the sidebar shows that account. */
export async function openAccount(context: BrowserContext, id: string, page?: Page): Promise<Page> {
  const p = page ?? (await context.newPage());
  await p.goto(accountUrl(id));
  const account = data.accounts.find((a) => a.id === id);
  const name = account?.fields.find((f) => f[0] === 'Name')?.[2] ?? '';
  await sidebar(p).getByTestId('sidebar-account-name').filter({ hasText: name }).waitFor({ timeout: 15_000 });
  return p;
}

/** The fields the sidebar shows, as { key: value }. */
export async function shownFields(page: Page): Promise<Record<string, string>> {
  const cells = sidebar(page).locator('[data-testid="sidebar-field"]');
  const keys = await cells.evaluateAll((els) => els.map((e) => [e.getAttribute('data-field') ?? '', e.textContent ?? '']));
  return Object.fromEntries(keys);
}

export async function logNote(page: Page, text: string): Promise<void> {
  const frame = sidebar(page);
  const open = frame.getByTestId('quick-log-open');
  if (await open.isVisible()) await open.click();
  await frame.getByTestId('quick-log-text').fill(text);
  await frame.getByTestId('quick-log-save').click();
  await frame.getByTestId('timeline-entry').filter({ hasText: text }).waitFor();
}
