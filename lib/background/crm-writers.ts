import { browser } from 'wxt/browser';
import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { readSetting } from '../db/settings';
import type { WritableCrm } from '../model/crm-write';
import { salesforceWriter } from '../crm-write/salesforce';
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

/** The worker's writers, one per CRM, with the worker's own fetch. */
export function crmWriters(db: () => Promise<IDBPDatabase<AdoptionDb>>): Partial<Record<WritableCrm, CrmActivityWriter>> {
  const fetcher = (url: string, init: RequestInit) => fetch(url, init);
  void db;
  return { salesforce: salesforceWriter(fetcher, salesforceSession) };
}
