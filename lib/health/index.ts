// The health score engine's public surface: pure functions, no storage, no UI.
export { computeHealth, combineComponents, type HealthInput, type ComponentResults } from './score';
export { healthTrend, dailyHistory, usageSparkline, TREND_DEAD_BAND } from './trend';
export { findBlindSpots, HEALTHY_USAGE, WEAK_USAGE, STRONG_RELATIONSHIP, type BlindSpotInput } from './blind-spots';
export { HealthScore, HealthComponent, BlindSpot, BlindSpotKind, Reason, SubscriptionScore, type ComponentResult } from './model';
export { HealthWeights, DEFAULT_HEALTH_WEIGHTS, HealthComponentId, HEALTH_COMPONENT_IDS } from './weights';
export {
  isHealthMessageKey, componentNameKey, missingKey, trendKey, blindSpotKindKey, signalEvidenceKey, latestToneKey,
  type HealthMessageKey,
} from './messages';
