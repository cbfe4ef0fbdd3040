import type { Browser, Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR: string;
export function findFirefox(): string;
export interface LaunchedFirefox {
  browser: Browser;
  addonId: string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}
export function launchFirefox(options?: { extensionDir?: string; headless?: boolean }): Promise<LaunchedFirefox>;
