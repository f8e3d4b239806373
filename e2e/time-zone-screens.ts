/**
 * Screenshots of the one time zone and format (not a test): a browser set to English and Los Angeles time still
 * shows every time in the deployment's zone (Asia/Shanghai) as 2026-12-06 08:30, and antd's pickers in the app's
 * format (2026-12-06, a 24-hour 08:30), where native inputs showed "12/06/2026" and "08:30 AM".
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/time-zone-screens.ts      # PNGs in test-results/tz-*.png
 */
import path from 'node:path';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { out, screensKit } from './screens-kit';

const kit = await screensKit({ name: 'time-zone', teachers: 100, programmes: true });
const { db } = kit;

// submitted plans at 23:30 UTC: 07:30 of the next day in Shanghai (the browser below is in Los Angeles: 15:30)
const versions = await db
  .selectFrom('plan_versions')
  .select(['plan_id', 'version'])
  .where('submitted_at', 'is not', null)
  .orderBy('plan_id')
  .execute();
for (const [i, v] of versions.entries()) {
  await db
    .updateTable('plan_versions')
    .set({ submitted_at: new Date(`2026-12-0${5 - (i % 3)}T23:30:00Z`) })
    .where('plan_id', '=', v.plan_id)
    .where('version', '=', v.version)
    .execute();
}
const providerClass = await db
  .selectFrom('classes')
  .select('classes.id')
  .where(
    'provider_org_id',
    'in',
    db
      .selectFrom('role_grants')
      .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
      .select('role_grants.org_id')
      .where('accounts.username', '=', 'provider'),
  )
  .orderBy(sql`classes.id`)
  .executeTakeFirstOrThrow();

const base = await kit.serve();
const browser: Browser = kit.browser();
// a browser whose language and zone are not the deployment's
const away = { locale: 'en-US', timezoneId: 'America/Los_Angeles' };
const desktop = () => browser.newPage({ viewport: { width: 1440, height: 900 }, ...away });
const phone = () =>
  browser.newPage({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    ...away,
  });

async function plans(page: Page, name: string) {
  await kit.signIn(page, 'provider');
  await page.goto(`${base}/plans`);
  const time = page.getByText(/2026-12-0\d 07:30/).first();
  await time.waitFor();
  await time.scrollIntoViewIfNeeded();
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
}

/** The add-session form of a class with the date (`日期`) or the start time (`开始`) picker open. */
async function picker(page: Page, name: string, field: '日期' | '开始') {
  await kit.signIn(page, 'provider');
  await page.goto(`${base}/classes/${providerClass.id}`);
  const form = page.getByTestId('add-session');
  await form.waitFor();
  await form.scrollIntoViewIfNeeded();
  await page.getByLabel(field, { exact: true }).click();
  await page.locator('.ant-picker-dropdown:visible').first().waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
}

await plans(await desktop(), 'tz-plans-desktop');
await plans(await phone(), 'tz-plans-phone');
await picker(await desktop(), 'tz-picker-desktop', '日期');
await picker(await phone(), 'tz-picker-phone', '开始');
console.log(`screenshots in ${out}`);
await kit.close();
