import { AppError, toErrorData } from '../errors';
import { Request, type Reply, type RequestOf, type RequestType, type ReplyDataOf } from '../messaging/protocol';
import { recordVisit, rememberedAccount } from '../store/visit';
import { timelinePage } from '../store/timeline';
import { accountOverview } from '../store/overview';
import { completeNextStep, deleteEntry, restoreEntry, saveEntry } from '../store/entries';
import { getSettings, updateSettings } from '../store/settings';
import { idsOfSave, recordsFromQuickLog, saveLoggedTouch } from '../store/quick-log';
import { clearDraft, getDraft, saveDraft } from '../store/drafts';
import { clearEntryDraft, freeEntryDrafts, saveEntryDraft } from '../store/entry-drafts';
import { exportBackup, restoreBackup } from '../backup/store';
import { parseBackup } from '../backup/parse';
import { exportHandover, importHandover, resolveVersion } from '../handover/store';
import { parseHandover } from '../handover/parse';
import type { BackgroundDeps, RequestSender } from './deps';
import { refreshUsageSourceNow } from './usage-source-refresh';
import { interactionsForBrief, readAccountRecord } from '../store/account-record';
import { accountHealth, healthOfRecord } from '../store/health';
import { portfolioRows } from '../store/portfolio';
import { getUsageSource, getUsageSourceStatus, saveUsageSource } from '../usage/source-store';
import { crmAccountsForMatch, rememberedMapping, setUsageLink, usageLinks, usageSourceAccounts } from '../usage/store';
import { accountScope, describeSender, kindMaySend, REQUEST_POLICY, type AccountScope } from './sender-policy';
import type { RecordReading } from '../model/account';
import type { AccountView } from '../messaging/sidebar-push';
import { originOf } from '../safe-url';
import { CRM_SCRIPT_IDS } from '../crm-hosts';
import { removeSiteDefinition, saveSiteDefinition, siteDefinitions } from '../store/site-definitions';
import { hostOf } from './site-registry';
import { ownActivityIds, writeCounts, writeStatuses } from '../crm-write/store';
import { crmTargetOf } from '../crm-write/target';
import { readSetting, writeSetting } from '../db/settings';
import { Account } from '../model/account';
import { HandoverVersion } from '../model/handover';
import { parseStored } from '../db/records';
import { CrmWriteError } from '../crm-write/writer';

/**
 * Every sidebar showing one of the accounts reloads (two tabs on one account stay in step), and
 * their portfolio rows are redone (marked stale in one transaction for all).
 */
async function notifyAccounts(deps: BackgroundDeps, accountKeys: readonly string[]): Promise<void> {
  afterAnswer(() => {
    for (const accountKey of accountKeys) pushChanged(deps, accountKey);
  });
  await deps.portfolio.accountsChanged(accountKeys);
}

function pushChanged(deps: BackgroundDeps, accountKey: string): void {
  for (const tabId of deps.sessions.tabsShowing(accountKey)) deps.sessions.push(tabId, { type: 'account.changed', accountKey });
}

/** The settings were saved: every open sidebar reads them (and the health they weigh) again. */
function settingsChanged(deps: BackgroundDeps): void {
  for (const tabId of deps.sessions.allTabs()) deps.sessions.push(tabId, { type: 'settings.changed' });
}

/**
 * Runs a task later, once the answer is on its way: the sidebar that saved shows its save first,
 * and only then reloads what the save changed (its reload's requests would otherwise go first).
 */
function afterAnswer(then: () => void): void {
  setTimeout(then, 0);
}

/** A primed read's result, or undefined when there was none or it failed (the caller reads again and sees any error itself). */
async function settled<T>(primed: Promise<T> | undefined): Promise<T | undefined> {
  return primed?.catch(() => undefined);
}

/**
 * Requests that write nothing a primed read (lib/background/primed-reads.ts) shows. Any other
 * request invalidates primed reads before and after it runs, so one started meanwhile is not
 * handed out either; `record.visited` invalidates them itself and primes after its write.
 */
const LEAVES_PRIMED_READS: ReadonlySet<RequestType> = new Set<RequestType>([
  'page.opened', 'record.expected', 'record.missing', 'record.visited', 'record.left', 'quickLog.open', 'sidebar.frame', 'timeline.page', 'account.overview', 'settings.get',
  'draft.save', 'draft.clear', 'entryDraft.save', 'entryDraft.clear', 'entryDraft.list', 'backup.export', 'handover.export', 'account.brief', 'account.health', 'portfolio.rows', 'usage.context', 'usage.mapping',
  'usageSource.get', 'crmWrite.statuses', 'crmWrite.summary', 'teamTouches.read',
]);

type Handlers = { [T in RequestType]: (request: RequestOf<T>, sender: RequestSender, deps: BackgroundDeps) => Promise<ReplyDataOf<T>> };

/** A taught site's record is keyed by the host it was read on, and only such a record is `site`. */
function requireKeyOfPage({ accountKey, crm, url }: Pick<RecordReading, 'accountKey' | 'crm' | 'url'>): void {
  const siteHost = /^site:([^:]+):/.exec(accountKey)?.[1];
  if ((siteHost !== undefined) !== (crm === 'site') || (siteHost !== undefined && siteHost !== new URL(url).hostname)) {
    throw new AppError('not-allowed', 'a taught site’s record from another host');
  }
}

/** Shows an account in the tab's sidebar, which may then name it in its requests. */
function showAccount(deps: BackgroundDeps, tabId: number, view: AccountView): void {
  // Not awaited: a later check of the tab's accounts reads them after this change.
  void deps.tabAccounts.add(tabId, view.reading.accountKey);
  deps.sessions.setView(tabId, view);
}

/** The tab of the content script that sent a tab request (the sender policy lets no one else send them). */
function requireTab(sender: RequestSender): number {
  if (sender.kind !== 'content-script') throw new AppError('not-allowed', 'this request must come from a CRM tab’s content script');
  return sender.tabId;
}

const handlers: Handlers = {
  // A new page in the tab: whatever the tab showed before is no longer on screen.
  async 'page.opened'(_, sender, deps) {
    const tabId = requireTab(sender);
    deps.sessions.forgetView(tabId);
    await deps.tabAccounts.forgetTab(tabId);
    await deps.draftHolders.release(tabId);
    return null;
  },
  // The address names an account the page has not rendered yet: one seen before is shown at once
  // as stored (its name, notes, goals, health), until the page's reading replaces it.
  async 'record.expected'({ account }, sender, deps) {
    const tabId = requireTab(sender);
    requireKeyOfPage(account);
    // The page's reading of this account is shown already (a click within the record, say).
    if (deps.sessions.showsReadingOf(tabId, account.accountKey)) return null;
    const mark = deps.sessions.viewMark(tabId);
    const db = await deps.db();
    const [stored, draft] = await Promise.all([rememberedAccount(db, account.accountKey), deps.draftHolders.heldElsewhere(tabId).then((held) => getDraft(db, account.accountKey, held))]);
    // Read or left meanwhile: that is newer.
    if (deps.sessions.viewChangedSince(tabId, mark)) return null;
    // Never seen: the sidebar waits for the reading, showing nothing of the account before it.
    if (!stored) {
      if (deps.sessions.view(tabId) !== undefined) deps.sessions.awaitReading(tabId);
      return null;
    }
    // No field is on the page yet: each shows its last read value, until the reading.
    const fields = stored.fields.map((field) => ({ ...field, onPage: false }));
    showAccount(deps, tabId, { reading: { ...account, name: stored.account.name, fields: [], visitId: 'remembered' }, fields, changes: [], comparedWith: null, draft, remembered: true });
    // What its sidebar asks for first, read while the frame loads (the page's reading comes later).
    deps.primedReads.prime(account.accountKey, (query) => timelinePage(db, query));
    return null;
  },
  // The record the address names has still not rendered: the sidebar says so instead of reading
  // on in silence (the content script goes on waiting, and its reading replaces the message).
  async 'record.missing'({ account }, sender, deps) {
    const tabId = requireTab(sender);
    requireKeyOfPage(account);
    if (deps.sessions.showsReadingOf(tabId, account.accountKey)) return null;
    deps.sessions.push(tabId, { type: 'error', error: new AppError('record-not-shown', account.accountKey).toData() });
    return null;
  },
  async 'record.visited'({ reading }, sender, deps) {
    const tabId = requireTab(sender);
    requireKeyOfPage(reading);
    // The visit writes a field snapshot, which the timeline shows: nothing read before it is handed out.
    deps.primedReads.invalidate();
    const read = async () => {
      const db = await deps.db();
      return Promise.all([recordVisit(db, reading, deps.now(), deps.newId), deps.draftHolders.heldElsewhere(tabId).then((held) => getDraft(db, reading.accountKey, held))]);
    };
    const [visit, draft] = await read().catch((error: unknown) => {
      // The content script does not show replies: the tab's sidebar says why it cannot show the record.
      deps.sessions.push(tabId, { type: 'error', error: toErrorData(error) });
      throw error;
    });
    const before = deps.sessions.view(tabId);
    // A sidebar listening was shown this account as remembered, and has read its timeline then.
    const readAlready = before?.remembered === true && before.reading.accountKey === reading.accountKey && deps.sessions.listening(tabId);
    showAccount(deps, tabId, { reading: { ...reading, fields: visit.read }, fields: visit.known, changes: visit.changes, comparedWith: visit.comparedWith, draft, remembered: false });
    // Read while the sidebar frame loads what it will ask for first; a sidebar that has read this
    // account already reads again only if this visit added to its timeline.
    if (!readAlready || visit.newSnapshot) {
      const db = await deps.db();
      deps.primedReads.prime(reading.accountKey, (query) => timelinePage(db, query));
      if (readAlready) deps.sessions.push(tabId, { type: 'account.changed', accountKey: reading.accountKey });
    }
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
  async 'sidebar.frame'({ key }, sender, deps) {
    await deps.sidebarFrames.expect(requireTab(sender), key);
    return null;
  },
  async 'timeline.page'({ query }, _, deps) {
    return (await settled(deps.primedReads.takeTimeline(query))) ?? timelinePage(await deps.db(), query);
  },
  async 'account.overview'({ accountKey }, _, deps) {
    return accountOverview(await deps.db(), accountKey);
  },
  async 'entry.save'({ entry, baseRevision, newStakeholder, draftId }, _, deps) {
    const outcome = await saveEntry(await deps.db(), entry, baseRevision, deps.now(), newStakeholder, draftId === undefined ? undefined : { id: draftId });
    if (outcome.status === 'saved') {
      if (entry.store === 'interactions') void deps.crmOutbox.saved([entry.record.id]);
      await notifyAccounts(deps, [entry.record.accountKey]);
    }
    return outcome;
  },
  async 'entry.delete'({ store, id }, _, deps) {
    const deleted = await deleteEntry(await deps.db(), store, id);
    if (deleted?.store === 'interactions') await deps.crmOutbox.deleted(id);
    if (deleted) await notifyAccounts(deps, [deleted.record.accountKey]);
    return deleted;
  },
  async 'entry.restore'({ entry }, _, deps) {
    await restoreEntry(await deps.db(), entry);
    // An undone delete: a write dropped with it is queued again (an activity already written is found by its id).
    if (entry.store === 'interactions') void deps.crmOutbox.saved([entry.record.id]);
    await notifyAccounts(deps, [entry.record.accountKey]);
    return null;
  },
  async 'nextStep.complete'({ interactionId, stepId, baseRevision }, _, deps) {
    const outcome = await completeNextStep(await deps.db(), interactionId, stepId, baseRevision, deps.now());
    if (outcome.status === 'saved') void deps.crmOutbox.saved([interactionId]);
    await notifyAccounts(deps, [outcome.status === 'saved' ? outcome.entry.record.accountKey : outcome.current.record.accountKey]);
    return outcome;
  },
  async 'settings.get'(_, __, deps) {
    return getSettings(await deps.db());
  },
  async 'settings.save'({ settings }, _, deps) {
    // The form's copy of the CRM switches may be older than what a switch stored since.
    await updateSettings(await deps.db(), (stored) => ({ ...settings, crmInterfaces: stored.crmInterfaces, crmWrites: stored.crmWrites }));
    await deps.portfolio.accountsChanged('all');
    settingsChanged(deps);
    return null;
  },
  async 'crm.switch'({ script, on }, _, deps) {
    const { crmInterfaces } = await updateSettings(await deps.db(), (stored) => ({ ...stored, crmInterfaces: { ...stored.crmInterfaces, [script]: on } }));
    deps.crmInterfaces.set(crmInterfaces);
    await deps.crmTabs?.switched(script, on);
    return crmInterfaces;
  },
  async 'quickLog.save'({ accountKey, form, saveId, draftId }, _, deps) {
    const touch = await saveLoggedTouch(await deps.db(), recordsFromQuickLog(form, accountKey, deps.now(), idsOfSave(saveId)), draftId);
    void deps.crmOutbox.saved([touch.interaction.id]);
    // The save dropped the account's portfolio row itself: the answer waits for no second write.
    deps.portfolio.rowsDropped([accountKey]);
    afterAnswer(() => pushChanged(deps, accountKey));
    return touch;
  },
  async 'draft.save'({ draft }, sender, deps) {
    // Not awaited: a later question of who holds what reads it after this change.
    if (sender.kind === 'sidebar') void deps.draftHolders.hold(sender.tabId, draft.id);
    await saveDraft(await deps.db(), draft);
    return null;
  },
  async 'draft.clear'({ accountKey, draftId }, _, deps) {
    await clearDraft(await deps.db(), accountKey, draftId);
    return null;
  },
  async 'entryDraft.save'({ draft }, sender, deps) {
    // Not awaited, as for the quick log's drafts: a later question of who holds what reads it after this change.
    if (sender.kind === 'sidebar') void deps.draftHolders.hold(sender.tabId, draft.id);
    await saveEntryDraft(await deps.db(), draft);
    return null;
  },
  async 'entryDraft.clear'({ accountKey, draftId }, _, deps) {
    await clearEntryDraft(await deps.db(), accountKey, draftId);
    return null;
  },
  async 'entryDraft.list'({ accountKey }, sender, deps) {
    const held = await deps.draftHolders.heldElsewhere(sender.kind === 'sidebar' ? sender.tabId : undefined);
    return freeEntryDrafts(await deps.db(), accountKey, held);
  },
  async 'backup.export'(_, __, deps) {
    return exportBackup(await deps.db(), deps.now());
  },
  async 'backup.import'({ text }, _, deps) {
    const before = await deps.crmInterfaces.current();
    const counts = await restoreBackup(await deps.db(), parseBackup(text));
    // The restored settings may turn CRM interfaces on or off: their open tabs follow, as after a switch.
    deps.crmInterfaces.forget();
    // Restored taught sites apply to their open tabs.
    const sitesBefore = new Set((await deps.sites.current()).map((d) => d.host));
    deps.sites.forget();
    for (const d of await deps.sites.current()) sitesBefore.add(d.host);
    for (const host of sitesBefore) await deps.siteTabs?.changed(host);
    const after = await deps.crmInterfaces.current();
    for (const script of CRM_SCRIPT_IDS) if (before[script] !== after[script]) await deps.crmTabs?.switched(script, after[script]);
    await deps.portfolio.accountsChanged('all');
    // The restored settings, and records of any account: every open sidebar reads both again.
    settingsChanged(deps);
    for (const tabId of deps.sessions.allTabs()) {
      const accountKey = deps.sessions.view(tabId)?.reading.accountKey;
      if (accountKey) deps.sessions.push(tabId, { type: 'account.changed', accountKey });
    }
    return counts;
  },
  async 'handover.export'({ accountKeys, includeInternal }, _, deps) {
    return exportHandover(await deps.db(), accountKeys, includeInternal, deps.now(), deps.newId);
  },
  async 'handover.import'({ text }, _, deps) {
    // Parsed whole before anything is written: a bad file changes nothing.
    const handover = parseHandover(text);
    const result = await importHandover(await deps.db(), handover, deps.now());
    await notifyAccounts(deps, handover.accounts.map((section) => section.account.key));
    return result;
  },
  async 'handover.resolve'({ id, action }, _, deps) {
    const db = await deps.db();
    const version = HandoverVersion.safeParse(await db.get('handovers', id));
    await notifyAccounts(deps, [await resolveVersion(db, id, action, deps.now())]);
    // The sender's version taken for a touch already written from here: its activity follows.
    const entry = action === 'take' && version.success ? version.data.entry : null;
    if (entry?.store === 'interactions' && (await db.get('crmWrites', entry.record.id)) !== undefined) void deps.crmOutbox.saved([entry.record.id]);
    return null;
  },
  async 'account.brief'({ accountKey, range }, _, deps) {
    const db = await deps.db();
    const [record, settings] = await Promise.all([readAccountRecord(db, accountKey), getSettings(db)]);
    if (!record) return null;
    const health = await healthOfRecord(db, record, settings.healthWeights, deps.now(), { keepHistory: false });
    return { record: range ? interactionsForBrief(record, range) : record, health };
  },
  async 'account.health'({ accountKey }, _, deps) {
    const db = await deps.db();
    return accountHealth(db, accountKey, (await getSettings(db)).healthWeights, deps.now());
  },
  async 'portfolio.rows'(_, __, deps) {
    // Rows being recomputed after a change are waited for, not computed a second time alongside.
    await deps.portfolio.flush();
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
  async 'usage.imported'({ accountKeys }, _, deps) {
    // The import's own transaction dropped these accounts' kept portfolio rows: only the recompute
    // and the sidebars showing them are left.
    afterAnswer(() => {
      for (const accountKey of accountKeys) pushChanged(deps, accountKey);
    });
    deps.portfolio.rowsDropped(accountKeys);
    return null;
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
  async 'site.forPage'(_, sender, deps) {
    const host = sender.kind === 'content-script' ? hostOf(sender.origin + '/') : null;
    return host === null ? [] : (await deps.sites.current()).filter((d) => d.host === host);
  },
  async 'site.list'(_, __, deps) {
    return siteDefinitions(await deps.db());
  },
  async 'site.save'({ definition }, _, deps) {
    deps.sites.set(await saveSiteDefinition(await deps.db(), definition));
    await deps.siteTabs?.changed(definition.host);
    return null;
  },
  async 'site.remove'({ id }, _, deps) {
    const { removed, left } = await removeSiteDefinition(await deps.db(), id);
    deps.sites.set(left);
    if (removed) await deps.siteTabs?.changed(removed.host);
    return null;
  },
  async 'site.teach'({ tabId }, sender, deps) {
    const tab = sender.kind === 'sidebar' ? sender.tabId : tabId;
    if (tab === undefined) throw new AppError('not-allowed', 'no tab to teach');
    await deps.siteTabs?.teach(tab);
    return null;
  },
  async 'crmWrite.switch'({ crm, on }, _, deps) {
    const { crmWrites } = await updateSettings(await deps.db(), (stored) => ({ ...stored, crmWrites: { ...stored.crmWrites, [crm]: on } }));
    settingsChanged(deps);
    return crmWrites;
  },
  async 'crmWrite.statuses'({ accountKey }, _, deps) {
    return writeStatuses(await deps.db(), accountKey);
  },
  async 'crmWrite.retry'({ interactionId }, _, deps) {
    await deps.crmOutbox.retry(interactionId);
    return null;
  },
  async 'crmWrite.retryAll'(_, __, deps) {
    await deps.crmOutbox.retry();
    return null;
  },
  async 'crmWrite.summary'(_, __, deps) {
    const db = await deps.db();
    return { counts: await writeCounts(db), hasHubspotToken: Boolean((await readSetting(db, 'crm-tokens'))?.hubspot) };
  },
  async 'crmWrite.token'({ token }, _, deps) {
    const db = await deps.db();
    await writeSetting(db, 'crm-tokens', { ...((await readSetting(db, 'crm-tokens')) ?? { hubspot: '' }), hubspot: token });
    // Touches waiting for a token go now.
    if (token) await deps.crmOutbox.retry();
    return null;
  },
  async 'teamTouches.read'({ accountKey }, _, deps) {
    const db = await deps.db();
    const raw: unknown = await db.get('accounts', accountKey);
    if (raw === undefined) throw new AppError('account-unknown', accountKey);
    const target = crmTargetOf(parseStored(Account, raw, `account ${accountKey}`));
    const writer = target && deps.crmWriters?.[target.crm];
    if (!target || !writer) throw new CrmWriteError('crm-permission', accountKey.split(':', 1)[0] ?? accountKey);
    const [recent, own] = await Promise.all([writer.recent(target, 20), ownActivityIds(db, accountKey)]);
    // The CSM's own touches are in their timeline already: only the others' are shown.
    const touches = recent.filter((touch) => !own.has(touch.id)).map(({ ref: _ref, ...touch }) => touch);
    return { touches, readAt: deps.now().toISOString() };
  },
  async 'usage.link'({ sourceAccountKey, accountKey }, _, deps) {
    await setUsageLink(await deps.db(), sourceAccountKey, accountKey, deps.now());
    if (accountKey) await notifyAccounts(deps, [accountKey]);
    return null;
  },
};

const VIEW_WAIT_MS = 10_000;
const VIEW_POLL_MS = 50;

function notAllowed(type: RequestType, sender: RequestSender, why = ''): AppError {
  return new AppError('not-allowed', `${type} may not be sent by ${describeSender(sender)}${why}`);
}

function isRequestType(type: unknown): type is RequestType {
  return typeof type === 'string' && Object.hasOwn(REQUEST_POLICY, type);
}

/**
 * The tab's account is not known after the worker restarted, until the sidebar has reconnected and
 * its content script has read the record again (milliseconds): wait for that rather than refuse.
 */
async function tabViewKnown(deps: BackgroundDeps, tabId: number): Promise<void> {
  const deadline = Date.now() + (deps.tabViewWaitMs ?? VIEW_WAIT_MS);
  while (deps.sessions.view(tabId) === undefined && Date.now() < deadline) await new Promise((done) => setTimeout(done, VIEW_POLL_MS));
}

/** Whose account each stored record named by id is (undefined: none stored under that id). */
async function storedAccounts(deps: BackgroundDeps, scope: Extract<AccountScope, { kind: 'accounts' }>): Promise<unknown[]> {
  if (scope.stored.length === 0) return [];
  const db = await deps.db();
  return Promise.all(
    scope.stored.map(async ({ store, id }) => {
      const stored: unknown = await db.get(store, id);
      return stored === undefined ? undefined : (stored as { accountKey?: unknown }).accountKey ?? null;
    }),
  );
}

/** Has the tab shown this account (its view now, or earlier in its page: TabAccounts)? */
async function tabHasShown(deps: BackgroundDeps, tabId: number, key: unknown): Promise<boolean> {
  return typeof key === 'string' && (deps.sessions.view(tabId)?.reading.accountKey === key || (await deps.tabAccounts.has(tabId, key)));
}

/** A sidebar names only the accounts its own tab has shown (see TabAccounts); stored records named by id must be theirs too. */
async function sidebarMayReach(deps: BackgroundDeps, tabId: number, scope: Extract<AccountScope, { kind: 'accounts' }>): Promise<boolean> {
  const stored = await storedAccounts(deps, scope);
  const keys = [...scope.accountKeys, ...stored.filter((key) => key !== undefined)];
  const allShown = async () => (await Promise.all(keys.map((key) => tabHasShown(deps, tabId, key)))).every(Boolean);
  if (await allShown()) return true;
  if (deps.sessions.view(tabId) !== undefined) return false;
  await tabViewKnown(deps, tabId);
  return allShown();
}

/**
 * Throws `not-allowed` unless the sender may send this request (lib/background/sender-policy.ts):
 * the kind of sender must be in the policy table; a content script's reading must be of its own
 * page's origin; a sidebar may name only its tab's accounts.
 */
async function checkSender(request: Request, sender: RequestSender, deps: BackgroundDeps): Promise<void> {
  if (!kindMaySend(sender.kind, request.type)) throw notAllowed(request.type, sender);
  const scope = accountScope(request);
  switch (sender.kind) {
    case 'extension-page':
      return;
    case 'content-script': {
      if (scope.kind !== 'tab') throw notAllowed(request.type, sender);
      if (scope.pageUrl !== undefined && !sameOrigin(scope.pageUrl, sender.origin)) throw notAllowed(request.type, sender, ' for a page of another site');
      return;
    }
    case 'sidebar': {
      // A `sidebar.html` frame the page made itself is not served at all.
      if (!(await deps.sidebarFrames.isSidebar(sender.tabId, sender.frameId))) throw notAllowed(request.type, sender, ' from a frame the extension did not make');
      if (scope.kind === 'none') return;
      if (scope.kind !== 'accounts') throw notAllowed(request.type, sender);
      if (!(await sidebarMayReach(deps, sender.tabId, scope))) throw notAllowed(request.type, sender, ' for an account its tab does not show');
      return;
    }
    case 'unknown':
      throw notAllowed(request.type, sender);
  }
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    const parsed = new URL(url);
    return originOf(parsed) === origin;
  } catch {
    return false;
  }
}

/**
 * Validates any incoming message, checks that its sender may send it, and answers with data or a
 * clear error; never throws. `sender` is what lib/background/sender-policy.ts made of the
 * browser's `runtime.MessageSender`.
 */
export async function handleRequest(message: unknown, sender: RequestSender, deps: BackgroundDeps): Promise<Reply> {
  // A sender that may not send this type at all is refused before its content is read (a content
  // script's 200 MB "backup" is never parsed).
  const type: unknown = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  if (isRequestType(type) && !kindMaySend(sender.kind, type)) return { ok: false, error: notAllowed(type, sender).toData() };
  const parsed = Request.safeParse(message);
  // A known request whose content breaks a rule (a note too long) is answered in the user's words
  // (`invalid-content`); only an unknown type or shape is a protocol mismatch (`invalid-message`).
  if (!parsed.success) return { ok: false, error: toErrorData(parsed.error, message) };
  try {
    await checkSender(parsed.data, sender, deps);
    const handler = handlers[parsed.data.type] as (request: Request, sender: RequestSender, deps: BackgroundDeps) => Promise<unknown>;
    const writes = !LEAVES_PRIMED_READS.has(parsed.data.type);
    if (writes) deps.primedReads.invalidate();
    try {
      return { ok: true, data: await handler(parsed.data, sender, deps) };
    } finally {
      if (writes) deps.primedReads.invalidate();
    }
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}
