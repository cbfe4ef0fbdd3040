import type { Browser } from 'wxt/browser';
import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { getDraft } from '../store/drafts';
import type { ContentCommand } from '../messaging/content-commands';
import type { TabSessions } from './tab-sessions';
import { toErrorData } from '../errors';

type Port = Browser.runtime.Port;

/**
 * A sidebar frame connects a port on start (and again after a service-worker restart). It gets
 * its tab's current view at once, with the latest draft; if the background no longer knows
 * the tab, the content script is asked to read the record again.
 */
export async function onSidebarConnected(
  port: Port,
  sessions: TabSessions,
  db: () => Promise<IDBPDatabase<AdoptionDb>>,
  askContentScript: (tabId: number, command: ContentCommand) => Promise<void>,
): Promise<void> {
  const tabId = port.sender?.tab?.id;
  if (tabId === undefined) {
    port.disconnect();
    return;
  }
  sessions.attach(tabId, port);
  port.onDisconnect.addListener(() => sessions.detach(tabId, port));
  const view = sessions.view(tabId);
  if (view === undefined) {
    await askContentScript(tabId, { type: 'record.resend' });
    return;
  }
  try {
    const draft = view ? await getDraft(await db(), view.reading.accountKey) : null;
    port.postMessage({ type: 'view', view: view && { ...view, draft } });
  } catch (error) {
    port.postMessage({ type: 'error', error: toErrorData(error) });
  }
}
