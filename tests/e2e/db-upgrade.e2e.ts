import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Reply, type Request } from '../../lib/messaging/protocol';
import { DB_NAME, DB_VERSION } from '../../lib/db/schema';
import { en } from '../../lib/i18n/en';
import { ja } from '../../lib/i18n/ja';
import { GLOBEX, accountName, sampleAccountKey, accountUrl, launchBrowser, logNote, sidebar, type LaunchedBrowser } from './harness';

// The extension's database and other connections to it, in real Chromium with the built
// extension. The background owns the database (lib/db/connection.ts); another tab or window of
// the extension may still hold a connection of an older version (a page left open across an
// update), or open a newer version (the update itself). Neither may leave the background, or the
// user, waiting silently.

const GLOBEX_KEY = sampleAccountKey(GLOBEX.id);
/** How version 1 keyed the account (no org): the upgrade moves it to GLOBEX_KEY, from the address it remembers. */
const VERSION_ONE_KEY = `salesforce:${GLOBEX.id}`;
const OLD_NOTE = 'Logged with version 1 of the extension';
const SEEN = '2026-01-01T00:00:00.000Z';

/** A request to the background from an extension page, its reply validated here. */
async function ask(page: Page, message: Request): Promise<Reply> {
  const raw = await page.evaluate(
    (m) => (Reflect.get(globalThis, 'chrome') as { runtime: { sendMessage(m: unknown): Promise<unknown> } }).runtime.sendMessage(m),
    message,
  );
  return Reply.parse(raw);
}

/** An extension page that asks the background nothing: the brief page with no brief named. */
async function quietExtensionPage(browser: LaunchedBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/brief.html`);
  return page;
}

describe('a blocked database upgrade', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a blocked upgrade recovers: the user is told while an older connection stays open, and everything works once it closes', async () => {
    // A page of version 1 of the extension, open since before an update: it made the database
    // (as migration 1 in lib/db/schema.ts did), logged a note, and keeps its connection with no
    // versionchange handler, so it never lets the upgrade through by itself.
    const oldPage = await quietExtensionPage(browser);
    await oldPage.evaluate(
      ({ name, account, interaction }) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open(name, 1);
          open.onupgradeneeded = (event) => {
            if (event.oldVersion !== 0) return fail(new Error(`the database already existed at version ${event.oldVersion}`));
            const db = open.result;
            db.createObjectStore('accounts', { keyPath: 'key' });
            db.createObjectStore('snapshots', { keyPath: 'id' }).createIndex('byAccount', ['accountKey', 'takenAt']);
            db.createObjectStore('interactions', { keyPath: 'id' }).createIndex('byAccountOnly', 'accountKey');
          };
          // The background opened the database first (at the current version): this test cannot run.
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const db = open.result;
            Reflect.set(window, '__versionOneConnection', db);
            const tx = db.transaction(['accounts', 'interactions'], 'readwrite');
            tx.objectStore('accounts').put(account);
            tx.objectStore('interactions').put(interaction);
            tx.oncomplete = () => done();
            tx.onerror = () => fail(tx.error);
          };
        }),
      {
        name: DB_NAME,
        account: { key: VERSION_ONE_KEY, crm: 'salesforce', recordId: GLOBEX.id, name: accountName(GLOBEX), url: `https://acme.lightning.force.com/lightning/r/Account/${GLOBEX.id}/view`, firstSeenAt: SEEN, lastSeenAt: SEEN },
        interaction: { id: 'v1-note', accountKey: VERSION_ONE_KEY, type: 'call', occurredAt: SEEN, tone: 'neutral', notes: OLD_NOTE, createdAt: SEEN, updatedAt: SEEN },
      },
    );

    // The portfolio asks the background, whose upgrade to the current version is now blocked:
    // the page says so instead of loading forever.
    const portfolio = await browser.context.newPage();
    await portfolio.goto(`chrome-extension://${browser.extensionId}/portfolio.html`);
    await portfolio.locator('[data-testid="portfolio"][data-state="error"]').waitFor();
    const message = portfolio.getByTestId('error-message');
    expect(await message.getAttribute('data-code')).toBe('store-blocked');
    expect([en['error.store-blocked'], ja['error.store-blocked']]).toContain(await message.textContent());
    // Every request is answered at once with the same code, however many come.
    for (let i = 0; i < 3; i++) {
      expect(await ask(portfolio, { type: 'account.overview', accountKey: GLOBEX_KEY })).toMatchObject({ ok: false, error: { code: 'store-blocked' } });
    }

    // The account opened meanwhile: its sidebar says why it cannot show the record yet.
    const page = await browser.context.newPage();
    await page.goto(accountUrl(GLOBEX.id));
    const sidebarError = sidebar(page).getByTestId('error-message');
    await sidebarError.waitFor();
    expect(await sidebarError.getAttribute('data-code')).toBe('store-blocked');

    // The user closes the old tab: the upgrade the background kept waiting completes.
    await oldPage.close();
    // The waiting sidebar reads its record again by itself.
    await sidebar(page).getByTestId('sidebar-account-name').filter({ hasText: accountName(GLOBEX) }).waitFor();
    expect(await sidebarError.count()).toBe(0);
    await expect.poll(async () => (await ask(portfolio, { type: 'portfolio.rows' })).ok).toBe(true);
    await portfolio.reload();
    await portfolio.locator('[data-testid="portfolio"][data-state="ready"]').waitFor();
    expect(await portfolio.getByTestId('error-message').count()).toBe(0);
    await portfolio.locator(`[data-testid="portfolio-row"][data-account="${GLOBEX_KEY}"]`).waitFor();

    // The note from version 1 survived the upgrade, and the quick log saves.
    await sidebar(page).getByTestId('timeline-entry').filter({ hasText: OLD_NOTE }).waitFor();
    await logNote(page, 'Logged after the upgrade');
    const stored = await ask(portfolio, { type: 'timeline.page', query: { accountKey: GLOBEX_KEY, kinds: ['interaction'], before: null, limit: 10 } });
    expect(stored.ok).toBe(true);
    expect(JSON.stringify(stored)).toContain(OLD_NOTE);
    expect(JSON.stringify(stored)).toContain('Logged after the upgrade');
  });
});

describe('a newer database version opened elsewhere', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the background closes its connection at once, so the newer version upgrades without waiting, and then answers with an error rather than waiting', async () => {
    // The background has the database open at the current version.
    const portfolio = await browser.context.newPage();
    await portfolio.goto(`chrome-extension://${browser.extensionId}/portfolio.html`);
    await portfolio.locator('[data-testid="portfolio"][data-state="ready"]').waitFor();

    // A newer version of the extension opens it (as an update would).
    const newer = await quietExtensionPage(browser);
    const outcome = await newer.evaluate(
      ({ name, version }) =>
        new Promise<{ blocked: boolean; version: number; stores: string[] }>((done, fail) => {
          const open = indexedDB.open(name, version);
          // Blocked means the background kept its connection: report it at once rather than hang.
          open.onblocked = () => done({ blocked: true, version: 0, stores: [] });
          open.onupgradeneeded = () => open.result.createObjectStore('fromANewerVersion');
          open.onsuccess = () => {
            const db = open.result;
            const result = { blocked: false, version: db.version, stores: [...db.objectStoreNames] };
            db.close();
            done(result);
          };
          open.onerror = () => fail(open.error);
        }),
      { name: DB_NAME, version: DB_VERSION + 1 },
    );
    expect(outcome).toMatchObject({ blocked: false, version: DB_VERSION + 1 });
    expect(outcome.stores).toContain('fromANewerVersion');

    // The background forgot its closed connection and opens the database again on the next
    // request: the browser refuses this older version (VersionError), and the request is answered
    // with that, not left waiting or failed on the closed connection.
    const reply = await ask(portfolio, { type: 'portfolio.rows' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(reply.ok === false && reply.error.detail).toContain('VersionError');
  });
});
