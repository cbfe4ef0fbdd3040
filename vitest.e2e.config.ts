import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// End-to-end tests: real Chromium with the built extension on the bundled sample Salesforce site.
// Build first (`npm run build` → .output/chrome-mv3); global-setup says so when it is missing.
//
// No test may depend on how fast the machine is. Every wait is for a real condition, never a bare
// sleep, and every budget is far above need: Playwright waits up to 60 s for any one step
// (scripts/lib/browser.mjs), expect.poll up to 60 s, a test up to 5 minutes. Passing tests take
// seconds; the budgets only decide how long a real failure takes to report.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    // One Chromium at a time: the machine has two cores.
    fileParallelism: false,
    // One module registry for all files: Playwright, Puppeteer and the harness are imported once,
    // not once per file (about 20 s of the run). Each file still launches its own browsers.
    isolate: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    teardownTimeout: 120_000,
    expect: { poll: { timeout: 60_000, interval: 100 } },
  },
});
