// `npm run demo`: builds the extension and opens it in Chromium on a bundled sample CRM site,
// served offline under the CRM's real addresses: Salesforce Lightning by default
// (tests/fixtures/lightning-site), or with `--crm` Salesforce Classic, HubSpot or Dynamics 365.
// With a display (DISPLAY or WAYLAND_DISPLAY, and not CI) it opens a window and waits until you
// close it. Otherwise it runs headless, saves screenshots to artifacts/demo/ and prints where.
//
//   node scripts/demo.mjs [--no-build] [--headless] [--crm lightning|classic|hubspot|dynamics]
//   npm run demo -- --crm hubspot
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { demoBackup, importDemoData } from './lib/demo-data.mjs';
import { CRM_IDS, demoCrm, parseDemoArgs } from './lib/demo-crms.mjs';
import { accountUrl, assertExtensionBuilt, sampleAccountKey, DEFAULT_TIMEOUT_MS, fieldValue, findChromium, launchBrowser, sampleAccounts, SIDEBAR_SELECTOR, waitForSidebarFrame } from './lib/browser.mjs';

// Every wait below is for what the screenshot must show, up to DEFAULT_TIMEOUT_MS (60 s): a busy
// machine makes the demo slower, never wrong.
const SIDEBAR_TIMEOUT_MS = DEFAULT_TIMEOUT_MS;
let options;
try {
  options = parseDemoArgs(process.argv.slice(2));
} catch (error) {
  fail(`${error.message} Usage: npm run demo -- [--no-build] [--headless] [--crm ${CRM_IDS.join('|')}] [--store]`);
}
const crm = demoCrm(options.crm);

const headed = !process.env.CI && Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !options.headless;
const outDir = resolve('artifacts/demo');
const accounts = sampleAccounts();
const first = accounts[0];
const second = accounts[1];
const japanese = accounts.find((a) => a.labels === 'ja');
const nameOf = (account) => fieldValue(account, 'Name');

function fail(message) {
  console.error(`\ndemo: ${message}`);
  process.exit(1);
}

try {
  findChromium();
} catch (error) {
  fail(error.message);
}
if (options.build) {
  console.log('Building the extension (npx wxt build)...');
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) fail('the build failed (see above).');
}
try {
  assertExtensionBuilt();
} catch (error) {
  fail(error.message);
}

/** Waits for the sidebar to show `name`; false (and a note) when it does not within the timeout. */
async function waitForSidebar(page, name) {
  try {
    await page.frameLocator(SIDEBAR_SELECTOR).getByTestId('sidebar-account-name').filter({ hasText: name }).waitFor({ timeout: SIDEBAR_TIMEOUT_MS });
    return true;
  } catch {
    const present = (await page.locator(SIDEBAR_SELECTOR).count()) > 0;
    console.warn(
      present
        ? `  ! The sidebar is there but did not show "${name}" within ${SIDEBAR_TIMEOUT_MS / 1000} s; the screenshot shows the page as it is.`
        : `  ! No sidebar (${SIDEBAR_SELECTOR}) appeared within ${SIDEBAR_TIMEOUT_MS / 1000} s; the screenshot shows the page as it is.`,
    );
    return false;
  }
}

/** The sample data (scripts/lib/demo-data.mjs); the demo goes on without it if it cannot be imported. True when imported. */
async function seedDemo(browser) {
  console.log('Importing the sample accounts\' record and 180 days of sample usage ...');
  try {
    await importDemoData(browser);
    return true;
  } catch (error) {
    console.warn(`  ! Could not import the sample data (${error instanceof Error ? error.message.split('\n')[0] : error}); continuing without it.`);
    return false;
  }
}

/** What the sample data gives an account, as the sidebar shows it: goal titles, open signals, stakeholder names. */
function demoContentOf(account) {
  const key = sampleAccountKey(account.id);
  const { records } = demoBackup();
  return {
    goals: records.goals.filter((g) => g.accountKey === key).map((g) => g.title),
    signals: records.signals.filter((x) => x.accountKey === key && x.resolvedAt === null).map((x) => x.whatHappened),
    stakeholders: records.stakeholders.filter((p) => p.accountKey === key).map((p) => p.name),
  };
}

/** The account's health score as the background computes it now (null: none), asked from an extension page. */
async function healthScoreOf(browser, account) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/brief.html`);
    const reply = await page.evaluate(`chrome.runtime.sendMessage({ type: 'account.health', accountKey: ${JSON.stringify(sampleAccountKey(account.id))} })`);
    if (!reply?.ok) throw new Error(reply?.error?.code ?? 'no reply');
    return reply.data?.current?.score ?? null;
  } finally {
    await page.close();
  }
}

/**
 * Waits until the sidebar shows `account` itself, not the account shown before it: its name, and
 * (when the sample data was imported) its goals, open signals, stakeholders and its health score,
 * which arrive after the name. Then scrolls the sidebar to its top (name and health) and lets it
 * paint twice, so the screenshot is what the CSM sees. Notes what it could not wait for.
 */
async function showAccount(browser, page, account, seeded) {
  if (!(await waitForSidebar(page, nameOf(account)))) return;
  const frame = page.frameLocator(SIDEBAR_SELECTOR);
  const waits = [
    frame.locator(`main.sidebar[data-account="${sampleAccountKey(account.id)}"]`).waitFor().catch(() => console.warn('  ! The sidebar did not mark the account as shown.')),
    // An account seen before shows at once as stored; the fields read from the page replace it.
    frame.getByTestId('sidebar-fields').waitFor().catch(() => console.warn('  ! The sidebar did not show the fields read from the page.')),
  ];
  if (seeded) {
    const content = demoContentOf(account);
    const shown = (testId, texts, what) =>
      texts.map((text) => frame.getByTestId(testId).filter({ hasText: text }).first().waitFor().catch(() => console.warn(`  ! The sidebar does not show the ${what} "${text}".`)));
    waits.push(...shown('goal', content.goals, 'goal'), ...shown('open-signal', content.signals, 'signal'), ...shown('stakeholder', content.stakeholders, 'stakeholder'));
  }
  await Promise.all(waits);
  try {
    const score = await healthScoreOf(browser, account);
    await (score === null ? frame.getByTestId('health-none') : frame.locator(`[data-testid="health-score"][data-score="${score}"]`)).waitFor();
  } catch {
    console.warn(`  ! The sidebar does not show ${nameOf(account)}'s health score.`);
  }
  const sidebarFrame = await waitForSidebarFrame(page);
  await sidebarFrame.evaluate(() => {
    (document.activeElement instanceof HTMLElement ? document.activeElement : null)?.blur();
    window.scrollTo(0, 0);
  });
  await painted(sidebarFrame);
}

/** Resolves after two animation frames in `target` (a Page or a Frame): what was rendered has been painted. */
function painted(target) {
  return target.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(undefined)))));
}

/** Logs a short note through the quick log, so the timeline is not empty. Best effort. */
async function logDemoNote(page) {
  try {
    const frame = page.frameLocator(SIDEBAR_SELECTOR);
    const open = frame.getByTestId('quick-log-open');
    if (await open.isVisible()) await open.click();
    await frame.getByTestId('quick-log-text').fill('Kickoff follow-up: sales team live in two regions, asked about SSO.');
    await frame.getByTestId('quick-log-save').click();
    await frame.getByTestId('timeline-entry').filter({ hasText: 'Kickoff follow-up' }).first().waitFor();
    // Close the form again (Escape), so the screenshot shows the account overview.
    const text = frame.getByTestId('quick-log-text');
    if (await text.isVisible()) await text.press('Escape');
  } catch {
    console.warn('  ! Could not log a sample note through the quick log; continuing.');
  }
}

/** Another CRM than Lightning: its first sample record, headed or headless (one screenshot). */
async function runOtherCrm() {
  const [record, ...others] = crm.records;
  const browser = await launchBrowser({ headless: !headed });
  try {
    // The sample Salesforce data (goals, signals, usage) is keyed by the Salesforce org: Classic shows it too.
    const seeded = crm.salesforce ? await seedDemo(browser) : false;
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    console.log(`Opening ${crm.title}: ${record.url} ...`);
    await page.goto(record.url);
    if (headed) {
      console.log(`
Adoption Sidebar demo is open on the sample ${crm.title} record "${record.name}" (served offline).
Try:
${crm.tips.map((tip) => `  - ${tip}`).join('\n')}
  - Alt+Shift+L on a record: the quick log.
  - The portfolio (also the toolbar button): chrome-extension://${browser.extensionId}/portfolio.html
Other records: ${others.map((r) => r.name).join(', ')}.
Close the browser window (or press Ctrl+C here) to end the demo.`);
      const stop = () => void browser.close().finally(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise((done) => browser.context.on('close', done));
      return;
    }
    mkdirSync(outDir, { recursive: true });
    const account = crm.salesforce ? accounts.find((a) => sampleAccountKey(a.id) === record.key) : undefined;
    if (account) await showAccount(browser, page, account, seeded);
    else await showRecord(page, record);
    await painted(page);
    const path = join(outDir, `account-${crm.id}.png`);
    await page.screenshot({ path });
    console.log(`\nHeadless demo done (${process.env.CI ? 'CI' : 'no display'}). Screenshot:\n  ${path}`);
    console.log(`On a machine with a display, \`npm run demo -- --crm ${crm.id}\` opens a browser window instead.`);
  } finally {
    await browser.close();
  }
}

/** Waits until the sidebar shows `record` (its name, its key, a field read), then scrolls it to the top. */
async function showRecord(page, record) {
  if (!(await waitForSidebar(page, record.name))) return;
  const frame = page.frameLocator(SIDEBAR_SELECTOR);
  await frame.locator(`main.sidebar[data-account="${record.key}"]`).waitFor().catch(() => console.warn('  ! The sidebar did not mark the record as shown.'));
  await frame.getByTestId('sidebar-field').first().waitFor().catch(() => console.warn('  ! The sidebar shows no field of the record.'));
  const sidebarFrame = await waitForSidebarFrame(page);
  await sidebarFrame.evaluate(() => window.scrollTo(0, 0));
  await painted(sidebarFrame);
}

async function runHeaded() {
  const browser = await launchBrowser({ headless: false });
  await seedDemo(browser);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(accountUrl(first.id));
  console.log(`
Adoption Sidebar demo is open on the sample account "${nameOf(first)}" (served offline under
${accountUrl(first.id)}).
Try:
  - The other accounts in the top bar (${accounts.slice(1).map(nameOf).join(', ')}):
    single-page navigation, as in Lightning; the sidebar follows the record.
  - The "Accounts" list, the opportunity and "Setup": no sidebar there.
  - Alt+Shift+L on an account: the quick log.
  - The portfolio (also the toolbar button): chrome-extension://${browser.extensionId}/portfolio.html
  - Settings, usage import and source, backups: chrome-extension://${browser.extensionId}/options.html
Close the browser window (or press Ctrl+C here) to end the demo.`);
  const stop = () => void browser.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise((done) => browser.context.on('close', done));
}

async function runHeadless() {
  mkdirSync(outDir, { recursive: true });
  const shots = [];
  // Each caller first waits for what the page must show; then it has painted.
  const shoot = async (page, file) => {
    await painted(page);
    const path = join(outDir, file);
    await page.screenshot({ path });
    shots.push(path);
  };

  const browser = await launchBrowser();
  try {
    const seeded = await seedDemo(browser);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    console.log(`Opening ${accountUrl(first.id)} ...`);
    await page.goto(accountUrl(first.id));
    if (await waitForSidebar(page, nameOf(first))) await logDemoNote(page);
    await showAccount(browser, page, first, seeded);
    await shoot(page, 'account.png');

    const portfolio = await browser.context.newPage();
    await portfolio.goto(`chrome-extension://${browser.extensionId}/portfolio.html`);
    // Every sample account has a row once the sample data is in; otherwise at least the one opened.
    await portfolio.getByTestId('portfolio-row').nth(seeded ? accounts.length - 1 : 0).waitFor().catch(() => console.warn('  ! The portfolio does not show every account.'));
    await shoot(portfolio, 'portfolio.png');
    const today = new Date();
    const from = new Date(today.getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
    await portfolio.goto(`chrome-extension://${browser.extensionId}/brief.html#account=${encodeURIComponent(sampleAccountKey(first.id))}&from=${from}&to=${today.toISOString().slice(0, 10)}&internal=0`);
    await portfolio.locator('[data-testid="brief-page"][data-state="ready"]').waitFor().catch(() => console.warn('  ! The brief did not lay out.'));
    await portfolio.getByTestId('usage-chart').or(portfolio.getByTestId('usage-chart-empty')).first().waitFor().catch(() => console.warn('  ! The brief shows no usage section.'));
    await portfolio.setViewportSize({ width: 900, height: 1400 });
    await shoot(portfolio, 'qbr-brief.png');
    await portfolio.close();

    if (second) {
      console.log(`Navigating (single-page) to ${nameOf(second)} ...`);
      await page.click(`#nav a[href="/lightning/r/Account/${second.id}/view"]`);
      // Not the name alone: the goals, signals, stakeholders and health of the first account stay
      // on screen until the second's arrive.
      await showAccount(browser, page, second, seeded);
      await shoot(page, 'second-account.png');
    }
  } finally {
    await browser.close();
  }

  if (japanese) {
    const ja = await launchBrowser({ locale: 'ja' });
    try {
      const seeded = await seedDemo(ja);
      const page = ja.context.pages()[0] ?? (await ja.context.newPage());
      console.log(`Opening ${nameOf(japanese)} with the browser in Japanese ...`);
      await page.goto(accountUrl(japanese.id));
      await showAccount(ja, page, japanese, seeded);
      await shoot(page, 'account-ja.png');
    } finally {
      await ja.close();
    }
  }
  console.log(`\nHeadless demo done (${process.env.CI ? 'CI' : 'no display'}). Screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
  console.log('On a machine with a display, `npm run demo` opens a browser window instead.');
  console.log(`The other sample CRMs: npm run demo -- --crm ${CRM_IDS.filter((id) => id !== 'lightning').join('|')}`);
}

/**
 * `--store`: the store listings' screenshots, 1280×800 (the Chrome Web Store's size, which
 * addons.mozilla.org takes too), in English and in Japanese: an account with its sidebar, the
 * portfolio and the printable QBR brief, into artifacts/store/<language>/.
 */
async function runStoreShots() {
  const cjk = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
  if (cjk.status !== 0 || cjk.stdout.trim() === '') {
    console.warn('  ! No font with Japanese glyphs: the Japanese screenshots would show boxes. Install one: sudo apt-get install -y fonts-noto-cjk');
  }
  const written = [];
  for (const locale of ['en', 'ja']) {
    const dir = resolve('artifacts/store', locale);
    mkdirSync(dir, { recursive: true });
    const shoot = async (page, file) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await painted(page);
      const path = join(dir, file);
      await page.screenshot({ path });
      written.push(path);
    };
    const browser = await launchBrowser({ locale });
    try {
      const seeded = await seedDemo(browser);
      const account = locale === 'ja' && japanese ? japanese : first;
      const page = browser.context.pages()[0] ?? (await browser.context.newPage());
      console.log(`[${locale}] ${nameOf(account)} ...`);
      await page.goto(accountUrl(account.id));
      await showAccount(browser, page, account, seeded);
      await shoot(page, '1-account.png');
      const portfolio = await browser.context.newPage();
      await portfolio.goto(`chrome-extension://${browser.extensionId}/portfolio.html`);
      await portfolio.locator('[data-testid="portfolio"][data-state="ready"]').waitFor().catch(() => console.warn('  ! The portfolio did not show its rows.'));
      await shoot(portfolio, '2-portfolio.png');
      const today = new Date();
      const from = new Date(today.getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
      await portfolio.goto(`chrome-extension://${browser.extensionId}/brief.html#account=${encodeURIComponent(sampleAccountKey(account.id))}&from=${from}&to=${today.toISOString().slice(0, 10)}&internal=0`);
      await portfolio.locator('[data-testid="brief-page"][data-state="ready"]').waitFor().catch(() => console.warn('  ! The brief did not lay out.'));
      await shoot(portfolio, '3-qbr-brief.png');
    } finally {
      await browser.close();
    }
  }
  console.log(`\nStore screenshots (1280×800):\n${written.map((s) => `  ${s}`).join('\n')}`);
}

try {
  if (options.store) await runStoreShots();
  else if (crm.id !== 'lightning') await runOtherCrm();
  else if (headed) await runHeaded();
  else await runHeadless();
  process.exit(0);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
