/**
 * Screenshots of the check-in pages for a look by eye (not a test): the venue's full-screen QR page at
 * 1920×1080 and the teacher's phone page at 390×844 after checking in with the URL of that QR code, and the
 * class detail with its deadline board. The real app (buildApp, embedded PGlite, demo region) serves the built
 * web app; a programme running today, a class and one enrolled demo teacher are written first.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/classes-screens.ts        # PNGs in test-results/classes-*.png
 */
import path from 'node:path';
import { addDays, todayInShanghai } from '@yanxun/core';
import { out, screensKit } from './screens-kit';

const kit = await screensKit({ name: 'screens', teachers: 300 });
const { db, services } = kit;

const today = todayInShanghai(new Date());
const provider = await kit.orgOf('provider');
const admin = kit.admin;
// the demo teacher and 39 colleagues are selected
const { programme, picked } = await kit.selectedProgramme({
  projectTypeCode: 'rural_backbone',
  trackCode: 'rural_backbone',
  title: '乡村骨干教师素质提升培训',
  selectionDeadline: addDays(today, -20),
  startDate: addDays(today, -1),
  endDate: addDays(today, 30),
  teachers: 40,
});
const k = await services.classes.create(admin, {
  programmeId: programme.id,
  name: '第一期 小学数学 A 班',
  startDate: today,
  endDate: addDays(today, 4),
  venue: '清远市教师发展中心 报告厅',
  providerOrgId: provider.id,
});
await services.classes.enrol(admin, k.id, {});
await services.classes.addSession(admin, k.id, {
  date: today,
  startsAt: '09:00',
  endsAt: '11:30',
  title: '开班典礼与专题讲座',
});
await services.classes.addSession(admin, k.id, {
  date: addDays(today, 1),
  startsAt: '14:00',
  endsAt: '17:00',
  title: '课例研讨工作坊',
});
await services.classes.addDocument(admin, k.id, {
  kind: 'registration_notice',
  submittedOn: addDays(today, 0),
});
// a few colleagues have already arrived
for (const t of picked.slice(1, 13))
  await db
    .insertInto('attendance')
    .values({ county_id: t.county_id, class_id: k.id, slot: 'arrive', teacher_id: t.id, method: 'qr' })
    .execute();

const base = await kit.serve();
const browser = kit.browser();
const signIn = kit.signIn;

// the venue screen (the demo provider account runs the class)
const venue = await browser.newPage({
  viewport: { width: 1920, height: 1080 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
});
await signIn(venue, 'provider');
await venue.goto(`${base}/classes/${k.id}`);
await venue.getByText('材料报送进度').waitFor();
await venue.screenshot({ path: path.join(out, 'classes-detail.png'), fullPage: true });
await venue.goto(`${base}/classes/${k.id}/screen?slot=arrive`);
await venue.getByTestId('short-code').waitFor();
await venue.waitForTimeout(500);
await venue.screenshot({ path: path.join(out, 'classes-qr-screen.png') });
const qrUrl = await venue.evaluate(async (id) => {
  const r = await fetch(`/api/v1/classes/${id}/checkin-display?slot=arrive`);
  return ((await r.json()) as { path: string }).path;
}, k.id);

// the teacher's phone opens the QR code's URL
const phone = await browser.newPage({
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
});
await signIn(phone, 'teacher');
await phone.goto(`${base}${qrUrl}`);
await phone.getByTestId('checkin-outcome').waitFor();
await phone.waitForTimeout(300);
await phone.screenshot({ path: path.join(out, 'classes-phone-checked-in.png'), fullPage: true });
const width = await phone.evaluate(() => document.documentElement.scrollWidth);
// again with the same URL: 已签到
await phone.goto(`${base}${qrUrl}`);
await phone.getByTestId('checkin-outcome').waitFor();
await phone.waitForTimeout(300);
await phone.screenshot({ path: path.join(out, 'classes-phone-already.png'), fullPage: true });
// a wrong short code
await phone.getByLabel('输入现场屏幕上的 6 位数字码').fill('000000');
await phone.getByRole('button', { name: /签\s*到/ }).click();
await phone.locator('[data-status="refused"]').waitFor();
await phone.screenshot({ path: path.join(out, 'classes-phone-refused.png'), fullPage: true });
await venue.goto(`${base}/classes/${k.id}/live?slot=arrive`);
await venue.getByText('最新签到').waitFor();
await venue.screenshot({ path: path.join(out, 'classes-live.png') });

console.log(`phone page scroll width at 390 px: ${width}`);
console.log(
  `screenshots in ${out}: classes-detail, classes-qr-screen, classes-phone-checked-in, classes-phone-already, classes-phone-refused, classes-live`,
);
await kit.close();
