import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { onSidebarConnected } from './sidebar-ports';
import { createBackgroundDeps } from './deps';
import { TabSessions } from './tab-sessions';
import { openAdoptionDb } from '../db/open';
import type { AccountView, SidebarPush } from '../messaging/sidebar-push';
import { sidebarPortName } from '../messaging/sidebar-frame';
import { reading, sequentialIds, uniqueDbName } from '@/tests/unit/factories';
import { CHROME_SELF, madeSidebars, rawSenders, SIDEBAR_FRAME_ID } from '@/tests/unit/senders';

const KEY = '00000000-0000-4000-8000-000000000001';

function view(remembered: boolean): AccountView {
  const r = reading();
  return { reading: r, fields: r.fields.map((f) => ({ ...f, onPage: !remembered })), changes: [], comparedWith: null, draft: null, remembered };
}

/** A sidebar frame's port as the worker sees it: what it is pushed, in order. */
function sidebarPort() {
  const pushes: SidebarPush[] = [];
  const port = {
    name: sidebarPortName(KEY),
    sender: rawSenders().sidebar(1, SIDEBAR_FRAME_ID),
    postMessage: (message: SidebarPush) => pushes.push(message),
    disconnect: () => undefined,
    onDisconnect: { addListener: () => undefined },
  };
  return { port: port as unknown as Browser.runtime.Port, pushes };
}

describe('a sidebar connecting', () => {
  it('never gets an older view after the newer one that came while it was served', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const sessions = new TabSessions();
    const deps = createBackgroundDeps({ db: async () => db, sessions, now: () => new Date('2026-11-25T10:00:00Z'), newId: sequentialIds });
    await madeSidebars(deps.sidebarFrames, 1);
    sessions.setView(1, view(true));
    const { port, pushes } = sidebarPort();
    // The page's reading arrives while the connecting sidebar's draft is read.
    const slowDb = async () => {
      sessions.setView(1, view(false));
      return db;
    };
    await onSidebarConnected(port, KEY, { sessions, draftHolders: deps.draftHolders, frames: deps.sidebarFrames, self: CHROME_SELF, db: slowDb, askContentScript: async () => undefined });
    expect(pushes.map((p) => p.type === 'view' && p.view?.remembered)).toEqual([false]);
  });
});
