import type { BrowserContext } from 'playwright-core';

export interface PortfolioBenchOptions {
  context: BrowserContext;
  extensionId: string;
  report: (name: string, value: number, unit: string, target: string, more?: Record<string, unknown>) => void;
  RUNS: number;
  /** The raw floors (scripts/bench/floors.mjs): each opening is paired with a raw read of the rows' records. */
  floors?: { portfolio(): Promise<number>; check: { portfolio(): Promise<{ accounts: number; entries: number }> } };
  /** The ratio-to-floor target, as shown. */
  ratioTarget?: string;
}

/** Imports 500 accounts × 200 entries as backups on the options page, then times the portfolio page RUNS times. */
export function benchPortfolioPage(options: PortfolioBenchOptions): Promise<void>;

/** A version-1 backup of the generated accounts [first, first + count). */
export function portfolioBackup(first: number, count: number, now?: number): { format: 'adoption-sidebar-backup'; version: 1; exportedAt: string; records: Record<string, unknown[]> };
