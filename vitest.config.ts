import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// No unit test may depend on how fast the machine is: budgets far above what any test needs on a
// busy two-core machine (the slowest, the 20 MB import pipeline, takes ~6 s idle). Figures are
// measured by `npm run bench`, not asserted here.
const CALM_MS = 120_000;

/**
 * Files that render React or replace globals and spies (`vi.spyOn`, `vi.stubGlobal`) get a fresh
 * environment each; the rest (pure modules and stores over fake-indexeddb, each test with its own
 * database) share one per worker, which takes the suite from about two minutes to under one.
 */
const ISOLATED = [
  'components/**/*.test.tsx',
  'lib/content/frame-handshake.test.ts',
  'lib/background/portfolio-refresher.test.ts',
  'lib/background/inject-sidebar.test.ts',
  'lib/background/inject-taught.test.ts',
  'lib/sidebar/early-handshake.test.ts',
];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: CALM_MS,
    hookTimeout: CALM_MS,
    teardownTimeout: CALM_MS,
    expect: { poll: { timeout: 60_000 } },
    // Both cores (the default leaves one idle on a two-core machine); threads start faster than forks.
    pool: 'threads',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'shared', include: ['lib/**/*.test.ts', 'tests/unit/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
