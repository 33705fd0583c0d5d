import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A stray .only must never silently skip the rest of the suite in CI.
    allowOnly: !process.env.CI,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // Real astro builds: slow and CPU-bound, so one file at a time on small runners.
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000, fileParallelism: false } },
      // One build, server and browser for all browser tests (tests/e2e/global-setup.ts).
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/e2e/global-setup.ts'], testTimeout: 120_000, hookTimeout: 300_000, fileParallelism: false } },
    ],
  },
});
