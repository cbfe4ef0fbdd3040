import { afterAll, beforeAll, describe } from 'vitest';
import { launchWithExtension } from './harness';
import { playwrightBrowser, type BrowserUnderTest } from './flows/crm-tab';
import { keyFlows } from './flows/key-flows';

// The data flows (tests/e2e/flows/data-flows.ts) run in Firefox only: in Chromium the same flows,
// and more of each, are export.e2e.ts (QBR Markdown), record.e2e.ts (backup) and usage.e2e.ts
// (Shift_JIS), and the suite keeps within its time.
describe('key flows in Chromium', () => {
  let browser: BrowserUnderTest;
  beforeAll(async () => {
    const launched = await launchWithExtension();
    browser = await playwrightBrowser(launched.context, launched.extensionId, launched.close);
  });
  afterAll(async () => {
    await browser?.close();
  });
  keyFlows(() => browser);
});
