import { afterAll, beforeAll, describe } from 'vitest';
import { launchFirefox } from '../../scripts/lib/firefox.mjs';
import { puppeteerBrowser, type BrowserUnderTest } from './flows/crm-tab';
import { keyFlows } from './flows/key-flows';
import { dataFlows } from './flows/data-flows';

// Firefox ESR with the Firefox build (`npm run build:firefox`) as a temporary add-on, over WebDriver BiDi.
const launch = async () => puppeteerBrowser(await launchFirefox());

// One Firefox for both sets of flows (each starts its own tabs): a launch takes about 4 s here.
let browser: BrowserUnderTest;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('key flows in Firefox', () => keyFlows(() => browser));
describe('data flows in Firefox', () => dataFlows(() => browser, launch));
