import { z } from 'zod';
import { AccountKey } from './account';
import { IsoDateTime, IsoDate } from './dates';
import { LIMITS } from './limits';

export const STAKEHOLDER_ROLES = ['champion', 'executive-sponsor', 'decision-maker', 'admin', 'end-user', 'detractor', 'other'] as const;
export const StakeholderRole = z.enum(STAKEHOLDER_ROLES);
export type StakeholderRole = z.infer<typeof StakeholderRole>;

export const Influence = z.enum(['low', 'medium', 'high']);
export type Influence = z.infer<typeof Influence>;

export const Channel = z.enum(['phone', 'online-meeting', 'email', 'chat']);
export type Channel = z.infer<typeof Channel>;

export const Stakeholder = z.object({
  id: z.string().min(1),
  accountKey: AccountKey,
  name: z.string().min(1).max(LIMITS.name),
  title: z.string().max(LIMITS.name).default(''),
  role: StakeholderRole,
  influence: Influence.default('medium'),
  preferredChannel: Channel.nullable().default(null),
  personalityNotes: z.string().max(LIMITS.longText).default(''),
  status: z.enum(['active', 'left']).default('active'),
  activeSince: IsoDate.nullable().default(null),
  leftOn: IsoDate.nullable().default(null),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  revision: z.number().int().nonnegative().default(0),
});
export type Stakeholder = z.infer<typeof Stakeholder>;

/** Roles whose departure is a known churn risk. */
export function isKeyRole(role: StakeholderRole): boolean {
  return role === 'champion' || role === 'executive-sponsor';
}
