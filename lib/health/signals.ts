import type { Severity, Signal } from '../model/signal';
import { clamp, dateOf } from './dates';
import type { ComponentResult, Reason } from './model';

/** With signals recorded but none open, the part sits here: open risks pull it down, opportunities up. */
export const SIGNALS_BASELINE = 70;
export const RISK_POINTS: Record<Severity, number> = { low: 10, medium: 20, high: 35 };
/** Opportunities lift less than risks sink: a churn risk is costlier than a missed upsell. */
export const OPPORTUNITY_POINTS: Record<Severity, number> = { low: 5, medium: 10, high: 15 };

/** Signals that had happened by `asOf` (by when they happened, so history shows the truth as later learnt). */
export function signalsKnownAsOf(signals: readonly Signal[], asOf: string): Signal[] {
  return signals.filter((s) => dateOf(s.occurredAt) <= asOf);
}

/** Open on `asOf`: happened by then and not resolved by then (a later resolution still counts as open). */
export function isOpenAsOf(signal: Signal, asOf: string): boolean {
  return dateOf(signal.occurredAt) <= asOf && (signal.resolvedAt === null || dateOf(signal.resolvedAt) > asOf);
}

/**
 * Signals from the open risks and opportunities on `asOf`, weighted by severity. Null when no
 * signal had been recorded by then: a CSM who does not log signals should not get a free score.
 */
export function signalsComponent(signals: readonly Signal[], asOf: string): ComponentResult | null {
  if (signalsKnownAsOf(signals, asOf).length === 0) return null;
  let value = SIGNALS_BASELINE;
  let risks = 0;
  let high = 0;
  let opportunities = 0;
  for (const s of signals) {
    if (!isOpenAsOf(s, asOf)) continue;
    if (s.polarity === 'risk') {
      risks++;
      if (s.severity === 'high') high++;
      value -= RISK_POINTS[s.severity];
    } else {
      opportunities++;
      value += OPPORTUNITY_POINTS[s.severity];
    }
  }
  const reasons: Reason[] = [];
  if (risks > 0) reasons.push({ key: 'health.reason.openRisks', params: { count: risks, high } });
  if (opportunities > 0) reasons.push({ key: 'health.reason.openOpportunities', params: { count: opportunities } });
  if (reasons.length === 0) reasons.push({ key: 'health.reason.noOpenSignals' });
  return { id: 'signals', value: Math.round(clamp(value)), reasons };
}
