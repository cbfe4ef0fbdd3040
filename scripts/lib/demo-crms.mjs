// The sample CRM sites `npm run demo -- --crm <id>` can open: which record to show first, how the
// sidebar names it, and what else there is to try. Read from the same fixture files the
// end-to-end tests use (scripts/lib/browser.mjs serves them under the real CRM hosts).
import { accountUrl, classicAccountUrl, DYNAMICS_HOST, dynamicsAccountUrl, dynamicsData, fieldValue, hubspotCompanyUrl, hubspotData, sampleAccountKey, sampleAccounts } from './browser.mjs';

export const CRM_IDS = ['lightning', 'classic', 'hubspot', 'dynamics'];
export const DEFAULT_CRM = 'lightning';

/**
 * @typedef {{ url: string, name: string, key: string }} DemoRecord
 * @typedef {{ id: string, title: string, records: DemoRecord[], salesforce: boolean, tips: string[] }} DemoCrm
 */

/** @returns {DemoCrm} */
export function demoCrm(id) {
  if (id === 'lightning' || id === 'classic') {
    const records = sampleAccounts().map((a) => ({
      url: id === 'lightning' ? accountUrl(a.id) : classicAccountUrl(a.id),
      name: fieldValue(a, 'Name'),
      key: sampleAccountKey(a.id),
    }));
    return id === 'lightning'
      ? { id, title: 'Salesforce Lightning', records, salesforce: true, tips: [
          'The other accounts in the top bar: single-page navigation, as in Lightning; the sidebar follows the record.',
          'An account\'s Related tab: the sidebar keeps the Details tab\'s fields (set apart) and the owner as OwnerId.',
          'The "Accounts" list, the opportunity and "Setup": no sidebar there.',
        ] }
      : { id, title: 'Salesforce Classic', records, salesforce: true, tips: [
          'The same accounts as the Lightning sample (same org): notes, goals and history are shared.',
          'Other accounts: open their Classic pages, e.g. ' + records.slice(1).map((r) => r.url).join(', '),
        ] };
  }
  if (id === 'hubspot') {
    const data = hubspotData();
    const records = data.companies.map((c) => ({ url: hubspotCompanyUrl(c.id), name: c.properties[0]?.[2] ?? '', key: `hubspot:${data.portalId}:${c.id}` }));
    return { id, title: 'HubSpot', records, salesforce: false, tips: [
      'The other companies in the top bar: HubSpot renders the next record in place; the sidebar follows it.',
      'A contact in the top bar: no sidebar there. The associated-companies card is never read as the company.',
    ] };
  }
  if (id === 'dynamics') {
    const data = dynamicsData();
    const records = data.accounts.map((a) => ({ url: dynamicsAccountUrl(a.id), name: a.name, key: `dynamics:${DYNAMICS_HOST}:${a.id.toLowerCase()}` }));
    return { id, title: 'Dynamics 365', records, salesforce: false, tips: [
      'The other accounts in the top bar: the form changes without a page load; the sidebar follows it.',
      'The contact in the top bar: no sidebar there. Header and process-bar copies of a field are one field.',
    ] };
  }
  throw new Error(`Unknown CRM "${id}": use one of ${CRM_IDS.join(', ')}.`);
}

/**
 * The demo's options: `--no-build`, `--headless`, `--crm <id>` or `--crm=<id>`. Throws on anything else.
 * @returns {{ build: boolean, headless: boolean, crm: string }}
 */
export function parseDemoArgs(argv) {
  const options = { build: true, headless: false, crm: DEFAULT_CRM, store: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--headless') options.headless = true;
    else if (arg === '--store') options.store = true;
    else if (arg === '--crm' || arg.startsWith('--crm=')) {
      const value = arg === '--crm' ? argv[++i] : arg.slice('--crm='.length);
      if (!value || !CRM_IDS.includes(value)) throw new Error(`--crm takes one of ${CRM_IDS.join(', ')}${value ? ` (not "${value}")` : ''}.`);
      options.crm = value;
    } else throw new Error(`Unknown option ${arg}.`);
  }
  return options;
}
