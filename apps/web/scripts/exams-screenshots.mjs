// Screenshots of the quality-monitoring pages as city monitoring office and school admin, for a human to
// look at.
//
//   PORT=3127 DATA_DIR=/tmp/yx-exams npm start &          # server + built web with the demo region and demo exams
//   YX_URL=http://127.0.0.1:3127 node apps/web/scripts/exams-screenshots.mjs   # → /tmp/yxe-*.png
//
// Env: YX_OUT (default /tmp), CHROMIUM, YX_PASSWORD.
import path from 'node:path';
import { chromium } from 'playwright-core';

const BASE = process.env.YX_URL ?? 'http://127.0.0.1:3127';
const OUT = process.env.YX_OUT ?? '/tmp';
const PASSWORD = process.env.YX_PASSWORD ?? 'Yanxun@2026';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

async function settle(page) {
  await page
    .locator('.ant-spin-spinning, .ant-skeleton')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForTimeout(800);
}

async function shot(page, name, fullPage = true) {
  await settle(page);
  const file = path.join(OUT, `yxe-${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log('saved', file);
}

async function session(user, lang = 'zh-CN') {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang });
  if (lang === 'en-US') await context.addInitScript(() => localStorage.setItem('yx.lang', 'en-US'));
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`[${user}] page error:`, e.message));
  await page.goto(`${BASE}/login`);
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return { context, page };
}

async function api(page, url) {
  return page.evaluate(async (u) => (await fetch(u)).json(), url);
}

{
  const { context, page } = await session('city');
  const exams = await api(page, '/api/v1/exams');
  const last = exams.find((e) => e.hasData && e.stage === 'primary') ?? exams.find((e) => e.hasData);
  await page.goto(`${BASE}/monitoring`);
  await shot(page, 'city-list', false);
  await page.getByRole('tab', { name: '质量指标体系' }).click();
  await shot(page, 'city-indicators', false);
  if (last) {
    await page.goto(`${BASE}/monitoring/exams/${last.id}`);
    await shot(page, 'city-report');
    await shot(page, 'city-report-top', false);
    for (const [i, name] of [
      [1, 'histogram'],
      [2, 'scatter'],
      [3, 'value-added'],
      [4, 'schools'],
    ]) {
      await page
        .locator('.ant-card')
        .nth(i)
        .screenshot({ path: path.join(OUT, `yxe-city-${name}.png`) });
      console.log('saved', `yxe-city-${name}.png`);
    }
    if (last.cycleId) {
      await page.goto(`${BASE}/monitoring/cycles/${last.cycleId}`);
      await shot(page, 'city-cycle');
    }
  }
  // the upload wizard with a bad file
  await page.goto(`${BASE}/monitoring`);
  await settle(page);
  await page.getByRole('button', { name: '上传成绩' }).first().click();
  const inputs = page.locator('.ant-drawer input[type=file]');
  await inputs.nth(0).setInputFiles({
    name: 'scores.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('student_id,school,class,T1\nS1,不存在的学校,1班,5\nS2,不存在的学校,1班,x\n'),
  });
  await inputs.nth(1).setInputFiles({
    name: 'items.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('item_id,max_score\nT1,4\n'),
  });
  await page.getByRole('button', { name: '校验（不写入）' }).click();
  await page.locator('.ant-drawer .ant-alert').first().waitFor();
  await shot(page, 'city-upload-errors', false);
  await context.close();
}

{
  const { context, page } = await session('school');
  const exams = await api(page, '/api/v1/exams');
  // the newest exam of each stage: grade bands (primary, junior) or own scores without ranks (senior)
  const seen = new Set();
  for (const e of exams.filter((x) => x.hasData)) {
    if (seen.has(e.stage)) continue;
    seen.add(e.stage);
    await page.goto(`${BASE}/monitoring/exams/${e.id}`);
    await shot(page, `school-report-${e.stage}`);
  }
  await context.close();
}

{
  const { context, page } = await session('qingcheng', 'en-US');
  const exams = await api(page, '/api/v1/exams');
  const last = exams.find((e) => e.hasData);
  if (last) {
    await page.goto(`${BASE}/monitoring/exams/${last.id}`);
    await shot(page, 'county-report-en');
  }
  await context.close();
}

await browser.close();
