/**
 * Screenshots of the class management forms for a look by eye (not a test): the province bureau opens a class
 * with the 开班 form (programme, name, period, dates, venue, provider), lands on the class, and the provider adds
 * a timetable session and records a 报到通知书 on the deadline board. The real app (buildApp, embedded PGlite,
 * demo region) serves the built web app.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/class-forms-screens.ts      # PNGs in test-results/class-forms-*.png
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, todayInShanghai } from '@yanxun/core';
import { chromium, type Page } from 'playwright-core';
import { buildApp } from '../apps/server/src/app';
import { connectPglite } from '../apps/server/src/db/database';
import { migrateToLatest } from '../apps/server/src/db/migrate';
import { DEMO_PASSWORD, loadDemoRegion } from '../apps/server/src/demo/load-region';
import { syncBuiltinPacks } from '../apps/server/src/modules/programs';
import { createServices } from '../apps/server/src/services';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'test-results');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yx-class-forms-'));
const handle = await connectPglite({ dataDir: path.join(tmp, 'pglite') });
const db = handle.db;
await migrateToLatest(db);
await loadDemoRegion(db, { teachers: 100 });
await syncBuiltinPacks(db);
const services = createServices(db, {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  checkinSecret: 'screens-secret-0123456789abcdef',
});
const today = todayInShanghai(new Date());
const province = await db
  .selectFrom('orgs')
  .select(['id', 'path'])
  .where('kind', '=', 'province')
  .executeTakeFirstOrThrow();
await db
  .insertInto('programmes')
  .values({
    pack_id: 'henan-2021',
    project_type_code: 'rural_backbone',
    track_code: 'rural_backbone',
    level: 'provincial',
    year: 2021,
    owner_org_id: province.id,
    owner_path: province.path,
    title: '乡村骨干教师素质提升培训',
    selection_deadline: addDays(today, -20),
    start_date: addDays(today, 12),
    end_date: addDays(today, 40),
    total_seats: 100,
  })
  .execute();

const app = await buildApp({ services, logLevel: 'warn', webDist: path.join(root, 'apps/web/dist') });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
async function signIn(page: Page, username: string) {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}
fs.mkdirSync(out, { recursive: true });
const opts = { viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

// the bureau opens the class
const bureau = await browser.newPage(opts);
await signIn(bureau, 'province');
await bureau.goto(`${base}/classes`);
await bureau
  .getByRole('button', { name: /开\s*班/ })
  .first()
  .click();
await choose(bureau, '培训项目', '乡村骨干教师素质提升培训');
await bureau.getByLabel('班级名称').fill('第一期 初中语文 A 班');
await bureau.getByLabel('培训地点').fill('河南省教师发展中心 报告厅');
await choose(bureau, '承训机构', '第二师范');
await bureau.waitForTimeout(300);
await bureau.screenshot({ path: path.join(out, 'class-forms-open.png') });
await bureau.getByTestId('class-create-ok').click();
await bureau.waitForURL((u) => /\/classes\/\d+$/.test(u.pathname));
const classId = bureau.url().split('/').pop() ?? '';
console.log(`class ${classId} opened`);

// the provider of that class adds a session and records the registration notice
const providerOrg = await db
  .selectFrom('orgs')
  .select(['id'])
  .where('kind', '=', 'provider')
  .where('name', 'like', '%第二师范%')
  .executeTakeFirstOrThrow();
await db
  .updateTable('role_grants')
  .set({ org_id: providerOrg.id })
  .where('account_id', '=', db.selectFrom('accounts').select('id').where('username', '=', 'provider'))
  .execute();
const provider = await browser.newPage(opts);
await signIn(provider, 'provider');
await provider.goto(`${base}/classes/${classId}`);
await provider.getByTestId('add-session').waitFor();
await provider.getByLabel('课程名称').fill('新课标背景下的大单元教学');
await provider.getByTestId('add-session').getByRole('button').click();
await provider.getByRole('cell', { name: '新课标背景下的大单元教学' }).waitFor();
await provider.getByTestId('record-document').getByRole('button').click();
await provider.getByText('已登记').first().waitFor();
await provider.waitForTimeout(500);
await provider.screenshot({ path: path.join(out, 'class-forms-detail.png'), fullPage: true });
console.log(`screenshots in ${out}`);
await browser.close();
await app.close();
await handle.close();
fs.rmSync(tmp, { recursive: true, force: true });
