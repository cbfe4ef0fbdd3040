// Launching Chromium with the built extension on the bundled sample CRM. Shared by the
// end-to-end tests, the demo and the benchmarks.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = join(root, '.output/chrome-mv3');
export const SITE_DIR = join(root, 'tests/fixtures/lightning-site');
export const SAMPLE_HOST = 'acme.lightning.force.com';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The browser to drive: CHROME_PATH, then the usual system locations. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    'No Chromium or Chrome was found. Install one with `sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
      'or set CHROME_PATH to the browser executable.',
  );
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8' };

/** Serves the sample site under the real Salesforce URLs; nothing else leaves the machine. */
export async function routeSampleSite(context) {
  await context.route(/^https?:\/\//, (route) => {
    const url = new URL(route.request().url());
    if (!url.hostname.endsWith('.lightning.force.com')) return route.abort('blockedbyclient');
    let file;
    if (url.pathname.startsWith('/sample-assets/')) file = join(SITE_DIR, url.pathname.slice('/sample-assets/'.length));
    else if (url.pathname.startsWith('/lightning/')) file = join(SITE_DIR, 'app.html');
    if (!file || !file.startsWith(SITE_DIR) || !existsSync(file)) return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });
}

export function sampleData() {
  return JSON.parse(readFileSync(join(SITE_DIR, 'accounts.json'), 'utf8'));
}

export function accountUrl(id, host = SAMPLE_HOST) {
  return `https://${host}/lightning/r/Account/${id}/view`;
}

/**
 * A persistent Chromium profile with the extension loaded (or without it, for comparisons).
 * The same `userDataDir` can be launched again to test what survives a browser restart.
 */
export async function launchBrowser({ userDataDir, headless = true, locale, withExtension = true } = {}) {
  if (withExtension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`The extension is not built: ${EXTENSION_DIR} has no manifest.json. Run \`npm run build\` first.`);
  }
  const profile = userDataDir ?? mkdtempSync(join(tmpdir(), 'adoption-sidebar-'));
  const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
  if (withExtension) args.push(`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`);
  if (locale) args.push(`--lang=${locale}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless,
    args,
    locale,
    viewport: { width: 1280, height: 800 },
    env: locale ? { ...process.env, LANGUAGE: locale } : process.env,
  });
  await routeSampleSite(context);
  let extensionId = null;
  if (withExtension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
    extensionId = new URL(worker.url()).host;
  }
  return { context, extensionId, userDataDir: profile, close: () => context.close() };
}

export const SIDEBAR_SELECTOR = 'iframe[data-testid="adoption-sidebar"]';
