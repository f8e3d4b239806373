// Screenshots of the main pages against a running dev stack, for a human to look at.
//
//   (cd /work/main && npx tsx apps/server/src/main.ts &)   # API on :3000 with the demo region
//   (cd apps/web && npx vite &)                            # web on :5173, proxies /api
//   node apps/web/scripts/screenshots.mjs                  # → /tmp/yx-*.png
//
// Env: YX_URL (default http://127.0.0.1:5173), YX_USER / YX_PASSWORD (default admin / Yanxun@2026),
// YX_OUT (default /tmp), CHROMIUM (default /usr/bin/chromium).
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

const BASE = process.env.YX_URL ?? 'http://127.0.0.1:5173';
const USER = process.env.YX_USER ?? 'admin';
const PASSWORD = process.env.YX_PASSWORD ?? 'Yanxun@2026';
const OUT = process.env.YX_OUT ?? '/tmp';
const require = createRequire(import.meta.url);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

const shots = [];
async function shot(page, name) {
  // let table spinners finish their fade-out
  await page
    .locator('.ant-spin-spinning, .ant-spin-blur')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(350);
  const file = path.join(OUT, `yx-${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  shots.push(file);
  console.log('saved', file);
}

async function login(page) {
  await page.goto(`${BASE}/login`);
  await page.getByTestId('login-username').fill(USER);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** A copy of an export with one broken ID number: a realistic file with exactly one error row. */
async function brokenTeachersFile(page, orgId) {
  let ExcelJS;
  try {
    ExcelJS = require('exceljs');
  } catch {
    return null;
  }
  const res = await page.request.get(`${BASE}/api/v1/exports/teachers?orgId=${orgId}`);
  if (!res.ok()) return null;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.body());
  const ws = wb.worksheets[0];
  if (!ws || ws.rowCount < 3) return null;
  const header = ws.getRow(1).values;
  const idCol = Array.isArray(header)
    ? header.findIndex((v) => typeof v === 'string' && v.includes('身份证'))
    : -1;
  if (idCol > 0) ws.getRow(2).getCell(idCol).value = '44180119900101123';
  const nameCol = Array.isArray(header)
    ? header.findIndex((v) => typeof v === 'string' && v.includes('姓名'))
    : -1;
  if (nameCol > 0) ws.getRow(3).getCell(nameCol).value = '';
  return {
    name: '教师-含错误.xlsx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

try {
  await mkdir(OUT, { recursive: true });
  const desktop = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await desktop.newPage();
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      console.error(`console.${m.type()}:`, m.text().slice(0, 300));
  });

  await page.goto(`${BASE}/login`);
  await page.getByTestId('login-submit').waitFor();
  await shot(page, 'login');

  await login(page);
  await page.getByTestId('home-chart').locator('svg').first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(800); // chart animation
  await shot(page, 'home');
  // drill into the first unit that has sub-units
  const bar = page.getByTestId('home-chart').locator('svg path[fill="#1d5fbf"]').first();
  if (await bar.count()) {
    await bar.click({ force: true });
    await page.waitForTimeout(1200);
    await shot(page, 'home-drill');
  }

  await page.goto(`${BASE}/orgs`);
  await page.getByTestId('org-children-table').locator('tbody tr.ant-table-row').first().waitFor();
  await page.waitForTimeout(500);
  await shot(page, 'orgs');

  await page.goto(`${BASE}/schools`);
  await page.getByTestId('school-table').locator('tbody tr.ant-table-row').nth(2).waitFor();
  await shot(page, 'schools');

  await page.goto(`${BASE}/teachers`);
  await page.getByTestId('teacher-row').first().waitFor();
  await page.getByTestId('teacher-search').fill('陈');
  await page.getByTestId('teacher-search').press('Enter');
  await page.waitForURL(/q=/);
  await page.getByTestId('teacher-row').first().waitFor();
  await page.waitForTimeout(400);
  await shot(page, 'teachers');

  await page.getByTestId('teacher-row').first().click();
  await page.getByTestId('teacher-descriptions').waitFor();
  const detailUrl = page.url();
  await shot(page, 'teacher-detail');
  if (await page.getByTestId('reveal-id').isVisible()) {
    await page.getByTestId('reveal-id').click();
    await page.getByTestId('reveal-id-confirm').click();
    await page.getByText('已记录审计').waitFor();
    await shot(page, 'teacher-detail-revealed');
  }
  if (await page.getByTestId('teacher-transfer').isVisible()) {
    await page.getByTestId('teacher-transfer').click();
    await page.getByTestId('transfer-form').waitFor();
    await page.waitForTimeout(500);
    await shot(page, 'teacher-transfer');
    await page.keyboard.press('Escape');
  }

  await page.goto(`${BASE}/imports`);
  await page.getByTestId('import-kind-teachers').waitFor();
  await shot(page, 'import-kind');
  await page.getByTestId('import-kind-teachers').click();
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-file-input').waitFor({ state: 'attached' });
  await shot(page, 'import-upload');

  const schools = await page.request.get(`${BASE}/api/v1/schools?pageSize=5`).then((r) => r.json());
  const school = schools.items.find((s) => (s.teacherCount ?? 0) >= 3) ?? schools.items[0];
  const file = school ? await brokenTeachersFile(page, school.id) : null;
  if (file) {
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page
      .getByTestId('import-preview')
      .or(page.getByTestId('import-failed'))
      .waitFor({ timeout: 60_000 });
    await page.waitForTimeout(600);
    await shot(page, 'import-preview');
    await page.setViewportSize({ width: 1366, height: 1200 });
    await shot(page, 'import-preview-tall');
    await page.setViewportSize({ width: 1366, height: 768 });
  } else {
    console.warn('exceljs or the export is unavailable: skipped the import preview');
  }

  await page.getByTestId('lang-switch').click();
  await page.goto(detailUrl);
  await page.getByTestId('teacher-descriptions').waitFor();
  await shot(page, 'teacher-detail-en');
  await page.getByTestId('lang-switch').click();

  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const mobile = await phone.newPage();
  mobile.on('pageerror', (e) => console.error('pageerror (mobile):', e.message));
  await login(mobile);
  await mobile.goto(detailUrl);
  await mobile.getByTestId('teacher-descriptions').waitFor();
  await shot(mobile, 'teacher-detail-mobile');
  await mobile.screenshot({ path: path.join(OUT, 'yx-teacher-detail-mobile-full.png'), fullPage: true });
  await mobile.getByTestId('nav-open').click();
  await mobile.waitForTimeout(500);
  await shot(mobile, 'mobile-menu');
  await mobile.keyboard.press('Escape');
  await mobile.goto(`${BASE}/teachers`);
  await mobile.getByTestId('teacher-row').first().waitFor();
  await shot(mobile, 'teachers-mobile');
} finally {
  await browser.close();
}
console.log(`${shots.length} screenshots`);
