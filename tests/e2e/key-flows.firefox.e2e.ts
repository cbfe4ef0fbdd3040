import { describe } from 'vitest';
import { launchFirefox } from '../../scripts/lib/firefox.mjs';
import { puppeteerBrowser } from './flows/crm-tab';
import { keyFlows } from './flows/key-flows';

// Firefox ESR with the Firefox build (`npm run build:firefox`) as a temporary add-on, over WebDriver BiDi.
describe('key flows in Firefox', () => {
  keyFlows(async () => puppeteerBrowser(await launchFirefox()));
});
