/**
 * Screenshots of the layout walk for a look by eye (not a test): every menu page of the school administrator
 * (`school`) and the teacher (`teacher`) at 390×844, with each table measured (is it wider than the space it
 * sits in, and which headers does a phone reader see without scrolling sideways); an exam's report as the school
 * admin and the city officer at 1440×900 (the school table inside its card); and the rubric editor's 一级指标
 * rows. The real app (buildApp, embedded PGlite) with the demo region, its programme year, communities,
 * evaluation and exams. The first argument names the run (`before`, `after`), a prefix of the PNGs.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/layout-screens.ts after      # PNGs in test-results/layout-after-*.png, the measures on stdout
 */
import type { Page } from 'playwright-core';
import { loadDemoExams } from '../apps/server/src/demo/demo-exams';
import { out, screensKit, settle } from './screens-kit';

const run = process.argv[2] ?? 'now';
const only = process.argv[3];
const kit = await screensKit({
  name: 'layout',
  teachers: 300,
  programmes: true,
  communities: true,
  evaluation: true,
});
const { db } = kit;
await loadDemoExams(db);
const exam = await db.selectFrom('exams').select(['id']).orderBy('id', 'desc').executeTakeFirstOrThrow();
const base = await kit.serve();

/** Every table on the page: its headers, whether it is wider than its box, and the headers past the right edge. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    return [...document.querySelectorAll<HTMLElement>('.ant-table-wrapper')]
      .filter((w) => w.offsetParent !== null && !w.closest('.ant-table-expanded-row'))
      .map((w) => {
        const box = w.closest<HTMLElement>('.ant-card-body') ?? w.parentElement ?? w;
        const table = w.querySelector<HTMLElement>('table');
        const heads = [...w.querySelectorAll<HTMLElement>('thead th')]
          .filter((th) => !th.classList.contains('ant-table-row-expand-icon-cell'))
          .map((th) => ({
            text: (th.textContent ?? '').trim(),
            right: th.getBoundingClientRect().right,
          }));
        const boxRight = Math.min(box.getBoundingClientRect().right, vw);
        return {
          testid: w.closest('[data-testid]')?.getAttribute('data-testid') ?? '',
          tableWidth: table?.scrollWidth ?? 0,
          boxWidth: box.clientWidth,
          overflows: (table?.getBoundingClientRect().right ?? 0) > boxRight + 1,
          visible: heads.filter((h) => h.right <= boxRight + 1).map((h) => h.text),
          hidden: heads.filter((h) => h.right > boxRight + 1).map((h) => h.text),
        };
      });
  });
}

async function look(page: Page, user: string, size: string, url: string) {
  await page.goto(`${base}${url}`);
  await settle(page);
  const name = `layout-${run}-${user}-${size}${url.replace(/[/?=&]+/g, '_')}`;
  await kit.shot(page, name, true);
  for (const t of await measure(page))
    console.log(
      `${user} ${size} ${url} [${t.testid}] table ${t.tableWidth}px in ${t.boxWidth}px${t.overflows ? ' OVERFLOWS' : ''}` +
        ` | seen: ${t.visible.join(' · ')}${t.hidden.length ? ` | off the edge: ${t.hidden.join(' · ')}` : ''}`,
    );
}

async function menuPaths(user: string): Promise<string[]> {
  const page = await kit.desktop();
  await kit.signIn(page, user);
  await settle(page);
  const keys = await page
    .locator('.ant-menu-item[data-menu-id]')
    .evaluateAll((els) => els.map((e) => (e.getAttribute('data-menu-id') ?? '').replace(/^.*?-(\/)/, '$1')));
  await page.close();
  return keys.filter((k) => k.startsWith('/'));
}

if (!only || only === 'phone') {
  for (const user of ['school', 'teacher']) {
    const paths = await menuPaths(user);
    const page = await kit.phone();
    await kit.signIn(page, user);
    for (const p of paths) await look(page, user, '390', p);
    if (user === 'school') await look(page, user, '390', `/monitoring/exams/${exam.id}`);
    await page.close();
  }
}

if (!only || only === 'desk') {
  for (const user of ['school', 'city']) {
    const page = await kit.desktop();
    await kit.signIn(page, user);
    await look(page, user, '1440', `/monitoring/exams/${exam.id}`);
    if (user === 'school') for (const p of await menuPaths(user)) await look(page, user, '1440', p);
    await page.close();
  }
}

if (!only || only === 'rubric') {
  for (const [size, page] of [
    ['1440', await kit.desktop()],
    ['390', await kit.phone()],
  ] as const) {
    await kit.signIn(page, 'city');
    await page.goto(`${base}/evaluation/rubrics/${encodeURIComponent('builtin:A')}`);
    await settle(page);
    // the first 一级指标 is selected as the page opens
    await page.getByTestId('rubric-node-form').waitFor();
    await page.waitForTimeout(300);
    await page
      .getByTestId('rubric-node-form')
      .screenshot({ path: `${out}/layout-${run}-rubric-${size}.png` });
    await page.close();
  }
}

console.log(`screenshots in test-results/layout-${run}-*.png`);
await kit.close();
