/**
 * Screenshots of the landing page (工作台) of the officer, provider, trainer and teacher demo logins at 1440×900 and
 * 390×844, saved small (pngquant) under docs/screenshots/ for a look by eye (not a test); and, for a look only
 * (test-results/), the venue screen outside the check-in days and the phone check-in page. The real app
 * (buildApp, embedded PGlite, the demo region with its programme year and exams) serves the built web app, on
 * today's clock.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/home-screens.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { loadDemoExams } from '../apps/server/src/demo/demo-exams';
import { out, root, screensKit } from './screens-kit';

const docs = path.join(root, 'docs', 'screenshots');
fs.mkdirSync(docs, { recursive: true });

const kit = await screensKit({ name: 'home', teachers: 2000, programmes: true });
await loadDemoExams(kit.db);
const base = await kit.serve();

/** Wait for the page's data and charts, then a viewport-sized PNG, quantised to stay small. */
async function save(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800);
  const file = path.join(docs, `${name}.png`);
  await page.screenshot({ path: file });
  execFileSync('pngquant', ['--force', '--skip-if-larger', '--quality=60-85', '--output', file, file]);
  console.log(`${name}.png ${Math.round(fs.statSync(file).size / 1024)} KB`);
}

const logins: Array<[string, string]> = [
  ['province', 'officer'],
  ['provider', 'provider'],
  ['trainer', 'trainer'],
  ['teacher', 'teacher'],
];
for (const [username, who] of logins) {
  const desk = await kit.desktop();
  await kit.signIn(desk, username);
  await desk.goto(`${base}/`);
  await save(desk, `home-${who}-1440`);
  await desk.close();
  const phone = await kit.browser().newPage({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await kit.signIn(phone, username);
  await phone.goto(`${base}/`);
  await save(phone, `home-${who}-390`);
  await phone.close();
}

// the venue screen of a class whose check-in days are over, and the phone check-in page with its way back
const provider = await kit.desktop();
await kit.signIn(provider, 'provider');
const classes = (await (await provider.request.get(`${base}/api/v1/classes`)).json()) as Array<{
  id: string;
}>;
await provider.goto(`${base}/classes/${classes.at(-1)?.id ?? '1'}/screen?slot=arrive`);
await provider.waitForTimeout(1200);
await kit.shot(provider, 'home-venue-screen-closed', false);
await provider.close();
const teacher = await kit.phone();
await kit.signIn(teacher, 'teacher');
await teacher.goto(`${base}/checkin`);
await teacher.waitForTimeout(1000);
await kit.shot(teacher, 'home-checkin-phone', false);
await teacher.close();
console.log(`also in ${out}: home-venue-screen-closed.png, home-checkin-phone.png`);
await kit.close();
