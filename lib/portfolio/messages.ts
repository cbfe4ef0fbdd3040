import { en, type MessageKey } from '../i18n/en';
import type { TrendDirection } from '../model/trend';

/**
 * The portfolio's message keys (the text is in lib/i18n/en.ts and ja.ts). The ranking returns
 * reasons as keys with parameters; counts pick a `.one` or `.other` key so English reads
 * naturally without plural rules in `t()`.
 */
export type PortfolioMessageKey = Extract<MessageKey, `portfolio.${string}`>;

/** Anything that turns a key and its parameters into text: the UI's `t`, or a test double. */
export type PortfolioTranslate = (key: PortfolioMessageKey, params?: Record<string, string | number>) => string;

// Code → key. Typed with template literals, so a new trend without a message is a type error.
export const isPortfolioMessageKey = (key: unknown): key is PortfolioMessageKey => typeof key === 'string' && key.startsWith('portfolio.') && Object.hasOwn(en, key);

export const trendKey = (trend: TrendDirection): PortfolioMessageKey => `portfolio.trend.${trend}`;

/** Why a row ranks where it does: a message key and its parameters, never English. */
export interface Reason {
  key: PortfolioMessageKey;
  params?: Record<string, string | number>;
}

export const reasonText = (reason: Reason, translate: PortfolioTranslate): string => translate(reason.key, reason.params);

export type CountedReason = 'blindSpots' | 'openRisks' | 'overdueSteps' | 'renewalSoon' | 'renewalPassed';

/** The `.one` or `.other` form of a counted reason. */
export const countedReasonKey = (reason: CountedReason, count: number): PortfolioMessageKey =>
  count === 1 ? `portfolio.reason.${reason}.one` : `portfolio.reason.${reason}.other`;
