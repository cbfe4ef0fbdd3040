import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openAdoptionDb } from '../db/open';
import { createBackgroundDeps } from './deps';
import { handleRequest } from './handle-request';
import { TabSessions, type SidebarPort } from './tab-sessions';
import { refreshUsageSourceNow } from './usage-source-refresh';
import { saveUsageSource } from '../usage/source-store';
import { UsageSourceConfig } from '../usage/source';
import type { SidebarPush } from '../messaging/sidebar-push';
import { reading, sequentialIds, uniqueDbName } from '@/tests/unit/factories';
import { contentScript } from '@/tests/unit/senders';

const json = readFileSync(resolve('tests/fixtures/usage/usage.json'), 'utf8');
// In the source's rows (account 001000000000002, "Globex"); the other account is not.
const GLOBEX = reading({ accountKey: 'salesforce:acme:001000000000002AAA', recordId: '001000000000002AAA', name: 'Globex', url: 'https://acme.lightning.force.com/lightning/r/Account/001000000000002AAA/view' });
const OTHER = reading({ accountKey: 'salesforce:acme:001Dn00000ZZZZZAAA', recordId: '001Dn00000ZZZZZAAA', name: 'Zeta Works', url: 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ZZZZZAAA/view', visitId: 'visit-2' });

describe('refreshUsageSourceNow', () => {
  it('recomputes and tells only the accounts whose usage it stored', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const fetcher = vi.fn(async () => new Response(json, { status: 200, headers: { 'content-type': 'application/json' } }));
    const deps = createBackgroundDeps({
      db: async () => db,
      sessions: new TabSessions(),
      now: () => new Date('2026-11-30T08:00:00Z'),
      newId: sequentialIds,
      usageSource: { fetcher, hasHostPermission: async () => true, schedule: async () => undefined },
    });
    await saveUsageSource(db, UsageSourceConfig.parse({ url: 'https://usage.example.com/export', token: 'Bearer s3cret' }));
    const pushes = new Map<number, SidebarPush[]>();
    for (const [tabId, shown] of [[1, GLOBEX], [2, OTHER]] as const) {
      const list: SidebarPush[] = [];
      const port: SidebarPort = { postMessage: (m) => list.push(m) };
      pushes.set(tabId, list);
      deps.sessions.attach(tabId, port);
      await handleRequest({ type: 'record.visited', reading: shown }, contentScript(tabId), deps);
    }
    const dropped = vi.spyOn(deps.portfolio, 'rowsDropped');
    const everything = vi.spyOn(deps.portfolio, 'accountsChanged');

    const status = await refreshUsageSourceNow(deps);

    expect(status.lastError).toBeNull();
    expect(dropped).toHaveBeenCalledTimes(1);
    expect(dropped.mock.calls[0]?.[0]).toContain(GLOBEX.accountKey);
    expect(dropped.mock.calls[0]?.[0]).not.toContain(OTHER.accountKey);
    expect(everything).not.toHaveBeenCalled();
    expect(pushes.get(1)).toContainEqual({ type: 'usage.changed' });
    expect(pushes.get(2)).not.toContainEqual({ type: 'usage.changed' });
  });

  it('recomputes nothing and tells nobody when the source fails', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const deps = createBackgroundDeps({
      db: async () => db,
      sessions: new TabSessions(),
      now: () => new Date('2026-11-30T08:00:00Z'),
      newId: sequentialIds,
      usageSource: { fetcher: async () => new Response('{"error":"token expired"}', { status: 401 }), hasHostPermission: async () => true, schedule: async () => undefined },
    });
    await saveUsageSource(db, UsageSourceConfig.parse({ url: 'https://usage.example.com/export', token: 'Bearer s3cret' }));
    const list: SidebarPush[] = [];
    deps.sessions.attach(1, { postMessage: (m) => list.push(m) });
    await handleRequest({ type: 'record.visited', reading: GLOBEX }, contentScript(1), deps);
    const dropped = vi.spyOn(deps.portfolio, 'rowsDropped');

    expect((await refreshUsageSourceNow(deps)).lastError?.code).toBe('source-http');
    expect(dropped).not.toHaveBeenCalled();
    expect(list).not.toContainEqual({ type: 'usage.changed' });
  });
});
