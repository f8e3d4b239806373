/**
 * Screenshots of 评价 and 五育 as their users see them (not a test), on the demo's programme year with its
 * evaluation part: the city's 项目县考核评估 of last year (published) and this year's (in scoring, the `expert`
 * login's sheet of 清城 half-way), and 清城's 五育 round. At 1440×900 and on a 390×844 phone:
 *   city       评价活动, this year's campaign and 清城's provisional scorecard with last year beside it
 *   expert     评审任务 and 清城's sheet (experts score on tablets and phones)
 *   qingcheng  本单位参评, this year's subject page, last year's published scorecard (the first year: no history
 *              yet), the 五育 results
 * Fails on a browser console error or a phone page wider than the phone. PNGs under docs/screenshots/ (pngquant).
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/evaluation-screens.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { root, screensKit } from './screens-kit';

const docs = path.join(root, 'docs', 'screenshots');
fs.mkdirSync(docs, { recursive: true });

const kit = await screensKit({ name: 'evaluation', teachers: 1000, programmes: true, evaluation: true });
const { db } = kit;
const campaigns = await db
  .selectFrom('evaluation_campaigns')
  .select(['id', 'status', 'year'])
  .orderBy('year', 'desc')
  .execute();
const current = campaigns.find((c) => c.status !== 'published');
const published = campaigns.find((c) => c.status === 'published');
if (!current || !published) throw new Error('the demo has no evaluation campaigns');
const qingcheng = await db
  .selectFrom('accounts')
  .innerJoin('role_grants', 'role_grants.account_id', 'accounts.id')
  .select('role_grants.org_id')
  .where('accounts.username', '=', 'qingcheng')
  .executeTakeFirstOrThrow();
const subjectOf = async (campaignId: string) =>
  (
    await db
      .selectFrom('evaluation_subjects')
      .select('id')
      .where('campaign_id', '=', campaignId)
      .where('ref_id', '=', qingcheng.org_id)
      .executeTakeFirstOrThrow()
  ).id;
const currentSubject = await subjectOf(current.id);
const publishedSubject = await subjectOf(published.id);

const base = await kit.serve();
const errors: string[] = [];
const wide: string[] = [];

async function save(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(700);
  const phone = (page.viewportSize()?.width ?? 0) < 500;
  if (phone) {
    const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (over > 1) wide.push(`${name} +${over}px`);
  }
  const file = path.join(docs, `${name}-${phone ? '390' : '1440'}.png`);
  await page.screenshot({ path: file, fullPage: true });
  execFileSync('pngquant', ['--force', '--skip-if-larger', '--quality=60-85', '--output', file, file]);
  console.log(`${path.basename(file)} ${Math.round(fs.statSync(file).size / 1024)} KB`);
}

type Shot = { name: string; url: string; ready: (page: Page) => Promise<unknown> };

async function tour(username: string, shots: Shot[]): Promise<void> {
  for (const open of [() => kit.desktop(), () => kit.phone()]) {
    const page = await open();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${username} ${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${username} ${page.url()}: ${e.message}`));
    await kit.signIn(page, username);
    for (const s of shots) {
      await page.goto(`${base}${s.url}`);
      await s.ready(page);
      await save(page, s.name);
    }
    await page.close();
  }
}

await tour('city', [
  {
    name: 'eval-campaigns',
    url: '/evaluation/campaigns',
    ready: (p) => p.getByTestId('eval-campaigns').getByText('项目县考核评估').first().waitFor(),
  },
  {
    name: 'eval-campaign',
    url: `/evaluation/campaigns/${current.id}`,
    ready: (p) => p.getByTestId('eval-advance').first().waitFor(),
  },
  {
    name: 'eval-scorecard-provisional',
    url: `/evaluation/subjects/${currentSubject}/scorecard`,
    ready: (p) => p.getByTestId('eval-history').waitFor(),
  },
]);

await tour('expert', [
  {
    name: 'eval-tasks',
    url: '/evaluation/tasks',
    ready: (p) => p.getByTestId('eval-tasks').getByText('清城').first().waitFor(),
  },
  {
    name: 'eval-sheet',
    url: `/evaluation/tasks/${currentSubject}`,
    ready: (p) => p.getByTestId('eval-save').waitFor(),
  },
]);

await tour('qingcheng', [
  {
    name: 'eval-mine',
    url: '/evaluation/mine',
    ready: (p) => p.getByTestId('eval-mine').getByText('项目县考核评估').first().waitFor(),
  },
  {
    name: 'eval-subject',
    url: `/evaluation/subjects/${currentSubject}`,
    ready: (p) => p.getByTestId('eval-subject').waitFor(),
  },
  {
    name: 'eval-scorecard',
    url: `/evaluation/subjects/${publishedSubject}/scorecard`,
    ready: (p) => p.getByTestId('eval-total').waitFor(),
  },
  {
    name: 'five-results',
    url: '/five-education',
    ready: async (p) => {
      await p
        .getByRole('button', { name: /^查\s*看$/ })
        .first()
        .click();
      await p.getByRole('tab', { name: '评价结果' }).waitFor();
    },
  },
]);

console.log(errors.length ? `console errors:\n${errors.join('\n')}` : 'no console errors');
console.log(wide.length ? `wider than the phone: ${wide.join(', ')}` : 'no phone page wider than the phone');
await kit.close();
if (errors.length > 0 || wide.length > 0) process.exitCode = 1;
