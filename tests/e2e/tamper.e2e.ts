import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SIDEBAR_SCRIPT_FLAG } from '../../lib/crm-hosts';
import { accountName, GLOBEX, INITECH, launchBrowser, openAccount, sidebar, type LaunchedBrowser } from './harness';

/**
 * What a hostile (or merely careless) CRM page can do to the sidebar from its own scripts, after
 * the sidebar appeared: every one of these left the tab without a sidebar until a reload. Each
 * test does it from the page's main world, then waits (no sleeps) until the sidebar is on screen
 * again (in the layout, not hidden, not transparent, not covered at its centre) and still works.
 */

/**
 * Where the sidebar is, as the page sees it: 'shown' when its frame is laid out at a usable size,
 * rendered (no hiding, transparent or zero-size ancestor) and is what is under the frame's centre.
 */
function sidebarOnScreen(page: Page): Promise<string> {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('adoption-sidebar-host');
    if (hosts.length !== 1) return `${hosts.length} hosts`;
    const host = hosts[0] as HTMLElement;
    const frame = host.shadowRoot?.querySelector('iframe[data-testid="adoption-sidebar"]');
    if (!frame) return 'no frame';
    const box = frame.getBoundingClientRect();
    if (box.width < 200 || box.height < 200) return `frame is ${box.width}×${box.height}`;
    if (!frame.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return 'frame not rendered';
    // Up the flat tree: nothing on the way hides, fades or clips it away.
    for (let node: Element | null = frame; node; node = node.parentElement ?? ((node.parentNode as ShadowRoot | null)?.host ?? null)) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility !== 'visible' || Number(style.opacity) < 1) return `${node.nodeName}: ${style.display} ${style.visibility} ${style.opacity}`;
    }
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit === host ? 'shown' : `covered by ${hit?.nodeName ?? 'nothing'}`;
  });
}

/** The sidebar shows the account and its quick log opens (a real click: refused when covered). */
async function sidebarWorks(page: Page, account: typeof GLOBEX): Promise<void> {
  const frame = sidebar(page);
  await frame.getByTestId('sidebar-account-name').filter({ hasText: accountName(account) }).waitFor();
  await frame.getByTestId('quick-log-open').click();
  await frame.getByTestId('quick-log-text').waitFor();
}

type Tamper = (page: Page) => Promise<unknown>;

/** Sets one inline style on the host, `!important`, as a page script would. */
const styleHost = (declarations: Record<string, string>): Tamper => (page) =>
  page.evaluate((set) => {
    const host = document.querySelector<HTMLElement>('adoption-sidebar-host');
    if (!host) throw new Error('no sidebar host to tamper with');
    for (const [name, value] of Object.entries(set)) host.style.setProperty(name, value, 'important');
  }, declarations);

/** The six kinds of tampering the review found (zero size and cover counted with the styles). */
const TAMPERING: [string, Tamper][] = [
  ['removing the host', (page) => page.evaluate(() => document.querySelector('adoption-sidebar-host')?.remove())],
  ['display: none on the host', styleHost({ display: 'none' })],
  ['visibility: hidden on the host', styleHost({ visibility: 'hidden' })],
  ['opacity: 0 on the host', styleHost({ opacity: '0' })],
  // Zero size, clipping what is inside (paint containment clips fixed-position descendants too).
  ['zero size on the host', styleHost({ width: '0px', height: '0px', overflow: 'hidden', contain: 'strict' })],
  [
    'a full-screen cover at the highest z-index',
    (page) =>
      page.evaluate(() => {
        const cover = document.createElement('div');
        cover.id = 'hostile-cover';
        cover.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fff;';
        document.body.append(cover);
      }),
  ],
  [
    "replacing <html>'s children",
    (page) =>
      page.evaluate(() => {
        const body = document.createElement('body');
        body.textContent = 'Replaced by the page';
        document.documentElement.replaceChildren(document.createElement('head'), body);
      }),
  ],
];

/** More of the same kinds: the page's stylesheets, the whole <html> replaced, the open shadow root. */
const MORE_TAMPERING: [string, Tamper][] = [
  [
    'a page stylesheet hiding the host',
    (page) =>
      page.addStyleTag({ content: 'adoption-sidebar-host { display: none !important; opacity: 0 !important; transform: scale(0) !important; }' }),
  ],
  [
    'replacing <html> itself',
    (page) =>
      page.evaluate(() => {
        const html = document.createElement('html');
        html.append(document.createElement('head'), document.createElement('body'));
        document.replaceChild(html, document.documentElement);
      }),
  ],
  [
    'hiding the frame inside the open shadow root',
    (page) =>
      page.evaluate(() => {
        const root = document.querySelector('adoption-sidebar-host')?.shadowRoot;
        root?.querySelector('iframe')?.style.setProperty('display', 'none', 'important');
        root?.querySelector('style')?.remove();
      }),
  ],
  [
    'closing its popover',
    (page) =>
      page.evaluate(() => {
        try {
          document.querySelector<HTMLElement>('adoption-sidebar-host')?.hidePopover();
        } catch {
          // Not a popover (before the sidebar lived in the top layer): nothing to close.
        }
      }),
  ],
];

describe('a CRM page cannot remove, hide or cover the sidebar', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [what, tamper] of [...TAMPERING, ...MORE_TAMPERING]) {
    it(`comes back after ${what}`, async () => {
      const page = await openAccount(browser.context, GLOBEX.id);
      expect(await sidebarOnScreen(page)).toBe('shown');
      await tamper(page);
      await expect.poll(() => sidebarOnScreen(page)).toBe('shown');
      await sidebarWorks(page, GLOBEX);
      expect(await sidebarOnScreen(page)).toBe('shown');
      await page.close();
    });
  }

  it('stops fighting a page that keeps removing it (no hang), and comes back later', async () => {
    const page = await openAccount(browser.context, GLOBEX.id);
    // The page removes the host whenever it appears, from its own MutationObserver: a ping-pong
    // that would freeze the page if the sidebar always put itself back at once.
    const outcome = await page.evaluate(async () => {
      let removals = 0;
      const fight = new MutationObserver(() => {
        const host = document.querySelector('adoption-sidebar-host');
        if (host) {
          removals += 1;
          host.remove();
        }
      });
      fight.observe(document.documentElement, { childList: true });
      document.querySelector('adoption-sidebar-host')?.remove();
      // Were the sidebar to put itself back every time, this timer would never get its turn
      // (the two observers would hand microtasks to each other for ever) and the page would hang.
      await new Promise((resolve) => setTimeout(resolve, 0));
      fight.disconnect();
      return { removals };
    });
    // Bounded: a few restorations, then the sidebar gives up for a while.
    expect(outcome.removals).toBeGreaterThan(0);
    expect(outcome.removals).toBeLessThanOrEqual(20);
    // Once the page stops fighting, the sidebar comes back on its own (the guard retries later).
    await expect.poll(() => sidebarOnScreen(page), { timeout: 120_000 }).toBe('shown');
    await sidebarWorks(page, GLOBEX);
    await page.close();
  });
});

describe('a page forging the content script lifecycle', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('cannot invalidate the sidebar: it stays, follows navigation and answers the shortcut', async () => {
    const page = await openAccount(browser.context, GLOBEX.id);
    // The page learns the extension id from the frame's address and announces "another copy of
    // the content script started", as WXT's ContentScriptContext does (a document event and a
    // window message named `<extension id>:<script>:wxt:content-script-started`).
    await page.evaluate(() => {
      const src = document.querySelector('adoption-sidebar-host')?.shadowRoot?.querySelector('iframe')?.src ?? '';
      const type = `${new URL(src).host}:salesforce-lightning:wxt:content-script-started`;
      const detail = { contentScriptName: 'salesforce-lightning', messageId: 'forged-by-the-page' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, ...detail }, '*');
    });
    await expect.poll(() => sidebarOnScreen(page)).toBe('shown');
    await sidebarWorks(page, GLOBEX);
    // Single-page navigation is still followed.
    await page.click(`#nav a[href="/lightning/r/Account/${INITECH.id}/view"]`);
    await sidebar(page).getByTestId('sidebar-account-name').filter({ hasText: accountName(INITECH) }).waitFor();
    await expect.poll(() => sidebarOnScreen(page)).toBe('shown');
    // The shortcut still opens the quick log, with the cursor in it.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Alt+Shift+L');
    await expect.poll(() => sidebar(page).getByTestId('quick-log-text').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('adoption-sidebar-host').count()).toBe(1);
    await page.close();
  });

  it('gets the sidebar back from the background when the content script is gone', async () => {
    const page = await openAccount(browser.context, GLOBEX.id);
    // The content script ends (as when its extension context goes away): its sidebar goes with it.
    // (Marked in the page's own world; the background may already inject a new one, as the tab is
    // activated again when the probe page closes.)
    await page.evaluate(() => Reflect.set(document.querySelector('adoption-sidebar-host') ?? {}, 'madeByTheStoppedScript', true));
    await stopContentScript(browser, page);
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('adoption-sidebar-host')].some((host) => Reflect.get(host, 'madeByTheStoppedScript') === true))).toBe(false);
    // The next navigation: the background finds nobody answering in the tab and injects again.
    await page.click(`#nav a[href="/lightning/r/Account/${INITECH.id}/view"]`);
    await expect.poll(() => sidebarOnScreen(page)).toBe('shown');
    await sidebarWorks(page, INITECH);
    expect(await page.locator('adoption-sidebar-host').count()).toBe(1);
    await page.close();
  });

  it('the first shortcut after the script came back opens the quick log, even before the new sidebar listens', async () => {
    const page = await openAccount(browser.context, GLOBEX.id);
    await page.evaluate(() => Reflect.set(document.querySelector('adoption-sidebar-host') ?? {}, 'madeByTheStoppedScript', true));
    await stopContentScript(browser, page);
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('adoption-sidebar-host')].some((host) => Reflect.get(host, 'madeByTheStoppedScript') === true))).toBe(false);
    // Pressed at once: the script is injected again (by the background, on the tab's activation
    // or on the shortcut) and the quick log the shortcut asked for opens once its sidebar listens.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Alt+Shift+L');
    await expect.poll(() => sidebar(page).getByTestId('quick-log-text').evaluate((el) => el === document.activeElement).catch(() => false)).toBe(true);
    expect(await page.locator('adoption-sidebar-host').count()).toBe(1);
    await page.close();
  });
});

describe('a real end of the content script context', () => {
  it('the extension reloaded (as on an update): the dead sidebar goes, never two, and a new one works', async () => {
    const browser = await launchBrowser();
    try {
      const page = await openAccount(browser.context, GLOBEX.id);
      // Marked in the page's own world (a property, not an attribute the guard would take off).
      const hostsNow = () =>
        page.evaluate(() => [...document.querySelectorAll('adoption-sidebar-host')].map((host) => (Reflect.get(host, 'seenBeforeReload') ? 'old' : 'new')).join());
      await page.evaluate(() => Reflect.set(document.querySelector('adoption-sidebar-host') ?? {}, 'seenBeforeReload', true));
      expect(await hostsNow()).toBe('old');
      const probe = await browser.context.newPage();
      await probe.goto(`chrome-extension://${browser.extensionId}/brief.html`);
      // The extension's pages close with it: the call does not come back.
      await probe.evaluate(() => (Reflect.get(globalThis, 'chrome') as { runtime: { reload(): void } }).runtime.reload()).catch(() => undefined);
      // The old script's context is gone: its guard lets its host go (it does not fight the new
      // one). Whether Chromium brings a command-line-loaded extension back after runtime.reload()
      // varies from run to run here; when it does, the new worker injects again (the old script
      // no longer answers) and the new sidebar is the only one.
      await expect.poll(async () => !(await hostsNow()).includes('old')).toBe(true);
      const now = await hostsNow();
      expect(['', 'new']).toContain(now);
      if (now === 'new') {
        await expect.poll(() => sidebarOnScreen(page)).toBe('shown');
        await sidebarWorks(page, GLOBEX);
        expect(await page.locator('adoption-sidebar-host').count()).toBe(1);
      }
    } finally {
      await browser.close();
    }
  });
});

/** The few extension APIs used from the extension's own page, as typed here (no @types/chrome). */
interface ScriptingApi {
  tabs: { query(query: { url: string }): Promise<{ id?: number }[]> };
  scripting: { executeScript(injection: { target: { tabId: number }; args: [string]; func: (flag: string) => boolean }): Promise<{ result?: unknown }[]> };
}

/**
 * Ends the content script in `page`'s tab as its extension context going away would: calls the
 * running instance's stop() in the extension's isolated world, from one of the extension's pages.
 */
async function stopContentScript(browser: LaunchedBrowser, page: Page): Promise<void> {
  const probe = await browser.context.newPage();
  try {
    await probe.goto(`chrome-extension://${browser.extensionId}/brief.html`);
    const stopped = await probe.evaluate(
      async ({ url, flag }) => {
        const chrome = Reflect.get(globalThis, 'chrome') as ScriptingApi;
        const [tab] = await chrome.tabs.query({ url });
        const [result] = await chrome.scripting.executeScript({
          target: { tabId: tab?.id ?? -1 },
          args: [flag],
          func: (name: string) => {
            const instance = Reflect.get(window, name) as { stop?: () => void } | undefined;
            if (typeof instance?.stop !== 'function') return false;
            instance.stop();
            return true;
          },
        });
        return result?.result === true;
      },
      { url: page.url(), flag: SIDEBAR_SCRIPT_FLAG },
    );
    if (!stopped) throw new Error('No running content script with a stop() in the tab.');
  } finally {
    await probe.close();
  }
}
