import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { AppError, toErrorData } from '../errors';
import { Request, type Reply, type RequestOf, type RequestType, type ReplyDataOf } from '../messaging/protocol';
import { recordVisit } from '../record/visit';
import { timelinePage } from '../record/timeline';
import { accountOverview } from '../record/overview';
import { completeNextStep, deleteEntry, restoreEntry, saveEntry } from '../record/entries';
import { getSettings, saveSettings } from '../record/settings';
import { recordsFromQuickLog, saveLoggedTouch } from '../record/quick-log';
import { clearDraft, getDraft, saveDraft } from '../record/drafts';
import { exportBackup, restoreBackup } from '../backup/store';
import { parseBackup } from '../backup/parse';
import type { TabSessions } from './tab-sessions';
import { readAccountRecord } from '../record/account-record';
import { accountHealth } from '../record/health';
import { portfolioRows } from '../record/portfolio';
import { crmAccountsForMatch, rememberedMapping, setUsageLink, storeUsageImport, usageLinks, usageSourceAccounts } from '../usage/store';

export interface BackgroundDeps {
  db: () => Promise<IDBPDatabase<AdoptionDb>>;
  sessions: TabSessions;
  now: () => Date;
  newId: () => string;
}

/** Who sent a request: the tab of a content script or of a sidebar frame; none for the options page. */
export interface RequestSender {
  tabId?: number;
}

/** Every sidebar showing the account reloads: two tabs on one account stay in step. */
function notifyAccount(deps: BackgroundDeps, accountKey: string): void {
  for (const tabId of deps.sessions.tabsShowing(accountKey)) deps.sessions.push(tabId, { type: 'account.changed', accountKey });
}

type Handlers = { [T in RequestType]: (request: RequestOf<T>, sender: RequestSender, deps: BackgroundDeps) => Promise<ReplyDataOf<T>> };

function requireTab(sender: RequestSender): number {
  if (sender.tabId === undefined) throw new AppError('invalid-message', 'this request must come from a CRM tab');
  return sender.tabId;
}

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
    return restoreBackup(await deps.db(), parseBackup(text));
  },
  async 'account.record'({ accountKey }, _, deps) {
    return readAccountRecord(await deps.db(), accountKey);
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
  async 'usage.import'({ commit }, _, deps) {
    const result = await storeUsageImport(await deps.db(), commit);
    // Sidebars showing a linked account recompute its health.
    for (const accountKey of new Set(commit.links.map((l) => l.accountKey))) notifyAccount(deps, accountKey);
    return result;
  },
  async 'usage.link'({ sourceAccountKey, accountKey }, _, deps) {
    await setUsageLink(await deps.db(), sourceAccountKey, accountKey, deps.now());
    if (accountKey) notifyAccount(deps, accountKey);
    return null;
  },
};

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
