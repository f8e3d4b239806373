import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser journeys in Debian's Chromium (apt-get install -y chromium fonts-noto-cjk). Never run
 * `npx playwright install`: it downloads browsers and this project does not use them.
 *
 * `npm run test:e2e` (scripts/run-e2e.mjs) starts the real server on a temp database and sets BASE_URL and
 * YX_E2E_JSON; to run against a server of your own: BASE_URL=http://127.0.0.1:3000 npx playwright test -c e2e/playwright.config.ts
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jsonReport = process.env.YX_E2E_JSON;

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: path.join(root, 'test-results'),
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: jsonReport ? [['list'], ['json', { outputFile: jsonReport }]] : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:3000',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
