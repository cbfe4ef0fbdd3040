import { z } from '../model/zod';
import { parseNumber } from '../parse-number';

/**
 * Which column of an imported file holds what. The guess comes from header names in English and
 * Japanese (plus, optionally, what the values look like); the user corrects it in the preview,
 * and the corrected mapping is remembered under the file's header signature.
 */

export const COLUMN_ROLES = [
  'accountId',
  'accountDomain',
  'accountName',
  'date',
  'subscription',
  'activeUsers',
  'licensedSeats',
  'logins',
  'feature',
  'ignore',
] as const;
export const ColumnRole = z.enum(COLUMN_ROLES);
export type ColumnRole = z.infer<typeof ColumnRole>;

/** Roles that at most one column may have (a second one would fight over the same value). */
export const SINGLE_ROLES: readonly ColumnRole[] = [
  'accountId',
  'accountDomain',
  'accountName',
  'date',
  'subscription',
  'activeUsers',
  'licensedSeats',
  'logins',
];

/**
 * How ambiguous day/month dates such as `01/02/2026` are read: `auto` lets the file's own
 * unambiguous dates decide (see rows.ts), falling back to month first (US).
 */
export const DateOrder = z.enum(['auto', 'mdy', 'dmy']);
export type DateOrder = z.infer<typeof DateOrder>;

export const ColumnAssignment = z.object({
  header: z.string().check(z.maxLength(500)),
  role: ColumnRole,
  /** For `feature` columns: the metric becomes `feature:<feature>`. Ignored for other roles. */
  feature: z._default(z.string().check(z.maxLength(120)), ''),
});
export type ColumnAssignment = z.infer<typeof ColumnAssignment>;

/** One entry per column of the file, in the file's column order. */
export const ColumnMapping = z.object({
  columns: z.array(ColumnAssignment).check(z.maxLength(2000)),
  dateOrder: z._default(DateOrder, 'auto'),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** A mapping the user confirmed, stored under the signature of the headers it was made for. */
export const RememberedMapping = z.object({
  signature: z.string().check(z.minLength(1)),
  mapping: ColumnMapping,
});
export type RememberedMapping = z.infer<typeof RememberedMapping>;

/** Header text reduced to what matters for recognising it: width, case, separators. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/([a-z])([A-Z])/g, '$1 $2') // camelCase (accountName) reads as words
    .toLowerCase()
    .replace(/[\s_\-.·・/]+/g, ' ')
    .trim();
}

/** Feature names end up in the metric id `feature:<name>`: one line, at most 120 characters. */
export function cleanFeatureName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim().slice(0, 120);
}

// Tested against the normalised header, in this order: the first rule that matches wins, so
// specific names ("account name", "last login date") come before the general ones.
const RULES: readonly (readonly [ColumnRole, RegExp])[] = [
  ['ignore', /(last|latest|first) ?(login|log in|seen|active)|最終ログイン|最終利用/],
  ['accountId', /^(account|customer|client|company|org|organization|organisation|tenant) ?id$|^(sfdc|salesforce|crm|sf)( account)? ?id$|^(顧客|取引先|会社|企業|アカウント|テナント) ?(id|コード|番号)$|^(id|account ?key)$/],
  ['accountDomain', /^(account |customer |company )?(domain|website|web site|url|site|homepage|email domain)$|^(ドメイン|ウェブサイト|webサイト|ホームページ|url)$/],
  ['accountName', /^(account|customer|client|company|organization|organisation|org|tenant)( name)?$|^name$|^(会社|取引先|顧客|企業|アカウント|組織|テナント)(名|名称)?$|^社名$/],
  ['date', /^(date|day|usage date|report date|reporting date|period|month|activity date|snapshot date|as of|date utc)$|^(日付|年月日|日|集計日|対象日|利用日|年月|期間|基準日)$/],
  ['activeUsers', /^(active users?|dau|mau|wau|daily active users|monthly active users|weekly active users|users active|active user count)$|^アクティブ ?ユーザー?(数)?$|^(利用者数|アクティブ数)$/],
  ['licensedSeats', /^(licensed )?(seats?|licen[cs]es?)( count| purchased| licensed)?$|^(licensed users|purchased seats|contracted seats|seats purchased)$|^(ライセンス数|契約数|席数|契約ライセンス数|ライセンス|購入ライセンス数|シート数)$/],
  ['logins', /^(logins?|log ins?|sign ins?|signins?|sessions?)( count)?$|^(login|session) count$|^ログイン ?(数|回数)$|^サインイン(数|回数)$/],
  ['subscription', /^(subscription|product|plan|edition|sku|package|license type|subscription name|product name|plan name)$|^(製品|製品名|プラン|プラン名|契約|契約名|サブスクリプション|エディション)$/],
];

const FEATURE_PATTERNS: readonly RegExp[] = [
  /^feature ?[:：]? ?(.+)$/,
  /^機能 ?[:：]? ?(.+)$/,
  /^(.+?) (usage|uses|used|count|events|clicks|runs|views|created)$/,
  /^(.+?)(利用数|利用回数|使用数|使用回数|実行回数|作成数)$/,
];

/** A feature column named in its header: the feature name without the `feature_` / `機能:` tag. */
function featureFromHeader(header: string): string | null {
  const n = header.normalize('NFKC').trim();
  const tagged = /^(?:feature|機能)\s*[_:：\-.]\s*(.+)$/i.exec(n);
  if (tagged?.[1]) return cleanFeatureName(tagged[1]);
  const normal = normaliseHeader(header);
  if (FEATURE_PATTERNS.some((p) => p.test(normal))) return cleanFeatureName(n);
  return null;
}

/** At least 80 % of the non-empty sample cells read as numbers (and there is at least one). */
function mostlyNumeric(values: readonly string[]): boolean {
  let filled = 0;
  let numeric = 0;
  for (const v of values) {
    const reading = parseNumber(v);
    if (!reading.ok && reading.problem === 'empty') continue;
    filled++;
    if (reading.ok) numeric++;
  }
  return filled > 0 && numeric / filled >= 0.8;
}

/**
 * Guess a role for each header. `sampleRows` (cells aligned with `headers`, a few dozen rows is
 * plenty) lets unrecognised numeric columns become feature columns; without it only headers
 * that say "feature"/"usage"/"機能" do.
 */
export function guessMapping(headers: readonly string[], sampleRows: readonly (readonly string[])[] = []): ColumnMapping {
  const taken = new Set<ColumnRole>();
  const columns = headers.map((header, index): ColumnAssignment => {
    const normal = normaliseHeader(header);
    for (const [role, pattern] of RULES) {
      if (!pattern.test(normal)) continue;
      if (role === 'ignore') return { header, role, feature: '' };
      if (taken.has(role)) break; // a second "date" column: fall through to feature/ignore
      taken.add(role);
      return { header, role, feature: '' };
    }
    const feature = featureFromHeader(header);
    if (feature) return { header, role: 'feature', feature };
    if (normal !== '' && sampleRows.length > 0 && mostlyNumeric(sampleRows.map((r) => r[index] ?? ''))) {
      return { header, role: 'feature', feature: cleanFeatureName(header) };
    }
    return { header, role: 'ignore', feature: '' };
  });
  return { columns: dedupeFeatureNames(columns), dateOrder: 'auto' };
}

/** Two columns feeding the same `feature:<name>` would overwrite each other: suffix repeats. */
function dedupeFeatureNames(columns: ColumnAssignment[]): ColumnAssignment[] {
  const seen = new Map<string, number>();
  return columns.map((c) => {
    if (c.role !== 'feature') return c;
    const count = (seen.get(c.feature) ?? 0) + 1;
    seen.set(c.feature, count);
    return count === 1 ? c : { ...c, feature: cleanFeatureName(`${c.feature} (${count})`) };
  });
}

export type MappingProblemCode = 'no-date' | 'no-account' | 'no-figures' | 'duplicate-role' | 'no-feature-name' | 'duplicate-feature';

export interface MappingProblem {
  code: MappingProblemCode;
  /** The role or feature name concerned, when there is one. */
  detail: string;
}

/** What stops a mapping from being used; the preview shows these next to the column pickers. */
export function mappingProblems(mapping: ColumnMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const roles = mapping.columns.map((c) => c.role);
  const has = (role: ColumnRole) => roles.includes(role);
  if (!has('date')) problems.push({ code: 'no-date', detail: '' });
  if (!has('accountId') && !has('accountDomain') && !has('accountName')) problems.push({ code: 'no-account', detail: '' });
  if (!has('activeUsers') && !has('licensedSeats') && !has('logins') && !has('feature')) problems.push({ code: 'no-figures', detail: '' });
  for (const role of SINGLE_ROLES) {
    if (roles.filter((r) => r === role).length > 1) problems.push({ code: 'duplicate-role', detail: role });
  }
  const features = new Set<string>();
  for (const c of mapping.columns) {
    if (c.role !== 'feature') continue;
    const name = cleanFeatureName(c.feature);
    if (name === '') problems.push({ code: 'no-feature-name', detail: c.header });
    else if (features.has(name)) problems.push({ code: 'duplicate-feature', detail: name });
    features.add(name);
  }
  return problems;
}

/** Headers in a canonical order, so the same columns in another order give the same signature. */
function canonicalHeaders(headers: readonly string[]): string[] {
  return headers.map(normaliseHeader).sort();
}

/** FNV-1a, 2 × 32 bits: a short storable key; collisions are harmless (names are rechecked). */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** Same headers (width, case, separators and order aside) ⇒ same signature. */
export function mappingSignature(headers: readonly string[]): string {
  return `headers:${headers.length}:${hash64(canonicalHeaders(headers).join('\u001f'))}`;
}

/**
 * The remembered mapping, re-aligned to this file's column order, or null when the headers are
 * not the same set (then guess instead). Repeated headers are paired by their occurrence.
 */
export function applyRememberedMapping(headers: readonly string[], remembered: ColumnMapping): ColumnMapping | null {
  if (remembered.columns.length !== headers.length) return null;
  const pool = new Map<string, ColumnAssignment[]>();
  for (const c of remembered.columns) {
    const key = normaliseHeader(c.header);
    const list = pool.get(key) ?? [];
    list.push(c);
    pool.set(key, list);
  }
  const columns: ColumnAssignment[] = [];
  for (const header of headers) {
    const match = pool.get(normaliseHeader(header))?.shift();
    if (!match) return null;
    columns.push({ header, role: match.role, feature: match.feature });
  }
  return { columns, dateOrder: remembered.dateOrder };
}
