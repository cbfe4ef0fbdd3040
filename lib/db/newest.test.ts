import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import { newestInIndex } from './newest';
import { uniqueDbName } from '@/tests/unit/factories';

async function entries() {
  const db = await openDB(uniqueDbName(), 1, {
    upgrade(db) {
      db.createObjectStore('entries', { keyPath: 'id' }).createIndex('byAccount', ['accountKey', 'at']);
    },
  });
  const tx = db.transaction('entries', 'readwrite');
  for (let i = 0; i < 30; i++) void tx.store.put({ id: `a${i}`, accountKey: 'A', at: `2026-01-${String(i + 1).padStart(2, '0')}` });
  void tx.store.put({ id: 'b1', accountKey: 'B', at: '2026-12-31' });
  await tx.done;
  return db;
}

const read = async (count: number) => {
  const db = await entries();
  const tx = db.transaction('entries');
  const values = await newestInIndex(tx.store.index('byAccount'), IDBKeyRange.bound(['A', ''], ['A', '\uffff']), count);
  await tx.done;
  return values.map((v) => (v as { id: string }).id);
};

describe('newestInIndex', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the newest records of a range first, in one request where the browser has getAllRecords', async () => {
    expect(typeof Reflect.get(IDBIndex.prototype, 'getAllRecords')).toBe('function');
    const cursor = vi.spyOn(IDBIndex.prototype, 'openCursor');
    expect(await read(3)).toEqual(['a29', 'a28', 'a27']);
    expect(await read(100)).toHaveLength(30);
    expect(cursor).not.toHaveBeenCalled();
  });

  it('walks a cursor back where it has not (Firefox), with the same result', async () => {
    const getAllRecords: unknown = Reflect.get(IDBIndex.prototype, 'getAllRecords');
    Reflect.deleteProperty(IDBIndex.prototype, 'getAllRecords');
    try {
      expect(await read(3)).toEqual(['a29', 'a28', 'a27']);
      expect(await read(100)).toHaveLength(30);
    } finally {
      Reflect.set(IDBIndex.prototype, 'getAllRecords', getAllRecords);
    }
  });
});
