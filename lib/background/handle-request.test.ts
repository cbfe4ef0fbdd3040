import { beforeEach, describe, expect, it } from 'vitest';
import { handleRequest } from './handle-request';
import { createBackgroundDeps, type BackgroundDeps } from './deps';
import { TabSessions, type SidebarPort } from './tab-sessions';
import { openAdoptionDb } from '../db/open';
import type { SidebarPush } from '../messaging/protocol';
import { ACCOUNT_KEY, quickLogForm, reading, sequentialIds, uniqueDbName } from '@/tests/unit/factories';

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
  });

  it('refuses malformed messages with a clear error, never throwing', async () => {
    for (const message of [undefined, null, 42, 'hello', {}, { type: 'nope' }, { type: 'quickLog.save', accountKey: 'x', form: {} }]) {
      const reply = await handleRequest(message, { tabId: 1 }, deps);
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    }
    const reply = await handleRequest({ type: 'quickLog.save', accountKey: ACCOUNT_KEY, form: quickLogForm({ occurredAt: 'last tuesday' }) }, {}, deps);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message', detail: expect.stringContaining('form.occurredAt') } });
  });

  it('refuses tab requests that come from no tab', async () => {
    expect(await handleRequest({ type: 'record.visited', reading: reading() }, {}, deps)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('pushes the record view to the sidebar of the tab that read it', async () => {
    const { port, pushes } = recordingPort();
    deps.sessions.attach(7, port);
    expect(await handleRequest({ type: 'record.visited', reading: reading() }, { tabId: 7 }, deps)).toEqual({ ok: true, data: null });
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({ type: 'view', view: { reading: { name: 'Globex Corporation' }, comparedWith: null, draft: null } });
    await handleRequest({ type: 'record.left' }, { tabId: 7 }, deps);
    expect(pushes[1]).toEqual({ type: 'view', view: null });
  });

  it('saves an interaction, clears the draft and tells every tab on the account', async () => {
    const a = recordingPort();
    const b = recordingPort();
    deps.sessions.attach(1, a.port);
    deps.sessions.attach(2, b.port);
    await handleRequest({ type: 'record.visited', reading: reading() }, { tabId: 1 }, deps);
    await handleRequest({ type: 'record.visited', reading: reading({ visitId: 'v2' }) }, { tabId: 2 }, deps);
    await handleRequest({ type: 'draft.save', draft: { accountKey: ACCOUNT_KEY, form: quickLogForm({ notes: 'half a sent' }), updatedAt: '2026-11-25T09:59:00.000Z' } }, { tabId: 1 }, deps);

    const saved = await handleRequest({ type: 'quickLog.save', accountKey: ACCOUNT_KEY, form: quickLogForm({ occurredAt: '2026-11-20T19:00:00+09:00' }) }, { tabId: 1 }, deps);
    expect(saved).toMatchObject({ ok: true, data: { interaction: { notes: 'Kickoff went well', occurredAt: '2026-11-20T10:00:00.000Z' } } });
    expect(a.pushes.at(-1)).toEqual({ type: 'account.changed', accountKey: ACCOUNT_KEY });
    expect(b.pushes.at(-1)).toEqual({ type: 'account.changed', accountKey: ACCOUNT_KEY });

    const list = await handleRequest({ type: 'timeline.page', query: { accountKey: ACCOUNT_KEY, kinds: ['interaction'], before: null, limit: 10 } }, { tabId: 2 }, deps);
    expect(list).toMatchObject({ ok: true, data: { entries: [{ kind: 'interaction', interaction: { notes: 'Kickoff went well' } }], damaged: 0 } });
    expect(await (await deps.db()).get('drafts', ACCOUNT_KEY)).toBeUndefined();
  });

  it('lists the timeline newest first and counts damaged records instead of failing', async () => {
    await handleRequest({ type: 'quickLog.save', accountKey: ACCOUNT_KEY, form: quickLogForm({ occurredAt: '2026-11-01T00:00:00Z', notes: 'older' }) }, {}, deps);
    await handleRequest({ type: 'quickLog.save', accountKey: ACCOUNT_KEY, form: quickLogForm({ occurredAt: '2026-11-10T00:00:00Z', notes: 'newer' }) }, {}, deps);
    await (await deps.db()).put('interactions', { id: 'broken', accountKey: ACCOUNT_KEY, occurredAt: '2026-11-05T00:00:00.000Z', type: 'telegram' } as never);
    const reply = await handleRequest({ type: 'timeline.page', query: { accountKey: ACCOUNT_KEY, kinds: ['interaction'], before: null, limit: 10 } }, {}, deps);
    expect(reply.ok && reply.data).toMatchObject({ entries: [{ interaction: { notes: 'newer' } }, { interaction: { notes: 'older' } }], damaged: 1 });
  });
});
