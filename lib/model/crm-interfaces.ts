import { z } from './zod';
import type { CrmScriptId } from '../crm-hosts';

// Apart from the rest of the settings: the worker reads these before anything else, to inject the
// sidebar's script into the CRM tab that woke it (entrypoints/background.ts).

const CrmInterfaceOn = z._default(z.boolean(), true);

/**
 * Which CRM user interfaces get the sidebar: a CSM whose company uses one CRM turns the others off,
 * and no script is injected in their tabs then. One switch per interface of lib/crm-hosts.ts (the
 * compiler checks none is missing), each on unless turned off; an id no longer known is dropped.
 */
export const CrmInterfaces = z.object({
  'salesforce-lightning': CrmInterfaceOn,
  'salesforce-classic': CrmInterfaceOn,
  hubspot: CrmInterfaceOn,
  dynamics: CrmInterfaceOn,
} satisfies Record<CrmScriptId, typeof CrmInterfaceOn>);
export type CrmInterfaces = z.infer<typeof CrmInterfaces>;
export const ALL_CRM_INTERFACES_ON: CrmInterfaces = CrmInterfaces.parse({});
