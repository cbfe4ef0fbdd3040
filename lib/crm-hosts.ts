import type { Crm } from './model/account';

/**
 * One sidebar script per CRM user interface, each with its one adapter (lib/adapters/), so a tab
 * loads only the reading it needs and each script stays small. The background injects the script
 * whose hosts a loaded tab is on (lib/background/inject-sidebar.ts); the script itself decides
 * whether the page is an account record.
 */
export const CRM_SCRIPTS = [
  // Sandboxes (*.sandbox.lightning.force.com) and Developer Edition orgs match too.
  { id: 'salesforce-lightning', crm: 'salesforce', matches: ['https://*.lightning.force.com/*'] },
  // Classic is served from the org's My Domain (`acme.my.salesforce.com`, `acme--uat.sandbox.my.salesforce.com`).
  { id: 'salesforce-classic', crm: 'salesforce', matches: ['https://*.my.salesforce.com/*'] },
  // `app.hubspot.com` and the regional data centres (`app-eu1`, `app-na2`, …), which a match
  // pattern cannot list ahead: the adapter reads only `app[-<region>].hubspot.com` company records.
  { id: 'hubspot', crm: 'hubspot', matches: ['https://*.hubspot.com/*'] },
  // Orgs of every region (`<org>.crm.dynamics.com`, `crm4`, `crm7`, …); the adapter reads only
  // `<org>.crm<N>.dynamics.com` account forms.
  { id: 'dynamics', crm: 'dynamics', matches: ['https://*.dynamics.com/*'] },
] as const satisfies readonly { id: string; crm: Crm; matches: readonly string[] }[];
export type CrmScript = (typeof CRM_SCRIPTS)[number];
export type CrmScriptId = CrmScript['id'];
export const CRM_SCRIPT_IDS: readonly CrmScriptId[] = CRM_SCRIPTS.map((s) => s.id);

/** The file WXT builds for a script (entrypoints/<id>.content.ts). */
export function crmScriptFile<Id extends CrmScriptId>(id: Id): `/content-scripts/${Id}.js` {
  return `/content-scripts/${id}.js`;
}

/** The generic script of a site the CSM taught, and the teaching mode's (lib/background/inject-taught.ts). */
export const TAUGHT_SCRIPT_FILE = '/content-scripts/taught-site.js';
export const TEACH_SCRIPT_FILE = '/content-scripts/teach-site.js';
export type SidebarScriptFile = ReturnType<typeof crmScriptFile> | typeof TAUGHT_SCRIPT_FILE;

export function crmScript(id: CrmScriptId): CrmScript {
  const script = CRM_SCRIPTS.find((s) => s.id === id);
  if (!script) throw new Error(`no CRM script ${id}`);
  return script;
}

/** Every page a sidebar script may be injected into. */
export const CRM_MATCHES: string[] = CRM_SCRIPTS.flatMap((s) => [...s.matches]);

/**
 * Holds the running sidebar script on `window` in the extension's isolated world of a CRM page
 * (lib/content/script-instance.ts): the page's own scripts cannot see or set it.
 */
export const SIDEBAR_SCRIPT_FLAG = 'adoptionSidebarScript';

/**
 * The background asks a CRM tab whether the sidebar script runs there (tabs.sendMessage): a live
 * script answers `true`. No answer: the script is gone (or never came), and it is injected again.
 */
export const SIDEBAR_PING = { type: 'sidebar.ping' } as const;

export function isSidebarPing(message: unknown): boolean {
  return typeof message === 'object' && message !== null && Reflect.get(message, 'type') === SIDEBAR_PING.type;
}
