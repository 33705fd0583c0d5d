import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A stray .only must never silently skip the rest of the suite in CI.
    allowOnly: !process.env.CI,
    // `npm run test:coverage` (the unit tests, which cover lib/ and io/): a change that drops tests shows as a
    // failed threshold. Set at what the suite reached when they were introduced; raise them as tests are added.
    coverage: {
      provider: 'v8',
      include: ['src/lib/**', 'src/io/**'],
      reporter: ['text-summary'],
      thresholds: { statements: 89, branches: 81, functions: 88, lines: 90 },
    },
    projects: [
      // Timeouts only catch a hang: some tests build indexes of thousands of files or run the CLIs, and shared runners are slow.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      // Real astro builds: slow and CPU-bound, so one file at a time on small runners.
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000, fileParallelism: false } },
      // One build, server and browser for all browser tests (tests/e2e/global-setup.ts). expect.poll's own default of
      // 1 s is less than one call into a browser can take while builds load the machine: it waits as long as a page's
      // actions do (tests/e2e/support.ts).
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
