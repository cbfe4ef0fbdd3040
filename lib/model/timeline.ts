import { z } from './zod';
import { AccountKey, FieldChange } from './account';
import { IsoDateTime } from './dates';
import { Interaction } from './interaction';
import { Signal } from './signal';
import { GoalStatus, GoalStatusChange } from './goal';
import { HandoverReceived, HandoverVersion } from './handover';

/**
 * The account's timeline as the sidebar pages through it: touches, signals, goal status changes, CRM
 * field changes, and handovers (the account handed over to this CSM; a sender's version of a record
 * both sides changed).
 */
export const TIMELINE_KINDS = ['interaction', 'signal', 'goal-status', 'field-change', 'handover', 'handover-version'] as const;
export const TimelineKind = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof TimelineKind>;

const base = { id: z.string(), at: IsoDateTime };
export const TimelineEntry = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('interaction'), interaction: Interaction }),
  z.object({ ...base, kind: z.literal('signal'), signal: Signal }),
  z.object({ ...base, kind: z.literal('goal-status'), goalId: z.string(), goalTitle: z.string(), change: GoalStatusChange, previous: z.nullable(GoalStatus) }),
  z.object({ ...base, kind: z.literal('field-change'), changes: z.array(FieldChange) }),
  z.object({ ...base, kind: z.literal('handover'), handover: HandoverReceived }),
  z.object({ ...base, kind: z.literal('handover-version'), version: HandoverVersion }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** Where the next page starts: strictly older than this entry. */
export const TimelineCursor = z.object({ at: IsoDateTime, id: z.string() });
export type TimelineCursor = z.infer<typeof TimelineCursor>;

/** Entries a timeline page holds unless asked otherwise: the sidebar's list is virtualised, so pages only bound the reads. */
export const TIMELINE_PAGE_SIZE = 100;

export const TimelineQuery = z.object({
  accountKey: AccountKey,
  kinds: z._default(z.array(TimelineKind).check(z.minLength(1)), [...TIMELINE_KINDS]),
  before: z._default(z.nullable(TimelineCursor), null),
  limit: z._default(z.int().check(z.gte(1), z.lte(500)), TIMELINE_PAGE_SIZE),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const TimelinePage = z.object({ entries: z.array(TimelineEntry), next: z.nullable(TimelineCursor), damaged: z.int() });
export type TimelinePage = z.infer<typeof TimelinePage>;

/** Newest first, in IndexedDB's key order (code units), with the id breaking ties. */
export function compareNewestFirst(a: { at: string; id: string }, b: { at: string; id: string }): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
