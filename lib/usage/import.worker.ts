/**
 * The usage-import worker: decoding, parsing, checking, grouping and storing a usage file happen
 * here, off the options page's main thread (a 20 MB file is seconds of work). The logic is in
 * import-session.ts; the messages are in worker-protocol.ts. Started by components/useUsageImport.ts
 * with `new Worker(new URL(...), { type: 'module' })`, which Vite bundles as its own chunk.
 */
import { withOwnConnection } from '../db/connection';
import { createImportSession } from './import-session';
import { storeUsageImport } from './store';

const session = createImportSession({
  post: (reply) => self.postMessage(reply),
  store: (commit) => withOwnConnection((db) => storeUsageImport(db, commit)),
  now: () => new Date(),
  clock: () => performance.now(),
});

self.addEventListener('message', (event: MessageEvent) => void session.handle(event.data));
