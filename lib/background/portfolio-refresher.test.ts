import { describe, expect, it, vi } from 'vitest';
import { handleRequest } from './handle-request';
import { createBackgroundDeps, type BackgroundDeps } from './deps';
import { TabSessions } from './tab-sessions';
import { openAdoptionDb } from '../db/open';
import { ACCOUNT_KEY, quickLogForm, reading, sequentialIds, uniqueDbName } from '@/tests/unit/factories';
import { contentScript, madeSidebars, portfolioPage, sidebarOf } from '@/tests/unit/senders';

const NOW = new Date('2026-11-25T10:00:00Z');

/** A background instance over a database; a second one over the same database stands for a restarted worker. */
function background(db: Awaited<ReturnType<typeof openAdoptionDb>>, options?: { delayMs?: number; maxWaitMs?: number }): BackgroundDeps {
  return createBackgroundDeps({ db: async () => db, sessions: new TabSessions(), now: () => NOW, newId: sequentialIds }, { portfolio: options });
}

async function rows(deps: BackgroundDeps) {
  const reply = await handleRequest({ type: 'portfolio.rows' }, portfolioPage, deps);
  if (!reply.ok) throw new Error(reply.error.detail);
  return reply.data as { accountKey: string; lastTouchAt: string | null }[];
}

async function logCall(deps: BackgroundDeps, occurredAt: string) {
  await madeSidebars(deps.sidebarFrames, 1);
  const reply = await handleRequest({ type: 'quickLog.save', accountKey: ACCOUNT_KEY, form: quickLogForm({ occurredAt }), saveId: crypto.randomUUID() }, sidebarOf(1), deps);
  expect(reply.ok).toBe(true);
}

describe('the portfolio after a save', () => {
  it('shows a just-logged call at once, though its row was kept from before', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const deps = background(db);
    await handleRequest({ type: 'record.visited', reading: reading() }, contentScript(1), deps);
    await logCall(deps, '2026-11-01T09:00:00Z');
    await deps.portfolio.flush();
    expect((await rows(deps))[0]?.lastTouchAt).toBe('2026-11-01T09:00:00.000Z');

    await logCall(deps, '2026-11-24T09:00:00Z');
    expect((await rows(deps))[0]?.lastTouchAt).toBe('2026-11-24T09:00:00.000Z');
  });

  it('is right after the worker stopped before recomputing the row', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    // This instance never gets to recompute: its timer is far away, as if the worker stopped.
    const stopped = background(db, { delayMs: 3_600_000, maxWaitMs: 3_600_000 });
    await handleRequest({ type: 'record.visited', reading: reading() }, contentScript(1), stopped);
    await logCall(stopped, '2026-11-01T09:00:00Z');
    expect((await rows(background(db)))[0]?.lastTouchAt).toBe('2026-11-01T09:00:00.000Z');
    await logCall(stopped, '2026-11-24T09:00:00Z');

    const restarted = background(db);
    expect((await rows(restarted))[0]?.lastTouchAt).toBe('2026-11-24T09:00:00.000Z');
  });

  it('recomputes the row by itself within a second of the save, once for a burst', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const deps = background(db);
    await handleRequest({ type: 'record.visited', reading: reading() }, contentScript(1), deps);
    await deps.portfolio.flush();
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    await logCall(deps, '2026-11-24T09:00:00Z');
    await logCall(deps, '2026-11-24T10:00:00Z');
    const delays = setTimeoutSpy.mock.calls.map(([, ms]) => ms ?? 0);
    setTimeoutSpy.mockRestore();
    expect(delays.length).toBeGreaterThan(0);
    for (const ms of delays) expect(ms).toBeLessThanOrEqual(1000);
    // No request reads the row: the background recomputes and keeps it on its own.
    await vi.waitFor(async () => expect(await db.get('portfolioCache', ACCOUNT_KEY)).toMatchObject({ row: { lastTouchAt: '2026-11-24T10:00:00.000Z' } }), { timeout: 60_000, interval: 50 });
  });
});
