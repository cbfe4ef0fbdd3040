// Firefox ESR with the built Firefox add-on (`npm run build:firefox` → .output/firefox-mv2) on the
// bundled sample Lightning site, driven over WebDriver BiDi by puppeteer-core: the stock browser,
// nothing downloaded. The add-on is installed as a temporary add-on; every request is answered
// here, the sample CRM sites under their real hosts and nothing else reaching the network. Plain ESM JavaScript like browser.mjs; types in firefox.d.mts.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { DEFAULT_TIMEOUT_MS, sampleSiteResponse } from './browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where `npm run build:firefox` puts the Firefox add-on. */
export const FIREFOX_EXTENSION_DIR = join(root, '.output/firefox-mv2');
const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** The Firefox to drive: FIREFOX_PATH, then Debian's firefox-esr. Throws with what to install. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but there is no file there. Point it at a Firefox executable, or unset it.`);
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(`No Firefox found (looked at ${CANDIDATES.join(', ')}). Install one with \`sudo apt-get install -y firefox-esr\`, or set FIREFOX_PATH.`);
}

/** Answers a request: the sample CRM sites under their real hosts, extension and local documents as they are, nothing else. */
function answer(request) {
  const url = request.url();
  const sample = sampleSiteResponse(url);
  if (sample) return request.respond(sample);
  if (/^(https?|wss?):/i.test(url)) return request.abort('blockedbyclient');
  return request.continue();
}

/**
 * Firefox with the add-on installed. `newPage()` gives a tab whose requests are answered as above.
 * `close()` ends the browser and removes its profile.
 */
export async function launchFirefox({ extensionDir = FIREFOX_EXTENSION_DIR, headless = true } = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`The Firefox add-on is not built: ${extensionDir} has no manifest.json. Run \`npm run build:firefox\` first.`);
  const profile = mkdtempSync(join(tmpdir(), 'adoption-sidebar-firefox-'));
  // No pop-up blocker: a test opens the add-on's own pages from its sidebar (`window.open`), as
  // WebDriver BiDi may not navigate a tab to a moz-extension: address itself.
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless, userDataDir: profile, protocolTimeout: DEFAULT_TIMEOUT_MS * 2, extraPrefsFirefox: { 'dom.disable_open_during_load': false } });
  try {
    const addonId = await browser.installExtension(extensionDir);
    return {
      browser,
      addonId,
      async newPage() {
        const page = await browser.newPage();
        page.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
        await page.setRequestInterception(true);
        page.on('request', (request) => void answer(request).catch(() => undefined));
        return page;
      },
      async close() {
        await browser.close().catch(() => undefined);
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
