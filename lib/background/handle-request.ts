import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { AppError, toErrorData } from '../errors';
import { Request, type Reply, type RequestOf, type RequestType, type ReplyDataOf } from '../messaging/protocol';
import { recordVisit } from '../store/visit';
import { timelinePage } from '../store/timeline';
import { accountOverview } from '../store/overview';
import { completeNextStep, deleteEntry, restoreEntry, saveEntry } from '../store/entries';
import { getSettings, saveSettings } from '../store/settings';
import { recordsFromQuickLog, saveLoggedTouch } from '../store/quick-log';
import { clearDraft, getDraft, saveDraft } from '../store/drafts';
import { exportBackup, restoreBackup } from '../backup/store';
import { parseBackup } from '../backup/parse';
import type { TabSessions } from './tab-sessions';
import { interactionsForBrief, readAccountRecord } from '../store/account-record';
import { accountHealth, healthOfRecord } from '../store/health';
import { portfolioRows, refreshPortfolio } from '../store/portfolio';
import type { Fetcher } from '../usage/source-fetch';
import type { UsageMonth } from '../model/usage';
import { refreshUsageSource } from '../usage/source-fetch';
import { sourceOriginPattern } from '../usage/source';
import { getUsageSource, getUsageSourceStatus, saveUsageSource, saveUsageSourceStatus } from '../usage/source-store';
import { crmAccountsForMatch, rememberedMapping, setUsageLink, storeUsageImport, usageLinks, usageSourceAccounts } from '../usage/store';

export interface BackgroundDeps {
  db: () => Promise<IDBPDatabase<AdoptionDb>>;
  sessions: TabSessions;
  now: () => Date;
  newId: () => string;
  /** The configured usage source: how it is fetched, whether its host may be read, its schedule. */
  usageSource?: {
    fetcher: Fetcher;
    hasHostPermission: (originPattern: string) => Promise<boolean>;
    schedule: (refreshHours: number | null) => Promise<void>;
  };
}

/** Who sent a request: the tab of a content script or of a sidebar frame; none for the options page. */
export interface RequestSender {
  tabId?: number;
}

/** Every sidebar showing the account reloads (two tabs on one account stay in step), and its portfolio entry is redone. */
function notifyAccount(deps: BackgroundDeps, accountKey: string): void {
  for (const tabId of deps.sessions.tabsShowing(accountKey)) deps.sessions.push(tabId, { type: 'account.changed', accountKey });
  refreshPortfolioLater(deps, [accountKey]);
}

const PORTFOLIO_REFRESH_DELAY_MS = 2000;
const portfolioPending = new Set<string>();
let portfolioPendingAll = false;
let portfolioTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * The portfolio rows of these accounts (or all) are out of date: they are recomputed a little
 * later, off the path of the save that changed them, once for a burst. (Should the worker stop
 * before, the row is redone on the account's next change or the next day.)
 */
export function refreshPortfolioLater(deps: BackgroundDeps, accountKeys: readonly string[] | 'all'): void {
  if (accountKeys === 'all') portfolioPendingAll = true;
  else for (const key of accountKeys) portfolioPending.add(key);
  clearTimeout(portfolioTimer);
  portfolioTimer = setTimeout(() => {
    const keys = portfolioPendingAll ? 'all' : [...portfolioPending];
    portfolioPending.clear();
    portfolioPendingAll = false;
    void (async () => {
      const db = await deps.db();
      await refreshPortfolio(db, keys, await getSettings(db), deps.now());
    })().catch(() => undefined); // Best effort, see above.
  }, PORTFOLIO_REFRESH_DELAY_MS);
}

type Handlers = { [T in RequestType]: (request: RequestOf<T>, sender: RequestSender, deps: BackgroundDeps) => Promise<ReplyDataOf<T>> };

function requireTab(sender: RequestSender): number {
  if (sender.tabId === undefined) throw new AppError('invalid-message', 'this request must come from a CRM tab');
  return sender.tabId;
}

/** Parts of imports sent with `usage.importPart`, until their `usage.importCommit` (dropped after 10 idle minutes). */
const stagedImports = new Map<string, { months: UsageMonth[]; touchedAt: number }>();

const handlers: Handlers = {
  // A new page in the tab: whatever the tab showed before is no longer on screen.
  async 'page.opened'(_, sender, deps) {
    deps.sessions.forgetView(requireTab(sender));
    return null;
  },
  async 'record.visited'({ reading }, sender, deps) {
    const tabId = requireTab(sender);
    const db = await deps.db();
    const [visit, draft] = await Promise.all([recordVisit(db, reading, deps.now(), deps.newId), getDraft(db, reading.accountKey)]);
    deps.sessions.setView(tabId, { reading, changes: visit.changes, comparedWith: visit.comparedWith, draft });
    if (visit.changes.length > 0 || visit.comparedWith === null) refreshPortfolioLater(deps, [reading.accountKey]);
    return null;
  },
  async 'record.left'(_, sender, deps) {
    deps.sessions.setView(requireTab(sender), null);
    return null;
  },
  async 'quickLog.open'(_, sender, deps) {
    deps.sessions.push(requireTab(sender), { type: 'quickLog.open' });
    return null;
  },
  async 'timeline.page'({ query }, _, deps) {
    return timelinePage(await deps.db(), query);
  },
  async 'account.overview'({ accountKey }, _, deps) {
    return accountOverview(await deps.db(), accountKey);
  },
  async 'entry.save'({ entry, baseRevision }, _, deps) {
    const outcome = await saveEntry(await deps.db(), entry, baseRevision, deps.now());
    if (outcome.status === 'saved') notifyAccount(deps, entry.record.accountKey);
    return outcome;
  },
  async 'entry.delete'({ store, id }, _, deps) {
    const deleted = await deleteEntry(await deps.db(), store, id);
    if (deleted) notifyAccount(deps, deleted.record.accountKey);
    return deleted;
  },
  async 'entry.restore'({ entry }, _, deps) {
    await restoreEntry(await deps.db(), entry);
    notifyAccount(deps, entry.record.accountKey);
    return null;
  },
  async 'nextStep.complete'({ interactionId, stepId, baseRevision }, _, deps) {
    const outcome = await completeNextStep(await deps.db(), interactionId, stepId, baseRevision, deps.now());
    notifyAccount(deps, outcome.status === 'saved' ? outcome.entry.record.accountKey : outcome.current.record.accountKey);
    return outcome;
  },
  async 'settings.get'(_, __, deps) {
    return getSettings(await deps.db());
  },
  async 'settings.save'({ settings }, _, deps) {
    await saveSettings(await deps.db(), settings);
    refreshPortfolioLater(deps, 'all');
    return null;
  },
  async 'quickLog.save'({ accountKey, form }, _, deps) {
    const touch = recordsFromQuickLog(form, accountKey, deps.now(), deps.newId);
    await saveLoggedTouch(await deps.db(), touch);
    notifyAccount(deps, accountKey);
    return touch;
  },
  async 'draft.save'({ draft }, _, deps) {
    await saveDraft(await deps.db(), draft);
    return null;
  },
  async 'draft.clear'({ accountKey }, _, deps) {
    await clearDraft(await deps.db(), accountKey);
    return null;
  },
  async 'backup.export'(_, __, deps) {
    return exportBackup(await deps.db(), deps.now());
  },
  async 'backup.import'({ text }, _, deps) {
    const counts = await restoreBackup(await deps.db(), parseBackup(text));
    refreshPortfolioLater(deps, 'all');
    return counts;
  },
  async 'account.brief'({ accountKey, range }, _, deps) {
    const db = await deps.db();
    const record = await readAccountRecord(db, accountKey);
    if (!record) return null;
    const health = await healthOfRecord(db, record, (await getSettings(db)).healthWeights, deps.now(), { keepHistory: false });
    return { record: range ? interactionsForBrief(record, range) : record, health };
  },
  async 'account.health'({ accountKey }, _, deps) {
    const db = await deps.db();
    return accountHealth(db, accountKey, (await getSettings(db)).healthWeights, deps.now());
  },
  async 'portfolio.rows'(_, __, deps) {
    const db = await deps.db();
    return portfolioRows(db, await getSettings(db), deps.now());
  },
  async 'usage.context'(_, __, deps) {
    const db = await deps.db();
    const [crmAccounts, links, sources] = await Promise.all([crmAccountsForMatch(db), usageLinks(db), usageSourceAccounts(db)]);
    return { crmAccounts, links, sources };
  },
  async 'usage.mapping'({ signature }, _, deps) {
    return rememberedMapping(await deps.db(), signature);
  },
  async 'usage.importPart'({ importId, months }, _, deps) {
    const now = deps.now().getTime();
    for (const [id, staged] of stagedImports) if (now - staged.touchedAt > 10 * 60_000) stagedImports.delete(id);
    const staged = stagedImports.get(importId) ?? { months: [], touchedAt: now };
    for (const m of months) staged.months.push(m);
    staged.touchedAt = now;
    stagedImports.set(importId, staged);
    if (staged.months.length > 500_000) {
      stagedImports.delete(importId);
      throw new AppError('invalid-message', 'too many months in one import');
    }
    return null;
  },
  async 'usage.importCommit'({ importId, monthCount, links, mapping }, _, deps) {
    const staged = stagedImports.get(importId);
    stagedImports.delete(importId);
    // The worker was restarted between parts (or a part was lost): nothing is stored, the page starts over.
    if (!staged || staged.months.length !== monthCount) throw new AppError('gone', 'the import was interrupted');
    const result = await storeUsageImport(await deps.db(), { months: staged.months, links, mapping });
    // Sidebars showing a linked account recompute its health.
    for (const accountKey of new Set(links.map((l) => l.accountKey))) notifyAccount(deps, accountKey);
    return result;
  },
  async 'usageSource.get'(_, __, deps) {
    const db = await deps.db();
    const config = await getUsageSource(db);
    return { config: config && { ...config, token: '' }, hasToken: Boolean(config?.token), status: await getUsageSourceStatus(db) };
  },
  async 'usageSource.save'({ config, keepToken }, _, deps) {
    const db = await deps.db();
    const previous = await getUsageSource(db);
    const token = keepToken && previous ? previous.token : config.token;
    await saveUsageSource(db, { ...config, token });
    await deps.usageSource?.schedule(config.refreshHours);
    return null;
  },
  async 'usageSource.remove'(_, __, deps) {
    await saveUsageSource(await deps.db(), null);
    await deps.usageSource?.schedule(null);
    return null;
  },
  async 'usageSource.refresh'(_, __, deps) {
    return refreshConfiguredSource(deps);
  },
  async 'usage.link'({ sourceAccountKey, accountKey }, _, deps) {
    await setUsageLink(await deps.db(), sourceAccountKey, accountKey, deps.now());
    if (accountKey) notifyAccount(deps, accountKey);
    return null;
  },
};

/** Fetches the configured usage source now (on demand or on schedule) and keeps the outcome. */
export async function refreshConfiguredSource(deps: BackgroundDeps) {
  const db = await deps.db();
  const [config, previous] = await Promise.all([getUsageSource(db), getUsageSourceStatus(db)]);
  if (!config || !deps.usageSource) throw new AppError('source-format', 'no usage source is configured');
  let status = await refreshUsageSource(db, config, previous, deps.now(), deps.usageSource.fetcher);
  // Without the host permission a fetch fails like a network error: say what is really missing.
  const pattern = sourceOriginPattern(config.url);
  if (status.lastError?.code === 'source-unreachable' && !(await deps.usageSource.hasHostPermission(pattern))) {
    status = { ...status, lastError: { code: 'source-permission', detail: new URL(config.url).host } };
  }
  await saveUsageSourceStatus(db, status);
  if (status.lastSuccessAt === status.lastAttemptAt) refreshPortfolioLater(deps, 'all');
  if (status.lastSuccessAt === status.lastAttemptAt) for (const tabId of deps.sessions.allTabs()) deps.sessions.push(tabId, { type: 'usage.changed' });
  return status;
}

/** Validates any incoming message and answers with data or a clear error; never throws. */
export async function handleRequest(message: unknown, sender: RequestSender, deps: BackgroundDeps): Promise<Reply> {
  const parsed = Request.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: { code: 'invalid-message', detail: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid' } };
  }
  try {
    const handler = handlers[parsed.data.type] as (request: Request, sender: RequestSender, deps: BackgroundDeps) => Promise<unknown>;
    return { ok: true, data: await handler(parsed.data, sender, deps) };
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}
