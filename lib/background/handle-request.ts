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
import type { BackgroundDeps, RequestSender } from './deps';
import { refreshUsageSourceNow } from './usage-source-refresh';
import { interactionsForBrief, readAccountRecord } from '../store/account-record';
import { accountHealth, healthOfRecord } from '../store/health';
import { portfolioRows } from '../store/portfolio';
import { getUsageSource, getUsageSourceStatus, saveUsageSource } from '../usage/source-store';
import { crmAccountsForMatch, rememberedMapping, setUsageLink, storeUsageImport, usageLinks, usageSourceAccounts } from '../usage/store';

/** Every sidebar showing the account reloads (two tabs on one account stay in step), and its portfolio row is redone. */
async function notifyAccount(deps: BackgroundDeps, accountKey: string): Promise<void> {
  for (const tabId of deps.sessions.tabsShowing(accountKey)) deps.sessions.push(tabId, { type: 'account.changed', accountKey });
  await deps.portfolio.accountsChanged([accountKey]);
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
    if (visit.changes.length > 0 || visit.comparedWith === null) await deps.portfolio.accountsChanged([reading.accountKey]);
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
    if (outcome.status === 'saved') await notifyAccount(deps, entry.record.accountKey);
    return outcome;
  },
  async 'entry.delete'({ store, id }, _, deps) {
    const deleted = await deleteEntry(await deps.db(), store, id);
    if (deleted) await notifyAccount(deps, deleted.record.accountKey);
    return deleted;
  },
  async 'entry.restore'({ entry }, _, deps) {
    await restoreEntry(await deps.db(), entry);
    await notifyAccount(deps, entry.record.accountKey);
    return null;
  },
  async 'nextStep.complete'({ interactionId, stepId, baseRevision }, _, deps) {
    const outcome = await completeNextStep(await deps.db(), interactionId, stepId, baseRevision, deps.now());
    await notifyAccount(deps, outcome.status === 'saved' ? outcome.entry.record.accountKey : outcome.current.record.accountKey);
    return outcome;
  },
  async 'settings.get'(_, __, deps) {
    return getSettings(await deps.db());
  },
  async 'settings.save'({ settings }, _, deps) {
    await saveSettings(await deps.db(), settings);
    await deps.portfolio.accountsChanged('all');
    return null;
  },
  async 'quickLog.save'({ accountKey, form }, _, deps) {
    const touch = recordsFromQuickLog(form, accountKey, deps.now(), deps.newId);
    await saveLoggedTouch(await deps.db(), touch);
    await notifyAccount(deps, accountKey);
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
    await deps.portfolio.accountsChanged('all');
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
    deps.imports.add(importId, months, deps.now());
    return null;
  },
  async 'usage.importCommit'({ importId, monthCount, links, mapping }, _, deps) {
    const months = deps.imports.take(importId, monthCount);
    // The worker was restarted between parts (or a part was lost): nothing is stored, the page starts over.
    if (!months) throw new AppError('gone', 'the import was interrupted');
    const result = await storeUsageImport(await deps.db(), { months, links, mapping });
    // Sidebars showing a linked account recompute its health.
    for (const accountKey of new Set(links.map((l) => l.accountKey))) await notifyAccount(deps, accountKey);
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
    return refreshUsageSourceNow(deps);
  },
  async 'usage.link'({ sourceAccountKey, accountKey }, _, deps) {
    await setUsageLink(await deps.db(), sourceAccountKey, accountKey, deps.now());
    if (accountKey) await notifyAccount(deps, accountKey);
    return null;
  },
};

/** Validates any incoming message and answers with data or a clear error; never throws. */
export async function handleRequest(message: unknown, sender: RequestSender, deps: BackgroundDeps): Promise<Reply> {
  const parsed = Request.safeParse(message);
  // A known request whose content breaks a rule (a note too long) is answered in the user's words
  // (`invalid-content`); only an unknown type or shape is a protocol mismatch (`invalid-message`).
  if (!parsed.success) return { ok: false, error: toErrorData(parsed.error, message) };
  try {
    const handler = handlers[parsed.data.type] as (request: Request, sender: RequestSender, deps: BackgroundDeps) => Promise<unknown>;
    return { ok: true, data: await handler(parsed.data, sender, deps) };
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}
