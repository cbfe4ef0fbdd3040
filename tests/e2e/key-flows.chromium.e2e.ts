import { describe } from 'vitest';
import { launchWithExtension } from './harness';
import { playwrightBrowser } from './flows/crm-tab';
import { keyFlows } from './flows/key-flows';
import { dataFlows } from './flows/data-flows';

const launch = async () => {
  const launched = await launchWithExtension();
  return playwrightBrowser(launched.context, launched.extensionId, launched.close);
};

describe('key flows in Chromium', () => keyFlows(launch));
describe('data flows in Chromium', () => dataFlows(launch));
