import type { AccountKey } from '../model/account';
import { originOf } from '../safe-url';
import type { EditableStore } from '../model/entry';
import type { Request, RequestType } from '../messaging/protocol';

/**
 * Who may ask the background for what. Pure: the background classifies what `runtime.onMessage`
 * says about the sender, looks the request up in `REQUEST_POLICY`, and, for a sidebar, checks
 * that every account the request names is one its own tab shows (lib/background/handle-request.ts).
 *
 * - content script: runs in the CRM page's renderer, the least trusted part. It reports its own
 *   tab's readings and commands, nothing else, and is answered with nothing but `null`.
 * - sidebar: the extension's frame inside a CRM tab. It reads and writes the account its tab
 *   shows (or showed earlier in the same page), never another, and never everything at once.
 * - extension page: options, portfolio and printable brief, each the top document of a tab of its
 *   own (none of them is web-accessible, so no web page can frame or open them): the rest.
 */
export type SenderKind = 'content-script' | 'sidebar' | 'extension-page' | 'unknown';

/** A sender as the background judged it (what `handleRequest` is given). */
export type RequestSender =
  | { kind: 'content-script'; tabId: number; /** The page's origin (`https://acme.lightning.force.com`). */ origin: string }
  /** `frameId`: which frame of the tab; only the one the extension made is served (lib/background/sidebar-frames.ts). */
  | { kind: 'sidebar'; tabId: number; frameId: number }
  | { kind: 'extension-page'; tabId?: number }
  | { kind: 'unknown'; why: string };

/** The parts of `runtime.MessageSender` (Chrome and Firefox alike) the classification reads. */
export interface RawSender {
  id?: string;
  url?: string;
  /** Chrome only (the frame's origin); compared with `url` when present. */
  origin?: string;
  frameId?: number;
  tab?: { id?: number };
}

/** This extension: its id (`runtime.id`) and its base URL (`runtime.getURL('/')`: chrome-extension://<id>/ or moz-extension://<uuid>/). */
export interface SelfIdentity {
  id: string;
  baseUrl: string;
}

export const SIDEBAR_PAGE = '/sidebar.html';


function parseUrl(url: string | undefined): URL | null {
  if (url === undefined) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Tells the senders apart from what the browser (not the sender) fills in:
 * - another extension (or none): `sender.id` is not ours → unknown.
 * - on our own origin (`url` starts with our base URL):
 *   - `/sidebar.html` in a sub-frame of a tab (`tab` set, `frameId` ≠ 0) → sidebar of that tab;
 *     anywhere else (a tab of its own, no tab) → unknown: the extension never opens it so.
 *   - any other page, as a tab's top document (`frameId` 0) or in no tab at all → extension page;
 *     framed → unknown (none of these pages is web-accessible, and the extension frames none).
 * - on another origin: our content script, which runs in the top frame of a CRM tab only
 *   (`tab` set, `frameId` 0) → content script of that tab; anything else → unknown.
 * Chrome's `origin`, when given, must agree with `url`.
 */
export function classifySender(sender: RawSender, self: SelfIdentity): RequestSender {
  if (sender.id !== self.id) return { kind: 'unknown', why: 'another extension' };
  const url = parseUrl(sender.url);
  if (!url) return { kind: 'unknown', why: 'no sender address' };
  if (sender.origin !== undefined && sender.origin !== originOf(url)) return { kind: 'unknown', why: 'origin and address disagree' };
  const base = parseUrl(self.baseUrl);
  if (!base) return { kind: 'unknown', why: 'no extension address' };
  const tabId = sender.tab?.id;
  const framed = sender.frameId !== undefined && sender.frameId !== 0;
  if (originOf(url) === originOf(base)) {
    if (url.pathname === SIDEBAR_PAGE) {
      if (tabId === undefined || !framed || sender.frameId === undefined) return { kind: 'unknown', why: 'sidebar page outside a tab’s frame' };
      return { kind: 'sidebar', tabId, frameId: sender.frameId };
    }
    if (framed) return { kind: 'unknown', why: 'framed extension page' };
    return tabId === undefined ? { kind: 'extension-page' } : { kind: 'extension-page', tabId };
  }
  if (tabId === undefined) return { kind: 'unknown', why: 'content script without a tab' };
  if (sender.frameId !== 0) return { kind: 'unknown', why: 'content script outside the top frame' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'unknown', why: 'content script on a non-web page' };
  return { kind: 'content-script', tabId, origin: originOf(url) };
}

const CONTENT: readonly SenderKind[] = ['content-script'];
const SIDEBAR_AND_PAGES: readonly SenderKind[] = ['sidebar', 'extension-page'];
const PAGES: readonly SenderKind[] = ['extension-page'];
const CONTENT_AND_PAGES: readonly SenderKind[] = ['content-script', 'extension-page'];

/** Which senders may send each request. `unknown` may send nothing. */
export const REQUEST_POLICY = {
  // The content script: its own tab's readings and commands.
  'page.opened': CONTENT,
  'record.expected': CONTENT,
  'record.missing': CONTENT,
  'record.visited': CONTENT,
  'record.left': CONTENT,
  'quickLog.open': CONTENT,
  'sidebar.frame': CONTENT,
  // One account's data: a sidebar for its tab's account only (see `accountScope`), extension pages for any.
  'timeline.page': SIDEBAR_AND_PAGES,
  'account.overview': SIDEBAR_AND_PAGES,
  'entry.save': SIDEBAR_AND_PAGES,
  'entry.delete': SIDEBAR_AND_PAGES,
  'entry.restore': SIDEBAR_AND_PAGES,
  'nextStep.complete': SIDEBAR_AND_PAGES,
  'quickLog.save': SIDEBAR_AND_PAGES,
  'draft.save': SIDEBAR_AND_PAGES,
  'draft.clear': SIDEBAR_AND_PAGES,
  'entryDraft.save': SIDEBAR_AND_PAGES,
  'entryDraft.clear': SIDEBAR_AND_PAGES,
  'entryDraft.list': SIDEBAR_AND_PAGES,
  'account.brief': SIDEBAR_AND_PAGES,
  'account.health': SIDEBAR_AND_PAGES,
  'handover.export': SIDEBAR_AND_PAGES,
  'handover.resolve': SIDEBAR_AND_PAGES,
  // The CSM's own settings (tone staleness, note templates, stakeholder fields): no account's data.
  'settings.get': SIDEBAR_AND_PAGES,
  // Everything else touches every account, or the configuration: extension pages only.
  'settings.save': PAGES,
  'crm.switch': PAGES,
  'backup.export': PAGES,
  'backup.import': PAGES,
  // Merges records into any number of accounts.
  'handover.import': PAGES,
  'portfolio.rows': PAGES,
  'usage.context': PAGES,
  'usage.mapping': PAGES,
  'usage.imported': PAGES,
  'usage.link': PAGES,
  'usageSource.get': PAGES,
  'usageSource.save': PAGES,
  'usageSource.remove': PAGES,
  'usageSource.refresh': PAGES,
  // Taught sites: the content script gets its own host's definition (the one exception to `null`
  // answers: it holds no account data), and the teaching mode saves its own host's.
  'site.forPage': CONTENT,
  'site.list': PAGES,
  'site.save': CONTENT_AND_PAGES,
  'site.remove': PAGES,
  'site.teach': SIDEBAR_AND_PAGES,
  // Writing touches to the CRM: the switches and the token are configuration; a sidebar sees and
  // retries its own account's writes and reads its team's touches.
  'crmWrite.switch': PAGES,
  'crmWrite.statuses': SIDEBAR_AND_PAGES,
  'crmWrite.retry': SIDEBAR_AND_PAGES,
  'crmWrite.retryAll': PAGES,
  'crmWrite.summary': PAGES,
  'crmWrite.token': PAGES,
  'teamTouches.read': SIDEBAR_AND_PAGES,
} as const satisfies Record<RequestType, readonly SenderKind[]>;

/** Every request type, from the policy table (which the type checker holds to the protocol). */
export const REQUEST_TYPES = Object.keys(REQUEST_POLICY) as RequestType[];

export function kindMaySend(kind: SenderKind, type: RequestType): boolean {
  return (REQUEST_POLICY[type] as readonly SenderKind[]).includes(kind);
}

/** A stored record a request names by id only: whose account it is comes from the store. */
export interface StoredRef {
  store: EditableStore | 'handovers';
  id: string;
}

/** What a request reaches, for deciding whether a sidebar may send it. */
export type AccountScope =
  /** The sender's own tab (its content script's reports); `pageUrl`: an address the request says was read in that tab. */
  | { kind: 'tab'; pageUrl?: string }
  /** No account's data (the CSM's settings). */
  | { kind: 'none' }
  /** These accounts, and the accounts these stored records belong to. */
  | { kind: 'accounts'; accountKeys: AccountKey[]; stored: StoredRef[] }
  /** Every account, or the extension's configuration. */
  | { kind: 'all' };

const accounts = (accountKeys: AccountKey[], stored: StoredRef[] = []): AccountScope => ({ kind: 'accounts', accountKeys, stored });

/**
 * What each request reaches. An edit names its account in the record it carries, but the record
 * it replaces may already be stored under another account: both must be the sidebar's.
 */
export function accountScope(request: Request): AccountScope {
  switch (request.type) {
    case 'page.opened':
    case 'record.left':
    case 'quickLog.open':
    case 'sidebar.frame':
      return { kind: 'tab' };
    case 'record.expected':
    case 'record.missing':
      return { kind: 'tab', pageUrl: request.account.url };
    case 'record.visited':
      return { kind: 'tab', pageUrl: request.reading.url };
    case 'timeline.page':
      return accounts([request.query.accountKey]);
    case 'account.overview':
    case 'quickLog.save':
    case 'draft.clear':
    case 'entryDraft.clear':
    case 'entryDraft.list':
    case 'account.brief':
    case 'account.health':
      return accounts([request.accountKey]);
    case 'draft.save':
    case 'entryDraft.save':
      return accounts([request.draft.accountKey]);
    case 'handover.export':
      return accounts(request.accountKeys);
    case 'handover.resolve':
      return accounts([], [{ store: 'handovers', id: request.id }]);
    case 'entry.save':
    case 'entry.restore':
      return accounts([request.entry.record.accountKey], [{ store: request.entry.store, id: request.entry.record.id }]);
    case 'entry.delete':
      return accounts([], [{ store: request.store, id: request.id }]);
    case 'nextStep.complete':
      return accounts([], [{ store: 'interactions', id: request.interactionId }]);
    case 'settings.get':
      return { kind: 'none' };
    case 'settings.save':
    case 'crm.switch':
    case 'backup.export':
    case 'backup.import':
    case 'handover.import':
    case 'portfolio.rows':
    case 'usage.context':
    case 'usage.mapping':
    case 'usage.imported':
    case 'usage.link':
    case 'usageSource.get':
    case 'usageSource.save':
    case 'usageSource.remove':
    case 'usageSource.refresh':
    case 'site.list':
    case 'site.remove':
    case 'crmWrite.switch':
    case 'crmWrite.summary':
    case 'crmWrite.token':
    case 'crmWrite.retryAll':
      return { kind: 'all' };
    case 'crmWrite.statuses':
    case 'teamTouches.read':
      return accounts([request.accountKey]);
    case 'crmWrite.retry':
      return accounts([], [{ store: 'interactions', id: request.interactionId }]);
    case 'site.forPage':
      return { kind: 'tab' };
    // The teaching mode saves only a definition of the page it runs on.
    case 'site.save':
      return { kind: 'tab', pageUrl: `https://${request.definition.host}/` };
    // The sidebar's "Teach again" starts it in its own tab; the popup names the tab it was opened on.
    case 'site.teach':
      return { kind: 'none' };
    default:
      return unreachable(request);
  }
}

function unreachable(request: never): never {
  throw new Error(`no account scope for ${(request as { type: string }).type}`);
}

/** Where a sender is, in words for an error's detail. */
export function describeSender(sender: RequestSender): string {
  switch (sender.kind) {
    case 'content-script':
      return 'the page’s content script';
    case 'sidebar':
      return 'the sidebar';
    case 'extension-page':
      return 'an extension page';
    case 'unknown':
      return `an unknown sender (${sender.why})`;
  }
}
