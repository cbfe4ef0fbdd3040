// `npm run demo`: builds the extension and opens it in Chromium on the bundled sample Salesforce
// site (tests/fixtures/lightning-site, served under real *.lightning.force.com URLs, offline).
// With a display (DISPLAY or WAYLAND_DISPLAY, and not CI) it opens a window and waits until you
// close it. Otherwise it runs headless, saves screenshots to artifacts/demo/ and prints where.
//
//   node scripts/demo.mjs [--no-build] [--headless]
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importDemoData } from './lib/demo-data.mjs';
import { accountUrl, assertExtensionBuilt, fieldValue, findChromium, launchBrowser, sampleAccounts, SIDEBAR_SELECTOR } from './lib/browser.mjs';

const SIDEBAR_TIMEOUT_MS = 10_000;
const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((a) => !['--no-build', '--headless'].includes(a));
if (unknown.length > 0) fail(`Unknown option ${unknown.join(' ')}. Usage: node scripts/demo.mjs [--no-build] [--headless]`);

const headed = !process.env.CI && Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !args.has('--headless');
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
if (!args.has('--no-build')) {
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

/** The sample data (scripts/lib/demo-data.mjs); the demo goes on without it if it cannot be imported. */
async function seedDemo(browser) {
  console.log('Importing the sample accounts\' record and 180 days of sample usage ...');
  try {
    await importDemoData(browser);
  } catch (error) {
    console.warn(`  ! Could not import the sample data (${error instanceof Error ? error.message.split('\n')[0] : error}); continuing without it.`);
  }
}

/** Logs a short note through the quick log, so the timeline is not empty. Best effort. */
async function logDemoNote(page) {
  try {
    const frame = page.frameLocator(SIDEBAR_SELECTOR);
    const open = frame.getByTestId('quick-log-open');
    if (await open.isVisible()) await open.click({ timeout: 3000 });
    await frame.getByTestId('quick-log-text').fill('Kickoff follow-up: sales team live in two regions, asked about SSO.', { timeout: 3000 });
    await frame.getByTestId('quick-log-save').click({ timeout: 3000 });
    await frame.getByTestId('timeline-entry').first().waitFor({ timeout: 5000 });
    // Close the form again (Escape), so the screenshot shows the account overview.
    const text = frame.getByTestId('quick-log-text');
    if (await text.isVisible()) await text.press('Escape');
  } catch {
    console.warn('  ! Could not log a sample note through the quick log; continuing.');
  }
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
  const shoot = async (page, file) => {
    // Let the sidebar's last render settle.
    await page.waitForTimeout(300);
    const path = join(outDir, file);
    await page.screenshot({ path });
    shots.push(path);
  };

  const browser = await launchBrowser();
  try {
    await seedDemo(browser);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    console.log(`Opening ${accountUrl(first.id)} ...`);
    await page.goto(accountUrl(first.id));
    if (await waitForSidebar(page, nameOf(first))) {
      await page.frameLocator(SIDEBAR_SELECTOR).getByTestId('health-score').waitFor({ timeout: 5000 }).catch(() => console.warn('  ! No health score shown.'));
      await logDemoNote(page);
    }
    await shoot(page, 'account.png');

    const portfolio = await browser.context.newPage();
    await portfolio.goto(`chrome-extension://${browser.extensionId}/portfolio.html`);
    await portfolio.getByTestId('portfolio-row').first().waitFor({ timeout: 10_000 }).catch(() => console.warn('  ! The portfolio shows no rows.'));
    await shoot(portfolio, 'portfolio.png');
    const today = new Date();
    const from = new Date(today.getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
    await portfolio.goto(`chrome-extension://${browser.extensionId}/brief.html#account=salesforce:${first.id}&from=${from}&to=${today.toISOString().slice(0, 10)}&internal=0`);
    await portfolio.locator('[data-testid="brief-page"][data-state="ready"]').waitFor({ timeout: 10_000 }).catch(() => console.warn('  ! The brief did not lay out.'));
    await portfolio.setViewportSize({ width: 900, height: 1400 });
    await shoot(portfolio, 'qbr-brief.png');
    await portfolio.close();

    if (second) {
      console.log(`Navigating (single-page) to ${nameOf(second)} ...`);
      await page.click(`#nav a[href="/lightning/r/Account/${second.id}/view"]`);
      await waitForSidebar(page, nameOf(second));
      await shoot(page, 'second-account.png');
    }
  } finally {
    await browser.close();
  }

  if (japanese) {
    const ja = await launchBrowser({ locale: 'ja' });
    try {
      const page = ja.context.pages()[0] ?? (await ja.context.newPage());
      console.log(`Opening ${nameOf(japanese)} with the browser in Japanese ...`);
      await page.goto(accountUrl(japanese.id));
      await waitForSidebar(page, nameOf(japanese));
      await shoot(page, 'account-ja.png');
    } finally {
      await ja.close();
    }
  }
  console.log(`\nHeadless demo done (${process.env.CI ? 'CI' : 'no display'}). Screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
  console.log('On a machine with a display, `npm run demo` opens a browser window instead.');
}

try {
  if (headed) await runHeaded();
  else await runHeadless();
  process.exit(0);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
