import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Puts a saved CRM page (tests/fixtures/pages/<path>) into the test's document, as the browser
 * would show it (its scripts do not run), and returns the document.
 */
export function loadPage(path: string): Document {
  const html = readFileSync(resolve('tests/fixtures/pages', path), 'utf8');
  const inner = /<html[^>]*>([\s\S]*)<\/html>/i.exec(html)?.[1];
  if (inner === undefined) throw new Error(`${path} is not an HTML page`);
  document.documentElement.innerHTML = inner;
  return document;
}
