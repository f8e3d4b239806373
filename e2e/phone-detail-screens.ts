/**
 * The phone walk (not a test): every demo login's menu pages and the detail pages they link to, at 390×844,
 * each measured (is the page wider than the phone, and which elements stick out past its right edge) and saved
 * as a PNG for a look by eye. From each menu page the walk follows the app's own links one step further, one
 * link per kind of page (`/classes/12` and `/classes/13` are one kind), so it reaches the detail pages the user
 * can open; a few detail pages opened by a row click rather than a link are added from the database.
 * The real app (buildApp, embedded PGlite) with the demo region, its programme year, communities, evaluation
 * and exams. The first argument names the run (`before`, `after`), a prefix of the PNGs; the second, when
 * given, a comma-separated list of logins; the third, a comma-separated list of paths to open instead of the walk.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/phone-detail-screens.ts after      # PNGs in test-results/phone-after-*.png, the widths on stdout
 *   npx tsx e2e/phone-detail-screens.ts fix city /hour-claims,/training-overview
 *   npx tsx e2e/phone-detail-screens.ts docs       # the PNGs of the fixed pages in docs/screenshots/phone-*.png
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { loadDemoExams } from '../apps/server/src/demo/demo-exams';
import { root, screensKit, settle } from './screens-kit';

const run = process.argv[2] ?? 'now';
const paths = process.argv[4]?.split(',');
const users = (
  process.argv[3] ?? 'admin,province,city,qingcheng,yingde,tdc,provider,school,trainer,teacher,expert,expert2'
).split(',');

const kit = await screensKit({
  name: 'phone',
  teachers: 300,
  programmes: true,
  communities: true,
  evaluation: true,
});
const { db } = kit;
await loadDemoExams(db);
const first = async (table: 'exams' | 'programmes') =>
  (await db.selectFrom(table).select('id').orderBy('id').executeTakeFirst())?.id;
const exam = await first('exams');
const programme = await first('programmes');
/** Detail pages reached by a row click, not a link. */
const extra = [exam && `/monitoring/exams/${exam}`, programme && `/programmes/${programme}`].filter(
  (u): u is string => typeof u === 'string',
);
const base = await kit.serve();

/** The page's width against the phone's, and the outermost elements that reach past the right edge. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const view = document.documentElement.clientWidth;
    const scroll = document.scrollingElement?.scrollWidth ?? document.documentElement.scrollWidth;
    const culprits: string[] = [];
    // the outermost elements past the right edge that no clipping box holds in (no helper functions in here:
    // tsx would wrap them in a __name the page lacks)
    if (scroll > view)
      for (const el of document.body.querySelectorAll('*')) {
        if (culprits.length >= 6) break;
        const r = el.getBoundingClientRect();
        if (r.right <= view + 1 || r.width === 0) continue;
        let up = el.parentElement;
        let held = false;
        while (up && up !== document.body) {
          const s = getComputedStyle(up);
          if (up.getBoundingClientRect().right > view + 1 && up === el.parentElement) held = true;
          if (s.overflowX !== 'visible' && up.getBoundingClientRect().right <= view + 1) held = true;
          if (s.position === 'fixed') held = true;
          up = up.parentElement;
        }
        if (held) continue;
        const id = el.getAttribute('data-testid') ?? el.closest('[data-testid]')?.getAttribute('data-testid');
        const cls = [...el.classList].slice(0, 2).join('.');
        culprits.push(
          `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${cls ? `.${cls}` : ''} ${Math.round(r.left)}→${Math.round(r.right)}`,
        );
      }
    return { view, scroll, culprits };
  });
}

const pathOf = (url: string) => url.replace(/[?#].*$/, '');
/** `/classes/12/live?x=1` → `/classes/:id/live`: one visit per kind of page. */
const kindOf = (url: string) =>
  pathOf(url)
    .split('/')
    .map((s) => (/\d/.test(s) || s.includes('%3A') || s.includes(':') ? ':id' : s))
    .join('/');

async function links(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('main a[href^="/"], .ant-layout-content a[href^="/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.filter((h) => !h.startsWith('/api/') && h !== '/');
}

async function menuPaths(page: Page): Promise<string[]> {
  const keys = await page
    .locator('.ant-menu-item[data-menu-id]')
    .evaluateAll((els) => els.map((e) => (e.getAttribute('data-menu-id') ?? '').replace(/^.*?-(\/)/, '$1')));
  return keys.filter((k) => k.startsWith('/'));
}

/** The PNGs for docs/screenshots/ (`docs` as the run's name): login, page, file name, and the part to show. */
const DOCS = [
  { user: 'province', url: '/training-overview', name: 'phone-overview-390', part: 'ov-table' },
  { user: 'school', url: '/hour-claims', name: 'phone-hour-claims-390' },
  { user: 'provider', url: '/plans/2', name: 'phone-plan-versions-390', part: 'plan-versions' },
  { user: 'province', url: '/hours-imports', name: 'phone-hours-imports-390' },
  { user: 'province', url: '/shortlists', name: 'phone-shortlists-390' },
];

if (run === 'docs') {
  const docs = path.join(root, 'docs', 'screenshots');
  for (const d of DOCS) {
    const page = await kit.phone();
    await kit.signIn(page, d.user);
    await page.goto(`${base}${d.url}`);
    await settle(page);
    const file = path.join(docs, `${d.name}.png`);
    if (d.part) await page.getByTestId(d.part).screenshot({ path: file });
    else await page.screenshot({ path: file });
    execFileSync('pngquant', ['--force', '--skip-if-larger', '--quality=60-85', '--output', file, file]);
    console.log(`${d.name}.png ${Math.round(fs.statSync(file).size / 1024)} KB`);
    await page.close();
  }
  await kit.close();
  process.exit(0);
}

const wide: string[] = [];
for (const user of users) {
  let menu: string[] = [];
  if (!paths) {
    const desk = await kit.desktop();
    await kit.signIn(desk, user);
    await settle(desk);
    menu = await menuPaths(desk);
    await desk.close();
  }

  // a run named desk… opens the same pages at 1440×900, to compare the desktop before and after a change
  const page = run.startsWith('desk') ? await kit.desktop() : await kit.phone();
  await kit.signIn(page, user);
  const seen = new Set<string>();
  const queue = paths
    ? paths.map((url) => ({ url, depth: 2 }))
    : ['/', ...menu, ...extra].map((url) => ({ url, depth: 0 }));
  for (let next = queue.shift(); next; next = queue.shift()) {
    const kind = kindOf(next.url);
    if (seen.has(kind) && !paths) continue;
    seen.add(kind);
    await page.goto(`${base}${next.url}`);
    await settle(page);
    const m = await measure(page);
    const name = `phone-${run}-${user}${next.url.replace(/[/:%?=&]+/g, '_')}`;
    await kit.shot(page, name, true);
    const over = m.scroll > m.view;
    console.log(`${user} ${next.url} ${m.scroll}px${over ? ` WIDE | ${m.culprits.join(' · ')}` : ''}`);
    if (over) wide.push(`${user} ${next.url} ${m.scroll}px`);
    if (next.depth < 2) for (const url of await links(page)) queue.push({ url, depth: next.depth + 1 });
  }
  await page.close();
}

console.log(wide.length ? `wider than 390 px:\n  ${wide.join('\n  ')}` : 'every page fits 390 px');
console.log(`screenshots in test-results/phone-${run}-*.png`);
await kit.close();
