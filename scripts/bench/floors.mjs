// Raw IndexedDB floors: the same reads and writes the IndexedDB-bound figures stand on, done with
// plain `idb` (no product code) in a page of the same built extension, in the same run. A figure
// divided by its floor moves less between machines than the figure itself (issue 15).
//
// The page is the extension's brief.html opened without an address: it shows "no account" and
// sends nothing to the background, so nothing else runs there. Reads open the product's own
// database by name (no version: no upgrade, read-only transactions only); writes go to a scratch
// database with the product's stores and indexes (lib/db/schema.ts), deleted at the end.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const IDB_UMD = readFileSync(require.resolve('idb/build/umd.js'), 'utf8');

/** The product's database name (lib/db/schema.ts: DB_NAME). */
export const PRODUCT_DB = 'adoption-sidebar';
const SCRATCH_DB = 'adoption-sidebar-bench-floor';

/** The sidebar's timeline page size (components/useSidebarState.ts: PAGE), read from the source so the floor follows it. */
export function sidebarPageSize(root = new URL('../../', import.meta.url)) {
  try {
    const source = readFileSync(new URL('components/useSidebarState.ts', root), 'utf8');
    const found = /const PAGE = (\d+);/.exec(source);
    if (found) return Number(found[1]);
  } catch {
    // Fall through to the size when this was written.
  }
  return 100;
}

/** Installed in the floor page: idb's UMD build defines `idb`; these use only it. */
function install(names) {
  const { openDB, deleteDB } = globalThis.idb;
  let product;
  let scratch;
  const productDb = async () =>
    (product ??= await openDB(names.product, undefined, {
      blocking() {
        product?.close();
        product = undefined;
      },
    }));
  const scratchDb = async () =>
    (scratch ??= await openDB(names.scratch, 1, {
      upgrade(db) {
        db.createObjectStore('interactions', { keyPath: 'id' }).createIndex('byAccount', ['accountKey', 'occurredAt', 'id']);
        db.createObjectStore('signals', { keyPath: 'id' }).createIndex('byAccount', ['accountKey', 'occurredAt', 'id']);
        db.createObjectStore('usageYears', { keyPath: 'id' }).createIndex('bySource', 'sourceAccountKey');
      },
    }));
  const timed = async (fn) => {
    const start = performance.now();
    const detail = await fn();
    return { ms: performance.now() - start, detail };
  };
  let usageYears = [];
  let saves = 0;

  window.__floor = {
    /**
     * The first timeline page as the sidebar reads it: newest `limit + 1` interactions and signals
     * through the byAccount index, both asked for at once, each in one `getAllRecords` request
     * where the browser has it (a cursor walking back where it has not).
     */
    firstPage: (accountKey, limit) =>
      productDb().then((db) =>
        timed(async () => {
          const tx = db.transaction(['interactions', 'signals'], 'readonly');
          const range = IDBKeyRange.bound([accountKey, '', ''], [accountKey, '\uffff', '']);
          const newest = async (store) => {
            const index = tx.objectStore(store).index('byAccount');
            const raw = idb.unwrap(index);
            if (typeof raw.getAllRecords === 'function') return (await idb.wrap(raw.getAllRecords({ query: range, count: limit + 1, direction: 'prev' }))).map((r) => r.value);
            const values = [];
            for (let c = await index.openCursor(range, 'prev'); c && values.length <= limit; c = await c.continue()) values.push(c.value);
            return values;
          };
          const lists = await Promise.all([newest('interactions'), newest('signals')]);
          await tx.done;
          return lists[0].length + lists[1].length;
        }),
      ),
    /** All of an account's interactions (and signals) through the byAccount index, one getAll each. */
    accountEntries: (accountKey) =>
      productDb().then((db) =>
        timed(async () => {
          const tx = db.transaction(['interactions', 'signals'], 'readonly');
          const range = IDBKeyRange.bound([accountKey, '', ''], [accountKey, '\uffff', '']);
          const [interactions, signals] = await Promise.all([tx.objectStore('interactions').index('byAccount').getAll(range), tx.objectStore('signals').index('byAccount').getAll(range)]);
          await tx.done;
          return interactions.length + signals.length;
        }),
      ),
    /** What the portfolio page's rows are made of: every account's key and its kept portfolio entry. */
    portfolio: () =>
      productDb().then((db) =>
        timed(async () => {
          const tx = db.transaction(['accounts', 'portfolioCache'], 'readonly');
          const [keys, entries] = await Promise.all([tx.objectStore('accounts').getAllKeys(), tx.objectStore('portfolioCache').getAll()]);
          await tx.done;
          return { accounts: keys.length, entries: entries.length };
        }),
      ),
    /** Copies the product's stored usage years into this page (the records an import wrote). */
    loadUsageYears: async () => {
      usageYears = await (await productDb()).getAll('usageYears');
      return usageYears.length;
    },
    /**
     * The usage years put in one transaction into the emptied scratch store (a first import),
     * then read back in one getAll (a re-import, which reads what is stored and writes nothing
     * when nothing changed).
     */
    importFloors: async () => {
      const db = await scratchDb();
      await db.clear('usageYears');
      const put = await timed(async () => {
        const tx = db.transaction('usageYears', 'readwrite');
        await Promise.all([...usageYears.map((y) => tx.store.put(y)), tx.done]);
      });
      const read = await timed(async () => {
        const tx = db.transaction('usageYears', 'readonly');
        const [all] = await Promise.all([tx.store.getAll(), tx.done]);
        return all.length;
      });
      return { put: put.ms, read: read.ms, records: read.detail };
    },
    /** One readwrite transaction putting a quick log's records: the interaction, and with `extras` a next step and a signal. */
    quickLogPut: (accountKey, extras) =>
      scratchDb().then((db) =>
        timed(async () => {
          const at = new Date().toISOString();
          const id = `floor-${++saves}`;
          const interaction = {
            id, accountKey, type: 'call', occurredAt: at, tone: null, notes: `Note ${saves}`, attendeeIds: [], internalAttendees: [],
            nextSteps: extras ? [{ id: `${id}.0`, text: 'Send ROI numbers', dueDate: '2026-12-01', doneAt: null }] : [],
            internalOnly: false, createdAt: at, updatedAt: at, revision: 0,
          };
          const stores = extras ? ['interactions', 'signals'] : ['interactions'];
          const tx = db.transaction(stores, 'readwrite');
          const writes = [tx.objectStore('interactions').put(interaction)];
          if (extras) {
            writes.push(tx.objectStore('signals').put({
              id: `${id}.1`, accountKey, kind: 'roi-questioned', otherLabel: '', polarity: 'risk', severity: 'medium', stakeholderId: null, whatHappened: '', howTheyFeel: '',
              occurredAt: at, detectedAt: at, detectedVia: 'call', interactionId: id, resolvedAt: null, createdAt: at, updatedAt: at, revision: 0,
            }));
          }
          await Promise.all([...writes, tx.done]);
          return stores.length;
        }),
      ),
    close: async () => {
      product?.close();
      scratch?.close();
      product = scratch = undefined;
      usageYears = [];
      await deleteDB(names.scratch);
    },
  };
}

/**
 * How long the small floors (a timeline page, a quick log's put) wait before they are taken, so
 * that the product's own work after the figure's last run (a closed sidebar's last requests, a
 * save's refresh of the timeline, overview and health) is over. Taken right after it, as they were
 * until 6 December, they measured that work too: on a quiet machine, the first page read right
 * after the previous sidebar closed took 7.4 and 6.9 ms (medians of 10; up to 67 ms) against 2.9
 * and 2.9 ms 500 ms later and 2.75 and 2.4 ms idle, and a quick log's put right after a save 4.9
 * and 5.8 ms against 1.0 and 1.25 ms 300 ms later.
 */
export const FLOOR_SETTLE_MS = 300;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens the floor page in `context` and returns the floors, each resolving to the ms it took
 * (measured in the page, from the transaction's start to its end with the values in hand).
 */
export async function openFloors({ context, extensionId }) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/brief.html`);
  await page.evaluate(IDB_UMD);
  await page.evaluate(install, { product: PRODUCT_DB, scratch: SCRATCH_DB });
  const call = (name, ...args) => page.evaluate(({ name, args }) => window.__floor[name](...args), { name, args });
  return {
    page,
    /** ms to read the sidebar's first timeline page raw; `count` records read. */
    firstPage: async (accountKey, limit) => {
      await sleep(FLOOR_SETTLE_MS);
      return (await call('firstPage', accountKey, limit)).ms;
    },
    accountEntries: async (accountKey) => (await call('accountEntries', accountKey)).ms,
    portfolio: async () => (await call('portfolio')).ms,
    loadUsageYears: () => call('loadUsageYears'),
    importFloors: () => call('importFloors'),
    quickLogPut: async (accountKey, extras) => {
      await sleep(FLOOR_SETTLE_MS);
      return (await call('quickLogPut', accountKey, extras)).ms;
    },
    /** A read of the first page with the number of records read, to check the floor reads what it should. */
    check: {
      firstPage: async (accountKey, limit) => (await call('firstPage', accountKey, limit)).detail,
      accountEntries: async (accountKey) => (await call('accountEntries', accountKey)).detail,
      portfolio: async () => (await call('portfolio')).detail,
    },
    close: async () => {
      await call('close');
      await page.close();
    },
  };
}
