import type { Plugin } from 'vite';

/** What `wxt/browser` resolves to with @wxt-dev/webextension-polyfill, and what it says. */
const ENTRY = /[\\/]@wxt-dev[\\/]webextension-polyfill[\\/]dist[\\/]browser\.mjs$/;
const REEXPORT = "export { default as browser } from 'webextension-polyfill';";
const HOLDER = '\0adoption-sidebar:browser-polyfill-holder';

/**
 * Hands out the browser API object without copying its properties. The polyfill is a CommonJS
 * module whose exports are the browser's own `browser` object where it has one (Chrome and
 * Firefox today); an ES import of it makes the bundler copy every property of the exports onto a
 * namespace, and reading each property's descriptor makes the browser build every API it offers
 * (`windows`, `tabs`, `bookmarks`, ...). That cost the worker's cold start about 10 ms of its
 * CPU, and the sidebar frame and the content script their share. Here the polyfill is required
 * by a small CommonJS holder, and only the holder's one property is copied.
 */
export function polyfillWithoutCopy(): Plugin {
  return {
    name: 'adoption-sidebar:polyfill-without-copy',
    enforce: 'pre',
    resolveId: (source) => (source === HOLDER ? HOLDER : null),
    load: (id) => (id === HOLDER ? "module.exports = { browser: require('webextension-polyfill') };" : null),
    transform(code, id) {
      if (!ENTRY.test(id)) return null;
      if (code.trim() !== REEXPORT) this.error(`${id} no longer reads "${REEXPORT}": check scripts/build/polyfill-without-copy.ts against this version`);
      return { code: `import holder from '${HOLDER}';\nexport const browser = holder.browser;\n`, map: null };
    },
  };
}
