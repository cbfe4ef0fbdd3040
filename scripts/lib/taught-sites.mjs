// The test-only way to approve a taught site's host: a copy of the built extension whose manifest
// lists that host among its required `host_permissions`, so the browser grants it at load, as it
// grants the CRM hosts. `permissions.contains` then says yes, exactly as after the user accepted
// the prompt (which no automated test can answer). The extension's own code is unchanged.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, scratchDir } from './browser.mjs';

/**
 * Copies the build to a temporary folder with `hosts` (e.g. `acme.cybozu.com`) approved, and the
 * optional API `permissions` given (e.g. `cookies`, as after the CSM turned on logging touches to
 * Salesforce); returns its path.
 */
export function extensionWithHostsApproved(hosts, from = EXTENSION_DIR, permissions = []) {
  const dir = scratchDir('adoption-sidebar-approved-');
  cpSync(from, dir, { recursive: true });
  const manifestFile = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...hosts.map((host) => `https://${host}/*`)];
  manifest.permissions = [...(manifest.permissions ?? []), ...permissions];
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  return dir;
}
