import { browser } from 'wxt/browser';
import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { readSetting } from '../db/settings';
import type { WritableCrm } from '../model/crm-write';
import { salesforceWriter } from '../crm-write/salesforce';
import { dynamicsWriter } from '../crm-write/dynamics';
import { hubspotWriter } from '../crm-write/hubspot';
import { HUBSPOT_API_HOST } from '../crm-write/target';
import { CrmWriteError, type CrmActivityWriter } from '../crm-write/writer';

export const CRM_OUTBOX_ALARM = 'crm-outbox';

/**
 * The CSM's Salesforce session for an org's API host: its `sid` cookie, as Salesforce Inspector
 * reads it. The `cookies` permission is optional, asked for when logging to Salesforce is turned on.
 */
async function salesforceSession(apiHost: string): Promise<string | null> {
  if (!(await browser.permissions.contains({ permissions: ['cookies'] }))) throw new CrmWriteError('crm-permission', `${apiHost} (cookies)`);
  const cookie = await browser.cookies.get({ url: `https://${apiHost}/`, name: 'sid' });
  return cookie?.value || null;
}

/**
 * The worker's writers, one per CRM, with the worker's own fetch. Dynamics uses the session cookie
 * the browser sends to the org's host (a CRM host the extension already has); HubSpot the token
 * the CSM pasted, read from the store at each write.
 */
export function crmWriters(db: () => Promise<IDBPDatabase<AdoptionDb>>): Record<WritableCrm, CrmActivityWriter> {
  const fetcher = (url: string, init: RequestInit) => fetch(url, init);
  return {
    salesforce: salesforceWriter(fetcher, salesforceSession),
    dynamics: dynamicsWriter(fetcher),
    hubspot: hubspotWriter(fetcher, async () => {
      // Without its host the worker's request would fail as if offline, and be retried for ever.
      if (!(await browser.permissions.contains({ origins: [`https://${HUBSPOT_API_HOST}/*`] }))) throw new CrmWriteError('crm-permission', HUBSPOT_API_HOST);
      return (await readSetting(await db(), 'crm-tokens'))?.hubspot || null;
    }),
  };
}
