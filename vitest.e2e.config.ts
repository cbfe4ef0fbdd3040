import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

// End-to-end tests: real Chromium with the built extension (run `npm run build` first).
export default defineConfig({
  resolve: { alias: { '@': resolve(__dirname) } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
