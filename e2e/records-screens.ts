/**
 * Screenshots of the pages added for issues 13 and 14's last items (not a test): 帮扶结对 with its 各县统计 tab and
 * 校本研修 with the schools' 教师培训经费 (the county), the school's own 教师培训经费 card, and 评优评先 with last
 * year's 先进个人 (the county). At 1440×900 and on a 390×844 phone; fails on a console error or a phone page wider
 * than the phone. PNGs under docs/screenshots/ (pngquant).
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/records-screens.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { root, screensKit } from './screens-kit';

const docs = path.join(root, 'docs', 'screenshots');
const kit = await screensKit({
  name: 'records',
  teachers: 1000,
  programmes: true,
  communities: true,
  evaluation: true,
});
const selection = await kit.db.selectFrom('evaluation_selections').select('id').executeTakeFirstOrThrow();
const base = await kit.serve();
const errors: string[] = [];
const wide: string[] = [];

async function shoot(username: string, shots: Array<{ name: string; url: string; tab?: string }>) {
  for (const open of [() => kit.desktop(), () => kit.phone()]) {
    const page: Page = await open();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${username} ${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${username} ${page.url()}: ${e.message}`));
    await kit.signIn(page, username);
    for (const s of shots) {
      await page.goto(`${base}${s.url}`);
      await page.waitForLoadState('networkidle');
      if (s.tab) {
        await page.getByRole('tab', { name: s.tab }).click();
        await page.waitForLoadState('networkidle');
      }
      await page.waitForTimeout(800);
      const phone = (page.viewportSize()?.width ?? 0) < 500;
      if (phone) {
        const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (over > 1) wide.push(`${s.name} +${over}px`);
      }
      const file = path.join(docs, `${s.name}-${phone ? '390' : '1440'}.png`);
      await page.screenshot({ path: file, fullPage: true });
      execFileSync('pngquant', ['--force', '--skip-if-larger', '--quality=60-85', '--output', file, file]);
      console.log(`${path.basename(file)} ${Math.round(fs.statSync(file).size / 1024)} KB`);
    }
    await page.close();
  }
}

await shoot('qingcheng', [
  { name: 'pairings-stats', url: '/pairings', tab: '各县统计' },
  { name: 'training-budgets-county', url: '/school-research' },
  { name: 'selection', url: `/evaluation/selections/${selection.id}` },
]);
await shoot('school', [{ name: 'training-budget-school', url: '/school-research' }]);
await kit.close();
if (errors.length > 0 || wide.length > 0) {
  console.error([...errors, ...wide].join('\n'));
  process.exit(1);
}
