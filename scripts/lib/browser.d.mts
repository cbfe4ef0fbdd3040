import type { BrowserContext } from 'playwright-core';

export const EXTENSION_DIR: string;
export const SITE_DIR: string;
export const SAMPLE_HOST: string;
export const SIDEBAR_SELECTOR: string;
export function findChromium(): string;
export function routeSampleSite(context: BrowserContext): Promise<void>;
export interface SampleAccount {
  id: string;
  labels: 'en' | 'ja';
  shadowFields?: string[];
  /** [API name, label, value] */
  fields: [string, string, string][];
}
export interface SampleData {
  accounts: SampleAccount[];
  opportunity: { id: string; name: string; stage: string };
}
export function sampleData(): SampleData;
export function accountUrl(id: string, host?: string): string;
export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string | null;
  userDataDir: string;
  close(): Promise<void>;
}
export function launchBrowser(options?: { userDataDir?: string; headless?: boolean; locale?: string; withExtension?: boolean }): Promise<LaunchedBrowser>;
