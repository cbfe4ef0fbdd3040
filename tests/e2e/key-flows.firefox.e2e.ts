import { describe } from 'vitest';
import { launchFirefox } from '../../scripts/lib/firefox.mjs';
import { puppeteerBrowser } from './flows/crm-tab';
import { keyFlows } from './flows/key-flows';
import { dataFlows } from './flows/data-flows';

// Firefox ESR with the Firefox build (`npm run build:firefox`) as a temporary add-on, over WebDriver BiDi.
const launch = async () => puppeteerBrowser(await launchFirefox());

describe('key flows in Firefox', () => keyFlows(launch));
describe('data flows in Firefox', () => dataFlows(launch));
