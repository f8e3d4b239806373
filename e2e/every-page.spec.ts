import { type ConsoleMessage, expect, type Page, type Request, type Response, test } from '@playwright/test';
import { loginInPage } from './support';

/**
 * Every demo login (README's table) signs in and opens every page its menu offers,
 * in order, by clicking the menu as a user would. Any console error, uncaught exception, failed request or answer
 * of 400 or more fails the test: no page should ask for what its user may not have (a 403 in the console is a
 * page asking the wrong question). No request is expected to fail, so none is excused.
 */
const LOGINS = [
  'admin',
  'province',
  'city',
  'qingcheng',
  'yingde',
  'tdc',
  'school',
  'provider',
  'trainer',
  'teacher',
  'expert',
] as const;

/**
 * What went wrong on a page: console errors, exceptions, failed requests and ≥ 400 answers, with the page's path;
 * and `settled()`, which waits until no request of the page has been in flight for a moment (quicker than
 * Playwright's network idle, which always waits half a second).
 */
function watch(page: Page) {
  const problems: string[] = [];
  let inFlight = 0;
  let lastChange = Date.now();
  const moved = (d: number) => {
    inFlight += d;
    lastChange = Date.now();
  };
  page.on('request', () => moved(1));
  page.on('requestfinished', () => moved(-1));
  page.on('requestfailed', () => moved(-1));
  const settled = async () => {
    await expect
      .poll(() => inFlight === 0 && Date.now() - lastChange > 150, { intervals: [50], timeout: 30_000 })
      .toBe(true);
  };
  const where = () => new URL(page.url()).pathname;
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') problems.push(`${where()}: console error: ${m.text()}`);
  });
  page.on('pageerror', (e: Error) => problems.push(`${where()}: uncaught: ${e.message}`));
  page.on('response', (r: Response) => {
    if (r.status() >= 400) problems.push(`${where()}: ${r.status()} ${r.request().method()} ${r.url()}`);
  });
  page.on('requestfailed', (r: Request) => {
    // a request still running when the user moves on is cancelled by the browser: not a failure of the page
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`${where()}: failed ${r.method()} ${r.url()}: ${r.failure()?.errorText ?? ''}`);
  });
  return { problems, settled };
}

/** The pages of the side menu, as their paths (each menu item's key is its path). */
async function menuPaths(page: Page): Promise<string[]> {
  await page.locator('aside li.ant-menu-item').first().waitFor();
  const ids = await page
    .locator('aside li.ant-menu-item:not(.ant-menu-item-disabled)')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-menu-id') ?? ''));
  return ids.map((id) => id.slice(id.indexOf('/'))).filter((p) => p.startsWith('/'));
}

for (const username of LOGINS) {
  test(`${username}: every menu page loads without a console error or a failed request`, async ({ page }) => {
    test.setTimeout(120_000);
    const { problems, settled } = watch(page);
    await loginInPage(page, username);
    await settled();
    const paths = await menuPaths(page);
    expect(paths.length, `${username} has a menu`).toBeGreaterThan(0);
    const visited: string[] = [];
    for (const path of paths) {
      // pages outside the app frame (the phone's check-in, training and 学时申报 pages) have no side menu: come back
      // first; retried, because the frame of the page before may still be on screen while such a page loads
      await expect(async () => {
        if ((await page.locator('aside').count()) === 0) {
          // the phone check-in page leads back into the app itself
          const back = page.getByTestId('checkin-back');
          if (await back.count()) await back.click();
          else await page.goto('/');
          await page.locator('aside li.ant-menu-item').first().waitFor();
          await settled();
        }
        await page
          .locator(`aside li.ant-menu-item[data-menu-id$="${path}"]`)
          .first()
          .click({ timeout: 5_000 });
      }).toPass({ timeout: 60_000 });
      // a list with one item may open that item (组织机构 of a single unit goes on to /orgs/<id>)
      await expect(page).toHaveURL((u) => u.pathname === path || u.pathname.startsWith(`${path}/`));
      await settled();
      // the page has finished loading (a failed load would also have answered ≥ 400 above)
      await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
      visited.push(path);
    }
    expect(problems, `${username} visited ${visited.join(' ')}`).toEqual([]);
  });
}
