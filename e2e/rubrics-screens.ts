/**
 * Screenshots of 评价量表 (not a test): the demo `city` login's rubric library (the built-ins A/B/C with their
 * warnings and the city's own copy of Rubric B), and the editor on that copy with 成果呈现 selected (its 20 vs 25
 * warning on the node and in the live check), and its versions and the campaign that recorded its normalisation.
 * The scenario clones Rubric B, saves a second version and creates a campaign through the services, as the city's
 * officer. Fails on a browser console error. PNGs under docs/screenshots/ (pngquant), for a look by eye.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/rubrics-screens.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Actor } from '../apps/server/src/shared/actor';
import { root, screensKit } from './screens-kit';

const docs = path.join(root, 'docs', 'screenshots');
fs.mkdirSync(docs, { recursive: true });

const kit = await screensKit({ name: 'rubrics', teachers: 200 });
const { db, services } = kit;
const city = await kit.orgOf('city');
const account = await db
  .selectFrom('accounts')
  .select(['id', 'display_name'])
  .where('username', '=', 'city')
  .executeTakeFirstOrThrow();
const officer: Actor = {
  accountId: account.id,
  username: 'city',
  displayName: account.display_name,
  teacherId: null,
  requestId: 'screens',
  ip: null,
  grants: [{ role: 'bureau_admin', orgId: city.id, orgPath: city.path, orgName: city.name, orgKind: 'city' }],
};
const counties = await db
  .selectFrom('orgs')
  .select('id')
  .where('kind', '=', 'county')
  .where('path', 'like', `${city.path}%`)
  .orderBy('id')
  .limit(2)
  .execute();

const v1 = await services.evaluation.cloneRubric(officer, {
  ownerOrgId: city.id,
  from: 'builtin:B',
  title: '清远市校本研修示范校评价标准',
});
const v2 = await services.evaluation.saveRubric(officer, {
  ownerOrgId: city.id,
  rubricId: v1.rubricId ?? '',
  rubric: { ...v1.rubric, title: '清远市校本研修示范校评价标准（2026 修订）' },
});
await services.evaluation.createCampaign(officer, {
  ownerOrgId: city.id,
  name: '2026 年校本研修示范校评估',
  year: 2026,
  subjectKind: 'county',
  rubricRef: v1.ref,
  normalisation: 'declared',
  appealDays: 5,
  subjects: counties.map((c) => c.id),
  metricBindings: {},
});

const base = await kit.serve();
const errors: string[] = [];
const watch = (page: Page) => {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
};

async function save(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(600);
  const file = path.join(docs, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  execFileSync('pngquant', ['--force', '--skip-if-larger', '--quality=60-85', '--output', file, file]);
  console.log(`${name}.png ${Math.round(fs.statSync(file).size / 1024)} KB`);
}

const desk = await kit.desktop();
watch(desk);
await kit.signIn(desk, 'city');
await desk.goto(`${base}/evaluation/rubrics`);
await desk.getByTestId(`rubric-edit-${v2.ref}`).waitFor();
await save(desk, 'rubrics-list-1440');

await desk.getByTestId(`rubric-edit-${v2.ref}`).click();
await desk.getByTestId('rubric-tree-B-S3').click();
await desk.getByTestId('rubric-node-form').waitFor();
await save(desk, 'rubric-editor-1440');

await desk.getByTestId('rubric-tab-bands').click();
await desk.getByTestId('rubric-normalisation').waitFor();
await save(desk, 'rubric-bands-1440');

await desk.getByTestId('rubric-tab-versions').click();
await desk.getByTestId('rubric-versions').waitFor();
await save(desk, 'rubric-versions-1440');
await desk.close();

console.log(errors.length ? `console errors: ${errors.join(' | ')}` : 'no console errors');
await kit.close();
if (errors.length > 0) process.exitCode = 1;
