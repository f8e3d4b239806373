/**
 * Screenshots of issue 4 item 4 (parents and the public) for a look by eye (not a test): the office's grade
 * cut-off page with a preview, the public summary (desktop and phone), the parent page at 390×844 (form, result,
 * wrong code, en-US) and the school's access-code page. The real app (buildApp, embedded PGlite, demo region)
 * serves the built web app; an exam with scores is created through the API first.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/examaud-screens.ts        # PNGs in test-results/examaud-*.png
 */
import path from 'node:path';
import { DEMO_PASSWORD } from '../apps/server/src/demo/load-region';
import { ExcelJS } from '../apps/server/src/shared/exceljs';
import { ITEMS_CSV, multipartFiles, scoresCsv } from '../apps/server/src/test/fixtures/exam-files';
import { out, screensKit } from './screens-kit';

const kit = await screensKit({ name: 'examaud', teachers: 2500 });
const { db } = kit;
const app = await kit.app();

async function session(username: string) {
  const r = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  const cookie = String(r.headers['set-cookie']).split(';')[0] ?? '';
  return { cookie, 'x-csrf-token': (r.json() as { csrfToken: string }).csrfToken };
}
const city = await db
  .selectFrom('orgs')
  .select(['id', 'name'])
  .where('kind', '=', 'city')
  .executeTakeFirstOrThrow();
const schoolAccount = await db
  .selectFrom('accounts as a')
  .innerJoin('role_grants as g', 'g.account_id', 'a.id')
  .innerJoin('orgs as o', 'o.id', 'g.org_id')
  .select(['o.id', 'o.name', 'o.county_id'])
  .where('a.username', '=', 'school')
  .executeTakeFirstOrThrow();
const others = await db
  .selectFrom('orgs')
  .select(['id', 'name'])
  .where('kind', '=', 'school')
  .where('id', '!=', schoolAccount.id)
  .orderBy('id')
  .limit(6)
  .execute();
const cityH = await session('city');
const created = await app.inject({
  method: 'POST',
  url: '/api/v1/exams',
  headers: cityH,
  payload: {
    name: '2026 秋季七年级数学期末',
    semester: '2026-2027-1',
    stage: 'junior',
    subject: 'math',
    grade: '七年级',
    fullMarks: 100,
    kind: 'routine',
    examDate: '2027-01-10',
    ownerOrgId: city.id,
  },
});
const examId = (created.json() as { id: string }).id;
const { payload, contentType } = multipartFiles({
  scores: {
    name: 'scores.csv',
    body: scoresCsv(
      [
        { key: schoolAccount.name, count: 40, level: 0.8 },
        ...others.map((o, i) => ({ key: o.name, count: i === 5 ? 8 : 30 + i * 7, level: 0.45 + i * 0.08 })),
      ],
      'S',
      [`SA1,${schoolAccount.name},1班,缺考,,,,`],
    ),
  },
  items: { name: 'items.csv', body: ITEMS_CSV },
});
const up = await app.inject({
  method: 'POST',
  url: `/api/v1/exams/${examId}/uploads`,
  headers: { ...cityH, 'content-type': contentType },
  payload,
});
const uploadId = (up.json() as { id: string }).id;
await app.inject({
  method: 'POST',
  url: `/api/v1/exams/${examId}/uploads/${uploadId}/commit`,
  headers: cityH,
});
await app.inject({
  method: 'PUT',
  url: `/api/v1/exams/${examId}/release`,
  headers: cityH,
  payload: { public: true, parents: true },
});
const codes = await app.inject({
  method: 'POST',
  url: `/api/v1/schools/${schoolAccount.id}/exam-access-codes`,
  headers: await session('school'),
  payload: { studentIds: ['S0-0', 'S0-1', 'SA1'] },
});
const wb = new ExcelJS.Workbook();
await wb.xlsx.load(codes.rawPayload as unknown as ArrayBuffer);
const code = String(wb.getWorksheet('家长查询访问码')?.getRow(2).getCell(3).value);
const student = String(wb.getWorksheet('家长查询访问码')?.getRow(2).getCell(2).value);

const base = await kit.serve();
const browser = kit.browser();
const signIn = kit.signIn;
const shot = (page: import('playwright-core').Page, name: string, fullPage = true) =>
  page.screenshot({ path: path.join(out, `examaud-${name}.png`), fullPage });

// the office: grade cut-offs with a preview
const desk = await browser.newPage({
  viewport: { width: 1440, height: 900 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
});
await signIn(desk, 'city');
await desk.goto(`${base}/monitoring/exams/${examId}/grades`);
await desk.getByText('预览分布').waitFor();
await desk.getByLabel('得分率下限（%） 1').fill('90');
await desk.getByText('预览分布').click();
await desk.getByText('各学校等级分布（预览）').waitFor();
await desk.waitForTimeout(400);
await shot(desk, 'grades-preview');
await desk.getByLabel('得分率下限（%） 2').fill('95');
await desk.waitForTimeout(200);
await shot(desk, 'grades-invalid', false);

// the public summary
await desk.goto(`${base}/public/exams/${examId}`);
await desk.getByText('等级分布').first().waitFor();
await desk.waitForTimeout(1500);
await shot(desk, 'public-desktop');
const publicText = await desk.evaluate(() => document.body.textContent);

// the school: access codes
const school = await browser.newPage({
  viewport: { width: 1280, height: 800 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
});
await signIn(school, 'school');
await school.goto(`${base}/monitoring/access-codes`);
await school.getByText('为未发放的学生生成（下载 Excel）').waitFor();
await school.waitForTimeout(300);
await shot(school, 'codes');

// the parent's phone
const phone = await browser.newPage({
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
});
await phone.goto(`${base}/parent`);
await phone.getByText('家长查询').first().waitFor();
await shot(phone, 'parent-form', false);
await phone.getByLabel('学号').fill(student);
await phone.getByLabel('访问码').fill('AAAA-AAAA');
await phone.getByRole('button', { name: /查\s?询/ }).click();
await phone.getByText(/还可尝试/).waitFor();
await shot(phone, 'parent-wrong', false);
await phone.getByLabel('访问码').fill(code);
await phone.getByRole('button', { name: /查\s?询/ }).click();
await phone.getByTestId('parent-entry').first().waitFor();
await phone.waitForTimeout(300);
await shot(phone, 'parent-result', false);
const width = await phone.evaluate(() => document.documentElement.scrollWidth);
await phone.getByText('EN').click();
await phone.waitForTimeout(300);
await shot(phone, 'parent-result-en', false);
await phone.goto(`${base}/public/exams/${examId}`);
await phone
  .getByText(/Grade distribution|等级分布/)
  .first()
  .waitFor();
await phone.waitForTimeout(1500);
await shot(phone, 'public-phone');

const names = [schoolAccount.name, ...others.map((o) => o.name)].filter((n) => publicText.includes(n));
console.log(`parent page scroll width at 390 px: ${width}`);
console.log(`school names on the public page: ${names.length ? names.join(', ') : 'none'}`);
console.log(`screenshots in ${out}: examaud-*.png`);
await kit.close();
