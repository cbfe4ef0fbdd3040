import type { SuccessGoal } from '../model/goal';
import type { Interaction } from '../model/interaction';
import type { Signal } from '../model/signal';
import type { Stakeholder } from '../model/stakeholder';
import type { UsageSeries } from '../model/usage';
import { findBlindSpots } from './blind-spots';
import { engagementComponent } from './engagement';
import { goalsComponent } from './goals';
import type { ComponentResult, HealthComponent, HealthScore, SubscriptionScore } from './model';
import { relationshipComponent } from './relationship';
import { signalsComponent } from './signals';
import { usageComponent } from './usage';
import { HEALTH_COMPONENT_IDS, type HealthComponentId, type HealthWeights } from './weights';

export interface HealthInput {
  /** `YYYY-MM-DD`: only data dated on or before this day counts, so past days can be recomputed. */
  asOf: string;
  /** Points sorted oldest first. */
  usage: readonly UsageSeries[];
  interactions: readonly Interaction[];
  signals: readonly Signal[];
  goals: readonly SuccessGoal[];
  stakeholders: readonly Stakeholder[];
  weights: HealthWeights;
}

export type ComponentResults = Record<HealthComponentId, ComponentResult | null>;

/**
 * The weighted mean of the parts that have data. A missing part's weight is shared among the
 * others pro rata (each effective weight is its configured weight over the sum present), so a
 * CSM who never logs signals is neither rewarded nor punished for it. If every part present is
 * configured at 0, they count equally rather than leaving no score.
 */
export function combineComponents(results: ComponentResults, weights: HealthWeights): Pick<HealthScore, 'score' | 'components' | 'missing'> {
  const present: ComponentResult[] = [];
  const missing: HealthComponentId[] = [];
  for (const id of HEALTH_COMPONENT_IDS) {
    const result = results[id];
    if (result) present.push(result);
    else missing.push(id);
  }
  if (present.length === 0) return { score: null, components: [], missing };
  const configured = present.reduce((sum, c) => sum + weights[c.id], 0);
  const share = (c: ComponentResult) => (configured > 0 ? (weights[c.id] / configured) * 100 : 100 / present.length);
  const components: HealthComponent[] = present.map((c) => ({ id: c.id, value: c.value, weight: weights[c.id], effectiveWeight: share(c), reasons: c.reasons }));
  const score = Math.round(components.reduce((sum, c) => sum + (c.value * c.effectiveWeight) / 100, 0));
  return { score, components, missing };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One account's health on `input.asOf`: five parts (usage, engagement, relationship, goals,
 * signals), each with its reasons, the weighted score, the blind spots the score would hide, and
 * a score per subscription (the same parts, with only that subscription's usage).
 */
export function computeHealth(input: HealthInput): HealthScore {
  const { asOf } = input;
  if (!ISO_DATE.test(asOf)) throw new Error(`asOf must be YYYY-MM-DD, got ${asOf}`);
  // The parts that do not depend on usage are computed once and shared by the subscription scores.
  const others = {
    engagement: engagementComponent(input.interactions, asOf),
    relationship: relationshipComponent(input.interactions, input.signals, asOf),
    goals: goalsComponent(input.goals, asOf),
    signals: signalsComponent(input.signals, asOf),
  };
  const usage = usageComponent(input.usage, asOf);
  const combined = combineComponents({ usage, ...others }, input.weights);

  const names = [...new Set(input.usage.map((s) => s.subscription).filter((s) => s !== ''))].sort();
  const subscriptions: SubscriptionScore[] = names.map((subscription) => {
    const own = input.usage.filter((s) => s.subscription === subscription);
    // The common single-subscription account: its usage is the account's, already scored.
    const ownUsage = own.length === input.usage.length ? usage : usageComponent(own, asOf);
    return { subscription, score: combineComponents({ usage: ownUsage, ...others }, input.weights).score };
  });

  const blindSpots = findBlindSpots({
    asOf,
    usage: usage?.value ?? null,
    relationship: others.relationship?.value ?? null,
    usageSeries: input.usage,
    interactions: input.interactions,
    signals: input.signals,
    goals: input.goals,
    stakeholders: input.stakeholders,
  });
  return { asOf, ...combined, blindSpots, subscriptions };
}
