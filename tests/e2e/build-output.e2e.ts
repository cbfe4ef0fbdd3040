import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EXTENSION_DIR } from '../../scripts/lib/browser.mjs';

// How the built scripts are written (wxt.config.ts, BUNDLE_OUTPUT): what the sidebar's and the
// worker's start times rest on, checked on the Chromium build the other end-to-end tests load.
const scripts = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return scripts(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });

describe('the built extension', () => {
  it('writes every script in ASCII, Japanese included (no UTF-16 copy before compiling)', () => {
    const files = scripts(EXTENSION_DIR);
    expect(files.length).toBeGreaterThan(5);
    const withOtherCharacters = files.filter((file) => /[^\x00-\x7f]/.test(readFileSync(file, 'utf8'))).map((file) => relative(EXTENSION_DIR, file));
    expect(withOtherCharacters).toEqual([]);
    // The Japanese dictionary is there, escaped: "アダプション" (the product's name).
    const shared = files.map((file) => readFileSync(file, 'utf8')).filter((text) => /\\u30a2\\u30c0\\u30d7\\u30b7\\u30e7\\u30f3/i.test(text));
    expect(shared.length).toBeGreaterThan(0);
  });

  it('loads the sidebar document from its own script, the shared chunk and the bundler runtime only', () => {
    const html = readFileSync(join(EXTENSION_DIR, 'sidebar.html'), 'utf8');
    const modules = [...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="([^"]+)"/g)].map((m) => m[1]);
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.length).toBeLessThanOrEqual(3);
  });

  it('hands out the browser API object without copying its properties (scripts/build/polyfill-without-copy.ts)', () => {
    // Copying them would make the browser build every API it offers in each context that loads the
    // polyfill (the worker, the sidebar frame, the content scripts), used or not.
    const withPolyfill = scripts(EXTENSION_DIR).filter((file) => readFileSync(file, 'utf8').includes('This script should only be loaded in a browser extension'));
    expect(withPolyfill.length).toBeGreaterThan(2);
    const copied = withPolyfill.filter((file) => !/\.exports\s*=\s*\{\s*browser:\s*[\w$]+\(\)\s*\}/.test(readFileSync(file, 'utf8'))).map((file) => relative(EXTENSION_DIR, file));
    expect(copied).toEqual([]);
  });
});
