/**
 * Screenshots of issue 11 item 3 (codes where words belong) for a look by eye (not a test): the parent page after
 * a wrong code, the teacher's check-in refusal and outcomes page (我的培训), and the provider's completion table
 * with its reasons and the rules once in the column's ⓘ (opened), each at 1440×900 and 390×844; and an import
 * error table with the problem in words. The real app (buildApp, embedded PGlite, demo region) serves the built
 * web app; an exam with parents' codes, and a class that ended yesterday with attendance and outcomes, are
 * written first.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/words-screens.ts        # PNGs in test-results/words-*.png
 */
import path from 'node:path';
import { addDays, todayInShanghai } from '@yanxun/core';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../apps/server/src/demo/load-region';
import type { Actor } from '../apps/server/src/shared/actor';
import { ExcelJS } from '../apps/server/src/shared/exceljs';
import { ITEMS_CSV, multipartFiles, scoresCsv } from '../apps/server/src/test/fixtures/exam-files';
import { out, screensKit } from './screens-kit';

const kit = await screensKit({ name: 'words', teachers: 300 });
const { db, services } = kit;
const app = await kit.app();

// ---- an exam released to parents, and one parent's code (as examaud-screens) ----
async function session(username: string) {
  const r = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  const cookie = String(r.headers['set-cookie']).split(';')[0] ?? '';
  return { cookie, 'x-csrf-token': (r.json() as { csrfToken: string }).csrfToken };
}
const city = await kit.orgOf('city');
const schoolAccount = await db
  .selectFrom('accounts as a')
  .innerJoin('role_grants as g', 'g.account_id', 'a.id')
  .innerJoin('orgs as o', 'o.id', 'g.org_id')
  .select(['o.id', 'o.name'])
  .where('a.username', '=', 'school')
  .executeTakeFirstOrThrow();
const cityH = await session('city');
const exam = await app.inject({
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
const examId = (exam.json() as { id: string }).id;
const files = multipartFiles({
  scores: { name: 'scores.csv', body: scoresCsv([{ key: schoolAccount.name, count: 40, level: 0.8 }], 'S') },
  items: { name: 'items.csv', body: ITEMS_CSV },
});
const up = await app.inject({
  method: 'POST',
  url: `/api/v1/exams/${examId}/uploads`,
  headers: { ...cityH, 'content-type': files.contentType },
  payload: files.payload,
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
  payload: { public: false, parents: true },
});
const codes = await app.inject({
  method: 'POST',
  url: `/api/v1/schools/${schoolAccount.id}/exam-access-codes`,
  headers: await session('school'),
  payload: { studentIds: ['S0-0'] },
});
const wb = new ExcelJS.Workbook();
await wb.xlsx.load(codes.rawPayload as unknown as ArrayBuffer);
const student = String(wb.getWorksheet('家长查询访问码')?.getRow(2).getCell(2).value);

// ---- a class that ended yesterday: attendance, outcomes, a completion run (as outcomes-screens) ----
const today = todayInShanghai(new Date());
const provider = await kit.orgOf('provider');
const { programme, picked } = await kit.selectedProgramme({
  projectTypeCode: 'backbone_cultivation',
  trackCode: 'backbone',
  title: '省级骨干教师培育项目（小学数学）',
  selectionDeadline: addDays(today, -30),
  startDate: addDays(today, -10),
  endDate: addDays(today, 20),
  teachers: 6,
});
const admin: Actor = kit.admin;
const grant = (
  role: Actor['grants'][number]['role'],
  o: { id: string; path: string; name: string; kind: string },
) => ({
  role,
  orgId: o.id,
  orgPath: o.path,
  orgName: o.name,
  orgKind: o.kind,
});
const reviewer: Actor = { ...admin, username: 'provider', grants: [grant('provider_staff', provider)] };
const teacherActor = (id: string): Actor => ({
  ...admin,
  username: `t${id}`,
  teacherId: id,
  grants: [grant('teacher', kit.province)],
});
const k = await services.classes.create(admin, {
  programmeId: programme.id,
  name: '第一期 小学数学 A 班',
  startDate: addDays(today, -5),
  endDate: addDays(today, -1),
  venue: '清远市教师发展中心 报告厅',
  providerOrgId: provider.id,
});
await services.classes.enrol(admin, k.id, {});
const sessions: string[] = [];
for (let i = 0; i < 5; i++) {
  const s = await services.classes.addSession(admin, k.id, {
    date: addDays(today, -5 + i),
    startsAt: '09:00',
    endsAt: '11:30',
    title: `专题 ${i + 1}`,
  });
  sessions.push(s.id);
}
// the demo teacher (picked[0]) attends 3 of 5 and misses the 80 %; the others 5 of 5
for (const [n, t] of picked.entries()) {
  for (const sid of sessions.slice(0, n === 0 || n === 3 ? 3 : 5))
    await services.classes.markAttendance(admin, k.id, { teacherId: t.id, slot: `s${sid}` });
}
const parts = [
  'excellent_lesson_case:教学设计',
  'excellent_lesson_case:课堂教学实录',
  'excellent_lesson_case:教学反思',
  'self_development_report',
];
for (const [n, t] of picked.entries()) {
  if (n === 5) continue; // one colleague hands in nothing
  for (const key of parts) {
    const sub = await services.outcomes.submit(teacherActor(t.id), k.id, key, {
      upload: {
        name: `${t.name}-${key.split(':').pop() === key ? '自我专业发展报告' : key.split(':').pop()}.pdf`,
        content: Buffer.from(`%PDF-1.4\n${t.name}\n%%EOF`),
      },
    });
    await services.outcomes.review(reviewer, sub.id, { action: 'accept', score: n === 4 ? 55 : 82 });
  }
}
await services.outcomes.run(reviewer, k.id);

// ---- the pages ----
const base = await kit.serve();
const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: path.join(out, `words-${name}.png`), fullPage });
const RULE_ID = /\b(R-\d{3}-\d+|R3-[A-Z]+\d+|Y-[A-Z0-9-]+)\b/;
const seen: string[] = [];
async function noIds(page: Page, what: string) {
  const text = await page.evaluate(() => document.body.textContent ?? '');
  const m = RULE_ID.exec(text);
  seen.push(`${what}: ${m ? `rule ID shown (${m[0]})` : 'no rule ID in the text'}`);
}
const pages = async () => ({ desk: await kit.desktop(), phone: await kit.phone() });

// the parent page after a wrong code
{
  const { desk, phone } = await pages();
  for (const [p, size] of [
    [desk, '1440'],
    [phone, '390'],
  ] as const) {
    await p.goto(`${base}/parent`);
    await p.getByLabel('学号').fill(student);
    await p.getByLabel('访问码').fill('AAAA-AAAA');
    await p.getByRole('button', { name: /查\s?询/ }).click();
    await p.getByText(/还可尝试/).waitFor();
    await p.waitForTimeout(200);
    await noIds(p, `parent ${size}`);
    await shot(p, `parent-${size}`);
  }
}

// the teacher: a refused check-in code, then 我的培训 with the outcome window, sets and the completion result
{
  const { desk, phone } = await pages();
  for (const [p, size] of [
    [desk, '1440'],
    [phone, '390'],
  ] as const) {
    await kit.signIn(p, 'teacher');
    await p.goto(`${base}/checkin`);
    await p.getByLabel('输入现场屏幕上的 6 位数字码').fill('000000');
    await p.getByRole('button', { name: /签\s*到/ }).click();
    await p.getByTestId('checkin-outcome').waitFor();
    await p.waitForTimeout(200);
    await noIds(p, `check-in ${size}`);
    await shot(p, `checkin-${size}`);
    await p.goto(`${base}/my-training`);
    await p.getByTestId(`training-${k.id}`).getByTestId('completion-checks').waitFor();
    await p.getByTestId(`training-${k.id}`).scrollIntoViewIfNeeded();
    await p.waitForTimeout(300);
    await noIds(p, `my training ${size}`);
    await shot(p, `outcomes-${size}`, true);
  }
}

// the provider's completion table: reasons in words, the rules once in the header's ⓘ
{
  const { desk, phone } = await pages();
  for (const [p, size] of [
    [desk, '1440'],
    [phone, '390'],
  ] as const) {
    await kit.signIn(p, 'provider');
    await p.goto(`${base}/classes/${k.id}/completion`);
    await p.getByTestId('completion-checks').first().waitFor();
    await p.waitForTimeout(300);
    if (size === '390') {
      // the phone scrolls the table sideways: show the reasons column
      await p
        .locator('.ant-table-content')
        .first()
        .evaluate((el) => {
          el.scrollLeft = 470;
        });
      await p.waitForTimeout(200);
    } else {
      await p.getByTestId('completion-reasons-title').first().getByTestId('rule-ref').hover();
      await p.getByTestId('rule-ref-tip').getByText(/出处/).first().waitFor();
      await p.waitForTimeout(300);
    }
    await shot(p, `completion-${size}`, size === '390');
  }
}

console.log(seen.join('\n'));
console.log(`screenshots in ${out}: words-*.png`);
await kit.close();
