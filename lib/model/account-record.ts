import { z } from './zod';
import { Account, RecordField } from './account';
import { Interaction } from './interaction';
import { Signal } from './signal';
import { SuccessGoal } from './goal';
import { Stakeholder } from './stakeholder';

/** Everything recorded about one account: what the health score, the QBR brief and the portfolio read. */
export const AccountRecord = z.object({
  account: Account,
  /** The CRM fields as last read (empty when the account was never visited). */
  fields: z.array(RecordField),
  interactions: z.array(Interaction),
  signals: z.array(Signal),
  goals: z.array(SuccessGoal),
  stakeholders: z.array(Stakeholder),
  damaged: z.int(),
});
export type AccountRecord = z.infer<typeof AccountRecord>;
