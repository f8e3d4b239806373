/**
 * Screenshots of issue 11 item 5 (figures that read wrong) for a look by eye (not a test): the programme list, the
 * quota tree of the provincial programme (广东省 → 清远市 → counties → schools), a city exam's report as the demo
 * school's admin (its own stage, and a stage it does not teach) and the provider's 成果评审 list, each at 1440×900
 * and 390×844. The real app (buildApp, embedded PGlite) with the demo region, its programme year and its exams.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/figures-screens.ts        # PNGs in test-results/figures-*.png
 */
import type { Page } from 'playwright-core';
import { loadDemoExams } from '../apps/server/src/demo/demo-exams';
import { screensKit } from './screens-kit';

const kit = await screensKit({ name: 'figures', teachers: 2000, programmes: true });
const { db } = kit;
await loadDemoExams(db);
const provincial = await db
  .selectFrom('programmes')
  .select('id')
  .where('project_type_code', '=', 'backbone_cultivation')
  .executeTakeFirstOrThrow();
const klass = await db
  .selectFrom('classes')
  .select('id')
  .where('programme_id', '=', provincial.id)
  .orderBy('id')
  .executeTakeFirstOrThrow();
const school = await db
  .selectFrom('accounts as a')
  .innerJoin('role_grants as g', 'g.account_id', 'a.id')
  .innerJoin('orgs as o', 'o.id', 'g.org_id')
  .select(['o.stages'])
  .where('a.username', '=', 'school')
  .executeTakeFirstOrThrow();
const exams = await db.selectFrom('exams').select(['id', 'stage', 'name']).orderBy('id').execute();
const own = exams.filter((e) => school.stages.includes(e.stage)).at(-1);
const other = exams.find((e) => !school.stages.includes(e.stage));
const base = await kit.serve();

async function both(
  user: string,
  url: string,
  name: string,
  ready: (p: Page) => Promise<unknown>,
  fullPage = false,
) {
  for (const [size, page] of [
    ['1440', await kit.desktop()],
    ['390', await kit.phone()],
  ] as const) {
    await kit.signIn(page, user);
    await page.goto(`${base}${url}`);
    await ready(page);
    await page.waitForLoadState('networkidle');
    await page
      .locator('.ant-spin-spinning')
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => {});
    await page.waitForTimeout(600); // charts and fonts settle before the picture
    await kit.shot(page, `figures-${name}-${size}`, fullPage);
    await page.close();
  }
}

await both('province', '/programmes', 'programmes', (p) => p.getByTestId('programme-table').waitFor());
await both('province', `/programmes/${provincial.id}?tab=quotas`, 'quotas', (p) =>
  p.getByText('清远市').first().waitFor(),
);
if (own)
  await both(
    'school',
    `/monitoring/exams/${own.id}`,
    'exam-school',
    (p) => p.getByTestId('schools-table').waitFor(),
    true,
  );
if (other)
  await both('school', `/monitoring/exams/${other.id}`, 'exam-school-other-stage', (p) =>
    p.getByTestId('schools-table').waitFor(),
  );
await both('provider', `/classes/${klass.id}/outcomes`, 'outcome-review', (p) =>
  p.locator('.ant-table').first().waitFor(),
);
await both('province', '/plans', 'plans', (p) => p.locator('.ant-table').first().waitFor());
// the 待评审 filter of a class whose outcomes are all reviewed: the empty state says why and how to widen it
{
  const page = await kit.desktop();
  await kit.signIn(page, 'provider');
  await page.goto(`${base}/classes/${klass.id}/outcomes`);
  await page.getByTestId('outcome-status').first().getByText('待评审').click();
  await page.getByTestId('filtered-empty').waitFor();
  await kit.shot(page, 'figures-outcome-review-pending-1440', false);
  await page.close();
}
await kit.close();
console.log('screens: test-results/figures-*.png');
