import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Product code: what ships in the extension. */
const ROOTS = ['lib', 'components', 'entrypoints'];
/** Ways to turn a string into markup. Data is always put in the DOM as text (React children, textContent). */
const HTML_SINKS = /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(|createContextualFragment/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('no HTML from strings', () => {
  // scripts/lint-firefox.mjs lets addons-linter's innerHTML warning through only for React DOM's
  // own dangerouslySetInnerHTML support, on the strength of this.
  it('no product source writes markup from a string', () => {
    const files = ROOTS.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((file) => HTML_SINKS.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
