import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { apiSession, getJson, loginInPage } from './support';

/**
 * The workshop journey of issue 13, in the browser, as the city bureau (清远市): a 市级 workshop is created and its
 * composition problems are shown with the numbers (R3-W02 … R3-W07) and registration is refused → the roster is
 * filled to one short of a team of 20 (R3-W03 shown) → the officer adds the 20th member on the page, the problems
 * are gone and it registers (R3-W14) → a plan session → an activity at a core member's school with attendance,
 * closed → the attendees' 学时 are in their records (R3-W16) → the month's review shows the activity (R3-G17).
 */

type TeacherItem = { id: string; name: string; schoolId: string; schoolName: string };
type Page_ = { items: TeacherItem[]; total: number };

/** Today in Asia/Shanghai as YYYY-MM-DD. */
function today(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The city's teachers grouped by school, schools in a stable order (enough pages for ≥ 12 schools). */
async function teachersBySchool(api: APIRequestContext): Promise<TeacherItem[][]> {
  const bySchool = new Map<string, TeacherItem[]>();
  for (let page = 1; page <= 6 && bySchool.size < 14; page++) {
    const p = await getJson<Page_>(api, `/api/v1/teachers?pageSize=200&page=${page}`);
    for (const t of p.items) {
      if (!t.schoolName.includes('学') || t.schoolName.includes('发展中心')) continue;
      const list = bySchool.get(t.schoolId) ?? [];
      list.push(t);
      bySchool.set(t.schoolId, list);
    }
    if (p.items.length < 200) break;
  }
  return [...bySchool.values()].filter((l) => l.length >= 4);
}

/** Choose an option of the open antd Select whose text contains `text`. */
async function chooseOption(page: Page, text: string): Promise<void> {
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text });
  await expect(option.first()).toBeVisible();
  await option.first().click();
}

/** Pick one teacher in a TeacherPicker by typing their name and choosing the option of their school. */
async function pickTeacher(page: Page, label: string, t: TeacherItem): Promise<void> {
  const box = page.getByLabel(label);
  await box.click();
  await box.fill(t.name);
  await chooseOption(page, t.schoolName);
}

test('工作坊: a violation shown and fixed → registered → plan → activity with attendance → 学时 in the records → the monthly review', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const name = `清远市初中数学工作坊${stamp}`;
  const api = await apiSession(baseURL ?? '', 'city');
  const schools = await teachersBySchool(api);
  expect(schools.length, 'the demo city has schools enough for a workshop').toBeGreaterThanOrEqual(8);
  // each school gives different teachers on each run (the stamp picks the offset), so runs do not collide
  const offset = Number.parseInt(stamp.slice(-2), 36) % 3;
  const at = (s: number, i: number) => schools[s]?.[offset + i] as TeacherItem;
  const host = at(0, 0);
  const core = [1, 2, 3, 4].map((s) => at(s, 0));
  const formal = Array.from({ length: 15 }, (_, i) =>
    at(i % schools.length, 1 + Math.floor(i / schools.length)),
  );
  const last = formal.pop() as TeacherItem;

  // 1. created on the page as a draft: the composition problems are listed, registration is refused
  await loginInPage(page, 'city');
  await page.goto('/communities');
  await page.getByRole('button', { name: /新\s*建/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('名称').fill(name);
  await dialog.getByLabel('级别').click();
  await chooseOption(page, '市级');
  await pickTeacher(page, '主持人', host);
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.waitForURL(/\/communities\/\d+$/);
  const id = /\/communities\/(\d+)$/.exec(page.url())?.[1] ?? '';
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByText(/核心成员/).first()).toBeVisible();
  await page.getByRole('button', { name: /注\s*册/ }).click();
  await expect(page.getByText(/暂不能注册/)).toBeVisible();

  // 2. the roster filled to 19 (through the API, as an import would): one short of a team of 20
  const roster = await api.post(`/api/v1/communities/${id}/roster`, {
    headers: { 'x-csrf-token': await csrf(api) },
    data: {
      reason: '组建团队',
      add: [
        ...core.map((t) => ({ teacherId: t.id, role: 'core' })),
        ...formal.map((t) => ({ teacherId: t.id, role: 'formal' })),
      ],
    },
  });
  expect(roster.status(), await roster.text()).toBe(200);
  await page.reload();
  await expect(page.getByText(/19/).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /注\s*册/ })).toBeVisible();

  // 3. the 20th member added on the page: the problems are gone and it registers
  await pickTeacher(page, '加入的教师（可选多人）', last);
  await page.keyboard.press('Escape');
  await page.getByLabel('调整原因').fill('招募第二十名成员');
  await page.getByRole('button', { name: /添加成员/ }).click();
  await expect(page.getByRole('tab', { name: /成员名单 \(20\)/ })).toBeVisible();
  await expect(page.getByText('符合要求').first()).toBeVisible();
  await page.getByRole('button', { name: /注\s*册/ }).click();
  await expect(page.getByText('已注册').first()).toBeVisible();

  // 4. a session in the school-year plan, at a core member's school
  await page.getByRole('tab', { name: '学年活动计划' }).click();
  await page.getByRole('button', { name: /添加/ }).click();
  const planDate = page.getByRole('tabpanel').getByLabel('日期').first();
  await planDate.click();
  await planDate.fill(today());
  await planDate.press('Enter');
  await page.getByRole('button', { name: /保存计划|保\s*存/ }).click();
  await expect(page.getByText('已保存').first()).toBeVisible();

  const attendeeBefore = await activityHours(api, core[0] as TeacherItem);
  const absentBefore = await activityHours(api, core[1] as TeacherItem);

  // 5. an activity today at a core member's school, three members present, closed: their 学时 are posted
  await page.getByRole('tab', { name: '活动', exact: true }).click();
  const panel = page.getByRole('tabpanel');
  const when = panel.getByLabel('日期').first();
  await when.click();
  await when.fill(today());
  await when.press('Enter');
  await panel.getByLabel('主题').fill(`同课异构 ${stamp}`);
  await panel.getByLabel('承办学校').click();
  await chooseOption(page, core[0]?.schoolName ?? '');
  await panel.getByRole('button', { name: /登记活动/ }).click();
  const row = panel.getByRole('row').filter({ hasText: `同课异构 ${stamp}` });
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: /出\s*勤/ }).click();
  const attendance = page.getByRole('dialog');
  for (const t of [host, core[0], formal[0]] as TeacherItem[])
    await attendance.getByLabel(new RegExp(`^${t.name}（`)).check();
  await attendance.getByRole('button', { name: /保存出勤/ }).click();
  await expect(row).toContainText('3/');
  await row.getByRole('button', { name: /结束登记并记入学时/ }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(row).toContainText('已结束，3 人记入学时');

  // 6. the attendee's record holds the activity's 6 学时 (R3-W16); an absent member's has nothing new
  expect(await activityHours(api, core[0] as TeacherItem)).toEqual([...attendeeBefore, 60]);
  expect(await activityHours(api, core[1] as TeacherItem)).toEqual(absentBefore);
  await page.goto(`/teachers/${core[0]?.id}`);
  await expect(page.getByText('工作坊/工作室活动').first()).toBeVisible();

  // 7. the month's review counts it
  await page.goto('/communities/review');
  const reviewRow = page.getByRole('row').filter({ hasText: name });
  await expect(reviewRow).toBeVisible();
  // planned 1, held 1, attendance 3 of 20 members
  await expect(reviewRow.getByRole('cell').nth(3)).toHaveText('1');
  await expect(reviewRow.getByRole('cell').nth(4)).toHaveText('1');
  await expect(reviewRow.getByRole('cell').nth(5)).toHaveText('15%');
  await api.dispose();
});

/** The 学时 of a teacher's workshop/studio activity postings (R3-W16), oldest first. */
async function activityHours(api: APIRequestContext, t: TeacherItem): Promise<number[]> {
  type Entry = { hoursTenths: number; source: string; category: string; ruleId: string; id: string };
  const r = await getJson<{ entries: Entry[] }>(api, `/api/v1/teachers/${t.id}/hours`);
  return r.entries
    .filter((e) => e.source === 'activity' && e.category === 'workshop' && e.ruleId === 'R3-W16')
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((e) => e.hoursTenths);
}

/** The CSRF token of an API session (from its session endpoint). */
async function csrf(api: APIRequestContext): Promise<string> {
  const me = await getJson<{ csrfToken: string }>(api, '/api/v1/auth/me');
  return me.csrfToken;
}
