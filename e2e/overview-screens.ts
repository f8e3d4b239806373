/**
 * progui: screenshots of 培训总览 (as province, city and a county), the pack editor's "班级运行与结业" tab
 * (a draft with an edit the server refuses, shown on its rule), and a programme's 数据看板 with its "—" rates,
 * for a look by eye (not a test). The real app (buildApp, embedded PGlite, demo region with its programme
 * year) serves the built web app.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/overview-screens.ts        # PNGs in test-results/overview-*.png
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../apps/server/src/demo/load-region';
import { out, screensKit } from './screens-kit';

const kit = await screensKit({ name: 'overview', teachers: 2000, programmes: true });
console.log('demo programmes:', kit.demo.programmes);
const base = await kit.serve();
const browser = kit.browser();

async function desk(username: string, lang: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    locale: lang,
    timezoneId: 'Asia/Shanghai',
  });
  await page.goto(`${base}/login`);
  if (lang === 'en-US') await page.evaluate(() => localStorage.setItem('yx.lang', 'en-US'));
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

for (const who of ['province', 'city', 'yingde'] as const) {
  const page = await desk(who);
  await page.goto(`${base}/training-overview`);
  await page.getByTestId('training-overview').waitFor();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: path.join(out, `overview-${who}.png`), fullPage: true });
  if (who === 'city') {
    await page.getByRole('tab', { name: '按级别' }).click();
    await page.waitForTimeout(300);
    await page.getByTestId('ov-levels-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(out, 'overview-city-levels.png'), fullPage: true });
    // drill into the first programme's dashboard
    await page.getByRole('tab', { name: '培训项目' }).click();
    await page.locator('[data-testid^="ov-open-"]').first().click();
    await page.getByTestId('kpi-tab').waitFor();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.join(out, 'overview-drill-kpis.png'), fullPage: true });
  }
  await page.close();
}
const en = await desk('city', 'en-US');
await en.goto(`${base}/training-overview`);
await en.getByTestId('training-overview').waitFor();
await en.waitForTimeout(1200);
await en.screenshot({ path: path.join(out, 'overview-city-en.png'), fullPage: true });
await en.close();

// the pack editor: a draft of next year's pack, the 班级运行与结业 tab, an edit the server refuses
const city = await desk('city');
await city.goto(`${base}/packs`);
const cloneRes = await city.evaluate(async () => {
  const me = await (await fetch('/api/v1/auth/me')).json();
  const r = await fetch('/api/v1/packs/henan-2021/clone', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken ?? '' },
    body: JSON.stringify({ year: 2027 }),
  });
  return { status: r.status, body: await r.json() };
});
console.log('clone', cloneRes.status, cloneRes.body?.id ?? JSON.stringify(cloneRes.body).slice(0, 200));
const draftId = cloneRes.body?.id ?? 'henan-2021';
await city.goto(`${base}/packs/${encodeURIComponent(draftId)}`);
await city.getByTestId('pack-tab-classRun').click();
await city.waitForTimeout(400);
await city.screenshot({ path: path.join(out, 'overview-pack-classrun.png'), fullPage: true });
const opens = city.getByTestId('rule-input-classOps.checkinOpensDaysBefore');
if (await opens.count()) {
  await opens.fill('11');
  await city.getByTestId('rule-input-kpiTargets.completionRate').fill('120');
  await city.getByTestId('pack-save').click();
  await city.getByTestId('rule-problems').first().waitFor();
  await city.waitForTimeout(400);
  await city.screenshot({ path: path.join(out, 'overview-pack-problems.png'), fullPage: true });
}
await kit.close();
