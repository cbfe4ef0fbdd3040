import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GLOBEX, launchBrowser, openAccount, sidebar, type LaunchedBrowser } from './harness';

/** Daily figures for the last 90 days of the Globex sample account, as a usage API would return them. */
function usageJson(): string {
  const rows = [];
  for (let d = 89; d >= 0; d--) {
    const day = new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 10);
    rows.push({ accountId: GLOBEX.id, date: day, activeUsers: 80 + (d % 7), licensedSeats: 100, 'feature:Reports': d % 3 });
  }
  return JSON.stringify({ rows });
}

describe('a configured usage source', () => {
  let server: Server;
  let url = '';
  const requests: { path: string; token: string }[] = [];
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    // A real HTTP server on loopback. It allows the extension's origin by CORS, since a test
    // cannot answer the browser's own permission prompt.
    server = createServer((req, res) => {
      const token = String(req.headers['x-api-key'] ?? '');
      requests.push({ path: req.url ?? '', token });
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', 'X-API-Key, Accept');
      res.setHeader('Access-Control-Allow-Private-Network', 'true');
      if (req.method === 'OPTIONS') return res.writeHead(204).end();
      if (token !== 'good-token') return res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"error":"bad token"}');
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(usageJson());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/usage`;
    browser = await launchBrowser();
    // The harness blocks every request off the sample site; this one server is let through.
    await browser.context.route(`${new URL(url).origin}/**`, (route) => route.continue());
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('is fetched with its token on demand, feeds health, and keeps the last good data when it fails', async () => {
    const account = await openAccount(browser.context, GLOBEX.id);
    // Nothing recorded yet for this account: no score, and the sidebar says so.
    await sidebar(account).getByTestId('health-none').waitFor();

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('usage-source-url').fill(url);
    await options.getByTestId('usage-source-header').fill('X-API-Key');
    await options.getByTestId('usage-source-token').fill('good-token');
    await options.getByTestId('usage-source-save').click();
    // The host permission is asked for at run time, not at install.
    await options.locator('[data-testid="usage-source-permission"][data-permission="asking"]').waitFor();

    await options.getByTestId('usage-source-fetch').click();
    await options.locator('[data-testid="usage-source-status"]:not([data-state="never"])').waitFor();
    expect(await options.getByTestId('usage-source-status').textContent()).not.toContain('could not');
    await options.locator('[data-testid="usage-source-status"][data-state="ok"]').waitFor();
    expect(await options.getByTestId('usage-source-age').textContent()).toContain('90 rows');
    expect(requests.at(-1)).toEqual({ path: '/v1/usage', token: 'good-token' });

    await account.reload();
    const usage = sidebar(account).locator('[data-testid="health-component"][data-component="usage"]');
    await usage.waitFor();
    expect(await usage.textContent()).toContain('Seat utilisation');
    await sidebar(account).getByTestId('health-sparkline').waitFor();
    const score = await sidebar(account).getByTestId('health-score').getAttribute('data-score');

    // A wrong token: the CSM is told, and the figures fetched before stay in use.
    await options.reload();
    // As a user would, once the form shows the stored source (a save before then has no address).
    await expect.poll(() => options.getByTestId('usage-source-url').inputValue(), { timeout: 60_000 }).toBe(url);
    await options.getByTestId('usage-source-token').fill('expired-token');
    await options.getByTestId('usage-source-save').click();
    await options.getByTestId('usage-source-fetch').click();
    const failed = options.locator('[data-testid="usage-source-status"][data-state="error"]');
    await failed.waitFor();
    expect(await failed.getByTestId('error-message').textContent()).toContain('Check the token');
    await account.reload();
    await sidebar(account).locator('[data-testid="health-component"][data-component="usage"]').waitFor();
    expect(await sidebar(account).getByTestId('health-score').getAttribute('data-score')).toBe(score);

    // The token never leaves in a backup.
    const download = options.waitForEvent('download');
    await options.getByTestId('backup-export').click();
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(url);
    expect(text).not.toContain('expired-token');
  });
});
