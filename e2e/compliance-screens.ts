/**
 * Screenshots of 学时达标 (not a test): the county officer `qingcheng` at 1440×900 (the county's schools as charts
 * and a table, the teachers behind) and the school admin `school` on a 390×844 phone, on the demo data as it is
 * (no postings added: in the cycle's first school year nobody is behind on the cycle, and whoever has no
 * 校本研修 yet is behind its pace). PNGs under docs/screenshots/ (pngquant), for a look by eye.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/compliance-screens.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { root, screensKit } from './screens-kit';

const docs = path.join(root, 'docs', 'screenshots');
fs.mkdirSync(docs, { recursive: true });

const kit = await screensKit({ name: 'compliance', teachers: 300, programmes: true });
const base = await kit.serve();
const errors: string[] = [];

async function save(page: Page, name: string): Promise<void> {
  await page.getByTestId('hc-teachers-table').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(600); // the charts' first frame
  const file = path.join(docs, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  execFileSync('pngquant', ['--force', '--skip-if-larger', '--quality=60-85', '--output', file, file]);
  console.log(`${name}.png ${Math.round(fs.statSync(file).size / 1024)} KB`);
}

const desk = await kit.desktop();
desk.on('console', (m) => m.type() === 'error' && errors.push(`desk: ${m.text()}`));
await kit.signIn(desk, 'qingcheng');
await desk.goto(`${base}/hours/compliance`);
await save(desk, 'hours-compliance-1440');
// a drill-down into the first child unit, for a look (test-results/, not docs)
await desk.getByTestId('hc-units-table').locator('a').first().click();
await desk.getByTestId('hc-trail').waitFor();
await desk.waitForLoadState('networkidle');
await desk.waitForTimeout(600);
await kit.shot(desk, 'hours-compliance-drilled-1440');
// the rules behind 本学年进度落后, as an officer reads them in the ⓘ
await desk.getByTestId('rule-ref').nth(3).hover();
await desk.getByTestId('rule-ref-tip').waitFor();
await kit.shot(desk, 'hours-compliance-rule-1440', false);
await desk.goBack();
await desk.getByTestId('hc-units-table').waitFor();
console.log(`back: ${new URL(desk.url()).search || '(no query)'}`);
await desk.close();

const phone = await kit.phone();
phone.on('console', (m) => m.type() === 'error' && errors.push(`phone: ${m.text()}`));
await kit.signIn(phone, 'school');
await phone.goto(`${base}/hours/compliance`);
await save(phone, 'hours-compliance-390');
// nothing wider than the phone: a page that scrolls sideways has something cut off
// (compared with 390 itself: a mobile page zooms out to its content, so innerWidth grows with it)
const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - 390);
console.log(overflow > 0 ? `phone page is ${overflow}px too wide` : 'phone page fits 390 px');
// the Excel list and the reminders through the real session (cookie, CSRF), after the pictures
const [file] = await Promise.all([phone.waitForEvent('download'), phone.getByTestId('hc-export').click()]);
console.log(`export: ${file.suggestedFilename()} ${fs.statSync(await file.path()).size} bytes`);
await phone.getByTestId('hc-remind').click();
await phone.locator('.ant-popconfirm .ant-btn-primary').click();
console.log(`remind: ${await phone.getByTestId('hc-reminded').textContent()}`);
await phone.getByTestId('hc-reminded').locator('.ant-alert-close-icon').click();
await phone.getByTestId('hc-remind').click();
await phone.locator('.ant-popconfirm .ant-btn-primary').click();
console.log(`again: ${await phone.getByTestId('hc-reminded').textContent()}`);
await phone.close();
console.log(errors.length ? `console errors: ${errors.join(' | ')}` : 'no console errors');
await kit.close();
