// Waiting for a measured document without running anything in it.
//
// Playwright's locators and `waitForFunction` evaluate Playwright's own script (about 215 kB) in
// the document they wait in, as soon as that document exists: on the main thread whose work is
// being timed, and in the memory being measured. In the sidebar's frame it made the warm start
// about 33 ms later and each tab about 1.6 MB larger than a user's (A/Bs of 5 December, in the
// README's Benchmarks). So the measured documents announce what a figure waits
// for on their console (`announceMarks`, an init script) and the bench listens to the page's
// console events, which Playwright reports for the page's frames too. Playwright evaluates in a
// measured document only once its figure is taken.

/**
 * Init script: in the sidebar (its fields, timeline, account name and health), the portfolio and the
 * brief (shown, then every entry on it), announces when what the figures wait for is on screen;
 * in CRM sample pages, when their own fields are (the sample apps set
 * `window.__sampleFieldsRenderedAt`). Each mark is `bench-mark:<name>:<epoch ms>`; the brief's
 * are its own clock (`performance.now()`, ms from its navigation).
 */
export function announceMarks() {
  const say = (name, at) => console.debug(`bench-mark:${name}:${at}`);
  const stamp = (el, attribute) => Number(el?.getAttribute(attribute) ?? 0);
  /** Announces `name` with the stamp `attribute` of `selector` each time it takes a new value. */
  const watchStamp = (name, selector, attribute) => {
    let last = 0;
    const check = () => {
      const at = stamp(document.querySelector(selector), attribute);
      if (at > last) say(name, (last = at));
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: [attribute] });
    check();
  };
  if (location.protocol === 'chrome-extension:' || location.protocol === 'moz-extension:') {
    const page = location.pathname;
    if (page.endsWith('/sidebar.html')) {
      watchStamp('sidebar-fields', '[data-testid="sidebar-fields"]', 'data-rendered-at');
      watchStamp('timeline', '[data-testid="timeline"]', 'data-rendered-at');
      // The account name, as read or as stored, the first time it shows.
      const named = new MutationObserver(() => {
        const el = document.querySelector('[data-testid="sidebar-account-name"], [data-testid="sidebar-account-name-stored"]');
        if (!el?.textContent?.trim()) return;
        named.disconnect();
        say('sidebar-name', performance.timeOrigin + performance.now());
      });
      named.observe(document, { childList: true, subtree: true, characterData: true });
      // The health score (or that there is none): the last of what the sidebar reads on opening.
      const showsHealth = () => {
        if (!document.querySelector('[data-testid="health"], [data-testid="health-none"]')) return;
        healthy.disconnect();
        say('sidebar-health', performance.timeOrigin + performance.now());
      };
      const healthy = new MutationObserver(showsHealth);
      // Its text and attributes too: the browser may run this script in the frame late, once the
      // panel is already there and only a field's stamp or a name's text changes after it.
      healthy.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
      showsHealth();
    }
    if (page.endsWith('/portfolio.html')) {
      watchStamp('portfolio-rows', '[data-testid="portfolio"] table', 'data-rendered-at');
      watchStamp('portfolio-all-rows', '[data-testid="portfolio"] table', 'data-all-rendered-at');
    }
    if (page.endsWith('/brief.html')) {
      watchStamp('brief-shown', '[data-testid="brief-page"]', 'data-rendered-at');
      watchStamp('brief-all', '[data-testid="brief-page"]', 'data-all-rendered-at');
    }
    return;
  }
  let fieldsAt = 0;
  Object.defineProperty(window, '__sampleFieldsRenderedAt', {
    configurable: true,
    get: () => fieldsAt,
    set: (at) => {
      fieldsAt = at;
      if (at > 0) say('page-fields', at);
    },
  });
}

/**
 * The next mark `name` announced by `page` or one of its frames with a value above `after` (epoch
 * ms). Call it before what causes the mark (a navigation, a click): the console is not replayed.
 */
export function nextMark(page, name, { after = 0, timeout = 60_000 } = {}) {
  const prefix = `bench-mark:${name}:`;
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      page.off('console', onConsole);
      page.off('close', stop);
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no "${name}" mark from ${page.url()} within ${timeout} ms`));
    }, timeout);
    function onConsole(message) {
      const text = message.text();
      if (!text.startsWith(prefix)) return;
      const at = Number(text.slice(prefix.length));
      if (!(at > after)) return;
      stop();
      resolve(at);
    }
    page.on('console', onConsole);
    // A page closed first: nothing more will come (the caller has moved on).
    page.on('close', stop);
  });
}
