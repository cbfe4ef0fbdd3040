// The extension updated under a profile that holds usage: an older build imports the sample usage
// file, then this build is loaded in its place (same folder, so the same extension id and
// database) and must read the same usage accounts and figures after its database upgrade.
//
//   git worktree add /tmp/old <older commit> && ln -s "$PWD/node_modules" /tmp/old/node_modules
//   (cd /tmp/old && npx wxt prepare && npx wxt build)
//   npm run build && node scripts/check-update.mjs /tmp/old/.output/chrome-mv3
//
// Not part of `npm test`: it needs a build of an older commit.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launchBrowser } from './lib/browser.mjs';

const oldBuild = process.argv[2];
if (!oldBuild) throw new Error('usage: node scripts/check-update.mjs <older build folder, e.g. /tmp/old/.output/chrome-mv3>');
const scratch = mkdtempSync(join(tmpdir(), 'adoption-sidebar-update-'));
const ext = join(scratch, 'extension');
const profile = join(scratch, 'profile');

/** What the database holds of usage, read from an extension page: its version, records and figures. */
const usageStored = (page) =>
  page.evaluate(
    () =>
      new Promise((done, fail) => {
        const open = indexedDB.open('adoption-sidebar');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.objectStoreNames.contains('usageYears') ? 'usageYears' : 'usageMonths';
          const tx = db.transaction([store], 'readonly');
          const all = tx.objectStore(store).getAll();
          tx.oncomplete = () => {
            db.close();
            const dayLists = all.result.flatMap((r) => (store === 'usageYears' ? r.months.filter(Boolean) : [r.days]));
            done({ version: db.version, store, records: all.result.length, months: dayLists.length, figures: dayLists.flat().filter((d) => d !== null).length });
          };
        };
      }),
  );
const usageAccounts = async (page) => {
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'usage.context' }));
  if (!reply.ok) throw new Error(`usage.context failed: ${JSON.stringify(reply.error)}`);
  return reply.data.sources.map((s) => `${s.sourceAccountKey} → ${s.link?.accountKey ?? 'not linked'}`).sort();
};

try {
  cpSync(oldBuild, ext, { recursive: true });
  let browser = await launchBrowser({ userDataDir: profile, extensionDir: ext });
  let page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByTestId('usage-file').setInputFiles(new URL('../tests/fixtures/usage/sample-accounts.csv', import.meta.url).pathname);
  await page.locator('[data-testid="usage-confirm"]:not([disabled])').waitFor();
  await page.getByTestId('usage-confirm').click();
  await page.locator('[data-testid="usage-result"][data-outcome="stored"]').waitFor();
  const before = { stored: await usageStored(page), accounts: await usageAccounts(page) };
  await browser.close();

  rmSync(ext, { recursive: true, force: true });
  cpSync(EXTENSION_DIR, ext, { recursive: true });
  // An update from the store carries a new version and registers the new worker script. Chrome
  // keeps an unpacked extension's installed worker when its folder changes under it, so the
  // profile's worker registrations are dropped here (its data, IndexedDB included, is kept).
  const manifest = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8'));
  writeFileSync(join(ext, 'manifest.json'), JSON.stringify({ ...manifest, version: `${manifest.version}.1` }));
  rmSync(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
  browser = await launchBrowser({ userDataDir: profile, extensionDir: ext });
  page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const accounts = await usageAccounts(page);
  const after = { stored: await usageStored(page), accounts };
  await browser.close();

  console.log('before the update:', before.stored);
  console.log('after the update: ', after.stored);
  const same = JSON.stringify(before.accounts) === JSON.stringify(after.accounts) && before.stored.months === after.stored.months && before.stored.figures === after.stored.figures;
  console.log(same ? `the same ${after.accounts.length} usage accounts, months and figures after the update` : `CHANGED: ${JSON.stringify(before.accounts)} → ${JSON.stringify(after.accounts)}`);
  if (!same) process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
