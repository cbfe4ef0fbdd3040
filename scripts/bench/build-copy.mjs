// Copies of the built extension with a few files replaced or added: the floors the bench sets
// beside the product's figures (an empty injected script, an empty framed page, …).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, scratchDir } from '../lib/browser.mjs';

/**
 * A copy of the build (in a scratch folder removed when the process exits) with `files` (path in
 * the extension → text) written over it, and the pages in `webAccessible` added to the manifest's
 * web-accessible resources so a CRM page may frame them.
 */
export function copyOfBuild(prefix, { files = {}, webAccessible = [] }) {
  const dir = scratchDir(prefix);
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  if (webAccessible.length > 0) {
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.web_accessible_resources[0].resources.push(...webAccessible);
    writeFileSync(manifestPath, JSON.stringify(manifest));
  }
  return dir;
}
