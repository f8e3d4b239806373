/**
 * Screenshots of the growth archive (教师成长档案, R3-T09; not a test): the demo `teacher` login's own archive on a
 * 390×844 phone and at 1440×900, and the same teacher's archive as the `school` login (their school's admin) sees
 * it from the teacher's page. The demo programme year gives the teacher their programmes, outcomes, certificate
 * and completion hours; the scenario adds 学时 of other categories and school years through the hours service, so
 * the chart stacks. Fails on a browser console error and on a phone page wider than 390 px. PNGs under
 * docs/screenshots/ (pngquant), for a look by eye.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/archive-screens.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { out, root, screensKit } from './screens-kit';

const docs = path.join(root, 'docs', 'screenshots');
fs.mkdirSync(docs, { recursive: true });

const kit = await screensKit({ name: 'archive', teachers: 300, programmes: true });
const { db, services } = kit;
const account = await db
  .selectFrom('accounts')
  .select('teacher_id')
  .where('username', '=', 'teacher')
  .executeTakeFirstOrThrow();
const teacherId = account.teacher_id ?? '';
const t = await db
  .selectFrom('teachers')
  .select(['county_id', 'org_path'])
  .where('id', '=', teacherId)
  .executeTakeFirstOrThrow();
const credit = (c: {
  key: string;
  tenths: number;
  category: 'school_based' | 'online' | 'workshop';
  on: string;
  rule: string;
}) => ({
  countyId: t.county_id,
  teacherId,
  orgPath: t.org_path,
  amountTenths: c.tenths,
  days: c.category === 'workshop' ? 1 : null,
  category: c.category,
  occurredOn: c.on,
  source: 'activity' as const,
  creditKey: c.key,
  ruleId: c.rule,
  postedBy: null,
});
await db.transaction().execute((trx) =>
  services.hours.postCredits(
    [
      credit({
        key: 'activity:sb-2024',
        tenths: 240,
        category: 'school_based',
        on: '2025-05-20',
        rule: 'R3-S02',
      }),
      credit({
        key: 'activity:sb-2025',
        tenths: 180,
        category: 'school_based',
        on: '2026-04-15',
        rule: 'R3-S02',
      }),
      credit({
        key: 'activity:ws-2025',
        tenths: 60,
        category: 'workshop',
        on: '2026-03-12',
        rule: 'R3-W16',
      }),
      credit({
        key: 'activity:ol-2025',
        tenths: 120,
        category: 'online',
        on: '2026-01-08',
        rule: 'Y-HOURS-XAPI',
      }),
    ],
    trx,
  ),
);
const base = await kit.serve();
const errors: string[] = [];
const watch = (page: Page) => {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
};

async function save(page: Page, name: string): Promise<void> {
  await page.getByTestId('archive').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(600);
  const file = path.join(docs, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  execFileSync('pngquant', ['--force', '--skip-if-larger', '--quality=60-85', '--output', file, file]);
  console.log(`${name}.png ${Math.round(fs.statSync(file).size / 1024)} KB`);
}

// the teacher's phone: from the menu (the drawer) to 成长档案
const phone = await kit.phone();
watch(phone);
await kit.signIn(phone, 'teacher');
await phone.goto(`${base}/me/archive`);
await save(phone, 'archive-390');
const width = await phone.evaluate(() => document.documentElement.scrollWidth);
// the phone page screen by screen, for a closer look (test-results/)
const height = await phone.evaluate(() => document.documentElement.scrollHeight);
for (let y = 0, i = 1; y < height; y += 844, i++)
  await phone.screenshot({
    path: path.join(out, `archive-390-${i}.png`),
    fullPage: true,
    clip: { x: 0, y, width: 390, height: Math.min(844, height - y) },
  });
console.log(`phone page scroll width at 390 px: ${width}`);
await phone.close();

const desk = await kit.desktop();
watch(desk);
await kit.signIn(desk, 'teacher');
await desk.goto(`${base}/me/archive`);
await save(desk, 'archive-teacher-1440');
// the PDF as the teacher downloads it (test-results/archive.pdf), to render and look at
const pdf = await desk.request.get(`${base}/api/v1/me/archive.pdf`);
fs.writeFileSync(path.join(out, 'archive.pdf'), await pdf.body());
await desk.close();

// the school admin: the teacher's page → 成长档案
const school = await kit.desktop();
watch(school);
await kit.signIn(school, 'school');
await school.goto(`${base}/teachers/${teacherId}`);
await school.getByTestId('teacher-archive').click();
await school.waitForURL((u) => u.pathname === `/teachers/${teacherId}/archive`);
await save(school, 'archive-1440');
await school.close();

console.log(errors.length ? `console errors: ${errors.join(' | ')}` : 'no console errors');
await kit.close();
if (errors.length > 0 || width > 390) process.exitCode = 1;
