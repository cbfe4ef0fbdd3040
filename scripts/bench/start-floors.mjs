// The two steps of a sidebar's start against their floors, what the browser itself takes for any
// extension doing the same (issue 15: figures that say what is the product's and what the browser's).
//
// 1. Injection: the CRM page's `load` → the sidebar's host on the page (the worker hears of the
//    load, injects the script, which reads its layout and makes the host), against `load` → an
//    empty script running there, injected the same way: a copy of the build whose Lightning
//    script is one statement. Warm (the worker running), the Lightning sample, alternating builds.
// 2. The sidebar document's load against an empty extension page in the same place. Both are
//    framed by a CRM page whose sidebar has shown (the same renderer processes), alternately:
//   - sidebar.html, framed by the page: it loads and runs all its scripts, then refuses to act
//     (the page did not frame it through the content script), so its DOMContentLoaded is the
//     document's load without any account data;
//   - an empty extension page (one module script of one statement), added to a copy of the build
//     for this bench only: what the browser itself takes to make and load an extension page there.
// The difference is what the sidebar's own files cost (fetched, compiled, run) before it can render.
// Called by scripts/bench.mjs with `report`; standalone: `node scripts/bench/start-floors.mjs` (after `npm run build`).
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { accountUrl, EXTENSION_DIR, launchBrowser, sampleData, waitForSidebarFrame } from '../lib/browser.mjs';
import { nextMark } from '../lib/marks.mjs';
import { median } from './median.mjs';
import { copyOfBuild } from './build-copy.mjs';

const FLOOR_PAGE = 'bench-floor.html';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A copy of the built extension whose Lightning script only notes when it ran (epoch ms, on <html>). */
const buildWithEmptyScript = () =>
  copyOfBuild('adoption-sidebar-stub-', {
    files: { 'content-scripts/salesforce-lightning.js': 'document.documentElement.dataset.benchInjectedAt = String(performance.timeOrigin + performance.now());\n' },
  });

/** In the CRM page: when the sidebar's host is put on the page (epoch ms). */
function hostProbe() {
  if (!/\.lightning\.force\.com$/.test(location.hostname)) return;
  const probe = (window.__hostProbe = { at: 0 });
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const node of r.addedNodes) if (node.nodeType === 1 && node.shadowRoot?.querySelector('iframe')) probe.at = performance.timeOrigin + performance.now();
    if (probe.at) observer.disconnect();
  });
  const watch = () => observer.observe(document.documentElement, { childList: true });
  if (document.documentElement) watch();
  else document.addEventListener('readystatechange', watch, { once: true });
}

/**
 * `load` → the injected script's mark (the empty script's, or the real script's host), ms. Nothing
 * is evaluated in the page until the mark is surely there: Playwright's own script, run in the page
 * right after `load`, would delay the injection it measures (the real script: its sidebar is
 * waited for in its own frame; the empty one: a second, far longer than it takes).
 */
async function injectionTime(browser, accountId, stub) {
  const page = await browser.context.newPage();
  await page.goto(accountUrl(accountId));
  if (stub) await sleep(1000);
  else await (await waitForSidebarFrame(page)).getByTestId('sidebar-fields').waitFor();
  const marked = await page.waitForFunction(
    (isStub) => (isStub ? Number(document.documentElement.dataset.benchInjectedAt ?? 0) : (window.__hostProbe?.at ?? 0)),
    stub,
  );
  const at = await marked.jsonValue();
  const loadAt = await page.evaluate(() => performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventStart);
  await page.close();
  return at - loadAt;
}

async function benchInjectionFloor({ report, runs }) {
  const [account] = sampleData().accounts;
  const stubDir = buildWithEmptyScript();
  const real = [];
  const floor = [];
  try {
    for (let round = 0; round < 2; round++) {
      for (const stub of round % 2 ? [true, false] : [false, true]) {
        const browser = await launchBrowser({ extensionDir: stub ? stubDir : EXTENSION_DIR });
        try {
          await browser.context.addInitScript(hostProbe);
          for (let i = 0; i < Math.ceil(runs / 2) + 1; i++) {
            const ms = await injectionTime(browser, account.id, stub);
            if (i > 0) (stub ? floor : real).push(ms);
          }
        } finally {
          await browser.close();
        }
      }
    }
  } finally {
    rmSync(stubDir, { recursive: true, force: true });
  }
  report('Injection, warm: page load to the sidebar host on the page (median)', median(real), 'ms', '—', {
    floor: { what: 'page load to an empty script running there, injected the same way', value: median(floor) },
    ratioTarget: '—',
  });
}

/** A copy of the built extension with an empty, web-accessible page beside the sidebar's. */
const buildWithFloorPage = () =>
  copyOfBuild('adoption-sidebar-floor-', {
    files: {
      [FLOOR_PAGE]: '<!doctype html>\n<html><head><meta charset="UTF-8"><script type="module" src="/bench-floor.js"></script></head><body></body></html>\n',
      'bench-floor.js': 'document.documentElement.dataset.ran = "1";\n',
    },
    webAccessible: [FLOOR_PAGE],
  });

/**
 * In extension pages: their navigation → DOMContentLoaded, announced on the console once loaded
 * (scripts/lib/marks.mjs: a Playwright wait in the frame would run Playwright's own script there
 * while the document loads, about 30 ms on this machine, in the document and its floor alike).
 */
function loadedProbe() {
  if (location.protocol !== 'chrome-extension:') return;
  addEventListener('load', () => console.debug(`bench-mark:document-loaded:${performance.getEntriesByType('navigation')[0].domContentLoadedEventStart}`));
}

/** Frames `src` from the CRM page's own script and returns its navigation → DOMContentLoaded (ms). */
async function framedLoad(page, src) {
  const loaded = nextMark(page, 'document-loaded');
  await page.evaluate((url) => {
    const frame = document.createElement('iframe');
    frame.src = url;
    document.body.append(frame);
  }, src);
  return loaded;
}

export async function benchStartFloors({ report, RUNS }) {
  const runs = Math.max(8, RUNS * 2);
  await benchInjectionFloor({ report, runs });
  const dir = buildWithFloorPage();
  const browser = await launchBrowser({ extensionDir: dir });
  try {
    await browser.context.addInitScript(loadedProbe);
    const [account] = sampleData().accounts;
    const sidebar = [];
    const floor = [];
    for (let i = 0; i < runs + 2; i++) {
      const page = await browser.context.newPage();
      await page.goto(accountUrl(account.id));
      // The page settled: its own sidebar shown with the account's fields.
      await (await waitForSidebarFrame(page)).getByTestId('sidebar-fields').waitFor();
      const base = `chrome-extension://${browser.extensionId}/`;
      // Alternating which goes first; the first two visits warm the browser up.
      const order = i % 2 ? [[FLOOR_PAGE, floor], ['sidebar.html', sidebar]] : [['sidebar.html', sidebar], [FLOOR_PAGE, floor]];
      for (const [file, list] of order) {
        const ms = await framedLoad(page, base + file);
        if (i >= 2) list.push(ms);
      }
      await page.close();
    }
    report('Sidebar document in its frame: navigation to DOMContentLoaded, no data (median)', median(sidebar), 'ms', '—', {
      floor: { what: 'an empty extension page framed in the same place', value: median(floor) },
      ratioTarget: '—',
    });
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = (name, value, unit, target, more = {}) =>
    console.log(`${name.padEnd(62)} ${String(Math.round(value * 10) / 10).padStart(9)} ${unit.padEnd(3)}  (target ${target})${more.floor ? `; floor ${Math.round(more.floor.value * 10) / 10} ${unit}: ${more.floor.what}` : ''}`);
  await benchStartFloors({ report, RUNS: Number(process.env.BENCH_RUNS ?? 5) });
}
