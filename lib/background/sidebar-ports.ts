import type { Browser } from 'wxt/browser';
import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { getDraft } from '../store/drafts';
import type { ContentCommand } from '../messaging/content-commands';
import type { TabSessions } from './tab-sessions';
import { toErrorData } from '../errors';
import { classifySender, type SelfIdentity } from './sender-policy';
import type { SidebarFrames } from './sidebar-frames';
import type { DraftHolders } from './draft-holders';

type Port = Browser.runtime.Port;

export interface SidebarPortDeps {
  sessions: TabSessions;
  draftHolders: DraftHolders;
  frames: SidebarFrames;
  self: SelfIdentity;
  db: () => Promise<IDBPDatabase<AdoptionDb>>;
  askContentScript: (tabId: number, command: ContentCommand) => Promise<void>;
}

/**
 * A sidebar frame connects a port named with the key its content script gave it, on start and
 * again after a service-worker restart. Only the frame the extension made (the first to show the
 * tab's key: lib/messaging/sidebar-frame.ts) is served; any other is told `refused` and let go.
 * It gets its tab's current view at once, with the latest draft; if the background no longer
 * knows the tab, the content script is asked to read the record again.
 */
export async function onSidebarConnected(port: Port, key: string, { sessions, draftHolders, frames, self, db, askContentScript }: SidebarPortDeps): Promise<void> {
  const sender = port.sender ? classifySender(port.sender, self) : undefined;
  if (sender?.kind !== 'sidebar' || !(await frames.claim(sender.tabId, sender.frameId, key))) {
    port.postMessage({ type: 'refused' });
    port.disconnect();
    return;
  }
  const { tabId } = sender;
  sessions.attach(tabId, port);
  port.onDisconnect.addListener(() => sessions.detach(tabId, port));
  const view = sessions.view(tabId);
  if (view === undefined) {
    await askContentScript(tabId, { type: 'record.resend' });
    return;
  }
  const mark = sessions.viewMark(tabId);
  try {
    const draft = view ? await getDraft(await db(), view.reading.accountKey, await draftHolders.heldElsewhere(tabId)) : null;
    // A newer view came meanwhile (the page's reading after a remembered view): it has reached this
    // port already, and this older one must not follow it.
    if (sessions.viewChangedSince(tabId, mark)) return;
    port.postMessage({ type: 'view', view: view && { ...view, draft } });
  } catch (error) {
    port.postMessage({ type: 'error', error: toErrorData(error) });
  }
}
