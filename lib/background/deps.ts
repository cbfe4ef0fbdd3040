import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import type { Fetcher } from '../usage/source-fetch';
import type { TabSessions } from './tab-sessions';
import { createPortfolioRefresher, type PortfolioRefresher, type PortfolioRefresherOptions } from './portfolio-refresher';
import { createImportStaging, type ImportStaging } from './import-staging';

/** What the background's request handlers work with; one per background instance (the worker, or a test). */
export interface BackgroundDeps {
  db: () => Promise<IDBPDatabase<AdoptionDb>>;
  sessions: TabSessions;
  now: () => Date;
  newId: () => string;
  portfolio: PortfolioRefresher;
  imports: ImportStaging;
  /** The configured usage source: how it is fetched, whether its host may be read, its schedule. */
  usageSource?: {
    fetcher: Fetcher;
    hasHostPermission: (originPattern: string) => Promise<boolean>;
    schedule: (refreshHours: number | null) => Promise<void>;
  };
}

/** Who sent a request: the tab of a content script or of a sidebar frame; none for the options page. */
export interface RequestSender {
  tabId?: number;
}

export function createBackgroundDeps(
  base: Omit<BackgroundDeps, 'portfolio' | 'imports'>,
  options: { portfolio?: PortfolioRefresherOptions } = {},
): BackgroundDeps {
  return { ...base, portfolio: createPortfolioRefresher(base.db, base.now, options.portfolio), imports: createImportStaging() };
}
