import type { IDBPDatabase } from 'idb';
import { Interaction } from '../model/interaction';
import type { AccountKey } from '../model/account';
import { parseStoredList } from '../db/records';
import type { AdoptionDb } from '../db/schema';

/** An account's interactions, newest first; damaged records are counted, not returned. */
export async function listInteractions(db: IDBPDatabase<AdoptionDb>, accountKey: AccountKey): Promise<{ items: Interaction[]; damaged: number }> {
  const range = IDBKeyRange.bound([accountKey, ''], [accountKey, '\uffff']);
  const values = await db.getAllFromIndex('interactions', 'byAccount', range);
  return parseStoredList(Interaction, values.reverse());
}
