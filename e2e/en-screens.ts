/**
 * Screenshots in en-US of the pages whose server-written Chinese sentences the web now words from their code and
 * values, for a look by eye (not a test): the city's landing page with its early warnings, the monitoring cycle's
 * warning table, and the provider's classes page with its overdue alerts and a class's deadline board. The real app (buildApp, embedded PGlite, the demo region with its
 * programme year and exams) serves the built web app.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/en-screens.ts        # PNGs in test-results/en-*.png
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { loadDemoExams } from '../apps/server/src/demo/demo-exams';
import { out, screensKit } from './screens-kit';

const kit = await screensKit({ name: 'en', teachers: 600, programmes: true });
await loadDemoExams(kit.db);
const base = await kit.serve();

async function english(username: string): Promise<Page> {
  const page = await kit.desktop();
  await page.addInitScript(() => globalThis.localStorage.setItem('yx.lang', 'en-US'));
  await kit.signIn(page, username);
  return page;
}

async function save(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(out, `en-${name}.png`), fullPage });
  console.log(`en-${name}.png`);
}

// the monitoring office: the landing page's warnings, then the cycle's table
const city = await english('city');
await city.goto(`${base}/`);
await save(city, 'home-city');
await city.getByTestId('home-warnings').scrollIntoViewIfNeeded();
await save(city, 'home-city-warnings');
await city.getByTestId('home-tile-warnings').click();
await city.getByText('Early warnings').first().waitFor();
await city.getByText('Early warnings').first().scrollIntoViewIfNeeded();
await save(city, 'cycle-warnings');
await city.close();

// the provider: overdue alerts and one class's board
const provider = await english('provider');
await provider.goto(`${base}/classes`);
await save(provider, 'classes-alerts');
const first = provider.locator('a[href^="/classes/"]').first();
if ((await first.count()) > 0) {
  await first.click();
  await provider.waitForURL(/\/classes\/\d+/);
  await save(provider, 'class-board', true);
}
await provider.close();

await kit.close();
