/** What the write-back tests (lib/crm-write/*.test.ts) share: a background with one CRM's writer, and requests to it from the settings page. */
import type { IDBPDatabase } from 'idb';
import { handleRequest } from '@/lib/background/handle-request';
import { createBackgroundDeps, type BackgroundDeps } from '@/lib/background/deps';
import { TabSessions } from '@/lib/background/tab-sessions';
import type { AdoptionDb } from '@/lib/db/schema';
import type { Request } from '@/lib/messaging/protocol';
import type { WritableCrm } from '@/lib/model/crm-write';
import type { LoggedTouch } from '@/lib/model/quick-log';
import type { CrmActivityWriter } from '@/lib/crm-write/writer';
import { optionsPage } from './senders';
import { quickLogForm, sequentialIds } from './factories';

/** A background over `db` whose clock is `now` and which writes to `crm` with `writer`. */
export function writeBackDeps(db: IDBPDatabase<AdoptionDb>, now: () => Date, crm: WritableCrm, writer: CrmActivityWriter): BackgroundDeps {
  return createBackgroundDeps({ db: async () => db, sessions: new TabSessions(), now, newId: sequentialIds, crmWriters: { [crm]: writer } });
}

/** Requests from the settings page to the background `deps()` gives (made anew before each test), and quick logs on `accountKey`. */
export function settingsPageCalls(deps: () => BackgroundDeps, accountKey: string) {
  const ok = async <T>(request: Request): Promise<T> => {
    const reply = await handleRequest(request, optionsPage, deps());
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.detail}`);
    return reply.data as T;
  };
  return {
    ok,
    log: (notes: string, extra: Partial<Parameters<typeof quickLogForm>[0]> = {}) =>
      ok<LoggedTouch>({ type: 'quickLog.save', accountKey, form: quickLogForm({ notes, ...extra }), saveId: crypto.randomUUID() }),
    /** Resolves once every queued touch was tried. */
    written: () => deps().crmOutbox.idle(),
  };
}
