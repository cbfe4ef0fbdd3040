import { z } from './zod';
import { AccountKey } from './account';
import { IsoDateTime } from './dates';
import { LIMITS } from './limits';
import type { InteractionType } from './interaction';

export const SIGNAL_KINDS = [
  'stakeholder-change',
  'champion-left',
  'new-stakeholder',
  'sponsor-priority-dropped',
  'reorganisation',
  'budget-change',
  'competitor-mentioned',
  'roi-questioned',
  'roadmap-disappointment',
  'unresolved-issue',
  'goals-exhausted',
  'expansion-interest',
  'advocacy',
  'other',
] as const;
export const SignalKind = z.enum(SIGNAL_KINDS);
export type SignalKind = z.infer<typeof SignalKind>;

export const Polarity = z.enum(['risk', 'opportunity']);
export type Polarity = z.infer<typeof Polarity>;

export const Severity = z.enum(['low', 'medium', 'high']);
export type Severity = z.infer<typeof Severity>;

export const DetectedVia = z.enum(['meeting', 'call', 'email', 'usage-data', 'crm-field-change', 'other']);
export type DetectedVia = z.infer<typeof DetectedVia>;

const DETECTED_VIA: Record<InteractionType, DetectedVia> = {
  call: 'call',
  meeting: 'meeting',
  onsite: 'meeting',
  qbr: 'meeting',
  email: 'email',
  note: 'other',
};

/** How a signal logged with a touch was noticed: from the touch's type. */
export function detectedViaOf(type: InteractionType): DetectedVia {
  return DETECTED_VIA[type];
}

const OPPORTUNITY_KINDS: ReadonlySet<SignalKind> = new Set(['expansion-interest', 'advocacy', 'new-stakeholder']);

/** The polarity a kind usually has; the CSM can override it. */
export function defaultPolarity(kind: SignalKind): Polarity {
  return OPPORTUNITY_KINDS.has(kind) ? 'opportunity' : 'risk';
}

export const Signal = z.object({
  id: z.string().check(z.minLength(1)),
  accountKey: AccountKey,
  kind: SignalKind,
  /** The CSM's own label when kind is `other`. */
  otherLabel: z._default(z.string().check(z.maxLength(LIMITS.name)), ''),
  polarity: Polarity,
  severity: Severity,
  /** The stakeholder it concerns, when there is one. */
  stakeholderId: z._default(z.nullable(z.string()), null),
  whatHappened: z._default(z.string().check(z.maxLength(LIMITS.longText)), ''),
  howTheyFeel: z._default(z.string().check(z.maxLength(LIMITS.longText)), ''),
  occurredAt: IsoDateTime,
  detectedAt: IsoDateTime,
  detectedVia: DetectedVia,
  /** The interaction it was logged with, if any. */
  interactionId: z._default(z.nullable(z.string()), null),
  /** Open signals count toward health and the portfolio; resolved ones stay in the timeline. */
  resolvedAt: z._default(z.nullable(IsoDateTime), null),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  revision: z._default(z.int().check(z.nonnegative()), 0),
});
export type Signal = z.infer<typeof Signal>;
