// Launching Chromium with the built extension on the bundled sample Salesforce site. Shared by the
// end-to-end tests (tests/e2e/harness.ts), the demo (scripts/demo.mjs) and the benchmarks.
// Plain ESM JavaScript so that `node scripts/*.mjs` runs it without a build; types in browser.d.mts.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { renderClassicPage } from '../../tests/fixtures/classic-site/render.mjs';
import { renderAdminPage } from '../../tests/fixtures/taught-sites/admin.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where `npm run build` (`wxt build`) puts the Chrome MV3 extension. */
export const EXTENSION_DIR = join(root, '.output/chrome-mv3');
/** The sample Lightning site's files. */
export const SITE_DIR = join(root, 'tests/fixtures/lightning-site');
export const SAMPLE_HOST = 'acme.lightning.force.com';
/** The sidebar iframe (inside the open shadow root of the content script's host element). */
export const SIDEBAR_SELECTOR = 'iframe[data-testid="adoption-sidebar"]';
/** URL patterns the sample site is served under: the real Salesforce Lightning hosts. */
export const SAMPLE_SITE_PATTERN = 'https://*.lightning.force.com/**';
/** The same sample accounts in Salesforce Classic, under the org's real My Domain hosts (tests/fixtures/classic-site). */
export const CLASSIC_SITE_PATTERN = 'https://*.my.salesforce.com/**';
export const CLASSIC_HOST = 'acme.my.salesforce.com';
/** The sample HubSpot portal (tests/fixtures/hubspot-site), under the real HubSpot hosts. */
export const HUBSPOT_SITE_DIR = join(root, 'tests/fixtures/hubspot-site');
export const HUBSPOT_SITE_PATTERN = 'https://*.hubspot.com/**';
export const HUBSPOT_HOST = 'app.hubspot.com';
/** The sample Dynamics 365 org (tests/fixtures/dynamics-site), under the real Dynamics hosts. */
export const DYNAMICS_SITE_DIR = join(root, 'tests/fixtures/dynamics-site');
export const DYNAMICS_SITE_PATTERN = 'https://*.dynamics.com/**';
export const DYNAMICS_HOST = 'contoso.crm4.dynamics.com';
/**
 * Sample sites for teaching (tests/fixtures/taught-sites): a kintone-like app (hash routing) and a
 * table-based admin page. No built-in adapter reads them; a taught definition does.
 */
export const TAUGHT_SITES_DIR = join(root, 'tests/fixtures/taught-sites');
export const KINTONE_HOST = 'acme.cybozu.com';
export const ADMIN_HOST = 'customers.acme-admin.jp';
export const TAUGHT_SITE_PATTERNS = [`https://${KINTONE_HOST}/**`, `https://${ADMIN_HOST}/**`];

/**
 * How long Playwright waits for anything (actions, locators, events) in a browser launched here,
 * unless told otherwise. Far above what any step needs: a busy two-core machine (a build or a
 * second browser beside it) must not turn a slow step into a failure. Waits end as soon as their
 * condition holds, so a long budget costs nothing when all is well.
 */
export const DEFAULT_TIMEOUT_MS = 60_000;

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The browser to drive: CHROME_PATH, then the usual system locations. Throws with what to install. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but there is no file there. Point it at a Chromium or Chrome executable, or unset it (Debian/Ubuntu: \`sudo apt-get install -y chromium\` installs /usr/bin/chromium).`);
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    `No Chromium or Chrome found (looked at ${CANDIDATES.join(', ')}). ` +
      'Install one with `sudo apt-get install -y chromium` (Debian/Ubuntu; `apt-get install -y chromium` as root), ' +
      'or set CHROME_PATH to a Chromium/Chrome executable.',
  );
}

/** Throws a clear error when the extension has not been built. */
export function assertExtensionBuilt(dir = EXTENSION_DIR) {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`The extension is not built: ${dir} has no manifest.json. Run \`npm run build\` (or \`npx wxt build\`) first.`);
  }
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** The site file for a path on a sample site's host (default: Lightning), or null (404). */
function siteFile(pathname, dir = SITE_DIR) {
  let file;
  if (pathname.startsWith('/sample-assets/')) file = join(dir, decodeURIComponent(pathname.slice('/sample-assets/'.length)));
  else if (dir === SITE_DIR && (pathname === '/lightning' || pathname.startsWith('/lightning/'))) file = join(SITE_DIR, 'app.html');
  if (!file || !file.startsWith(dir + sep) || !existsSync(file)) return null;
  return file;
}

/**
 * Serves the sample site under the real Salesforce URLs (any `*.lightning.force.com` host):
 * `/lightning/...` is the app shell, `/sample-assets/<file>` the site's files, anything else 404.
 * Every other http(s) request is aborted, so nothing leaves the machine. Extension pages
 * (chrome-extension://) are not touched.
 */
export async function routeSampleSite(context) {
  // Playwright tries the most recently registered matching route first: the catch-all goes first.
  await context.route(/^https?:\/\//i, (route) => route.abort('blockedbyclient'));
  for (const pattern of [SAMPLE_SITE_PATTERN, HUBSPOT_SITE_PATTERN, DYNAMICS_SITE_PATTERN, CLASSIC_SITE_PATTERN, ...TAUGHT_SITE_PATTERNS]) {
    await context.route(pattern, (route) => route.fulfill(sampleSiteResponse(route.request().url()) ?? notFound('site')));
  }
}

const notFound = (what) => ({ status: 404, contentType: 'text/plain; charset=utf-8', body: `Not found in the sample ${what}` });
const fileResponse = (file) => ({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });

/**
 * What the sample CRM sites answer for a URL: { status, contentType, body }, or null when the URL
 * is on none of their hosts. Shared by the Playwright routes above and the Firefox harness
 * (scripts/lib/firefox.mjs).
 */
export function sampleSiteResponse(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const { protocol, hostname, pathname, search } = parsed;
  if (protocol !== 'https:') return null;
  if (hostname === KINTONE_HOST) {
    if (pathname === '/sample-assets/taught/kintone.js') return fileResponse(join(TAUGHT_SITES_DIR, 'kintone.js'));
    return /^\/k\/\d+\/(show)?$/.test(pathname) ? fileResponse(join(TAUGHT_SITES_DIR, 'kintone.html')) : notFound('kintone-like app');
  }
  if (hostname === ADMIN_HOST) {
    const html = renderAdminPage(pathname, search);
    return html === null ? notFound('admin site') : { status: 200, contentType: TYPES['.html'], body: html };
  }
  if (hostname.endsWith('.lightning.force.com')) {
    const file = siteFile(pathname);
    return file ? fileResponse(file) : notFound('site');
  }
  if (hostname.endsWith('.hubspot.com')) {
    const file = pathname.startsWith('/contacts/') ? join(HUBSPOT_SITE_DIR, 'app.html') : siteFile(pathname, HUBSPOT_SITE_DIR);
    return file && /^app(-[a-z]{2,4}\d{1,2})?\.hubspot\.com$/.test(hostname) ? fileResponse(file) : notFound('HubSpot portal');
  }
  if (hostname.endsWith('.dynamics.com')) {
    const file = pathname === '/main.aspx' ? join(DYNAMICS_SITE_DIR, 'app.html') : siteFile(pathname, DYNAMICS_SITE_DIR);
    return file ? fileResponse(file) : notFound('Dynamics 365 org');
  }
  if (hostname.endsWith('.my.salesforce.com')) {
    const html = renderClassicPage(pathname, sampleData());
    return html === null ? notFound('Classic site') : { status: 200, contentType: TYPES['.html'], body: html };
  }
  return null;
}

/** The parsed accounts.json. */
export function sampleData() {
  return JSON.parse(readFileSync(join(SITE_DIR, 'accounts.json'), 'utf8'));
}

/** The sample accounts, in file order. */
export function sampleAccounts() {
  return sampleData().accounts;
}

/** The value of a sample account's field by API name ('' when absent). */
export function fieldValue(account, apiName) {
  return account.fields.find((f) => f[0] === apiName)?.[2] ?? '';
}

export function accountUrl(id, host = SAMPLE_HOST) {
  return `https://${host}/lightning/r/Account/${id}/view`;
}

/** A sample account's Salesforce Classic detail page (15-character id in the address, as Classic writes it). */
export function classicAccountUrl(id, host = CLASSIC_HOST) {
  return `https://${host}/${id.slice(0, 15)}`;
}

/** The parsed sample HubSpot portal (tests/fixtures/hubspot-site/companies.json). */
export function hubspotData() {
  return JSON.parse(readFileSync(join(HUBSPOT_SITE_DIR, 'companies.json'), 'utf8'));
}

/** A sample HubSpot company's record page. */
export function hubspotCompanyUrl(id, host = HUBSPOT_HOST) {
  return `https://${host}/contacts/${hubspotData().portalId}/record/0-2/${id}`;
}

/** The parsed sample Dynamics 365 org (tests/fixtures/dynamics-site/accounts.json). */
export function dynamicsData() {
  return JSON.parse(readFileSync(join(DYNAMICS_SITE_DIR, 'accounts.json'), 'utf8'));
}

/** A sample Dynamics 365 account form (the id as the app writes it: braces and upper case). */
export function dynamicsAccountUrl(id, host = DYNAMICS_HOST) {
  return `https://${host}/main.aspx?appid=${dynamicsData().appId}&pagetype=entityrecord&etn=account&id=%7B${id}%7D`;
}

/** The extension's key for a sample account (`salesforce:<My Domain>:<id>`; the sample ids are 18 characters). */
export function sampleAccountKey(id, host = SAMPLE_HOST) {
  return `salesforce:${host.split('.')[0]}:${id}`;
}

/** Temporary profiles and scratch folders made here; removed when the process exits (after any relaunch). */
const tempFolders = new Set();
process.once('exit', () => {
  for (const dir of tempFolders) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A browser still holding files: leave it to the OS's temp cleanup.
    }
  }
});

/** A new empty folder under the system's temp folder, removed when the process exits: for files a test or bench writes. */
export function scratchDir(prefix = 'adoption-sidebar-scratch-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempFolders.add(dir);
  return dir;
}

/**
 * A persistent Chromium profile with the extension loaded (or without it, for comparisons), the
 * sample site routed and other network blocked. Relaunching with the same `userDataDir` (after
 * `close()`) gives "after a browser restart".
 */
export async function launchBrowser({ userDataDir, headless = true, locale, withExtension = true, extensionDir = EXTENSION_DIR } = {}) {
  if (withExtension) assertExtensionBuilt(extensionDir);
  const executablePath = findChromium();
  let profile = userDataDir;
  if (!profile) {
    profile = mkdtempSync(join(tmpdir(), 'adoption-sidebar-'));
    tempFolders.add(profile);
  }
  const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
  if (withExtension) args.unshift(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  if (locale) args.push(`--lang=${locale}`);
  // Headless has no address bar, yet Chromium preloads the web pages of its omnibox popup in a
  // renderer of their own at every start: about a second of CPU per launch, and launches about
  // 10 % slower, for nothing a test or a figure looks at.
  if (headless) args.push('--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup');
  else args.push('--window-size=1400,900');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    args,
    locale,
    viewport: headless ? { width: 1280, height: 800 } : null,
    env: locale ? { ...process.env, LANGUAGE: locale } : process.env,
  });
  context.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
  try {
    await routeSampleSite(context);
    let extensionId = null;
    if (withExtension) {
      const isExtensionWorker = (w) => w.url().startsWith('chrome-extension://');
      const worker =
        context.serviceWorkers().find(isExtensionWorker) ??
        (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: DEFAULT_TIMEOUT_MS }).catch(() => {
          throw new Error(`The extension's service worker did not start within ${DEFAULT_TIMEOUT_MS / 1000} s. Is ${extensionDir} a valid Chrome MV3 build? Rebuild with \`npm run build\`.`);
        }));
      extensionId = new URL(worker.url()).host;
    }
    return { context, extensionId, userDataDir: profile, close: () => context.close() };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

/** `launchBrowser` with the extension: `extensionId` is always set. */
export async function launchWithExtension({ userDataDir, headless, locale } = {}) {
  return launchBrowser({ userDataDir, headless, locale, withExtension: true });
}

/**
 * The sidebar iframe's Frame in `page`: the frame whose URL is the extension's sidebar page.
 * Waits up to `timeout` ms (default DEFAULT_TIMEOUT_MS) for it to attach; throws when it does not.
 */
export async function waitForSidebarFrame(page, { extensionId, timeout = DEFAULT_TIMEOUT_MS, not } = {}) {
  const prefix = extensionId ? `chrome-extension://${extensionId}/sidebar.html` : null;
  // `not`: a sidebar frame seen before, which may still be listed a moment after its host went.
  const matches = (frame) => frame !== not && !frame.isDetached() && (prefix ? frame.url().startsWith(prefix) : /^chrome-extension:\/\/[a-p]{32}\/sidebar\.html/.test(frame.url()));
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find(matches);
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`No sidebar frame (${prefix ?? 'chrome-extension://<id>/sidebar.html'}) in ${page.url()} after ${timeout} ms.`);
    await page.waitForTimeout(50);
  }
}
