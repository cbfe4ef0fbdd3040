import { describe } from 'vitest';
import { launchWithExtension } from './harness';
import { playwrightBrowser } from './flows/crm-tab';
import { keyFlows } from './flows/key-flows';

// The data flows (tests/e2e/flows/data-flows.ts) run in Firefox only: in Chromium the same flows,
// and more of each, are export.e2e.ts (QBR Markdown), foundation.e2e.ts (backup) and usage.e2e.ts
// (Shift_JIS), and the suite keeps within its time.
describe('key flows in Chromium', () => {
  keyFlows(async () => {
    const launched = await launchWithExtension();
    return playwrightBrowser(launched.context, launched.extensionId, launched.close);
  });
});
