/** The only pages the sidebar is ever injected into. Sandboxes (*.sandbox.lightning.force.com) match too. */
export const CRM_MATCHES = ['https://*.lightning.force.com/*'];

/** Set on `window` in the extension's isolated world of a CRM page once the sidebar script runs there. */
export const SIDEBAR_SCRIPT_FLAG = 'adoptionSidebarScript';
