import type { BrowserContext, Frame, Page } from 'playwright-core';

/** Where `npm run build` puts the Chrome MV3 extension (`.output/chrome-mv3`). */
export const EXTENSION_DIR: string;
/** The sample Lightning site's files (`tests/fixtures/lightning-site`). */
export const SITE_DIR: string;
/** `acme.lightning.force.com` */
export const SAMPLE_HOST: string;
/** `iframe[data-testid="adoption-sidebar"]` */
export const SIDEBAR_SELECTOR: string;
/** `https://*.lightning.force.com/**` */
export const SAMPLE_SITE_PATTERN: string;
/** `https://*.my.salesforce.com/**`: the sample accounts in Salesforce Classic. */
export const CLASSIC_SITE_PATTERN: string;
/** `acme.my.salesforce.com` */
export const CLASSIC_HOST: string;
/** `tests/fixtures/hubspot-site` */
export const HUBSPOT_SITE_DIR: string;
/** `https://*.hubspot.com/**`: the sample HubSpot portal (app.hubspot.com and regional app hosts). */
export const HUBSPOT_SITE_PATTERN: string;
/** `app.hubspot.com` */
export const HUBSPOT_HOST: string;
/** `tests/fixtures/dynamics-site` */
export const DYNAMICS_SITE_DIR: string;
/** `https://*.dynamics.com/**`: the sample Dynamics 365 org. */
export const DYNAMICS_SITE_PATTERN: string;
/** `contoso.crm4.dynamics.com` */
export const DYNAMICS_HOST: string;
export const TAUGHT_SITES_DIR: string;
export const KINTONE_HOST: string;
export const ADMIN_HOST: string;
export const TAUGHT_SITE_PATTERNS: string[];
/** Playwright's default timeout in browsers launched here (60 s): far above need, so a busy machine cannot fail a step. */
export const DEFAULT_TIMEOUT_MS: number;

/** CHROME_PATH, then /usr/bin/chromium, chromium-browser, google-chrome, google-chrome-stable; throws saying what to install. */
export function findChromium(): string;
/** Throws when `dir` (default EXTENSION_DIR) has no manifest.json. */
export function assertExtensionBuilt(dir?: string): void;
/** Serves the sample site on every *.lightning.force.com host, its Classic pages on every *.my.salesforce.com host, and aborts every other http(s) request. */
export function routeSampleSite(context: BrowserContext): Promise<void>;
/** What the sample CRM sites answer for a URL, or null when it is on none of their hosts. */
export function sampleSiteResponse(url: string): { status: number; contentType: string; body: string | Buffer } | null;

/** One sample field: [API name, label as shown, value as shown ('' for an empty field)]. */
export type SampleField = [apiName: string, label: string, value: string];

export interface SampleAccount {
  /** 18-character Salesforce id (prefix 001). */
  id: string;
  /** Language of the labels the page shows. */
  labels: 'en' | 'ja';
  /** API names of the fields rendered inside an open native shadow root. */
  shadowFields?: string[];
  fields: SampleField[];
  /** [name, title, email] */
  contacts?: [name: string, title: string, email: string][];
}

export interface SampleUser {
  id: string;
  name: string;
  title: string;
}

export interface SampleData {
  accounts: SampleAccount[];
  opportunity: { id: string; name: string; stage: string; amount?: string; closeDate?: string };
  users?: SampleUser[];
}

export function sampleData(): SampleData;
export function sampleAccounts(): SampleAccount[];
/** A sample account's value for a field API name ('' when absent). */
export function fieldValue(account: SampleAccount, apiName: string): string;
/** `https://<host>/lightning/r/Account/<id>/view`, host defaulting to SAMPLE_HOST. */
export function accountUrl(id: string, host?: string): string;
export function sampleAccountKey(id: string, host?: string): string;
export interface HubspotSampleData {
  portalId: string;
  companies: { id: string; labels: 'en' | 'ja'; properties: [name: string, label: string, value: string][]; associated: string[] }[];
  contacts: { id: string; name: string; email: string; jobtitle: string }[];
}
/** The parsed tests/fixtures/hubspot-site/companies.json. */
export function hubspotData(): HubspotSampleData;
/** A sample HubSpot company's record page: `https://app.hubspot.com/contacts/<portal>/record/0-2/<id>`. */
export function hubspotCompanyUrl(id: string, host?: string): string;
export interface DynamicsSampleData {
  appId: string;
  accounts: { id: string; name: string; labels: 'en' | 'ja'; header: [string, string, string][]; process: [string, string, string][]; body: [string, string, string][]; industry: [label: string, value: string] }[];
  contact: { id: string; firstname: string; lastname: string };
}
/** The parsed tests/fixtures/dynamics-site/accounts.json. */
export function dynamicsData(): DynamicsSampleData;
/** A sample Dynamics 365 account form: `https://contoso.crm4.dynamics.com/main.aspx?…&etn=account&id=%7B<ID>%7D`. */
export function dynamicsAccountUrl(id: string, host?: string): string;
/** A sample account's Classic detail page: `https://acme.my.salesforce.com/<15-character id>`. */
export function classicAccountUrl(id: string, host?: string): string;

export interface LaunchOptions {
  /** A profile directory; a fresh temporary one when absent. Reuse it (after close) to relaunch the same profile. */
  userDataDir?: string;
  /** Default true (Chromium's new headless mode, which runs extensions). */
  headless?: boolean;
  /** UI language, e.g. 'ja' (`--lang`, the context locale and LANGUAGE). */
  locale?: string;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** null only when launched with `withExtension: false`. */
  extensionId: string | null;
  userDataDir: string;
  close(): Promise<void>;
}

export interface LaunchedWithExtension extends LaunchedBrowser {
  extensionId: string;
}

/** A new empty folder under the system's temp folder, removed when the process exits. */
export function scratchDir(prefix?: string): string;
export function launchBrowser(options?: LaunchOptions & { withExtension?: boolean; extensionDir?: string }): Promise<LaunchedBrowser>;
export function launchWithExtension(options?: LaunchOptions): Promise<LaunchedWithExtension>;

/** The sidebar iframe's Frame (URL chrome-extension://<id>/sidebar.html…) once attached, never `not` (a frame seen before) nor a detached one; throws after `timeout` (default DEFAULT_TIMEOUT_MS). */
export function waitForSidebarFrame(page: Page, options?: { extensionId?: string; timeout?: number; not?: Frame }): Promise<Frame>;
