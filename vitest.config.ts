import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// No unit test may depend on how fast the machine is: budgets far above what any test needs on a
// busy two-core machine (the slowest, the 20 MB import pipeline, takes ~6 s idle). Figures are
// measured by `npm run bench`, not asserted here.
const CALM_MS = 120_000;

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'lib/**/*.test.tsx', 'components/**/*.test.tsx', 'tests/unit/**/*.test.ts'],
    environment: 'happy-dom',
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: CALM_MS,
    hookTimeout: CALM_MS,
    teardownTimeout: CALM_MS,
    expect: { poll: { timeout: 60_000 } },
  },
});
