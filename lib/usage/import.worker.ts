/**
 * The usage-import worker: decoding, parsing, checking and grouping a usage file happen here, off
 * the options page's main thread (a 20 MB file is seconds of work). The logic is in
 * import-session.ts; the messages are in worker-protocol.ts. Started by components/UsageImport.tsx
 * with `new Worker(new URL(...), { type: 'module' })`, which Vite bundles as its own chunk.
 */
import { createImportSession } from './import-session';

const session = createImportSession({
  post: (reply) => self.postMessage(reply),
  now: () => new Date(),
  clock: () => performance.now(),
});

self.addEventListener('message', (event: MessageEvent) => session.handle(event.data));
