import type { LaunchedBrowser } from './browser.mjs';
export function demoUsageCsv(now?: number, days?: number): string;
export function demoBackup(now?: number): unknown;
export function importDemoData(browser: Pick<LaunchedBrowser, 'context' | 'extensionId'>, now?: number): Promise<void>;
