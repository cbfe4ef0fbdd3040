import { z } from './zod';
import { AccountKey } from './account';
import { IsoDateTime } from './dates';
import { EditableEntry } from './entry';
import { LIMITS } from './limits';

/**
 * What a handover package left in the receiving profile (the `handovers` store), besides the
 * records it added: a marker per package and account (the timeline's "handed over by …"), and the
 * sender's version of every record both sides had changed (kept beside the receiver's own, never
 * dropped). The file format itself is lib/handover/format.ts.
 */

/** How one import of a package went for one account (or for the whole package, summed). */
export const HandoverCounts = z.object({
  /** Records this profile did not have (touches, signals, goals, stakeholders, field snapshots, usage links). */
  added: z.int().check(z.nonnegative()),
  /** Records already here as sent, or a version of them this profile received before. */
  unchanged: z.int().check(z.nonnegative()),
  /** Records this profile had as an earlier package brought them, untouched since: the sender's newer version replaced them. */
  updated: z.int().check(z.nonnegative()),
  /** Goals whose status history gained the sender's status changes. */
  merged: z.int().check(z.nonnegative()),
  /** Records changed on both sides: the sender's version is kept beside this profile's. */
  conflicts: z.int().check(z.nonnegative()),
  /** Usage accounts this profile links to another CRM account: its own link is kept. */
  linksKept: z.int().check(z.nonnegative()),
});
export type HandoverCounts = z.infer<typeof HandoverCounts>;

export const NO_COUNTS: HandoverCounts = { added: 0, unchanged: 0, updated: 0, merged: 0, conflicts: 0, linksKept: 0 };

const fromPackage = {
  accountKey: AccountKey,
  /** The package's own id, made when it was exported: the same file imported again is known by it. */
  handoverId: z.string().check(z.minLength(1), z.maxLength(64)),
  senderName: z.string().check(z.minLength(1), z.maxLength(LIMITS.name)),
  sentAt: IsoDateTime,
  receivedAt: IsoDateTime,
};

/** The account was handed over: by whom, when, and what the import did. One per package and account. */
export const HandoverReceived = z.object({
  type: z.literal('received'),
  id: z.string().check(z.minLength(1)),
  ...fromPackage,
  includesInternalNotes: z.boolean(),
  /** The health score the sender's profile computed when it exported (informational). */
  healthScore: z.nullable(z.int().check(z.gte(0), z.lte(100))),
  counts: HandoverCounts,
  /**
   * Every record version the package carried (see `versionKey`): a version received once is never
   * merged again, so importing a package twice, or after editing or deleting what it brought,
   * changes nothing.
   */
  versions: z.array(z.string().check(z.minLength(1))),
});
export type HandoverReceived = z.infer<typeof HandoverReceived>;

/** The sender's version of a record this profile had changed too. */
export const HandoverVersion = z.object({
  type: z.literal('version'),
  id: z.string().check(z.minLength(1)),
  ...fromPackage,
  entry: EditableEntry,
});
export type HandoverVersion = z.infer<typeof HandoverVersion>;

export const HandoverRecord = z.discriminatedUnion('type', [HandoverReceived, HandoverVersion]);
export type HandoverRecord = z.infer<typeof HandoverRecord>;

/** One saved state of a record: its store, id, revision and time of save. */
export function versionKey(entry: EditableEntry): string {
  return `${entry.store}:${entry.record.id}:${entry.record.revision}:${entry.record.updatedAt}`;
}

/** The id of the marker of a package on an account: the same package imported twice makes one. */
export function receivedId(handoverId: string, accountKey: string): string {
  return `received:${handoverId}:${accountKey}`;
}

/** The id of a sender's version kept beside the local record: derived from the version, so it is kept once. */
export function versionId(entry: EditableEntry): string {
  return `version:${versionKey(entry)}`;
}
