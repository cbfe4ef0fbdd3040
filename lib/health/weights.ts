import { z } from '../model/zod';

/** The parts of the health score, in the order they are shown. */
export const HEALTH_COMPONENT_IDS = ['usage', 'engagement', 'relationship', 'goals', 'signals'] as const;
export const HealthComponentId = z.enum(HEALTH_COMPONENT_IDS);
export type HealthComponentId = z.infer<typeof HealthComponentId>;

const weight = (fallback: number) => z._default(z.number().check(z.gte(0), z.lte(100)), fallback);

/**
 * How much each part counts. Relative: they need not add up to 100, since a part without data
 * has its weight shared among the others anyway. Every field defaults, so settings saved before a
 * part existed (or holding only the parts the CSM changed) still read.
 */
export const HealthWeights = z.object({
  usage: weight(35),
  engagement: weight(20),
  relationship: weight(20),
  goals: weight(15),
  signals: weight(10),
});
export type HealthWeights = z.infer<typeof HealthWeights>;

export const DEFAULT_HEALTH_WEIGHTS: HealthWeights = HealthWeights.parse({});
