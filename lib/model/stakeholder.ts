import { z } from './zod';
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
  id: z.string().check(z.minLength(1)),
  accountKey: AccountKey,
  name: z.string().check(z.minLength(1), z.maxLength(LIMITS.name)),
  title: z._default(z.string().check(z.maxLength(LIMITS.name)), ''),
  role: StakeholderRole,
  influence: z._default(Influence, 'medium'),
  preferredChannel: z._default(z.nullable(Channel), null),
  personalityNotes: z._default(z.string().check(z.maxLength(LIMITS.longText)), ''),
  status: z._default(z.enum(['active', 'left']), 'active'),
  activeSince: z._default(z.nullable(IsoDate), null),
  leftOn: z._default(z.nullable(IsoDate), null),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  revision: z._default(z.int().check(z.nonnegative()), 0),
});
export type Stakeholder = z.infer<typeof Stakeholder>;

/** Roles whose departure is a known churn risk. */
export function isKeyRole(role: StakeholderRole): boolean {
  return role === 'champion' || role === 'executive-sponsor';
}
