import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // every core: Vitest's default of cores − 1 leaves a 2-core machine (CI's, this one) running one test file at a
    // time, and the suites are CPU-bound (docs/PERFORMANCE.md, "The test suites")
    maxWorkers: Math.max(2, os.availableParallelism()),
    projects: [
      {
        test: {
          name: 'core',
          include: ['packages/*/src/**/*.test.ts'],
          environment: 'node',
          isolate: false,
        },
      },
      {
        test: {
          name: 'server',
          include: ['apps/server/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['apps/server/src/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // a worker keeps the imported server between test files instead of importing it again for each
          // (704 → 261 s here with the line above): every file opens its own database and no test mocks a module
          // or a timer, so nothing a file leaves behind reaches the next
          isolate: false,
        },
      },
      {
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['apps/web/src/test-setup.ts'],
          // rendering antd pages takes seconds on a loaded 2-core machine; a test's logic never waits on a clock
          testTimeout: 20_000,
          // isolated: the page tests stub fetch and share the DOM, and fail when run one after another in a worker
        },
      },
    ],
  },
});
