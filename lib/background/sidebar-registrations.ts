import { browser } from 'wxt/browser';
import { CRM_SCRIPTS, crmScriptFile, TAUGHT_SCRIPT_FILE } from '../crm-hosts';
import type { CrmInterfaces } from '../model/crm-interfaces';
import { hostPermissionFor } from '../model/site-definition';

/*
 * The sidebar's scripts are registered with the browser (scripting.registerContentScripts), which
 * injects them into every page of their hosts as it loads: no listener on tab updates wakes the
 * worker while a CRM page loads (that alone made a page opened with the worker stopped load 1.5×
 * slower here), and no worker round trip stands between the page's `load` and the sidebar. The
 * script waits for `load` itself (lib/content/after-load.ts). Registrations persist across browser
 * sessions; they are brought in line with the settings on install, on update, at browser start and
 * whenever a CRM interface is switched or a taught site's host changes.
 */

/** One registered sidebar script, as the browser keeps it. */
export interface SidebarRegistration {
  id: string;
  matches: string[];
  js: string[];
}

/** The id of the one registration of every approved taught site's host. */
export const TAUGHT_REGISTRATION_ID = 'taught-site';

/** Registered script paths are relative to the extension's root; the injection paths start with `/`. */
const registeredPath = (file: string) => file.replace(/^\//, '');

/** What should be registered: each CRM interface turned on, and the taught sites' approved hosts. */
export function wantedRegistrations(interfaces: CrmInterfaces, taughtHosts: readonly string[]): SidebarRegistration[] {
  const crm = CRM_SCRIPTS.filter((script) => interfaces[script.id]).map((script) => ({ id: script.id, matches: [...script.matches], js: [registeredPath(crmScriptFile(script.id))] }));
  const hosts = [...new Set(taughtHosts)].sort();
  if (hosts.length === 0) return crm;
  return [...crm, { id: TAUGHT_REGISTRATION_ID, matches: hosts.map(hostPermissionFor), js: [registeredPath(TAUGHT_SCRIPT_FILE)] }];
}

const sameList = (a: readonly string[] | undefined, b: readonly string[]) => a !== undefined && a.length === b.length && a.every((x) => b.includes(x));

/**
 * How to get from what is registered to what is wanted: a registration that is not wanted, or
 * wanted with other hosts or files, is removed; a wanted one missing (or just removed) is added.
 */
export function registrationChanges(
  wanted: readonly SidebarRegistration[],
  registered: readonly { id: string; matches?: string[]; js?: string[] }[],
): { unregister: string[]; register: SidebarRegistration[] } {
  const unchanged = new Set(
    registered.filter((r) => wanted.some((w) => w.id === r.id && sameList(r.matches, w.matches) && sameList(r.js?.map(registeredPath), w.js))).map((r) => r.id),
  );
  return {
    unregister: registered.filter((r) => !unchanged.has(r.id)).map((r) => r.id),
    register: wanted.filter((w) => !unchanged.has(w.id)),
  };
}

let syncing: Promise<void> = Promise.resolve();

/**
 * Brings the browser's registrations in line with `wanted()`. One change at a time: two at once
 * would both register the same id, and the browser refuses the second.
 */
export function syncRegistrations(wanted: () => Promise<SidebarRegistration[]>): Promise<void> {
  const run = syncing.then(async () => {
    const changes = registrationChanges(await wanted(), await browser.scripting.getRegisteredContentScripts());
    if (changes.unregister.length > 0) await browser.scripting.unregisterContentScripts({ ids: changes.unregister });
    if (changes.register.length > 0) {
      // Idle: after the page's own scripts; the script then waits for `load` before it reads anything.
      await browser.scripting.registerContentScripts(changes.register.map((r) => ({ ...r, runAt: 'document_idle' as const, persistAcrossSessions: true })));
    }
  });
  syncing = run.catch(() => undefined);
  return run;
}
