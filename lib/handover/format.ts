import { z } from '../model/zod';
import { Account, FieldSnapshot } from '../model/account';
import { IsoDateTime } from '../model/dates';
import { Interaction } from '../model/interaction';
import { SuccessGoal } from '../model/goal';
import { Signal } from '../model/signal';
import { Stakeholder } from '../model/stakeholder';
import { UsageAccountLink } from '../model/usage';
import { LIMITS } from '../model/limits';
import { HandoverCounts } from '../model/handover';
import { HealthScore } from '../health/model';

export const HANDOVER_FORMAT = 'adoption-sidebar-handover';
export const HANDOVER_VERSION = 1;
/** A portfolio holds about a hundred accounts; a package of all of them fits well under this. */
export const HANDOVER_ACCOUNTS_MAX = 1000;

/** Every record recorded under one account, as the sender's profile held it at export. */
export const HandoverAccount = z
  .object({
    account: Account,
    goals: z.array(SuccessGoal),
    stakeholders: z.array(Stakeholder),
    signals: z.array(Signal),
    interactions: z.array(Interaction),
    /** Every field snapshot (what changed between visits), oldest first. */
    snapshots: z.array(FieldSnapshot),
    /** Which usage-source accounts are this account, so the receiver's next usage import matches it. */
    usageLinks: z.array(UsageAccountLink),
    /** The health as the sender's profile computed it at export, with its reasons (informational: the receiver computes its own). */
    health: z.catch(z.nullable(HealthScore), null),
  }).check(z.superRefine((section, ctx) => {
    // A package may only bring records to the account they are listed under.
    const key = section.account.key;
    for (const list of ['goals', 'stakeholders', 'signals', 'interactions', 'snapshots', 'usageLinks'] as const) {
      const seen = new Set<string>();
      section[list].forEach((record, i) => {
        if (record.accountKey !== key) ctx.addIssue({ code: 'custom', path: [list, i, 'accountKey'], message: `belongs to another account than ${key}` });
        const id = 'id' in record ? record.id : record.sourceAccountKey;
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [list, i], message: `${id} is listed twice` });
        seen.add(id);
      });
    }
  }));
export type HandoverAccount = z.infer<typeof HandoverAccount>;

/** A handover package: the accounts a CSM hands to another, to be merged into the receiver's profile. */
export const Handover = z
  .object({
    format: z.literal(HANDOVER_FORMAT),
    version: z.literal(HANDOVER_VERSION),
    /** Made at export: importing the same package again is recognised by it. */
    handoverId: z.string().check(z.minLength(1), z.maxLength(64)),
    sender: z.object({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.name)) }),
    sentAt: IsoDateTime,
    /** Whether the sender chose to include internal-only touches. */
    includesInternalNotes: z.boolean(),
    accounts: z.array(HandoverAccount).check(z.minLength(1), z.maxLength(HANDOVER_ACCOUNTS_MAX)),
  }).check(z.superRefine((handover, ctx) => {
    const keys = new Set<string>();
    handover.accounts.forEach((section, i) => {
      if (keys.has(section.account.key)) ctx.addIssue({ code: 'custom', path: ['accounts', i, 'account', 'key'], message: 'account listed twice' });
      keys.add(section.account.key);
      // A package that says it leaves internal notes out must not carry any.
      if (!handover.includesInternalNotes) {
        section.interactions.forEach((interaction, j) => {
          if (interaction.internalOnly) ctx.addIssue({ code: 'custom', path: ['accounts', i, 'interactions', j, 'internalOnly'], message: 'internal-only touch in a package without internal notes' });
        });
      }
    });
  }));
export type Handover = z.infer<typeof Handover>;

/** What an import did, for the words the settings page shows. */
export const HandoverImportResult = z.object({
  senderName: z.string(),
  sentAt: IsoDateTime,
  accounts: z.int().check(z.nonnegative()),
  /** Accounts this profile did not know before. */
  newAccounts: z.int().check(z.nonnegative()),
  counts: HandoverCounts,
  /** True when every account of the package had been imported from this very package before. */
  again: z.boolean(),
});
export type HandoverImportResult = z.infer<typeof HandoverImportResult>;
