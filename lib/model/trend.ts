import { z } from './zod';

/** Which way a figure moved over a period; `unknown` when either end had no data. */
export const TREND_DIRECTIONS = ['up', 'down', 'flat', 'unknown'] as const;
export const TrendDirection = z.enum(TREND_DIRECTIONS);
export type TrendDirection = z.infer<typeof TrendDirection>;
