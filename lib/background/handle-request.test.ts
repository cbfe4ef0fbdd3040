import { AppError } from '../errors';
import type { Interaction } from '../model/interaction';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handleRequest } from './handle-request';
import { createBackgroundDeps, type BackgroundDeps } from './deps';
import { TabSessions, type SidebarPort } from './tab-sessions';
import { openAdoptionDb } from '../db/open';
import type { SidebarPush } from '../messaging/sidebar-push';
import { ACCOUNT_KEY, quickLogForm, reading, sequentialIds, uniqueDbName } from '@/tests/unit/factories';
import { CHROME_SELF, contentScript, madeSidebars, optionsPage, rawSenders, sidebarOf } from '@/tests/unit/senders';
import { sampleRequests } from '@/tests/unit/sample-requests';
import { classifySender, kindMaySend, REQUEST_TYPES, type RequestSender } from './sender-policy';
import { BACKUP_TEXT_MAX, type Reply, type RequestType } from '../messaging/protocol';
import { firstTimelinePage } from './primed-reads';
import { memoryStore } from './kept-state';
import { TabAccounts } from './tab-accounts';
import { KeptTabLists } from './kept-tab-lists';

function recordingPort() {
  const pushes: SidebarPush[] = [];
  const port: SidebarPort = { postMessage: (m) => pushes.push(m) };
  return { port, pushes };
}

describe('handleRequest', () => {
  let deps: BackgroundDeps;
  beforeEach(async () => {
    const db = await openAdoptionDb(uniqueDbName());
    deps = createBackgroundDeps({ db: async () => db, sessions: new TabSessions(), now: () => new Date('2026-11-25T10:00:00Z'), newId: sequentialIds });
    await madeSidebars(deps.sidebarFrames, 1, 2);
  });

  it('refuses malformed messages with a clear error, never throwing', async () => {
    for (const message of [undefined, null, 42, 'hello', {}, { type: 'nope' }, { type: 'quickLog.save', accountKey: 'x', form: {} }]) {
      const reply = await handleRequest(message, optionsPage, deps);
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    }
    const reply = await handleRequest({ type: 'quickLog.save', accountKey: ACCOUNT_KEY, form: quickLogForm({ occurredAt: 'last tuesday' }), saveId: crypto.randomUUID() }, optionsPage, deps);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message', detail: expect.stringContaining('form.occurredAt') } });
  });

  it('refuses tab requests that come from no content script', async () => {
    expect(await handleRequest({ type: 'record.visited', reading: reading() }, optionsPage, deps)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });

  it('pushes the record view to the sidebar of the tab that read it', async () => {
    const { port, pushes } = recordingPort();
    deps.sessions.attach(7, port);
    expect(await handleRequest({ type: 'record.visited', reading: reading() }, contentScript(7), deps)).toEqual({ ok: true, data: null });
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({ type: 'view', view: { reading: { name: 'Globex Corporation' }, comparedWith: null, draft: null } });
    await handleRequest({ type: 'record.left' }, contentScript(7), deps);
    expect(pushes[1]).toEqual({ type: 'view', view: null });
  });

  it('shows an account seen before at once, as stored, until the page’s reading replaces it', async () => {
    const { port, pushes } = recordingPort();
    deps.sessions.attach(1, port);
    const { accountKey, crm, recordId, url } = reading();
    const expected = { type: 'record.expected', account: { accountKey, crm, recordId, url } } as const;
    // Never seen: nothing to show before the reading.
    expect(await handleRequest(expected, contentScript(1), deps)).toEqual({ ok: true, data: null });
    expect(pushes).toEqual([]);
    await handleRequest({ type: 'record.visited', reading: reading() }, contentScript(1), deps);
    await handleRequest({ type: 'page.opened' }, contentScript(1), deps);

    await handleRequest(expected, contentScript(1), deps);
    expect(pushes.at(-1)).toMatchObject({ type: 'view', view: { remembered: true, reading: { accountKey, name: 'Globex Corporation', fields: [] }, changes: [] } });
    // Each field as last read, none on the page yet.
    expect(pushes.at(-1)).toMatchObject({ view: { fields: [{ key: 'Name', value: 'Globex Corporation', onPage: false }, { key: 'Industry', value: 'Manufacturing', onPage: false }] } });
    // The remembered account is the sidebar's to read.
    expect(await handleRequest({ type: 'account.overview', accountKey }, sidebarOf(1), deps)).toMatchObject({ ok: true });
    await handleRequest({ type: 'record.visited', reading: reading({ visitId: 'v2' }) }, contentScript(1), deps);
    expect(pushes.at(-1)).toMatchObject({ type: 'view', view: { remembered: false, reading: { name: 'Globex Corporation' } } });
    // The page's reading is shown: asking again (a click within the record) changes nothing.
    const count = pushes.length;
    await handleRequest(expected, contentScript(1), deps);
    expect(pushes).toHaveLength(count);
  });

  it('has the sidebar read the timeline again when the reading after a remembered view added a snapshot to it', async () => {
    const { port, pushes } = recordingPort();
    deps.sessions.attach(7, port);
    const { accountKey, crm, recordId, url } = reading();
    await handleRequest({ type: 'record.visited', reading: reading() }, contentScript(7), deps);
    await handleRequest({ type: 'page.opened' }, contentScript(7), deps);
    await handleRequest({ type: 'record.expected', account: { accountKey, crm, recordId, url } }, contentScript(7), deps);
    const changed = reading({ visitId: 'v2', fields: reading().fields.map((f) => (f.key === 'Industry' ? { ...f, value: 'Retail' } : f)) });
    await handleRequest({ type: 'record.visited', reading: changed }, contentScript(7), deps);
    expect(pushes.slice(-2)).toMatchObject([{ type: 'view', view: { remembered: false, changes: [{ key: 'Industry' }] } }, { type: 'account.changed', accountKey }]);
  });

  it('primes the first timeline page as soon as a remembered account is shown, before the page has rendered its record', async () => {
    const { accountKey, crm, recordId, url } = reading();
    await handleRequest({ type: 'quickLog.save', accountKey, form: quickLogForm({ notes: 'primed note' }), saveId: crypto.randomUUID() }, optionsPage, deps);
    await handleRequest({ type: 'record.visited', reading: reading() }, contentScript(7), deps);
    await handleRequest({ type: 'page.opened' }, contentScript(7), deps);
    // Nothing primed is left over from the visit: the next page's first read would be its own.
    deps.primedReads.invalidate();
    await handleRequest({ type: 'record.expected', account: { accountKey, crm, recordId, url } }, contentScript(7), deps);
    const primed = await deps.primedReads.takeTimeline(firstTimelinePage(accountKey));
    expect(primed?.entries.some((e) => e.kind === 'interaction' && e.interaction.notes === 'primed note')).toBe(true);
  });

  it('primes the first timeline page for a sidebar that connects only after the remembered view was replaced', async () => {
    const { accountKey, crm, recordId, url } = reading();
    await handleRequest({ type: 'record.visited', reading: reading() }, contentScript(7), deps);
    await handleRequest({ type: 'page.opened' }, contentScript(7), deps);
    await handleRequest({ type: 'record.expected', account: { accountKey, crm, recordId, url } }, contentScript(7), deps);
    await handleRequest({ type: 'record.visited', reading: reading({ visitId: 'v2' }) }, contentScript(7), deps);
    expect(deps.primedReads.takeTimeline(firstTimelinePage(accountKey))).toBeDefined();
  });

  it('on an account never seen before, the sidebar waits for the reading, showing nothing of the one before; a record that does not render is said to be missing', async () => {
    const { port, pushes } = recordingPort();
    deps.sessions.attach(7, port);
    await handleRequest({ type: 'record.visited', reading: reading() }, contentScript(7), deps);
    const recordId = '001Dn00000ZZZZZAA1';
    const account = { accountKey: `salesforce:acme:${recordId}`, crm: 'salesforce', recordId, url: `https://acme.lightning.force.com/lightning/r/Account/${recordId}/view` } as const;
    await handleRequest({ type: 'record.expected', account }, contentScript(7), deps);
    expect(pushes.at(-1)).toEqual({ type: 'reading' });
    expect(deps.sessions.view(7)).toBeUndefined();
    // Asked again (the record still not rendered): nothing more to say.
    await handleRequest({ type: 'record.expected', account }, contentScript(7), deps);
    expect(pushes.filter((p) => p.type === 'reading')).toHaveLength(1);
    await handleRequest({ type: 'record.missing', account }, contentScript(7), deps);
    expect(pushes.at(-1)).toEqual({ type: 'error', error: { code: 'record-not-shown', detail: account.accountKey } });
    // Read once it renders after all.
    await handleRequest({ type: 'record.visited', reading: reading({ ...account, name: 'Wayne Enterprises', visitId: 'w1' }) }, contentScript(7), deps);
    expect(pushes.at(-1)).toMatchObject({ type: 'view', view: { reading: { name: 'Wayne Enterprises' } } });
    // Missing once the page's reading of it is shown (a late message): nothing is said.
    const count = pushes.length;
    await handleRequest({ type: 'record.missing', account }, contentScript(7), deps);
    expect(pushes).toHaveLength(count);
  });

  it('drops a remembered view whose read began before the page’s reading or leaving', async () => {
    const { port, pushes } = recordingPort();
    deps.sessions.attach(7, port);
    const { accountKey, crm, recordId, url } = reading();
    await handleRequest({ type: 'record.visited', reading: reading() }, contentScript(7), deps);
    await handleRequest({ type: 'page.opened' }, contentScript(7), deps);
    const late = handleRequest({ type: 'record.expected', account: { accountKey, crm, recordId, url } }, contentScript(7), deps);
    await handleRequest({ type: 'record.left' }, contentScript(7), deps);
    await late;
    expect(pushes.at(-1)).toEqual({ type: 'view', view: null });
  });

  it('tells the tab’s sidebar why a record it read cannot be shown, instead of leaving it waiting', async () => {
    const { port, pushes } = recordingPort();
    const blocked = createBackgroundDeps({ ...deps, db: () => Promise.reject(new AppError('store-blocked', 'older connection open')) });
    blocked.sessions.attach(7, port);
    expect(await handleRequest({ type: 'record.visited', reading: reading() }, contentScript(7), blocked)).toMatchObject({ ok: false, error: { code: 'store-blocked' } });
    expect(pushes).toEqual([{ type: 'error', error: { code: 'store-blocked', detail: 'older connection open' } }]);
    expect(blocked.sessions.tabsWaiting()).toEqual([7]);
  });

  it('tells the sidebars of the accounts a stored usage import changed, and recomputes their rows', async () => {
    const { port, pushes } = recordingPort();
    deps.sessions.attach(1, port);
    await handleRequest({ type: 'record.visited', reading: reading() }, contentScript(1), deps);
    await new Promise((resolve) => setTimeout(resolve, 0));
    pushes.splice(0);
    const dropped = vi.spyOn(deps.portfolio, 'rowsDropped');
    const other = 'salesforce:acme:001Dn00000OTHERAAA';
    expect(await handleRequest({ type: 'usage.imported', accountKeys: [ACCOUNT_KEY, other] }, optionsPage, deps)).toEqual({ ok: true, data: null });
    expect(dropped).toHaveBeenCalledWith([ACCOUNT_KEY, other]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pushes.filter((p) => p.type === 'account.changed')).toEqual([{ type: 'account.changed', accountKey: ACCOUNT_KEY }]);
    // Only extension pages may say so, with account keys.
    expect(await handleRequest({ type: 'usage.imported', accountKeys: [ACCOUNT_KEY] }, contentScript(1), deps)).toMatchObject({ ok: false });
    expect(await handleRequest({ type: 'usage.imported', accountKeys: ['not a key'] }, optionsPage, deps)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('saves an interaction, clears the draft and tells every tab on the account', async () => {
    const a = recordingPort();
    const b = recordingPort();
    deps.sessions.attach(1, a.port);
    deps.sessions.attach(2, b.port);
    await handleRequest({ type: 'record.visited', reading: reading() }, contentScript(1), deps);
    await handleRequest({ type: 'record.visited', reading: reading({ visitId: 'v2' }) }, contentScript(2), deps);
    await handleRequest({ type: 'draft.save', draft: { id: 'form-1', accountKey: ACCOUNT_KEY, form: quickLogForm({ notes: 'half a sent' }), updatedAt: '2026-11-25T09:59:00.000Z' } }, sidebarOf(1), deps);
    await handleRequest({ type: 'draft.save', draft: { id: 'form-2', accountKey: ACCOUNT_KEY, form: quickLogForm({ notes: 'typed in the other tab' }), updatedAt: '2026-11-25T09:59:30.000Z' } }, sidebarOf(2), deps);

    const saved = await handleRequest({ type: 'quickLog.save', accountKey: ACCOUNT_KEY, form: quickLogForm({ occurredAt: '2026-11-20T19:00:00+09:00' }), saveId: crypto.randomUUID(), draftId: 'form-1' }, sidebarOf(1), deps);
    expect(saved).toMatchObject({ ok: true, data: { interaction: { notes: 'Kickoff went well', occurredAt: '2026-11-20T10:00:00.000Z' } } });
    // Told after the answer, so the sidebar that saved shows its save before it reloads.
    expect(a.pushes.at(-1)).not.toEqual({ type: 'account.changed', accountKey: ACCOUNT_KEY });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(a.pushes.at(-1)).toEqual({ type: 'account.changed', accountKey: ACCOUNT_KEY });
    expect(b.pushes.at(-1)).toEqual({ type: 'account.changed', accountKey: ACCOUNT_KEY });

    const list = await handleRequest({ type: 'timeline.page', query: { accountKey: ACCOUNT_KEY, kinds: ['interaction'], before: null, limit: 10 } }, sidebarOf(2), deps);
    expect(list).toMatchObject({ ok: true, data: { entries: [{ kind: 'interaction', interaction: { notes: 'Kickoff went well' } }], damaged: 0 } });
    // Tab 1's draft went with the save; tab 2's stays, and is what tab 1 continues only once tab 2's page is gone.
    expect(await (await deps.db()).get('drafts', 'form-1')).toBeUndefined();
    expect((await (await deps.db()).get('drafts', 'form-2'))?.form.notes).toBe('typed in the other tab');
    await handleRequest({ type: 'record.visited', reading: reading({ visitId: 'v3' }) }, contentScript(1), deps);
    expect(a.pushes.at(-1)).toMatchObject({ type: 'view', view: { draft: null } });
    await handleRequest({ type: 'page.opened' }, contentScript(2), deps);
    await handleRequest({ type: 'record.visited', reading: reading({ visitId: 'v4' }) }, contentScript(1), deps);
    expect(a.pushes.at(-1)).toMatchObject({ type: 'view', view: { draft: { id: 'form-2', form: { notes: 'typed in the other tab' } } } });
  });

  it('offers an unsaved edit of an entry to the tabs that are not writing it, and deletes it with the save', async () => {
    for (const tabId of [1, 2]) {
      deps.sessions.attach(tabId, recordingPort().port);
      await handleRequest({ type: 'record.visited', reading: reading({ visitId: `v-${tabId}` }) }, contentScript(tabId), deps);
    }
    const saved = await handleRequest({ type: 'quickLog.save', accountKey: ACCOUNT_KEY, form: quickLogForm({ notes: 'As saved' }), saveId: crypto.randomUUID() }, sidebarOf(1), deps);
    if (!saved.ok) throw new Error('not saved');
    const { interaction } = saved.data as { interaction: Interaction };
    const draft = { id: 'editor-1', accountKey: ACCOUNT_KEY, baseRevision: interaction.revision, edit: { store: 'interactions' as const, record: { ...interaction, notes: 'As saved, and edited' } }, updatedAt: '2026-11-25T10:00:00.000Z', version: { writer: 'w', seq: 1 } };
    expect(await handleRequest({ type: 'entryDraft.save', draft }, sidebarOf(1), deps)).toEqual({ ok: true, data: null });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const listed = async (tabId: number) => {
      const reply = await handleRequest({ type: 'entryDraft.list', accountKey: ACCOUNT_KEY }, sidebarOf(tabId), deps);
      return reply.ok ? (reply.data as { id: string }[]).map((d) => d.id) : reply;
    };
    // Tab 1 writes it: tab 2 is not offered it while tab 1's sidebar listens; tab 1 is (after a reload of its sidebar).
    expect(await listed(2)).toEqual([]);
    expect(await listed(1)).toEqual(['editor-1']);
    // Another account's draft is refused from this sidebar.
    const foreign = { ...draft, id: 'editor-x', accountKey: OTHER_KEY, edit: { ...draft.edit, record: { ...draft.edit.record, accountKey: OTHER_KEY } } };
    expect(await handleRequest({ type: 'entryDraft.save', draft: foreign }, sidebarOf(1), deps)).toMatchObject(notAllowed);
    // Saved with its draft id: the edit is stored and its draft is gone.
    const entry = { store: 'interactions' as const, record: draft.edit.record };
    expect(await handleRequest({ type: 'entry.save', entry, baseRevision: interaction.revision, draftId: 'editor-1' }, sidebarOf(1), deps)).toMatchObject({ ok: true, data: { status: 'saved' } });
    expect(await listed(1)).toEqual([]);
  });

  it('after a worker restart, a tab opening the account does not take over the draft another open tab writes', async () => {
    // Chrome stops an idle worker after 30 s; the open sidebars reconnect to the new one at once.
    // Tab 2 is still open on the account; tab 3's page went to another site (its script is gone).
    await madeSidebars(deps.sidebarFrames, 3);
    const held = memoryStore();
    const before = createBackgroundDeps({ db: deps.db, sessions: new TabSessions(), sidebarFrames: deps.sidebarFrames, draftHolds: new KeptTabLists(held), now: deps.now, newId: sequentialIds });
    for (const [tabId, updatedAt] of [[2, '2026-11-25T09:59:30.000Z'], [3, '2026-11-25T09:59:00.000Z']] as const) {
      before.sessions.attach(tabId, recordingPort().port);
      await handleRequest({ type: 'record.visited', reading: reading({ visitId: `v-${tabId}` }) }, contentScript(tabId), before);
      await handleRequest({ type: 'draft.save', draft: { id: `form-${tabId}`, accountKey: ACCOUNT_KEY, form: quickLogForm({ notes: `typed in tab ${tabId}` }), updatedAt } }, sidebarOf(tabId), before);
    }
    await new Promise((resolve) => setTimeout(resolve, 0));

    const restarted = createBackgroundDeps({ db: deps.db, sessions: new TabSessions(), sidebarFrames: deps.sidebarFrames, draftHolds: new KeptTabLists(held), sidebarScriptAnswers: async (tabId) => tabId === 2, now: deps.now, newId: sequentialIds });
    const opened = recordingPort();
    restarted.sessions.attach(1, opened.port);
    // Before tab 2's sidebar has reconnected, and after: tab 2's draft stays its own; tab 3's is free.
    await handleRequest({ type: 'record.visited', reading: reading({ visitId: 'v2' }) }, contentScript(1), restarted);
    expect(opened.pushes.at(-1)).toMatchObject({ type: 'view', view: { draft: { id: 'form-3' } } });
    const tab2 = recordingPort().port;
    restarted.sessions.attach(2, tab2);
    await handleRequest({ type: 'record.visited', reading: reading({ visitId: 'v2b' }) }, contentScript(1), restarted);
    expect(opened.pushes.at(-1)).toMatchObject({ type: 'view', view: { draft: { id: 'form-3' } } });
    // Tab 2's page gone (crashed: its sidebar no longer listens): its draft, the newest, is found again.
    restarted.sessions.detach(2, tab2);
    await handleRequest({ type: 'record.visited', reading: reading({ visitId: 'v3' }) }, contentScript(1), restarted);
    expect(opened.pushes.at(-1)).toMatchObject({ type: 'view', view: { draft: { id: 'form-2', form: { notes: 'typed in tab 2' } } } });
  });

  it('lists the timeline newest first and counts damaged records instead of failing', async () => {
    await handleRequest({ type: 'quickLog.save', accountKey: ACCOUNT_KEY, form: quickLogForm({ occurredAt: '2026-11-01T00:00:00Z', notes: 'older' }), saveId: crypto.randomUUID() }, optionsPage, deps);
    await handleRequest({ type: 'quickLog.save', accountKey: ACCOUNT_KEY, form: quickLogForm({ occurredAt: '2026-11-10T00:00:00Z', notes: 'newer' }), saveId: crypto.randomUUID() }, optionsPage, deps);
    await (await deps.db()).put('interactions', { id: 'broken', accountKey: ACCOUNT_KEY, occurredAt: '2026-11-05T00:00:00.000Z', type: 'telegram' } as never);
    const reply = await handleRequest({ type: 'timeline.page', query: { accountKey: ACCOUNT_KEY, kinds: ['interaction'], before: null, limit: 10 } }, optionsPage, deps);
    expect(reply.ok && reply.data).toMatchObject({ entries: [{ interaction: { notes: 'newer' } }, { interaction: { notes: 'older' } }], damaged: 1 });
  });
});

const OTHER_KEY = 'salesforce:acme:001Dn00000ZZZZZAA9';
const unknownSender: RequestSender = classifySender({ ...rawSenders().sidebar(1), frameId: 0 }, CHROME_SELF);
const notAllowed = { ok: false, error: { code: 'not-allowed' } };

describe('handleRequest and who sent it', () => {
  let deps: BackgroundDeps;
  const send = (message: unknown, sender: RequestSender): Promise<Reply> => handleRequest(message, sender, deps);
  const interactionsOf = async (accountKey: string) => (await (await deps.db()).getAll('interactions')).filter((i) => i.accountKey === accountKey).length;
  const allInteractions = async () => (await (await deps.db()).getAll('interactions')).length;

  beforeEach(async () => {
    const db = await openAdoptionDb(uniqueDbName());
    deps = createBackgroundDeps({ db: async () => db, sessions: new TabSessions(), now: () => new Date('2026-11-25T10:00:00Z'), newId: sequentialIds, tabViewWaitMs: 200 });
    await madeSidebars(deps.sidebarFrames, 1, 2);
    // Tab 1 shows ACCOUNT_KEY; something is stored for another account too.
    expect(await send({ type: 'record.visited', reading: reading() }, contentScript(1))).toEqual({ ok: true, data: null });
    expect(await send({ type: 'quickLog.save', accountKey: OTHER_KEY, form: quickLogForm({ notes: 'the other account' }), saveId: crypto.randomUUID() }, optionsPage)).toMatchObject({ ok: true });
  });

  // Every request type × every kind of sender: refused exactly when the policy says so, and then never run.
  for (const type of REQUEST_TYPES) {
    for (const [kind, sender] of [
      ['content-script', contentScript(1)],
      ['sidebar', sidebarOf(1)],
      ['extension-page', optionsPage],
      ['unknown', unknownSender],
    ] as const) {
      it(`${type} from ${kind}`, async () => {
        const before = await allInteractions();
        const reply = await send(sampleRequests(ACCOUNT_KEY)[type as RequestType], sender);
        // The sample definition is for another host than the content script's page: refused for that.
        if (kindMaySend(kind, type) && !(type === 'site.save' && kind === 'content-script')) {
          if (!reply.ok) expect(reply.error.code).not.toBe('not-allowed');
        } else {
          expect(reply).toMatchObject(notAllowed);
          expect(await allInteractions()).toBe(before);
        }
      });
    }
  }

  it('refuses a content script asking for a backup, another account, its own account’s data, or a usage source', async () => {
    const cs = contentScript(1);
    const samples = sampleRequests(OTHER_KEY);
    expect(await send(samples['backup.export'], cs)).toMatchObject({ ok: false, error: { code: 'not-allowed', detail: 'backup.export may not be sent by the page’s content script' } });
    expect(await send(samples['timeline.page'], cs)).toMatchObject(notAllowed);
    expect(await send(sampleRequests(ACCOUNT_KEY)['timeline.page'], cs)).toMatchObject(notAllowed);
    expect(await send(samples['account.brief'], cs)).toMatchObject(notAllowed);
    expect(await send(samples['portfolio.rows'], cs)).toMatchObject(notAllowed);
    expect(await send(samples['usageSource.save'], cs)).toMatchObject(notAllowed);
    expect(await send(samples['quickLog.save'], cs)).toMatchObject(notAllowed);
    expect(await send(samples['backup.import'], cs)).toMatchObject(notAllowed);
    // Nothing ran: no usage source stored, nothing logged.
    expect(await send({ type: 'usageSource.get' }, optionsPage)).toMatchObject({ ok: true, data: { config: null, hasToken: false } });
    expect(await interactionsOf(OTHER_KEY)).toBe(1);
    expect(await interactionsOf(ACCOUNT_KEY)).toBe(0);
  });

  it('refuses what a sender may not send before reading its content', async () => {
    const huge = { type: 'backup.import', text: 'x'.repeat(BACKUP_TEXT_MAX + 1) };
    expect(await send(huge, contentScript(1))).toMatchObject(notAllowed);
    // From the options page it is read (and found too big).
    expect(await send(huge, optionsPage)).toMatchObject({ ok: false, error: { code: 'invalid-content' } });
  });

  it('takes a content script’s reading only of its own page’s site', async () => {
    const elsewhere = reading({ accountKey: OTHER_KEY, url: 'https://evil.example.com/lightning/r/Account/001Dn00000ZZZZZAA9/view' });
    expect(await send({ type: 'record.visited', reading: elsewhere }, contentScript(3))).toMatchObject(notAllowed);
    expect(deps.sessions.view(3)).toBeUndefined();
  });

  it('lets a sidebar read and write only the account its tab shows', async () => {
    const sidebar = sidebarOf(1);
    const own = sampleRequests(ACCOUNT_KEY, 'own');
    const other = sampleRequests(OTHER_KEY, 'other');
    expect(await send(own['timeline.page'], sidebar)).toMatchObject({ ok: true });
    expect(await send(own['quickLog.save'], sidebar)).toMatchObject({ ok: true });
    for (const type of ['timeline.page', 'account.overview', 'account.health', 'account.brief', 'quickLog.save', 'draft.save', 'draft.clear', 'entry.save', 'entry.restore', 'handover.export'] as const) {
      expect(await send(other[type], sidebar), type).toMatchObject({ ok: false, error: { code: 'not-allowed', detail: `${type} may not be sent by the sidebar for an account its tab does not show` } });
    }
    // Another tab's sidebar, whose tab shows no account, reaches nothing.
    expect(await send(own['timeline.page'], sidebarOf(2))).toMatchObject(notAllowed);
    expect(await send({ type: 'settings.get' }, sidebar)).toMatchObject({ ok: true });
    for (const type of ['backup.export', 'handover.import', 'portfolio.rows', 'usage.context', 'usageSource.get', 'settings.save'] as const) expect(await send(own[type], sidebar), type).toMatchObject(notAllowed);
    expect(await interactionsOf(OTHER_KEY)).toBe(1);
    expect(await interactionsOf(ACCOUNT_KEY)).toBe(1);
  });

  it('lets a sidebar touch a stored entry by id only when the entry is its account’s', async () => {
    const sidebar = sidebarOf(1);
    const [stored] = await (await deps.db()).getAll('interactions');
    if (!stored) throw new Error('no interaction stored');
    expect(stored.accountKey).toBe(OTHER_KEY);
    expect(await send({ type: 'entry.delete', store: 'interactions', id: stored.id }, sidebar)).toMatchObject(notAllowed);
    expect(await send({ type: 'nextStep.complete', interactionId: stored.id, stepId: 'x', baseRevision: 0 }, sidebar)).toMatchObject(notAllowed);
    // An edit naming its own account but the id of another account's record would move that record (and a conflict would show it).
    const hijack = { ...stored, accountKey: ACCOUNT_KEY, notes: 'mine now' };
    expect(await send({ type: 'entry.save', entry: { store: 'interactions', record: hijack }, baseRevision: stored.revision }, sidebar)).toMatchObject(notAllowed);
    expect(await send({ type: 'entry.save', entry: { store: 'interactions', record: hijack }, baseRevision: 99 }, sidebar)).toMatchObject(notAllowed);
    expect(await send({ type: 'entry.restore', entry: { store: 'interactions', record: hijack } }, sidebar)).toMatchObject(notAllowed);
    expect(await (await deps.db()).get('interactions', stored.id)).toEqual(stored);
    // Its own account's entries it edits and deletes; an id nothing is stored under is simply not there.
    const saved = await send(sampleRequests(ACCOUNT_KEY, 'mine')['quickLog.save'], sidebar);
    if (!saved.ok) throw new Error(saved.error.detail);
    const mine = (saved.data as { interaction: { id: string } }).interaction.id;
    expect(await send({ type: 'entry.delete', store: 'interactions', id: mine }, sidebar)).toMatchObject({ ok: true, data: { record: { id: mine } } });
    expect(await send({ type: 'entry.delete', store: 'interactions', id: 'never-stored' }, sidebar)).toEqual({ ok: true, data: null });
    // The options page and the portfolio may reach any account.
    expect(await send({ type: 'entry.delete', store: 'interactions', id: stored.id }, optionsPage)).toMatchObject({ ok: true, data: { record: { id: stored.id } } });
  });

  it('lets a sidebar finish what it sent for the account its tab showed earlier in the same page, not after a reload', async () => {
    const sidebar = sidebarOf(1);
    // Single-page navigation to another account, then to a list view.
    await send({ type: 'record.visited', reading: reading({ accountKey: OTHER_KEY, recordId: '001Dn00000ZZZZZAA9', visitId: 'v2' }) }, contentScript(1));
    await send({ type: 'record.left' }, contentScript(1));
    const draft = sampleRequests(ACCOUNT_KEY)['draft.save'];
    expect(await send(draft, sidebar)).toEqual({ ok: true, data: null });
    expect(await send(sampleRequests(OTHER_KEY)['account.overview'], sidebar)).toMatchObject({ ok: true });
    // A new page in the tab: its sidebar starts over.
    await send({ type: 'page.opened' }, contentScript(1));
    await send({ type: 'record.visited', reading: reading({ accountKey: OTHER_KEY, recordId: '001Dn00000ZZZZZAA9', visitId: 'v3' }) }, contentScript(1));
    expect(await send(draft, sidebar)).toMatchObject(notAllowed);
  });

  it('never hands a sidebar the first page primed before a save: the saved note is on it', async () => {
    deps.sessions.attach(1, recordingPort().port);
    // Primes the account's first timeline page (lib/background/primed-reads.ts).
    await handleRequest({ type: 'record.visited', reading: reading() }, contentScript(1), deps);
    await handleRequest({ type: 'quickLog.save', accountKey: ACCOUNT_KEY, form: quickLogForm({ notes: 'Saved before the sidebar asked' }), saveId: crypto.randomUUID() }, sidebarOf(1), deps);
    const first = await handleRequest({ type: 'timeline.page', query: firstTimelinePage(ACCOUNT_KEY) }, sidebarOf(1), deps);
    expect(first).toMatchObject({ ok: true, data: { entries: [{ kind: 'interaction', interaction: { notes: 'Saved before the sidebar asked' } }] } });
  });

  it('waits for the tab’s account after a worker restart instead of refusing, and refuses if it never comes', async () => {
    // A restarted worker knows no tab yet: the sidebar's request waits for its content script to read again.
    const restarted = createBackgroundDeps({ db: deps.db, sessions: new TabSessions(), sidebarFrames: deps.sidebarFrames, now: deps.now, newId: sequentialIds, tabViewWaitMs: 60_000 });
    const pending = handleRequest(sampleRequests(ACCOUNT_KEY)['timeline.page'], sidebarOf(1), restarted);
    await new Promise((done) => setTimeout(done, 100));
    await handleRequest({ type: 'record.visited', reading: reading() }, contentScript(1), restarted);
    expect(await pending).toMatchObject({ ok: true });

    const never = createBackgroundDeps({ db: deps.db, sessions: new TabSessions(), sidebarFrames: deps.sidebarFrames, now: deps.now, newId: sequentialIds, tabViewWaitMs: 100 });
    expect(await handleRequest(sampleRequests(ACCOUNT_KEY)['timeline.page'], sidebarOf(1), never)).toMatchObject(notAllowed);
  });

  it('takes what a closed tab’s sidebar sent before it closed in a worker restarted meanwhile: the tab’s accounts are kept', async () => {
    // The tab showed the account, then the worker stopped; the keystroke wakes a new worker, in
    // which the closed tab never reports again. Its accounts are read from where the last worker kept them.
    const kept = memoryStore();
    const before = createBackgroundDeps({ db: deps.db, sessions: new TabSessions(), sidebarFrames: deps.sidebarFrames, tabAccounts: new TabAccounts(kept), now: deps.now, newId: sequentialIds });
    await handleRequest({ type: 'record.visited', reading: reading() }, contentScript(1), before);
    await before.tabAccounts.written();
    const restarted = () => createBackgroundDeps({ db: deps.db, sessions: new TabSessions(), sidebarFrames: deps.sidebarFrames, tabAccounts: new TabAccounts(kept), now: deps.now, newId: sequentialIds, tabViewWaitMs: 0 });
    const draft = sampleRequests(ACCOUNT_KEY)['draft.save'];
    expect(await handleRequest(draft, sidebarOf(1), restarted())).toEqual({ ok: true, data: null });
    // Another account, or another tab, is still refused.
    expect(await handleRequest(sampleRequests(OTHER_KEY)['draft.save'], sidebarOf(1), restarted())).toMatchObject(notAllowed);
    expect(await handleRequest(draft, sidebarOf(2), restarted())).toMatchObject(notAllowed);
    // Once the tab is forgotten (its requests answered), nothing more of it is taken.
    const last = restarted();
    await last.tabAccounts.forgetTab(1);
    await last.tabAccounts.written();
    expect(await handleRequest(draft, sidebarOf(1), restarted())).toMatchObject(notAllowed);
  });

  it('serves nothing to a sidebar.html frame the page made itself, not even the settings', async () => {
    const pageMade = sidebarOf(1, 9);
    expect(pageMade.kind).toBe('sidebar');
    for (const type of ['timeline.page', 'account.overview', 'quickLog.save', 'draft.save', 'settings.get'] as const) {
      expect(await send(sampleRequests(ACCOUNT_KEY)[type], pageMade), type).toMatchObject({ ok: false, error: { code: 'not-allowed', detail: `${type} may not be sent by the sidebar from a frame the extension did not make` } });
    }
    // A tab whose content script announced no frame has no sidebar.
    expect(await send({ type: 'settings.get' }, sidebarOf(3))).toMatchObject(notAllowed);
    expect(await interactionsOf(ACCOUNT_KEY)).toBe(0);
  });

  it('refuses everything from a sender it cannot place, never throwing', async () => {
    for (const sender of [unknownSender, classifySender({ id: 'other-extension', url: 'chrome-extension://other/options.html', frameId: 0 }, CHROME_SELF)]) {
      expect(sender.kind).toBe('unknown');
      for (const type of REQUEST_TYPES) expect(await send(sampleRequests(ACCOUNT_KEY)[type], sender), type).toMatchObject(notAllowed);
    }
  });
});

describe('CRM interface switches', () => {
  let deps: BackgroundDeps;
  let switched: [string, boolean][];
  beforeEach(async () => {
    const db = await openAdoptionDb(uniqueDbName());
    switched = [];
    deps = createBackgroundDeps({
      db: async () => db,
      sessions: new TabSessions(),
      now: () => new Date('2026-11-25T10:00:00Z'),
      newId: sequentialIds,
      crmTabs: { switched: async (script, on) => void switched.push([script, on]) },
    });
  });

  it('a switch is stored, answered, applied to the CRM’s open tabs, and what the background injects by', async () => {
    expect(await handleRequest({ type: 'crm.switch', script: 'hubspot', on: false }, optionsPage, deps)).toMatchObject({ ok: true, data: { hubspot: false, dynamics: true } });
    expect(switched).toEqual([['hubspot', false]]);
    expect((await deps.crmInterfaces.current()).hubspot).toBe(false);
    expect(await handleRequest({ type: 'settings.get' }, optionsPage, deps)).toMatchObject({ ok: true, data: { crmInterfaces: { hubspot: false } } });
    // A new worker reads it from the store.
    const restarted = createBackgroundDeps({ db: deps.db, sessions: new TabSessions(), now: deps.now, newId: sequentialIds });
    expect((await restarted.crmInterfaces.current()).hubspot).toBe(false);
  });

  it('saving the settings form keeps the switches stored since the form was loaded', async () => {
    const loaded = await handleRequest({ type: 'settings.get' }, optionsPage, deps);
    if (!loaded.ok) throw new Error('settings.get failed');
    await handleRequest({ type: 'crm.switch', script: 'dynamics', on: false }, optionsPage, deps);
    // The form still holds its old copy, every interface on.
    const form = { ...(loaded.data as object), toneStaleDays: 12 };
    expect(await handleRequest({ type: 'settings.save', settings: form }, optionsPage, deps)).toMatchObject({ ok: true });
    expect(await handleRequest({ type: 'settings.get' }, optionsPage, deps)).toMatchObject({ ok: true, data: { toneStaleDays: 12, crmInterfaces: { dynamics: false } } });
  });

  it('tells every open sidebar when the settings are saved, switched or restored, so none keeps an old copy', async () => {
    const tabs = [recordingPort(), recordingPort()];
    tabs.forEach(({ port }, i) => deps.sessions.attach(i + 1, port));
    await handleRequest({ type: 'record.visited', reading: reading() }, contentScript(1), deps);
    const loaded = await handleRequest({ type: 'settings.get' }, optionsPage, deps);
    if (!loaded.ok) throw new Error('settings.get failed');
    const told = () => tabs.map(({ pushes }) => pushes.filter((p) => p.type === 'settings.changed').length);
    expect(await handleRequest({ type: 'settings.save', settings: { ...(loaded.data as object), competitorNames: ['Zorblax'] } }, optionsPage, deps)).toMatchObject({ ok: true });
    expect(told()).toEqual([1, 1]);
    await handleRequest({ type: 'crmWrite.switch', crm: 'salesforce', on: true }, optionsPage, deps);
    expect(told()).toEqual([2, 2]);
    const exported = await handleRequest({ type: 'backup.export' }, optionsPage, deps);
    if (!exported.ok) throw new Error('backup.export failed');
    const text = JSON.stringify((exported.data as { backup: unknown }).backup);
    expect(await handleRequest({ type: 'backup.import', text }, optionsPage, deps)).toMatchObject({ ok: true });
    expect(told()).toEqual([3, 3]);
    // Only a restore changes records: the sidebar showing an account reads it again, once.
    const reloads = () => tabs.map(({ pushes }) => pushes.filter((p) => p.type === 'account.changed').length);
    expect(reloads()).toEqual([1, 0]);
  });

  it('saves a new person only with a signal about them, of the same account, and says why otherwise', async () => {
    const at = '2026-11-25T10:00:00.000Z';
    const mark = { id: 'p-new', accountKey: ACCOUNT_KEY, name: 'Mark Chen', role: 'other', createdAt: at, updatedAt: at };
    const signal = { id: 'sig-1', accountKey: ACCOUNT_KEY, kind: 'new-stakeholder', polarity: 'opportunity', severity: 'medium', stakeholderId: 'p-new', occurredAt: at, detectedAt: at, detectedVia: 'call', createdAt: at, updatedAt: at };
    const save = (record: object, newStakeholder: object) => handleRequest({ type: 'entry.save', entry: { store: 'signals', record }, baseRevision: null, newStakeholder }, optionsPage, deps);
    for (const [record, person] of [[{ ...signal, stakeholderId: null }, mark], [signal, { ...mark, accountKey: 'salesforce:acme:001Dn00000ZZZZZAAA' }]] as const) {
      expect(await save(record, person)).toMatchObject({ ok: false, error: { code: 'invalid-message', detail: expect.stringContaining('a new stakeholder is saved only with a signal about them') } });
    }
    const db = await deps.db();
    expect(await db.count('stakeholders')).toBe(0);
    expect(await save(signal, mark)).toMatchObject({ ok: true, data: { status: 'saved' } });
    expect(await db.get('stakeholders', 'p-new')).toMatchObject({ name: 'Mark Chen' });
  });

  it('two switches at once both stay', async () => {
    await Promise.all([
      handleRequest({ type: 'crm.switch', script: 'dynamics', on: false }, optionsPage, deps),
      handleRequest({ type: 'crm.switch', script: 'salesforce-classic', on: false }, optionsPage, deps),
    ]);
    expect(await handleRequest({ type: 'settings.get' }, optionsPage, deps)).toMatchObject({ ok: true, data: { crmInterfaces: { dynamics: false, 'salesforce-classic': false, hubspot: true } } });
  });

  it('a restored backup that changes a switch is applied to open tabs like a switch', async () => {
    await handleRequest({ type: 'crm.switch', script: 'hubspot', on: false }, optionsPage, deps);
    const exported = await handleRequest({ type: 'backup.export' }, optionsPage, deps);
    if (!exported.ok) throw new Error('backup.export failed');
    await handleRequest({ type: 'crm.switch', script: 'hubspot', on: true }, optionsPage, deps);
    switched = [];
    const text = JSON.stringify((exported.data as { backup: unknown }).backup);
    expect(await handleRequest({ type: 'backup.import', text }, optionsPage, deps)).toMatchObject({ ok: true });
    expect(switched).toEqual([['hubspot', false]]);
    expect((await deps.crmInterfaces.current()).hubspot).toBe(false);
  });

  it('only extension pages may switch, and only known interfaces', async () => {
    expect(await handleRequest({ type: 'crm.switch', script: 'hubspot', on: false }, contentScript(7), deps)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await handleRequest({ type: 'crm.switch', script: 'pipedrive', on: false }, optionsPage, deps)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(switched).toEqual([]);
  });
});

describe('taught sites', () => {
  it('lets a content script save and read only its own host’s definition', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const deps = createBackgroundDeps({ db: async () => db, sessions: new TabSessions(), now: () => new Date('2026-11-25T10:00:00Z'), newId: sequentialIds });
    const own: RequestSender = { kind: 'content-script', tabId: 4, origin: 'https://acme.cybozu.com' };
    const definition = sampleRequests(ACCOUNT_KEY)['site.save'].definition;
    expect(await handleRequest({ type: 'site.save', definition }, own, deps)).toEqual({ ok: true, data: null });
    expect(await handleRequest({ type: 'site.forPage' }, own, deps)).toMatchObject({ ok: true, data: [{ host: 'acme.cybozu.com' }] });
    expect(await handleRequest({ type: 'site.forPage' }, { ...own, origin: 'https://other.example.com' }, deps)).toEqual({ ok: true, data: [] });
    // A record keyed for the taught host, reported from another site, is refused.
    const elsewhere = reading({ crm: 'site', accountKey: 'site:acme.cybozu.com:12/345', recordId: '12/345', url: 'https://other.example.com/k/12/show#record=345' });
    expect(await handleRequest({ type: 'record.visited', reading: elsewhere }, { ...own, origin: 'https://other.example.com' }, deps)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });
});
