import type { IDBPDatabase } from 'idb';
import { Interaction, type InteractionInput } from '../model/interaction';
import type { AccountKey } from '../model/account';
import { parseStoredList } from '../db/records';
import type { AdoptionDb } from '../db/schema';

export async function saveInteraction(db: IDBPDatabase<AdoptionDb>, input: InteractionInput, now: Date, id: string): Promise<Interaction> {
  const at = now.toISOString();
  // Stored in UTC so the index orders entries by time whatever offset the form sent.
  const interaction = Interaction.parse({ ...input, occurredAt: new Date(input.occurredAt).toISOString(), id, createdAt: at, updatedAt: at });
  await db.put('interactions', interaction);
  return interaction;
}

/** An account's interactions, newest first; damaged records are counted, not returned. */
export async function listInteractions(db: IDBPDatabase<AdoptionDb>, accountKey: AccountKey): Promise<{ items: Interaction[]; damaged: number }> {
  const range = IDBKeyRange.bound([accountKey, ''], [accountKey, '\uffff']);
  const values = await db.getAllFromIndex('interactions', 'byAccount', range);
  const list = parseStoredList(Interaction, values.reverse());
  return list;
}
