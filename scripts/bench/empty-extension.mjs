// The page-load ratios' reference: a browser with an extension that has the built extension's
// manifest (the same hosts, permissions and web-accessible page) and does nothing (an empty
// service worker, no script ever injected). Its page load against a browser without extensions is
// what Chrome itself costs a page for an extension with access to the site; the product's ratio
// is read beside it.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, launchBrowser, scratchDir } from '../lib/browser.mjs';

/** Launches Chromium with the do-nothing copy of the built extension (removed when the process exits). */
export async function launchEmptyExtension() {
  const dir = scratchDir('adoption-sidebar-empty-extension-');
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  // What the manifest names (its strings, icons, pages) is copied; only the worker is emptied.
  for (const entry of ['_locales', 'icon', 'sidebar.html', 'popup.html', 'options.html']) cpSync(join(EXTENSION_DIR, entry), join(dir, entry), { recursive: true });
  writeFileSync(join(dir, manifest.background.service_worker), '// does nothing\n');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return launchBrowser({ extensionDir: dir });
}
