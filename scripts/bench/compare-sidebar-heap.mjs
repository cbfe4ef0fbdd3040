// Compares the JavaScript heap each sidebar adds to the extension's process, for two or more
// builds: one CRM tab opened, a garbage collection, the heap; two more tabs, a collection, the heap
// again; the difference per added sidebar. Builds in turns (the order rotates each round), one
// browser at a time; the sidebars are waited for through their console (nothing of Playwright's
// runs in them). Medians per build.
// Usage: node scripts/bench/compare-sidebar-heap.mjs <build dir> <build dir> ...  (R rounds; 4 unless set)
import { accountUrl, launchBrowser, sampleAccounts, waitForSidebarFrame } from '../lib/browser.mjs';
import { announceMarks, nextMark } from '../lib/marks.mjs';
import { median } from './median.mjs';

const dirs = process.argv.slice(2);
if (dirs.length === 0) throw new Error('usage: node scripts/bench/compare-sidebar-heap.mjs <build dir> <build dir> ...');
const ROUNDS = Number(process.env.R ?? 4);
/** Time for what a sidebar does after its fields show (the view's follow-up requests) before a collection. */
const SETTLE_MS = 1500;
const accounts = sampleAccounts();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const results = Object.fromEntries(dirs.map((dir) => [dir, { first: [], added: [] }]));

async function heapAfterCollection(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1048576;
}

async function session(dir) {
  const browser = await launchBrowser({ extensionDir: dir });
  try {
    await browser.context.addInitScript(announceMarks);
    const open = async (i) => {
      const page = await browser.context.newPage();
      const shown = nextMark(page, 'sidebar-fields');
      await page.goto(accountUrl(accounts[i % accounts.length].id));
      await shown;
      return page;
    };
    // The extension's process holds the sidebars' documents; the first sidebar's frame reaches it.
    const cdp = await browser.context.newCDPSession(await waitForSidebarFrame(await open(0)));
    await cdp.send('HeapProfiler.enable');
    await sleep(SETTLE_MS);
    const one = await heapAfterCollection(cdp);
    await open(1);
    await open(2);
    await sleep(SETTLE_MS);
    const three = await heapAfterCollection(cdp);
    results[dir].first.push(one);
    results[dir].added.push((three - one) / 2);
  } finally {
    await browser.close();
  }
}

for (let round = 0; round < ROUNDS; round++) {
  const order = dirs.map((_, i) => dirs[(i + round) % dirs.length]);
  for (const dir of order) await session(dir);
}
for (const dir of dirs) {
  const { first, added } = results[dir];
  console.log(`${dir}: one sidebar ${median(first).toFixed(2)} MB, each added sidebar ${median(added).toFixed(2)} MB (JS heap of the extension's process after a collection; ${ROUNDS} rounds)`);
}
