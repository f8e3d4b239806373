/**
 * Screenshots of a teacher's 学时 record (not a test): the demo `teacher` login with its completion hours plus
 * workshop days over R3-W16's caps, 校本研修 short of R3-S02's 24 学时 and a reversed adjustment — as the teacher
 * sees it on a 390×844 phone and at 1440×900, and as the county officer (rule references in ⓘ). PNGs under
 * docs/screenshots/ (pngquant), for a look by eye.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/hours-screens.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { root, screensKit } from './screens-kit';

const docs = path.join(root, 'docs', 'screenshots');
fs.mkdirSync(docs, { recursive: true });

const kit = await screensKit({ name: 'hours', teachers: 300, programmes: true });
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
  category: 'workshop' | 'school_based' | 'other';
  on: string;
  days?: number;
  rule: string;
  source?: 'activity' | 'adjustment';
}) => ({
  countyId: t.county_id,
  teacherId,
  orgPath: t.org_path,
  amountTenths: c.tenths,
  days: c.days ?? null,
  category: c.category,
  occurredOn: c.on,
  source: c.source ?? ('activity' as const),
  creditKey: c.key,
  ruleId: c.rule,
  postedBy: null,
});
await db.transaction().execute(async (trx) => {
  await services.hours.postCredits(
    [
      ...Array.from({ length: 6 }, (_, i) =>
        credit({
          key: `activity:ws-${i}`,
          tenths: 60,
          days: 1,
          category: 'workshop',
          on: `2026-10-1${i}`,
          rule: 'R3-W16',
        }),
      ),
      credit({
        key: 'activity:ws-long',
        tenths: 70,
        days: 1,
        category: 'workshop',
        on: '2026-11-02',
        rule: 'R3-W16',
      }),
      credit({
        key: 'activity:sb-1',
        tenths: 120,
        category: 'school_based',
        on: '2026-11-05',
        rule: 'R3-S02',
      }),
      credit({
        key: 'adjustment:demo',
        tenths: 30,
        category: 'other',
        on: '2026-11-06',
        rule: 'Y-HOURS-AMOUNT',
        source: 'adjustment',
      }),
    ],
    trx,
  );
  await services.hours.reverseCredits('adjustment:demo', [teacherId], { by: null, reason: '重复登记' }, trx);
});
const base = await kit.serve();

async function save(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  // the app's sticky header would be drawn over the card in an element screenshot
  await page.addStyleTag({ content: '.ant-layout-header { position: static !important; }' });
  const card = page.getByTestId('teacher-hours');
  await card.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  const file = path.join(docs, `${name}.png`);
  await card.screenshot({ path: file });
  execFileSync('pngquant', ['--force', '--skip-if-larger', '--quality=60-85', '--output', file, file]);
  console.log(`${name}.png ${Math.round(fs.statSync(file).size / 1024)} KB`);
}

const desk = await kit.desktop();
await kit.signIn(desk, 'teacher');
await desk.goto(`${base}/teachers/${teacherId}`);
await save(desk, 'hours-teacher-1440');
await desk.close();
const phone = await kit.phone();
await kit.signIn(phone, 'teacher');
await phone.goto(`${base}/teachers/${teacherId}`);
await save(phone, 'hours-teacher-390');
await phone.close();
const officer = await kit.desktop();
await kit.signIn(officer, 'qingcheng');
await officer.goto(`${base}/teachers/${teacherId}`);
await save(officer, 'hours-officer-1440');
await officer.close();
await kit.close();
