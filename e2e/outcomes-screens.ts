/**
 * Screenshots of outcomes and completion (issue 3 item 7) for a look by eye (not a test): the teacher's
 * "我的培训" phone page at 390×844 (before and after completion), the reviewers' queue, the class completion
 * page after a run, and the hours section of the teacher detail page. The real app (buildApp, embedded
 * PGlite, demo region) serves the built web app; a programme with a class that ended yesterday, attendance and
 * outcomes are written first through the services.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/outcomes-screens.ts        # PNGs in test-results/outcomes-*.png
 */
import fs from 'node:fs';
import path from 'node:path';
import { addDays, todayInShanghai } from '@yanxun/core';
import type { Actor } from '../apps/server/src/shared/actor';
import { out, screensKit } from './screens-kit';

const kit = await screensKit({ name: 'outcomes', teachers: 300 });
const { services } = kit;

const today = todayInShanghai(new Date());
const province = kit.province;
const provider = await kit.orgOf('provider');
const { programme, picked, demoTeacherId } = await kit.selectedProgramme({
  projectTypeCode: 'backbone_cultivation',
  trackCode: 'backbone',
  title: '省级骨干教师培育项目（小学数学）',
  selectionDeadline: addDays(today, -30),
  startDate: addDays(today, -10),
  endDate: addDays(today, 20),
  teachers: 8,
});
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
const admin: Actor = kit.admin;
const reviewer: Actor = { ...admin, username: 'provider', grants: [grant('provider_staff', provider)] };
const teacherActor = (id: string): Actor => ({
  ...admin,
  username: `t${id}`,
  teacherId: id,
  grants: [grant('teacher', province)],
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
// attendance: the demo teacher and most colleagues 5/5, two of them 3/5
for (const [n, t] of picked.entries()) {
  const attended = n === 3 || n === 6 ? 3 : 5;
  for (const sid of sessions.slice(0, attended)) {
    await services.classes.markAttendance(admin, k.id, { teacherId: t.id, slot: `s${sid}` });
  }
}
const pdf = (text: string) => ({ name: `${text}.pdf`, content: Buffer.from(`%PDF-1.4\n${text}\n%%EOF`) });
const parts = [
  'excellent_lesson_case:教学设计',
  'excellent_lesson_case:课堂教学实录',
  'excellent_lesson_case:教学反思',
  'self_development_report',
];
for (const [n, t] of picked.entries()) {
  if (n === 7) continue; // one colleague hands in nothing
  for (const key of parts) {
    const sub =
      key.endsWith('课堂教学实录') && n % 2 === 0
        ? await services.outcomes.submit(teacherActor(t.id), k.id, key, {
            link: 'https://video.example.cn/v/1024',
          })
        : await services.outcomes.submit(teacherActor(t.id), k.id, key, { upload: pdf(`${t.name}-${key}`) });
    if (n === 5 && key === 'self_development_report') continue; // waits for review
    if (n === 4 && key === 'self_development_report') {
      await services.outcomes.review(reviewer, sub.id, {
        action: 'return',
        comment: '请结合本次培训补充专业发展规划',
      });
      continue;
    }
    await services.outcomes.review(reviewer, sub.id, {
      action: 'accept',
      score: 70 + ((n * 7 + key.length) % 25),
    });
  }
}

const base = await kit.serve();
const browser = kit.browser();
const signIn = kit.signIn;

const phone = await browser.newPage({
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
});
await signIn(phone, 'teacher');
await phone.goto(`${base}/my-training`);
await phone.getByText('培训成果').waitFor();
await phone.waitForTimeout(300);
await phone.screenshot({ path: path.join(out, 'outcomes-phone-before.png'), fullPage: true });

const desk = await browser.newPage({
  viewport: { width: 1440, height: 900 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
});
await signIn(desk, 'provider');
await desk.goto(`${base}/classes/${k.id}/outcomes`);
await desk.getByText('成果评审').first().waitFor();
await desk.waitForTimeout(500);
await desk.screenshot({ path: path.join(out, 'outcomes-review-queue.png'), fullPage: true });
await desk
  .getByRole('button', { name: /通\s?过/ })
  .first()
  .click();
await desk.getByRole('dialog').waitFor();
await desk.waitForTimeout(300);
await desk.screenshot({ path: path.join(out, 'outcomes-review-modal.png') });
await desk.keyboard.press('Escape');
await desk.goto(`${base}/classes/${k.id}/completion`);
await desk.getByTestId('completion-run').click();
await desk.getByText(/已评定 \d+ 人/).waitFor();
await desk.waitForTimeout(300);
await desk.screenshot({ path: path.join(out, 'outcomes-completion.png'), fullPage: true });

await phone.reload();
await phone.getByTestId('certificate-link').waitFor();
await phone.waitForTimeout(300);
await phone.screenshot({ path: path.join(out, 'outcomes-phone-after.png'), fullPage: true });
const width = await phone.evaluate(() => document.documentElement.scrollWidth);
// the PDF certificate (pdfmake + Noto Sans SC), saved beside the screenshots for a look
const pdfBytes = await phone.evaluate(async (url) => {
  const r = await fetch(url);
  return Array.from(new Uint8Array(await r.arrayBuffer()));
}, `/api/v1/classes/${k.id}/completion/${demoTeacherId}/certificate.pdf`);
fs.writeFileSync(path.join(out, 'outcomes-certificate.pdf'), Buffer.from(pdfBytes));
await phone.goto(`${base}/api/v1/classes/${k.id}/completion/${demoTeacherId}/certificate`);
await phone.setViewportSize({ width: 1200, height: 860 });
await phone.screenshot({ path: path.join(out, 'outcomes-certificate.png') });

const bureau = await browser.newPage({
  viewport: { width: 1440, height: 900 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
});
await signIn(bureau, 'admin');
await bureau.goto(`${base}/teachers/${demoTeacherId}`);
await bureau.getByTestId('teacher-hours').waitFor();
await bureau.getByText(/合计 .* 学时/).waitFor();
await bureau.waitForTimeout(300);
await bureau.screenshot({ path: path.join(out, 'outcomes-teacher-hours.png'), fullPage: true });

console.log(`phone page scroll width at 390 px: ${width}`);
console.log(
  `screenshots in ${out}: outcomes-phone-before, outcomes-review-queue, outcomes-review-modal, outcomes-completion, outcomes-phone-after, outcomes-certificate (.png, .pdf), outcomes-teacher-hours`,
);
await kit.close();
