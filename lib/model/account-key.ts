/**
 * Account keys: which CRM, which org or portal, which record. One key per account, whatever page
 * of the CRM shows it (Salesforce Lightning and Classic alike). Pure and small: the content
 * script builds keys with these, the database and backup migrations move old keys with them.
 *
 * - `salesforce:<My Domain>:<18-character id>`: `acme`, `acme--uat` (a sandbox: another org,
 *   whose records carry production's ids), `acme-dev-ed`.
 * - `hubspot:<portal id>:<company id>`
 * - `dynamics:<org host>:<lower-case guid>` (`contoso.crm4.dynamics.com`)
 * - `salesforce:<18-character id>`: recorded before keys named the org, and never moved because
 *   no address of the account was kept to tell its org from. Shown in the portfolio; no CRM page
 *   opens it.
 */

/** A My Domain name: letters, digits and hyphens (`--` before a sandbox's name). */
const MY_DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The case-insensitive 18-character form of a Salesforce id (15 or 18 characters in; null for
 * anything else). URLs carry either form; keying by this one keeps both links to a record together.
 */
export function toCaseSafeId(id: string): string | null {
  if (!/^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/.test(id)) return null;
  const base = id.slice(0, 15);
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      const c = base.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) flags |= 1 << i;
    }
    suffix += CHECKSUM_ALPHABET.charAt(flags);
  }
  return base + suffix;
}

/** Hosts of a Salesforce org's My Domain: Lightning (`*.lightning.force.com`) and Classic (`*.my.salesforce.com`). */
// The optional middle label: an enhanced domain's kind of org, or an older sandbox's instance (`cs42`).
const MY_DOMAIN_HOST = /^([a-z0-9-]+)(?:\.(?:sandbox|develop|scratch|demo|patch|trailblaze|free|[a-z]{2,3}\d{1,3}))?\.(?:lightning\.force\.com|my\.salesforce\.com)$/;

/**
 * The org's My Domain name from a host: its first label, which carries the sandbox's name
 * (`acme--uat.sandbox.lightning.force.com` → `acme--uat`). Null for hosts that do not name the
 * org (instance hosts such as `na123.salesforce.com`, other sites).
 */
export function salesforceMyDomain(hostname: string): string | null {
  const label = MY_DOMAIN_HOST.exec(hostname.toLowerCase())?.[1];
  return label !== undefined && MY_DOMAIN.test(label) ? label : null;
}

export function salesforceAccountKey(myDomain: string, caseSafeId: string): string {
  return `salesforce:${myDomain}:${caseSafeId}`;
}

export function hubspotAccountKey(portalId: string, companyId: string): string {
  return `hubspot:${portalId}:${companyId}`;
}

export function dynamicsAccountKey(orgHost: string, guid: string): string {
  return `dynamics:${orgHost.toLowerCase()}:${guid.toLowerCase()}`;
}

/**
 * A Salesforce key recorded before keys named the org (`salesforce:<id>`): its 18-character id
 * (kept as stored; a 15-character one converted), else null.
 */
export function legacySalesforceId(key: string): string | null {
  const id = /^salesforce:([A-Za-z0-9]{15}|[A-Za-z0-9]{18})$/.exec(key)?.[1];
  if (id === undefined) return null;
  return id.length === 18 ? id : toCaseSafeId(id);
}

/** The org part of a Salesforce key (`acme--uat`), null for other CRMs and legacy keys. */
export function salesforceOrgOf(key: string): string | null {
  return /^salesforce:([^:]+):[A-Za-z0-9]{18}$/.exec(key)?.[1] ?? null;
}

/** Whether a Salesforce key belongs to a sandbox: its My Domain has `--` before the sandbox's name. */
export function isSandboxKey(key: string): boolean {
  return salesforceOrgOf(key)?.includes('--') ?? false;
}

/**
 * The org or portal an account key belongs to: the key without its record id (`salesforce:acme`,
 * `hubspot:14589320`, `dynamics:contoso.crm4.dynamics.com`). Null for a legacy key that names no org.
 */
export function orgScopeOf(key: string): string | null {
  const match = /^((?:salesforce|hubspot|dynamics):[^:]+):[^:]+$/.exec(key);
  return match?.[1] ?? null;
}

/** A taught site's record (`site:<host>:<part>/<part>`): the parts the address pattern names, in order. */
export function siteAccountKey(host: string, parts: readonly string[]): string {
  return `site:${host.toLowerCase()}:${parts.join('/')}`;
}
