/**
 * Screenshots of the class management forms for a look by eye (not a test): the province bureau opens a class
 * with the 开班 form (programme, name, period, dates, venue, provider), lands on the class, and the provider adds
 * a timetable session and records a 报到通知书 on the deadline board. The real app (buildApp, embedded PGlite,
 * demo region) serves the built web app.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/class-forms-screens.ts      # PNGs in test-results/class-forms-*.png
 */
import path from 'node:path';
import { addDays, todayInShanghai } from '@yanxun/core';
import type { Page } from 'playwright-core';
import { out, screensKit } from './screens-kit';

const kit = await screensKit({ name: 'class-forms', teachers: 100 });
const { db } = kit;
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

const base = await kit.serve();
const browser = kit.browser();
const signIn = kit.signIn;
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}
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
await kit.close();
