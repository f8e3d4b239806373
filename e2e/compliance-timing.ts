/**
 * How long the 学时达标 drill-down takes in the browser (not a test): the demo at its default size (20,000
 * teachers, DEMO_TEACHERS) with its programme year, the `city` officer on /hours/compliance, a click on the first
 * county of the units table until the county's page is drawn, then a click on the county's first unit until that
 * one is drawn. Drawn: the unit's report and its first page of teachers have arrived, the page names the unit, the
 * teachers table has rows and no spinner, and two animation frames have passed.
 *
 * Each web build given (default: apps/web/dist) is served by its own app over the same database, and the builds
 * take turns, RUNS rounds from a fresh page each, so a busy machine weighs on them alike; the first round warms
 * the server and is left out of the medians. To compare a change, build the web app without it into another
 * folder and pass both:
 *
 *   npm run build -w @yanxun/web
 *   (cd apps/web && npx vite build --outDir /tmp/web-before --emptyOutDir)   # on the code before
 *   npx tsx e2e/compliance-timing.ts 20000 /tmp/web-before apps/web/dist
 */
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buildApp } from '../apps/server/src/app';
import { DEMO_PASSWORD } from '../apps/server/src/demo/load-region';
import { root, screensKit } from './screens-kit';

const TEACHERS = Number(process.argv[2] ?? 20_000);
const DISTS = process.argv.length > 3 ? process.argv.slice(3) : [path.join(root, 'apps/web/dist')];
const RUNS = 6;

const t0 = Date.now();
const kit = await screensKit({ name: 'compliance-timing', teachers: TEACHERS, programmes: true });
console.log(`demo of ${kit.demo.teachers} teachers loaded in ${Math.round((Date.now() - t0) / 1000)} s`);
await kit.serve();
const bases: string[] = [];
for (const dist of DISTS) {
  const app = await buildApp({ services: kit.services, logLevel: 'warn', webDist: path.resolve(dist) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  bases.push(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Clicks the first unit of the units table and times it until that unit's page is drawn. */
async function drill(page: Page): Promise<{ ms: number; name: string }> {
  const link = page.getByTestId('hc-units-table').locator('tbody a').first();
  const name = (await link.textContent()) ?? '';
  const id = (await link.getAttribute('data-testid'))?.replace('hc-unit-', '') ?? '';
  const arrived = (p: string) =>
    page.waitForResponse((r) => {
      const u = new URL(r.url());
      return u.pathname === p && u.searchParams.get('orgId') === id;
    });
  const report = arrived('/api/v1/hours/compliance');
  const teachers = arrived('/api/v1/hours/compliance/teachers');
  const start = Date.now();
  await link.click();
  await Promise.all([report, teachers]);
  await page.getByTestId('hc-unit').filter({ hasText: name }).waitFor();
  await page.getByTestId('hc-teachers-table').locator('tbody tr.ant-table-row').first().waitFor();
  await page.getByTestId('hc-teachers-card').locator('.ant-spin-spinning').waitFor({ state: 'detached' });
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
  );
  return { ms: Date.now() - start, name };
}

const times = DISTS.map(() => ({ county: [] as number[], school: [] as number[] }));
const names = { county: '', school: '' };
for (let run = 0; run < RUNS; run++) {
  for (const [i, base] of bases.entries()) {
    const page = await kit.desktop();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('city');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${base}/hours/compliance`);
    await page.getByTestId('hc-units-table').waitFor();
    await page.waitForLoadState('networkidle');
    const county = await drill(page);
    await page.waitForLoadState('networkidle');
    const school = await drill(page);
    names.county = county.name;
    names.school = school.name;
    console.log(`run ${run + 1} ${DISTS[i]}: county ${county.ms} ms, then ${school.ms} ms`);
    if (run > 0) {
      times[i]?.county.push(county.ms);
      times[i]?.school.push(school.ms);
    }
    await page.close();
  }
}
for (const [i, dist] of DISTS.entries())
  console.log(
    `${dist}: median of runs 2–${RUNS}: city → ${names.county} ${median(times[i]?.county ?? [])} ms; ` +
      `→ ${names.school} ${median(times[i]?.school ?? [])} ms`,
  );
console.log(
  `machine: ${os.cpus()[0]?.model ?? '?'} × ${os.availableParallelism()}, load ${os.loadavg()[0]?.toFixed(2)}`,
);
await kit.close();
process.exit(0);
