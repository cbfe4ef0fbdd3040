import { z } from './zod';
import { IsoDateTime } from './dates';
import { AppErrorData } from '../errors';

/**
 * Touches written back to the CRM: each interaction the CSM saves while logging to the CRM is on
 * becomes an activity on the account there (a Salesforce Task, a Dynamics phone call, a HubSpot
 * note), where the whole team sees it. One record per interaction is both its place in the outbox
 * and the memory of the activity it became, so an edit updates that activity and never makes a second.
 */

/** The CRMs a touch can be written to, as account keys name them (lib/model/account-key.ts). */
export const WRITABLE_CRMS = ['salesforce', 'dynamics', 'hubspot'] as const;
export const WritableCrm = z.enum(WRITABLE_CRMS);
export type WritableCrm = z.infer<typeof WritableCrm>;

/** The CRM an account key names, when touches can be written to it. */
export function writableCrmOf(accountKey: string): WritableCrm | null {
  const crm = WritableCrm.safeParse(accountKey.split(':', 1)[0]);
  return crm.success ? crm.data : null;
}

/**
 * - `waiting`: to be written (first time or after an edit), at `nextAttemptAt`.
 * - `written`: the CRM has the interaction's latest revision.
 * - `failed`: the CRM refused it for a reason a retry will not change (a field it rejects, the
 *   activity deleted there, the org refusing browser sessions): the CSM is told and can retry.
 * - `withheld`: made internal-only after it was written; the CRM keeps the version it has.
 */
export const CRM_WRITE_STATES = ['waiting', 'written', 'failed', 'withheld'] as const;
export const CrmWriteState = z.enum(CRM_WRITE_STATES);
export type CrmWriteState = z.infer<typeof CrmWriteState>;

export const CrmWrite = z.object({
  interactionId: z.string().check(z.minLength(1)),
  accountKey: z.string().check(z.minLength(1)),
  crm: WritableCrm,
  state: CrmWriteState,
  /** The activity's id in the CRM once created: later saves update it. */
  activityId: z.nullable(z.string().check(z.minLength(1))),
  /** The interaction revision the CRM should have, and the one it has (null: none yet). */
  wantedRevision: z.int().check(z.nonnegative()),
  writtenRevision: z.nullable(z.int().check(z.nonnegative())),
  /** Attempts since the last success; the wait before the next grows with them. */
  attempts: z.int().check(z.nonnegative()),
  nextAttemptAt: IsoDateTime,
  /**
   * Set while a create is on its way: if the worker stops before the answer comes back, the CRM
   * may have the activity already, so the next attempt looks for it (by the reference the activity
   * carries) before creating one.
   */
  createSentAt: z.nullable(IsoDateTime),
  lastError: z.nullable(AppErrorData),
  writtenAt: z.nullable(IsoDateTime),
  updatedAt: IsoDateTime,
});
export type CrmWrite = z.infer<typeof CrmWrite>;

/** Which CRMs the CSM logs touches to (settings; all off until turned on, with the permissions they need). */
export const CrmWriteSwitches = z.object({
  salesforce: z._default(z.boolean(), false),
  dynamics: z._default(z.boolean(), false),
  hubspot: z._default(z.boolean(), false),
} satisfies Record<WritableCrm, z.ZodMiniDefault<z.ZodMiniBoolean>>);
export type CrmWriteSwitches = z.infer<typeof CrmWriteSwitches>;
export const ALL_CRM_WRITES_OFF: CrmWriteSwitches = CrmWriteSwitches.parse({});

/** What the timeline shows of a touch's write: its state, and why when it is not written. */
export const CrmWriteStatus = z.pick(CrmWrite, { interactionId: true, crm: true, state: true, lastError: true, writtenAt: true, nextAttemptAt: true, attempts: true });
export type CrmWriteStatus = z.infer<typeof CrmWriteStatus>;

/** An activity on the account written by someone else in the CRM, as the sidebar shows it (read-only). */
export const TeamTouch = z.object({
  id: z.string().check(z.minLength(1)),
  subject: z.string().check(z.maxLength(1_000)),
  body: z.string().check(z.maxLength(10_000)),
  at: IsoDateTime,
  by: z.string().check(z.maxLength(200)),
});
export type TeamTouch = z.infer<typeof TeamTouch>;

/** Credentials for writing to CRMs that need one (HubSpot's private-app token): this browser's only, never in a backup or a log. */
export const CrmTokens = z.object({ hubspot: z._default(z.string().check(z.trim(), z.maxLength(500)), '') });
export type CrmTokens = z.infer<typeof CrmTokens>;
