/**
 * One CRM tab as the key flows drive it, the same in Chromium (Playwright) and Firefox
 * (puppeteer-core over WebDriver BiDi), so tests/e2e/flows/key-flows.ts is written once for both.
 * Every wait is for a condition (far budgets: DEFAULT_TIMEOUT_MS), never a bare sleep.
 */
import type { BrowserContext, Page as PlaywrightPage } from 'playwright-core';
import { readFileSync } from 'node:fs';
import type { Browser as PuppeteerBrowser, ElementHandle, Frame as PuppeteerFrame, Page as PuppeteerPage } from 'puppeteer-core';
import { accountUrl, DEFAULT_TIMEOUT_MS, sampleData, SIDEBAR_SELECTOR, waitForSidebarFrame as sidebarFrame } from '../../../scripts/lib/browser.mjs';

export interface CrmTab {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  back(): Promise<void>;
  forward(): Promise<void>;
  /** Clicks an element of the CRM page. */
  click(selector: string): Promise<void>;
  /** Waits until the sidebar has an element matching `selector` whose text contains `text` (any text when omitted). */
  waitInSidebar(selector: string, text?: string): Promise<void>;
  /** The values of attribute `name` of the sidebar's elements matching `selector`. */
  sidebarAttributes(selector: string, name: string): Promise<string[]>;
  fillInSidebar(selector: string, text: string): Promise<void>;
  clickInSidebar(selector: string): Promise<void>;
  /** Whether the sidebar has an element matching `selector` now. */
  sidebarHas(selector: string): Promise<boolean>;
  /** Waits until the page shows no sidebar (none added, or the one there hidden). */
  waitSidebarHidden(): Promise<void>;
  /** Waits until the page has no sidebar host at all (taken off the page, as a tab in the background's). */
  waitSidebarGone(): Promise<void>;
  /** Makes this tab the active one of its window. */
  bringToFront(): Promise<void>;
  /** Sets `storage.local` items from the sidebar's frame (an extension page: the extension's storage). */
  setExtensionStorage(items: Record<string, unknown>): Promise<void>;
  /** Every address at which a sidebar host was added to this tab's documents (recorded from before the page's own scripts). */
  hostsAddedOn(): Promise<string[]>;
  /** Clicks `selector` in the sidebar and returns the file it gives the browser to save. */
  downloadFromSidebar(selector: string): Promise<SavedFile>;
  close(): Promise<void>;
}

/** A file a page gave the browser to save: its suggested name and its text. */
export interface SavedFile {
  fileName: string;
  text: string;
}

/** One of the extension's own pages (settings), as the data flows drive it. */
export interface ExtensionPage {
  /** Chooses the file at `path` in the file input `selector`. */
  upload(selector: string, path: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** Waits until an element matching `selector` whose text contains `text` (any text when omitted) is there. */
  waitFor(selector: string, text?: string): Promise<void>;
  attribute(selector: string, name: string): Promise<string | null>;
  /** Clicks `selector` and returns the file the page gives the browser to save. */
  download(selector: string): Promise<SavedFile>;
  close(): Promise<void>;
}

export interface BrowserUnderTest {
  newTab(): Promise<CrmTab>;
  /** Opens the extension's page at `path` (`/options.html`) in a tab of its own. */
  extensionPage(path: string): Promise<ExtensionPage>;
  close(): Promise<void>;
}

/** Runs in every document of a tab, before its scripts: notes each sidebar host added, with the address. */
function recordHosts(): void {
  const seen: string[] = [];
  Reflect.set(window, '__sidebarHostsAddedOn', seen);
  new MutationObserver((mutations) => {
    for (const m of mutations) for (const node of m.addedNodes) if (node.nodeName === 'ADOPTION-SIDEBAR-HOST') seen.push(location.pathname);
  }).observe(document, { childList: true, subtree: true });
}
const readHosts = () => (Reflect.get(window, '__sidebarHostsAddedOn') as string[] | undefined) ?? [];

function sidebarGone(): boolean {
  return document.querySelector('adoption-sidebar-host') === null;
}

/** In the sidebar's frame, where the extension API is the page's own (`browser` in Firefox, `chrome` in Chromium). */
async function setStorage(items: Record<string, unknown>): Promise<void> {
  type StorageArea = { set(values: Record<string, unknown>): Promise<void> };
  const api = (Reflect.get(globalThis, 'browser') ?? Reflect.get(globalThis, 'chrome')) as { storage: { local: StorageArea } };
  await api.storage.local.set(items);
}

function sidebarHidden(): boolean {
  const host = document.querySelector('adoption-sidebar-host');
  return !host || getComputedStyle(host).display === 'none';
}

function textMatches(selector: string, text: string | null): boolean {
  return [...document.querySelectorAll(selector)].some((e) => text === null || (e.textContent ?? '').includes(text));
}

async function untilTrue(what: string, attempt: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + DEFAULT_TIMEOUT_MS;
  while (!(await attempt())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${DEFAULT_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function playwrightDownload(page: PlaywrightPage, click: () => Promise<void>): Promise<SavedFile> {
  const download = page.waitForEvent('download');
  await click();
  const saved = await download;
  return { fileName: saved.suggestedFilename(), text: readFileSync(await saved.path(), 'utf8') };
}

export function playwrightTab(page: PlaywrightPage): CrmTab {
  const sidebar = () => page.frameLocator(SIDEBAR_SELECTOR);
  return {
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    back: async () => void (await page.goBack()),
    forward: async () => void (await page.goForward()),
    click: (selector) => page.click(selector),
    waitInSidebar: async (selector, text) => {
      const found = sidebar().locator(selector);
      await (text === undefined ? found : found.filter({ hasText: text })).first().waitFor();
    },
    sidebarAttributes: async (selector, name) => sidebar().locator(selector).evaluateAll((els, n) => els.map((e) => e.getAttribute(n) ?? ''), name),
    fillInSidebar: (selector, text) => sidebar().locator(selector).fill(text),
    clickInSidebar: (selector) => sidebar().locator(selector).click(),
    sidebarHas: async (selector) => (await sidebar().locator(selector).count()) > 0,
    waitSidebarHidden: async () => void (await page.waitForFunction(sidebarHidden)),
    waitSidebarGone: async () => void (await page.waitForFunction(sidebarGone)),
    bringToFront: () => page.bringToFront(),
    setExtensionStorage: async (items) => {
      const frame = await sidebarFrame(page);
      await frame.evaluate(setStorage, items);
    },
    hostsAddedOn: () => page.evaluate(readHosts),
    downloadFromSidebar: (selector) => playwrightDownload(page, () => sidebar().locator(selector).click()),
    close: () => page.close(),
  };
}

function playwrightExtensionPage(page: PlaywrightPage): ExtensionPage {
  return {
    upload: (selector, path) => page.locator(selector).setInputFiles(path),
    click: (selector) => page.locator(selector).click(),
    waitFor: async (selector, text) => {
      const found = page.locator(selector);
      await (text === undefined ? found : found.filter({ hasText: text })).first().waitFor();
    },
    attribute: (selector, name) => page.locator(selector).first().getAttribute(name),
    download: (selector) => playwrightDownload(page, () => page.locator(selector).click()),
    close: () => page.close(),
  };
}

export async function playwrightBrowser(context: BrowserContext, extensionId: string, close: () => Promise<void>): Promise<BrowserUnderTest> {
  return {
    async newTab() {
      const page = await context.newPage();
      await page.addInitScript(recordHosts);
      return playwrightTab(page);
    },
    async extensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}${path}`);
      return playwrightExtensionPage(page);
    },
    close,
  };
}

/** Marks the sidebar document (its root element); evaluated in a frame, true only in the sidebar. */
function isSidebarDocument(): boolean {
  return document.querySelector('main.sidebar') !== null;
}

/**
 * The sidebar's frame in a Puppeteer page, found afresh each time (the sidebar is made again after
 * a reload or a restore) among the page's frames, by evaluating in each: no element handles, which
 * go stale with a replaced document and leave the driver's own promises rejected behind it.
 */
async function puppeteerSidebar(page: PuppeteerPage): Promise<PuppeteerFrame | null> {
  for (const frame of page.mainFrame().childFrames()) {
    if (frame.detached) continue;
    if (await frame.evaluate(isSidebarDocument).catch(() => false)) return frame;
  }
  return null;
}

/**
 * Runs `attempt` on the current sidebar frame until it returns true. A frame replaced meanwhile (a
 * reload, a page restored from the back/forward cache) is looked up again, and an attempt that
 * failed because its nodes went with the old document is tried again on the new one.
 */
async function untilInSidebar(page: PuppeteerPage, what: string, attempt: (frame: PuppeteerFrame) => Promise<boolean>): Promise<PuppeteerFrame> {
  const deadline = Date.now() + DEFAULT_TIMEOUT_MS;
  let lastError: unknown;
  for (;;) {
    const frame = await puppeteerSidebar(page).catch(() => null);
    if (frame) {
      try {
        if (await attempt(frame)) return frame;
      } catch (error) {
        lastError = error;
      }
    }
    if (Date.now() > deadline) throw new Error(`The sidebar did not show ${what} within ${DEFAULT_TIMEOUT_MS / 1000} s (${page.url()}).${lastError ? ` Last error: ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function puppeteerTab(page: PuppeteerPage): CrmTab {
  const present = (selector: string, text?: string) => (frame: PuppeteerFrame) => frame.evaluate(textMatches, selector, text ?? null);
  return {
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    // Through the page's history: puppeteer's goBack waits for a load that a page restored from
    // Firefox's back/forward cache never fires. The flows wait for what the sidebar shows next.
    back: async () => void (await page.evaluate(() => history.back())),
    forward: async () => void (await page.evaluate(() => history.forward())),
    click: (selector) => page.click(selector),
    waitInSidebar: async (selector, text) => void (await untilInSidebar(page, `${selector} with "${text ?? ''}"`, present(selector, text))),
    sidebarAttributes: async (selector, name) => {
      let values: string[] = [];
      await untilInSidebar(page, selector, async (frame) => {
        values = await frame.$$eval(selector, (els, n) => els.map((e) => e.getAttribute(n) ?? ''), name);
        return values.length > 0;
      });
      return values;
    },
    fillInSidebar: async (selector, text) => {
      await untilInSidebar(page, `${selector} to type in`, async (frame) => {
        const field = await frame.$(selector);
        if (!field) return false;
        // Typed into an empty field only, so an attempt cut off by a replaced document is not typed twice.
        await field.evaluate((e) => {
          if ((e as HTMLTextAreaElement).value !== '') throw new Error('the field is not empty');
        });
        await field.type(text);
        return true;
      });
    },
    clickInSidebar: async (selector) => {
      await untilInSidebar(page, `${selector} to click`, async (frame) => {
        const target = await frame.$(selector);
        if (!target) return false;
        await target.click();
        return true;
      });
    },
    sidebarHas: async (selector) => {
      const frame = await puppeteerSidebar(page);
      return frame ? frame.evaluate(textMatches, selector, null) : false;
    },
    waitSidebarHidden: async () => void (await page.waitForFunction(sidebarHidden)),
    waitSidebarGone: async () => void (await page.waitForFunction(sidebarGone)),
    bringToFront: () => page.bringToFront(),
    setExtensionStorage: async (items) => {
      const frame = await untilInSidebar(page, 'itself', async () => true);
      await frame.evaluate(setStorage, items);
    },
    hostsAddedOn: () => page.evaluate(readHosts),
    downloadFromSidebar: async (selector) => {
      const frame = await untilInSidebar(page, `${selector} to click`, async (f) => (await f.$(selector)) !== null);
      return puppeteerDownload(frame, selector);
    },
    close: () => page.close(),
  };
}

/**
 * In place of the download: headless Firefox over WebDriver BiDi hands a test no downloaded
 * files, so the next link with `download` the page clicks (components/download.ts) is caught in
 * the page, and its file name and the text of its blob are kept for the test to read.
 */
function catchNextDownload(): void {
  const click = HTMLAnchorElement.prototype.click;
  Reflect.set(window, '__savedFile', null);
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (!this.download) return click.call(this);
    HTMLAnchorElement.prototype.click = click;
    const fileName = this.download;
    void fetch(this.href)
      .then((response) => response.text())
      .then((text) => Reflect.set(window, '__savedFile', { fileName, text }));
  };
}
const readSavedFile = () => Reflect.get(window, '__savedFile') as SavedFile | null;

async function puppeteerDownload(frame: PuppeteerFrame, selector: string): Promise<SavedFile> {
  await frame.evaluate(catchNextDownload);
  // Puppeteer's click does not wait: an extension page is found as soon as its address is, before
  // its app has rendered.
  await frame.waitForSelector(selector);
  await frame.click(selector);
  let saved: SavedFile | null = null;
  await untilTrue(`A file from ${selector}`, async () => (saved = await frame.evaluate(readSavedFile)) !== null);
  return saved!;
}

function puppeteerExtensionPage(page: PuppeteerPage): ExtensionPage {
  return {
    upload: async (selector, path) => {
      const input = await page.waitForSelector(selector);
      await (input as ElementHandle<HTMLInputElement>).uploadFile(path);
    },
    click: async (selector) => {
      await page.waitForSelector(selector);
      await page.click(selector);
    },
    waitFor: async (selector, text) => void (await page.waitForFunction(textMatches, {}, selector, text ?? null)),
    attribute: (selector, name) => page.$eval(selector, (e, n) => e.getAttribute(n), name),
    download: (selector) => puppeteerDownload(page.mainFrame(), selector),
    close: () => page.close(),
  };
}

export function puppeteerBrowser(launched: { browser: PuppeteerBrowser; newPage(): Promise<PuppeteerPage>; close(): Promise<void> }): BrowserUnderTest {
  const newTab = async () => {
    const page = await launched.newPage();
    await page.evaluateOnNewDocument(recordHosts);
    return page;
  };
  return {
    newTab: async () => puppeteerTab(await newTab()),
    /**
     * WebDriver BiDi may not navigate a tab to a moz-extension: address, so the page is opened
     * from the extension itself: by the sidebar of a CRM tab (`window.open`, the test profile has
     * no pop-up blocker), and found among the tabs by its address.
     */
    async extensionPage(path) {
      const crm = await newTab();
      await crm.goto(accountUrl(sampleData().accounts[0]!.id));
      const sidebar = await untilInSidebar(crm, 'itself', async () => true);
      const before = new Set(await launched.browser.pages());
      await sidebar.evaluate((p) => void window.open(p, '_blank'), path);
      let opened: PuppeteerPage | undefined;
      await untilTrue(`Opening ${path}`, async () => {
        for (const page of await launched.browser.pages()) {
          if (before.has(page)) continue;
          if (await page.evaluate(() => location.pathname + location.hash).catch(() => '') === path) opened = page;
        }
        return opened !== undefined;
      });
      await crm.close();
      return puppeteerExtensionPage(opened!);
    },
    close: () => launched.close(),
  };
}
