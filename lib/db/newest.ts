import { unwrap, wrap, type DBSchema, type IDBPIndex, type IndexNames, type StoreNames } from 'idb';

/** `IDBIndex.getAllRecords` (Chrome 141 and later; not yet in TypeScript's DOM types): one request for many records, in either direction. */
interface IndexRecord {
  value: unknown;
}
type RecordsIndex = IDBIndex & {
  getAllRecords(options: { query?: IDBKeyRange | null; count?: number; direction?: IDBCursorDirection }): IDBRequest<IndexRecord[]>;
};

const hasGetAllRecords = (index: IDBIndex): index is RecordsIndex => typeof Reflect.get(index, 'getAllRecords') === 'function';

/**
 * The last `count` values of an index range, newest (highest key) first. Where the browser has
 * `getAllRecords`, one request reads them all; elsewhere (Firefox today) a cursor walks back one
 * record a request. A cursor costs a round trip to the browser's IndexedDB per record, about four
 * times the time for a timeline page here.
 */
export async function newestInIndex<DB extends DBSchema | unknown, Tx extends ArrayLike<StoreNames<DB>>, S extends StoreNames<DB>, I extends IndexNames<DB, S>, Mode extends IDBTransactionMode>(
  index: IDBPIndex<DB, Tx, S, I, Mode>,
  range: IDBKeyRange,
  count: number,
): Promise<unknown[]> {
  const raw = unwrap(index);
  if (hasGetAllRecords(raw)) {
    const records = await wrap(raw.getAllRecords({ query: range, count, direction: 'prev' }));
    return records.map((r) => r.value);
  }
  const values: unknown[] = [];
  for (let c = await index.openCursor(range, 'prev'); c && values.length < count; c = await c.continue()) values.push(c.value);
  return values;
}
