import { describe } from 'vitest';
import { launchWithExtension } from './harness';
import { playwrightBrowser } from './flows/crm-tab';
import { keyFlows } from './flows/key-flows';

describe('key flows in Chromium', () => {
  keyFlows(async () => {
    const launched = await launchWithExtension();
    return playwrightBrowser(launched.context, launched.close);
  });
});
