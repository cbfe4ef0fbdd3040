// Compares the start times of two or more builds of the extension, one browser at a time, in
// rounds whose order rotates (so a slow minute of the machine falls on each build alike):
//   cold: the worker stopped before the navigation, Lightning sample: page `load` → account name
//   (as stored, for an account seen before, or as read);
//   warm: the same with the worker running;
//   classic: Classic sample: the parsed document (its fields are in the HTML) → the sidebar's fields;
//   page load: the CRM page's own `load` (loadEventEnd): Lightning on the cold visits (a new tab, the
//   worker stopped), Classic (a small page that loads fast) with the worker running.
// Medians per build. The figures of `npm run bench` move with the machine's hour; this is how the
// README's before/after figures of a change are taken (both builds in the same run).
// Usage: node scripts/bench/compare-builds.mjs <build dir> <build dir> ...  (R rounds of K visits; 3 and 4 unless set;
// LOCALE=ja-JP for a browser set to Japanese)
// An older build, e.g.: git worktree add /tmp/old <rev> && ln -s "$PWD/node_modules" /tmp/old/node_modules &&
//   (cd /tmp/old && npx wxt prepare && npx wxt build), then compare /tmp/old/.output/chrome-mv3 with .output/chrome-mv3.
import { accountUrl, classicAccountUrl, launchBrowser, sampleAccounts } from '../lib/browser.mjs';
import { announceMarks, nextMark } from '../lib/marks.mjs';
import { median } from './median.mjs';

const dirs = process.argv.slice(2);
if (dirs.length === 0) throw new Error('usage: node scripts/bench/compare-builds.mjs <build dir> <build dir> ...');
const ROUNDS = Number(process.env.R ?? 3);
const VISITS = Number(process.env.K ?? 4);
/** The browser's language (`LOCALE=ja-JP`: the UI in Japanese); the system's unless set. */
const LOCALE = process.env.LOCALE || undefined;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const [first, second] = sampleAccounts();
const results = Object.fromEntries(dirs.map((dir) => [dir, { cold: [], warm: [], classic: [], pageLoad: [], classicLoad: [] }]));

async function session(dir) {
  const browser = await launchBrowser({ extensionDir: dir, locale: LOCALE });
  const { context } = browser;
  await context.addInitScript(announceMarks);
  // A blank tab holds the CDP session that stops the worker.
  const control = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(control);
  await cdp.send('ServiceWorker.enable');

  /** Page `load` → the account name in the sidebar (ms), and the page's own load (ms from its start). */
  const visit = async (url) => {
    const page = await context.newPage();
    // Nothing is evaluated in the CRM page or the sidebar until the name shows (scripts/lib/marks.mjs).
    const named = nextMark(page, 'sidebar-name');
    await page.goto(url);
    const nameAt = await named;
    const { timeOrigin, loadEnd } = await page.evaluate(() => ({ timeOrigin: performance.timeOrigin, loadEnd: performance.getEntriesByType('navigation')[0].loadEventEnd }));
    await page.close();
    return { start: nameAt - (timeOrigin + loadEnd), pageLoad: loadEnd };
  };
  /** Classic: the parsed document → the sidebar's fields rendered (ms), and the page's own load (ms from its start). */
  const classic = async () => {
    const page = await context.newPage();
    const shown = nextMark(page, 'sidebar-fields');
    await page.goto(classicAccountUrl(first.id));
    const fieldsAt = await shown;
    const { parsedAt, loadEnd } = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { parsedAt: performance.timeOrigin + nav.domInteractive, loadEnd: nav.loadEventEnd };
    });
    await page.close();
    return { fields: fieldsAt - parsedAt, pageLoad: loadEnd };
  };

  // Warm-up: the database made, the sidebar's files read once.
  await visit(accountUrl(first.id));
  await classic();
  for (let k = 0; k < VISITS; k++) {
    const url = accountUrl(k % 2 ? second.id : first.id);
    results[dir].warm.push((await visit(url)).start);
    const classicVisit = await classic();
    results[dir].classic.push(classicVisit.fields);
    results[dir].classicLoad.push(classicVisit.pageLoad);
    await cdp.send('ServiceWorker.stopAllWorkers');
    await sleep(800);
    const cold = await visit(url);
    results[dir].cold.push(cold.start);
    results[dir].pageLoad.push(cold.pageLoad);
  }
  await browser.close();
}

for (let round = 0; round < ROUNDS; round++) {
  for (const dir of dirs.map((_, i) => dirs[(i + round) % dirs.length])) await session(dir);
}
for (const dir of dirs) {
  const r = results[dir];
  console.log(`${dir}: cold ${median(r.cold).toFixed(1)} ms, warm ${median(r.warm).toFixed(1)} ms, Classic ${median(r.classic).toFixed(1)} ms, page load: Lightning cold in a new tab ${median(r.pageLoad).toFixed(1)} ms, Classic warm ${median(r.classicLoad).toFixed(1)} ms (${r.cold.length} visits each)`);
}
