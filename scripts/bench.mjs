// `npm run bench`: the figures each issue names, measured in real Chromium with the built
// extension (run `npm run build` first). Medians of several runs; ratios measured in one run.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { accountUrl, sampleAccountKey, EXTENSION_DIR, launchBrowser, sampleData, scratchDir, SIDEBAR_SELECTOR } from './lib/browser.mjs';
import { benchImport } from './bench/import-browser.mjs';
import { benchPortfolioPage } from './bench/portfolio-browser.mjs';
import { openFloors, sidebarPageSize } from './bench/floors.mjs';
import { benchRealConditions } from './bench/real-conditions.mjs';
import { benchStartFloors } from './bench/start-floors.mjs';
import { benchCrmSamples } from './bench/crm-samples.mjs';
import { launchEmptyExtension } from './bench/empty-extension.mjs';
import { benchSuggestBrowser } from './bench/suggest-browser.mjs';
import { describeSaveSteps, timeSave } from './bench/time-save.mjs';
import { benchCrmWrite } from './bench/crm-write-browser.mjs';
import { median } from './bench/median.mjs';
import { announceMarks, nextMark } from './lib/marks.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const data = sampleData();
const [globex, initech, , umbrella] = data.accounts;
const results = [];
/**
 * Targets as ratios to the raw IndexedDB floors (scripts/bench/floors.mjs), beside the absolute
 * ones: what the absolute target allows over the floor as measured on this 2-core machine
 * (target ÷ floor, rounded down), so that a machine with faster or slower IndexedDB carries
 * the target along. The first import's floor is the same puts the product makes: there the
 * ratio allows a quarter over them. The quick log's and the first screen's floors are taken once
 * the product's own work is over (FLOOR_SETTLE_MS) since 6 December: about 1.25 and 2.9 ms here
 * (the highest medians of the sets taken apart from a bench run), so their targets are 20 ÷ 1.25
 * and 150 ÷ 2.9; before, the floors counted that work too (from 1.6 to 5 ms and from 3.7 to 32 ms
 * across runs), and the targets were 4× and 4.5×.
 */
const RATIO_TARGETS = { quickLog: '≤ 16×', firstScreen: '≤ 51×', brief: '≤ 3.5×', import: '≤ 1.25×', reimport: '≤ 5×', portfolio: '≤ 6×' };

const round = (x) => Math.round(x * 100) / 100;
/**
 * One figure: printed, and kept for bench-results.json. `more` holds anything beside the value;
 * `floor` (the raw IndexedDB work under the figure, scripts/bench/floors.mjs: { what, value })
 * and `ratioTarget` (how many times the floor the figure may take) add the figure's ratio to it.
 */
function report(name, value, unit, target, more = {}) {
  const { floor, ratioTarget, ...rest } = more;
  const entry = { name, value: round(value), unit, target, ...rest };
  let line = `${name.padEnd(62)} ${String(round(value)).padStart(9)} ${unit.padEnd(3)}  (target ${target})`;
  if (floor) {
    entry.floor = { what: floor.what, value: round(floor.value), unit };
    entry.ratio = round(value / floor.value);
    entry.ratioTarget = ratioTarget;
    line += `\n    ${entry.ratio}× the raw floor: ${floor.what}, ${entry.floor.value} ${unit} (ratio target ${ratioTarget})`;
  }
  results.push(entry);
  console.log(line);
}
const sidebarFrame = (page) => page.frames().find((f) => f.url().endsWith('/sidebar.html'));

// 1. Content script size: one script per CRM (each with its own adapter only); a tab loads one.
for (const file of readdirSync(join(EXTENSION_DIR, 'content-scripts')).filter((f) => f.endsWith('.js')).sort()) {
  const contentScript = readFileSync(join(EXTENSION_DIR, 'content-scripts', file));
  report(`Content script ${file}, gzipped`, gzipSync(contentScript).length / 1024, 'kB', '≤ 15 kB');
}

const browser = await launchBrowser();
const { context } = browser;
// What the timed figures wait for is announced on the consoles: nothing is evaluated in a
// measured page or sidebar until its figure is taken (scripts/lib/marks.mjs).
await context.addInitScript(announceMarks);

// 2. Sidebar showing the record's fields after they appear in the page, first load.
{
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    const [rendered, shown] = [nextMark(page, 'page-fields'), nextMark(page, 'sidebar-fields')];
    await page.goto(accountUrl(globex.id));
    times.push((await shown) - (await rendered));
    await page.close();
  }
  report('Sidebar fields after page fields, first load (median)', median(times), 'ms', '≤ 250 ms');
}

// 3. The same after a single-page navigation.
{
  const page = await context.newPage();
  const [rendered, shown] = [nextMark(page, 'page-fields'), nextMark(page, 'sidebar-fields')];
  await page.goto(accountUrl(globex.id));
  let [last, lastPage] = [await shown, await rendered];
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const target = i % 2 === 0 ? initech : globex;
    const [pageFields, sidebarFields] = [nextMark(page, 'page-fields', { after: lastPage }), nextMark(page, 'sidebar-fields', { after: last })];
    await page.click(`a[href="/lightning/r/Account/${target.id}/view"]`);
    [last, lastPage] = [await sidebarFields, await pageFields];
    times.push(last - lastPage);
  }
  report('Sidebar fields after page fields, single-page navigation (median)', median(times), 'ms', '≤ 100 ms');
  await page.close();
}

// 4. Page cost: load time of the sample account page with the extension divided by without it.
{
  const plain = await launchBrowser({ withExtension: false });
  const empty = await launchEmptyExtension();
  const loadTime = async (ctx) => {
    const page = await ctx.newPage();
    await page.goto(accountUrl(umbrella.id), { waitUntil: 'load' });
    const t = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
    await page.close();
    return t;
  };
  await loadTime(plain.context);
  await loadTime(empty.context);
  await loadTime(context);
  const withExt = [];
  const without = [];
  const withEmpty = [];
  // Page loads vary by several ms on this machine: many interleaved triples, medians compared.
  // Each goes first, second and third equally often (as in scripts/bench/crm-samples.mjs).
  const kinds = [
    [without, plain.context],
    [withEmpty, empty.context],
    [withExt, context],
  ];
  for (let i = 0; i < Math.max(21, RUNS * 3); i++) {
    for (let k = 0; k < 3; k++) {
      const [list, ctx] = kinds[(i + k) % 3];
      list.push(await loadTime(ctx));
    }
  }
  await empty.close();
  await plain.close();
  report('Page load with / without the extension (ratio of medians)', median(withExt) / median(without), '×', '≤ 1.05');
  report('Page load with the extension minus without (difference of medians)', median(withExt) - median(without), 'ms', '≤ +10 ms', { withExtension: round(median(withExt)), withoutExtension: round(median(without)), pairs: withExt.length });
  report('… an extension that does nothing, with the same manifest / without (reference)', median(withEmpty) / median(without), '×', '—');
  console.log(`    load event: ${median(withExt).toFixed(1)} ms with, ${median(withEmpty).toFixed(1)} ms with the do-nothing extension, ${median(without).toFixed(1)} ms without (${withExt.length} interleaved triples)`);
}

// The raw IndexedDB floors of the figures from here on, measured interleaved with them in this
// browser (scripts/bench/floors.mjs): each figure is also given as a ratio to its floor.
const floors = await openFloors({ context, extensionId: browser.extensionId });

// 5. Saving a quick log, click to stored and shown.
{
  const page = await context.newPage();
  await page.goto(accountUrl(umbrella.id));
  const sidebar = page.frameLocator(SIDEBAR_SELECTOR);
  await sidebar.getByTestId('timeline-empty').or(sidebar.getByTestId('timeline-entry').first()).waitFor();
  await sidebar.getByTestId('quick-log-open').click();
  const fillNotes = (text) => sidebar.getByTestId('quick-log-text').fill(text);
  await timeSave(page, 'warm-up', fillNotes);
  const umbrellaKey = sampleAccountKey(umbrella.id);
  await floors.quickLogPut(umbrellaKey, true);
  const times = [];
  const putFloor = [];
  const steps = [];
  for (let i = 0; i < RUNS * 2; i++) {
    times.push(await timeSave(page, `Note ${i}`, fillNotes, steps));
    putFloor.push(await floors.quickLogPut(umbrellaKey, false));
  }
  report('Quick log save, click to stored and shown (median)', median(times), 'ms', '< 20 ms', {
    floor: { what: 'one put of a similar interaction in a readwrite transaction', value: median(putFloor) },
    ratioTarget: RATIO_TARGETS.quickLog,
  });
  console.log(`    of which: ${describeSaveSteps(steps, median)}`);

  // 6. With a signal and a next step.
  const withExtras = [];
  const extrasFloor = [];
  const extrasSteps = [];
  for (let i = 0; i < RUNS * 2; i++) {
    extrasFloor.push(await floors.quickLogPut(umbrellaKey, true));
    withExtras.push(
      await timeSave(page, `Call ${i}`, async (text) => {
        await fillNotes(text);
        await sidebar.locator('[data-testid="quick-log-signal"][data-kind="roi-questioned"]').click();
        await sidebar.getByTestId('quick-log-add-step').click();
        await sidebar.getByTestId('quick-log-step-text').last().fill('Send ROI numbers');
        await sidebar.getByTestId('quick-log-step-due').last().fill('2026-12-01');
      }, extrasSteps),
    );
  }
  report('Quick log save with a signal and a next step (median)', median(withExtras), 'ms', '< 20 ms', {
    floor: { what: 'an interaction with a next step and a signal put in one readwrite transaction', value: median(extrasFloor) },
    ratioTarget: RATIO_TARGETS.quickLog,
  });
  console.log(`    of which: ${describeSaveSteps(extrasSteps, median)}`);
  await page.close();
}

// 6b. Suggestions while typing: the keystroke completing a phrase in a 2,000-character note to its
// suggestion shown (scripts/bench/suggest-browser.mjs).
await benchSuggestBrowser({ context, report, RUNS });

// 6c. Typing at the end of a 1 MiB note in the quick log, per key, beside a bare textarea of the same
// size and width in the same frame (the browser's own work per key on a megabyte is most of it;
// each key's draft carries the whole note).
{
  const page = await context.newPage();
  await page.goto(accountUrl(umbrella.id));
  const sidebar = page.frameLocator(SIDEBAR_SELECTOR);
  await sidebar.getByTestId('quick-log-open').click();
  // Meeting notes in lines, as a pasted transcript is (one line of a megabyte costs the browser far more).
  const line = '定例会議：導入状況を確認。Adoption review with "quotes", <tags> and \\ backslashes; next steps agreed.\n';
  const note = line.repeat(Math.ceil((1024 * 1024) / line.length)).slice(0, 1024 * 1024);
  const frame = sidebarFrame(page);
  /** The quick log's note set as a paste does (one input event, React reading it through the native setter). */
  const pasteNotes = (value) =>
    frame.evaluate((text) => {
      const real = document.querySelector('[data-testid="quick-log-text"]');
      real.focus();
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(real, text);
      real.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);
  await pasteNotes(note);
  /** A bare textarea of the same size and width beside the quick log, holding `value`. */
  const addBare = (value) =>
    frame.evaluate((text) => {
      const real = document.querySelector('[data-testid="quick-log-text"]');
      const bare = document.createElement('textarea');
      bare.id = 'bare-textarea';
      bare.rows = real.rows;
      bare.style.width = `${real.getBoundingClientRect().width}px`;
      bare.value = text;
      real.parentElement.append(bare);
    }, value);
  const keys = 'abcdefghij';
  /** ms per key typed at the end of the field, until the field holds every key. */
  const perKey = async (selector) => {
    const field = frame.locator(selector);
    await field.press('Control+End');
    const want = (await field.evaluate((el) => el.value.length)) + keys.length;
    const started = performance.now();
    await field.pressSequentially(keys);
    await frame.waitForFunction(([sel, n]) => document.querySelector(sel).value.length >= n, [selector, want]);
    return (performance.now() - started) / keys.length;
  };
  const quickLog = [];
  const bare = [];
  // Each measured with the other's megabyte out of the frame, as far as it can be: the bare
  // textarea is removed before the quick log is typed into (the quick log keeps its note).
  for (let i = 0; i < 3; i++) {
    await addBare(note);
    bare.push(await perKey('#bare-textarea'));
    await frame.evaluate(() => document.getElementById('bare-textarea').remove());
    quickLog.push(await perKey('[data-testid="quick-log-text"]'));
  }
  const typed = await frame.evaluate(() => document.querySelector('[data-testid="quick-log-text"]').value.length);
  if (typed !== note.length + keys.length * 3) throw new Error(`the quick log holds ${typed} characters, not ${note.length + keys.length * 3}`);
  report('Typing at the end of a 1 MiB note, per key (median)', median(quickLog), 'ms', '≤ 3× a bare textarea', { bareTextarea: round(median(bare)), ratio: round(median(quickLog) / median(bare)) });
  console.log(`    a bare textarea of the same size: ${median(bare).toFixed(1)} ms per key (${(median(quickLog) / median(bare)).toFixed(2)}×)`);
  // The draft emptied, so later figures do not carry a megabyte.
  await pasteNotes('');
  await sidebar.getByTestId('quick-log-text').and(page.frameLocator(SIDEBAR_SELECTOR).locator(':placeholder-shown')).waitFor();
  await page.close();
}

// 7. An account with 5,000 timeline entries: first screen of the sidebar.
{
  const account = initech;
  const key = sampleAccountKey(account.id);
  const touches = (accountKey, count) => Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.UTC(2024, 0, 1) + i * 3 * 3_600_000).toISOString();
    return { id: `bench-${accountKey}-${i}`, accountKey, type: i % 3 ? 'call' : 'email', occurredAt: at, tone: ['positive', 'neutral', 'hesitant'][i % 3], notes: `Bench note ${i}: discussed rollout, adoption and next steps.`, attendeeIds: [], internalAttendees: [], nextSteps: [], internalOnly: false, createdAt: at, updatedAt: at, revision: 0 };
  });
  // Initech: 5,000 entries (this step); Globex: 2,000 (the QBR brief, 7b).
  const briefKey = sampleAccountKey(globex.id);
  const interactions = [...touches(key, 5000), ...touches(briefKey, 2000)];
  const backup = { format: 'adoption-sidebar-backup', version: 1, exportedAt: new Date().toISOString(), records: { accounts: [], snapshots: [], interactions, drafts: [], goals: [], signals: [], stakeholders: [], settings: [] } };
  const file = join(scratchDir('bench-'), 'backup.json');
  writeFileSync(file, JSON.stringify(backup));
  const options = await context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId('backup-import').setInputFiles(file);
  await options.locator('[data-outcome="imported"]').waitFor({ timeout: 60000 });
  await options.close();

  const pageSize = sidebarPageSize();
  const firstPageRead = await floors.check.firstPage(key, pageSize);
  if (firstPageRead !== pageSize + 1) throw new Error(`first-page floor read ${firstPageRead} records, not ${pageSize + 1}`);
  const times = [];
  const fromLoad = [];
  const firstPageFloor = [];
  const wholeAccount = [];
  let domEntries = 0;
  for (let i = 0; i < RUNS; i++) {
    firstPageFloor.push(await floors.firstPage(key, pageSize));
    wholeAccount.push(await floors.accountEntries(key));
    const page = await context.newPage();
    const timeline = nextMark(page, 'timeline');
    await page.goto(accountUrl(account.id));
    const shownAt = await timeline;
    const frame = sidebarFrame(page);
    const frameReadyAt = await frame.evaluate(() => performance.timeOrigin + performance.getEntriesByType('navigation')[0].domContentLoadedEventStart);
    const loadAt = await page.evaluate(() => performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventStart);
    domEntries = await frame.evaluate(() => document.querySelectorAll('[data-testid="timeline-entry"]').length);
    // From the sidebar's document ready: the account was visited before (section 3), so the
    // sidebar shows it as stored without waiting for the page to render its record, which the
    // page often does after the timeline is shown (a figure counted from it came out negative).
    // From there the figure is the first page's read and render: what the 5,000 entries cost.
    times.push(shownAt - frameReadyAt);
    fromLoad.push(shownAt - loadAt);
    await page.close();
  }
  report('5,000-entry account: first screen with timeline, after the sidebar document is ready (median)', median(times), 'ms', '≤ 150 ms', {
    floor: { what: `the first timeline page read raw (newest ${pageSize + 1} interactions and signals through the byAccount index)`, value: median(firstPageFloor) },
    ratioTarget: RATIO_TARGETS.firstScreen,
  });
  console.log(`    timeline entries in the DOM: ${domEntries} of 5000; the page's load to the timeline: ${median(fromLoad).toFixed(1)} ms; all 5,000 interactions read raw (getAll): ${median(wholeAccount).toFixed(1)} ms`);

  // 7b. The printable QBR brief of an account with 2,000 entries, its range holding them all:
  // navigation to the page laid out with its sections and first entries (data-rendered-at, stamped
  // after a forced layout), and to every entry on it (data-all-rendered-at; the rest follow in a
  // transition, components/BriefPage.tsx).
  const briefRead = await floors.check.accountEntries(briefKey);
  if (briefRead !== 2000) throw new Error(`brief floor read ${briefRead} records, not 2000`);
  const briefTimes = [];
  const briefAll = [];
  const briefFloor = [];
  let briefEntries = 0;
  for (let i = 0; i < RUNS; i++) {
    briefFloor.push(await floors.accountEntries(briefKey));
    const page = await context.newPage();
    const shown = nextMark(page, 'brief-shown');
    const all = nextMark(page, 'brief-all');
    await page.goto(`chrome-extension://${browser.extensionId}/brief.html#account=${encodeURIComponent(briefKey)}&from=2024-01-01&to=2024-09-06&internal=0`);
    // Both stamps are the page's own clock (performance.now(): ms from its navigation).
    briefTimes.push(await shown);
    briefAll.push(await all);
    briefEntries = await page.locator('[data-testid="brief-interaction"]').count();
    await page.close();
  }
  report('QBR printable page, 2,000-entry account: navigation to laid out (median)', median(briefTimes), 'ms', '≤ 300 ms', {
    floor: { what: "the account's 2,000 interactions (and its signals) read raw through the byAccount index", value: median(briefFloor) },
    ratioTarget: RATIO_TARGETS.brief,
    allEntries: round(median(briefAll)),
  });
  console.log(`    every one of the ${briefEntries} interactions on the page and laid out: ${median(briefAll).toFixed(1)} ms`);
}

// 8. A 200,000-row usage CSV imported on the settings page (scripts/bench/import-browser.mjs).
await benchImport({ context, extensionId: browser.extensionId, report, RUNS, floors, ratioTargets: RATIO_TARGETS });

// 9. The portfolio page with 500 accounts × 200 entries (last: it fills the profile).
await benchPortfolioPage({ context, extensionId: browser.extensionId, report, RUNS, floors, ratioTarget: RATIO_TARGETS.portfolio });

await floors.close();
await browser.close();

// 10. Real conditions: cold and warm start, first visit and revisit, memory per tab (own browsers).
await benchRealConditions({ report, RUNS });
// 10b. What of a start is the sidebar's: injection and the frame's load against their floors.
await benchStartFloors({ report, RUNS });

// 11. The same fields and page-load figures on the HubSpot, Dynamics 365 and Classic samples (own browsers).
await benchCrmSamples({ report, RUNS });

// Issue 12: saving with logging to Salesforce on, and 100 queued touches written once the API answers.
await benchCrmWrite({ report, RUNS });

// Pure computation: health scores, portfolio ranking, QBR briefs, quick-log suggestions and their
// quality tables (scripts/bench/pure.ts, in Node).
{
  const out = execFileSync(process.execPath, [join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/bench/pure.ts'], { encoding: 'utf8', env: { ...process.env, BENCH_RUNS: String(RUNS) } });
  for (const line of out.split('\n').filter(Boolean)) {
    if (!line.startsWith('{')) {
      console.log(line);
      continue;
    }
    const figure = JSON.parse(line);
    report(figure.name, figure.value, figure.unit, figure.target);
  }
}

writeFileSync('bench-results.json', JSON.stringify({ measuredAt: new Date().toISOString(), runs: RUNS, results }, null, 2));
console.log('\nSaved to bench-results.json');
