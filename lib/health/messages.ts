import { en, type MessageKey } from '../i18n/en';
import type { Tone } from '../model/interaction';
import type { SignalKind } from '../model/signal';
import type { HealthComponentId } from './weights';
import type { TrendDirection } from '../model/trend';

/**
 * The health score's message keys (the text is in lib/i18n/en.ts and ja.ts). The engine returns
 * keys and parameters only (never English), so the sidebar and the exports can show them in the
 * UI language. Counts are written as "label: {count}" so no plural forms are needed.
 */
export type HealthMessageKey = Extract<MessageKey, `health.${string}`>;

export function isHealthMessageKey(value: unknown): value is HealthMessageKey {
  return typeof value === 'string' && value.startsWith('health.') && Object.hasOwn(en, value);
}

// Code → key. Typed with template literals, so a new code without a message is a type error.
export const componentNameKey = (id: HealthComponentId): HealthMessageKey => `health.component.${id}`;
export const missingKey = (id: HealthComponentId): HealthMessageKey => `health.missing.${id}`;
export const trendKey = (trend: TrendDirection): HealthMessageKey => `health.trend.${trend}`;
export const blindSpotKindKey = (kind: 'hidden-risk' | 'adoption-gap'): HealthMessageKey => `health.blindSpotKind.${kind}`;
export const signalEvidenceKey = (kind: SignalKind): HealthMessageKey => `health.signal.${kind}`;
export const latestToneKey = (tone: Tone): HealthMessageKey => `health.reason.latestTone.${tone}`;
