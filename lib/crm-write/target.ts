import type { Account } from '../model/account';
import { salesforceApiHost } from './salesforce';
import type { CrmTarget } from './writer';

export const HUBSPOT_API_HOST = 'api.hubapi.com';

/**
 * Where an account's activities are written: its CRM's API host and the record's id there. Null
 * for accounts no CRM API reaches (a taught site's record, a Salesforce key from before keys named
 * the org, an address that names no org).
 */
export function crmTargetOf(account: Pick<Account, 'key' | 'url'>): CrmTarget | null {
  const [crm, scope, recordId] = account.key.split(':');
  if (!scope || !recordId) return null;
  switch (crm) {
    case 'salesforce': {
      let host: string;
      try {
        host = new URL(account.url).hostname;
      } catch {
        return null;
      }
      const apiHost = salesforceApiHost(host);
      // The address must be the org's own: the key's My Domain is the host's first label.
      return apiHost && apiHost.split('.')[0] === scope ? { crm: 'salesforce', apiHost, recordId } : null;
    }
    case 'dynamics':
      return { crm: 'dynamics', apiHost: scope, recordId };
    case 'hubspot':
      return { crm: 'hubspot', apiHost: HUBSPOT_API_HOST, recordId };
    default:
      return null;
  }
}
