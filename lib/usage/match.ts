import { z } from '../model/zod';
import { AccountKey } from '../model/account';
import { isSandboxKey, legacySalesforceId } from '../model/account-key';
import type { UsageAccountLink, UsageAccountRef } from '../model/usage';

/**
 * Matching the accounts named in a usage file to CRM accounts. Order: a remembered link (made
 * by hand, or remembered from an earlier import), then the CRM record id, then the website
 * domain, then the normalised company name. A domain or name shared by two CRM accounts is
 * ambiguous and matches neither: the candidates are returned so the user can pick by hand.
 * Everything is Map lookups, so thousands of accounts on each side cost milliseconds.
 */

// Japanese legal forms appear before or after the name (株式会社トヨタ / トヨタ株式会社); NFKC has
// already turned ㈱ and （株） into (株).
const JA_LEGAL_FORMS = /株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|\((?:株|有|同|資|名)\)/g;

// English and other Latin legal forms, as tokens once punctuation is gone ("Co., Ltd." → co ltd,
// "K.K." → k k). Stripped only from the end, and never down to nothing, so "Co-op Inc" keeps co-op.
const TRAILING_LEGAL_TOKENS = new Set([
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'ltd',
  'limited',
  'llc',
  'llp',
  'plc',
  'gmbh',
  'kk',
  'ag',
  'sa',
  'bv',
  'nv',
  'pte',
  'pty',
]);

/** Company name → comparison key: width-folded, lower case, no legal form, punctuation or spaces. */
export function normaliseCompanyName(name: string): string {
  const tokens = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(JA_LEGAL_FORMS, ' ')
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((t) => t !== '');
  for (;;) {
    const last = tokens[tokens.length - 1];
    const beforeLast = tokens[tokens.length - 2];
    if (tokens.length > 2 && last === 'k' && beforeLast === 'k') tokens.length -= 2;
    else if (tokens.length > 1 && last !== undefined && TRAILING_LEGAL_TOKENS.has(last)) tokens.length -= 1;
    else break;
  }
  return tokens.join('');
}

/**
 * URL, bare domain or e-mail address → lower-case host without `www.`, port, path or trailing
 * dot; '' when nothing host-like is left (no dot, or characters a host cannot have).
 */
export function normaliseDomain(input: string): string {
  const host = input
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^[^/?#]*@/, '')
    .split(/[/?#]/, 1)[0]
    ?.replace(/:\d*$/, '')
    .replace(/\.$/, '')
    .replace(/^www\d*\./, '');
  if (!host || !/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(host)) return '';
  return host;
}

/**
 * The usage source's own identity for an account, stable across imports of the same source:
 * its id when it has one, else its domain, else its company name (normalised so spelling
 * variants within one file collapse). '' when the row names no account.
 */
export function sourceAccountKey(ref: UsageAccountRef): string {
  const id = ref.id.trim();
  if (id !== '') return `id:${id}`.slice(0, 600);
  const domain = normaliseDomain(ref.domain);
  if (domain !== '') return `domain:${domain}`.slice(0, 600);
  const rawName = ref.name.normalize('NFKC').trim();
  if (rawName === '') return '';
  // A name that is only a legal form ("株式会社") still names something: keep it verbatim.
  return `name:${normaliseCompanyName(rawName) || rawName.toLowerCase()}`.slice(0, 600);
}

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-5]{3})?$/;
const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * Salesforce ids: the 15-character id is case-sensitive; the 18-character form appends three
 * characters that encode the case of the first 15, so it survives case-insensitive tools. Both
 * reduce to the case-correct 15-character id; anything else is compared as is.
 */
export function recordIdKey(id: string): string {
  const trimmed = id.trim();
  // A key as this extension wrote it before keys named the org (`salesforce:001…`) is its id.
  const t = legacySalesforceId(trimmed) ?? trimmed;
  // Dynamics 365 ids are GUIDs, written with or without braces, in either case.
  const guid = GUID.exec(t)?.[1];
  if (guid !== undefined) return guid.toLowerCase();
  if (!SALESFORCE_ID.test(t)) return t;
  if (t.length === 15) return t;
  let out = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    const bits = SUFFIX_ALPHABET.indexOf(t.charAt(15 + chunk).toUpperCase());
    for (let j = 0; j < 5; j++) {
      const c = t.charAt(chunk * 5 + j);
      out += bits >= 0 && bits & (1 << j) ? c.toUpperCase() : /[a-z]/i.test(c) ? c.toLowerCase() : c;
    }
  }
  return out;
}

/** A CRM account usage can be matched to. `website`: the Website field as read from the record, when the page showed it. */
export const CrmAccountForMatch = z.object({ accountKey: AccountKey, recordId: z.string(), name: z.string(), website: z.optional(z.string()) });
export type CrmAccountForMatch = z.infer<typeof CrmAccountForMatch>;

export type MatchHow = UsageAccountLink['how'];

export interface AccountMatch {
  sourceAccountKey: string;
  account: UsageAccountRef;
  /** null: unmatched (link by hand). */
  match: { accountKey: string; how: MatchHow; remembered: boolean } | null;
  /** When unmatched because a domain or name fits several CRM accounts: those accounts. */
  candidates: string[];
}

const AMBIGUOUS = Symbol('ambiguous');
type Index = Map<string, string | typeof AMBIGUOUS>;

function addTo(index: Index, key: string, accountKey: string, all: Map<string, Set<string>>): void {
  if (key === '') return;
  const had = index.get(key);
  if (had === undefined) index.set(key, accountKey);
  else if (had !== accountKey) index.set(key, AMBIGUOUS);
  const set = all.get(key) ?? new Set<string>();
  set.add(accountKey);
  all.set(key, set);
}

interface SourceAccount {
  sourceAccountKey: string;
  account: UsageAccountRef;
}

/**
 * One result per distinct source account (first occurrence order). Accepts bare refs or refs
 * with their already computed source key (rows.ts has it).
 */
export function matchUsageAccounts(
  sourceAccounts: readonly (UsageAccountRef | SourceAccount)[],
  crmAccounts: readonly CrmAccountForMatch[],
  links: readonly UsageAccountLink[],
): AccountMatch[] {
  const byId: Index = new Map();
  const byDomain: Index = new Map();
  const byName: Index = new Map();
  const domainAll = new Map<string, Set<string>>();
  const nameAll = new Map<string, Set<string>>();
  const idAll = new Map<string, Set<string>>();
  // A Salesforce sandbox copies production's record ids: an id alone names production's account
  // (a sandbox's only when production's was never seen). A file may also carry whole keys.
  const productionIds = new Set(crmAccounts.filter((a) => !isSandboxKey(a.accountKey)).map((a) => recordIdKey(a.recordId)));
  for (const crm of crmAccounts) {
    const id = recordIdKey(crm.recordId);
    if (!isSandboxKey(crm.accountKey) || !productionIds.has(id)) addTo(byId, id, crm.accountKey, idAll);
    addTo(byId, crm.accountKey, crm.accountKey, idAll);
    addTo(byDomain, normaliseDomain(crm.website ?? ''), crm.accountKey, domainAll);
    addTo(byName, normaliseCompanyName(crm.name), crm.accountKey, nameAll);
  }
  const linkBySource = new Map(links.map((l) => [l.sourceAccountKey, l]));

  const results: AccountMatch[] = [];
  const seen = new Set<string>();
  for (const entry of sourceAccounts) {
    const withKey = 'sourceAccountKey' in entry ? entry : { sourceAccountKey: sourceAccountKey(entry), account: entry };
    const { account } = withKey;
    const key = withKey.sourceAccountKey;
    if (key === '' || seen.has(key)) continue;
    seen.add(key);

    const link = linkBySource.get(key);
    if (link) {
      results.push({ sourceAccountKey: key, account, match: { accountKey: link.accountKey, how: link.how, remembered: true }, candidates: [] });
      continue;
    }
    const candidates = new Set<string>();
    const attempts: [MatchHow, Index, Map<string, Set<string>>, string][] = [
      ['record-id', byId, idAll, account.id.trim() === '' ? '' : recordIdKey(account.id)],
      ['domain', byDomain, domainAll, normaliseDomain(account.domain)],
      ['name', byName, nameAll, normaliseCompanyName(account.name)],
    ];
    let match: AccountMatch['match'] = null;
    for (const [how, index, all, probe] of attempts) {
      if (probe === '') continue;
      const found = index.get(probe);
      if (found === undefined) continue;
      if (found === AMBIGUOUS) {
        for (const k of all.get(probe) ?? []) candidates.add(k);
        continue;
      }
      match = { accountKey: found, how, remembered: false };
      break;
    }
    results.push({ sourceAccountKey: key, account, match, candidates: match ? [] : [...candidates].sort() });
  }
  return results;
}

/**
 * Links worth remembering after an import: the automatic matches that were not remembered yet,
 * so the next import of the same source keeps its accounts even if CRM names change.
 */
export function linksToRemember(matches: readonly AccountMatch[], linkedAt: string): UsageAccountLink[] {
  const out: UsageAccountLink[] = [];
  for (const m of matches) {
    if (!m.match || m.match.remembered) continue;
    out.push({ sourceAccountKey: m.sourceAccountKey, accountKey: m.match.accountKey, how: m.match.how, linkedAt });
  }
  return out;
}
