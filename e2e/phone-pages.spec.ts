import { expect, type Page, test } from '@playwright/test';
import { hasNoHorizontalScroll, loginInPage } from './support';

/**
 * The pages that were once wider than a 390×844 phone, and the detail pages behind each login's lists: none may
 * scroll the whole page sideways (a table or a chart may scroll inside its own box). A detail page is opened
 * through the list's first link to it (`/classes/` from 培训班级), so the ids are the demo's, whatever they are.
 * e2e/phone-detail-screens.ts walks every page of every login for a look by eye.
 */

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

/**
 * A page to open, and optionally the prefix of the first link on it to follow to a detail page; `click`: what to
 * click instead when the list opens its detail pages by a click (a row, a link button) rather than by a link;
 * `tabs`: the detail page's tabs (`?tab=`) to open too.
 */
type Stop = { path: string; follow?: string; click?: string; tabs?: string[] };

const TOURS: Record<string, Stop[]> = {
  province: [
    { path: '/training-overview', follow: '/programmes/' },
    { path: '/hour-claims' },
    {
      path: '/programmes',
      follow: '/programmes/',
      click: 'tbody tr.ant-table-row',
      tabs: ['quotas', 'nominations', 'substitutions', 'kpis'],
    },
    { path: '/hours-imports' },
    { path: '/shortlists', follow: '/shortlists/' },
    { path: '/plans', follow: '/plans/' },
    { path: '/monitoring', follow: '/monitoring/exams/' },
    { path: '/orgs', follow: '/orgs/' },
    { path: '/teachers', follow: '/teachers/', click: 'tbody tr.ant-table-row' },
    { path: '/packs', follow: '/packs/', click: 'tbody tr.ant-table-row a' },
  ],
  city: [
    { path: '/training-overview' },
    { path: '/hour-claims' },
    { path: '/classes', follow: '/classes/' },
    { path: '/communities', follow: '/communities/' },
    { path: '/pairings' },
    { path: '/evaluation/campaigns', follow: '/evaluation/campaigns/' },
    { path: '/evaluation/selections', follow: '/evaluation/selections/' },
    { path: '/evaluation/rubrics', follow: '/evaluation/rubrics/' },
  ],
  qingcheng: [{ path: '/evaluation/mine', follow: '/evaluation/subjects/' }, { path: '/school-research' }],
  provider: [
    { path: '/plans', follow: '/plans/' },
    { path: '/classes', follow: '/classes/' },
  ],
  school: [
    { path: '/hour-claims' },
    { path: '/teachers', follow: '/teachers/', click: 'tbody tr.ant-table-row' },
  ],
  teacher: [{ path: '/' }, { path: '/me/archive' }, { path: '/me/communities' }],
  expert: [{ path: '/evaluation/tasks', follow: '/evaluation/tasks/' }],
};

/** The page's width against the phone's: a failure names the page and both widths. */
async function fits(page: Page, name: string): Promise<void> {
  const { scroll, view } = await hasNoHorizontalScroll(page);
  expect.soft(scroll, `${name} is ${scroll} px wide on a ${view} px phone`).toBeLessThanOrEqual(view);
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  // charts and tables lay out after their data arrives
  await page.waitForTimeout(300);
}

for (const [username, stops] of Object.entries(TOURS)) {
  test(`${username}: list and detail pages fit a 390×844 phone without sideways scrolling`, async ({
    page,
  }) => {
    await loginInPage(page, username);
    for (const stop of stops) {
      await page.goto(stop.path);
      await settle(page);
      await fits(page, stop.path);
      if (!stop.follow) continue;
      if (stop.click) {
        await page.locator(stop.click).first().click();
        await expect(page).toHaveURL(new RegExp(`${stop.follow}[^/]+$`));
      } else {
        const link = page.locator(`a[href^="${stop.follow}"]`).first();
        await expect(link, `${stop.path} links to ${stop.follow}…`).toBeAttached();
        await page.goto((await link.getAttribute('href')) ?? '');
      }
      await settle(page);
      const detail = new URL(page.url()).pathname;
      await fits(page, detail);
      for (const tab of stop.tabs ?? []) {
        await page.goto(`${detail}?tab=${tab}`);
        await settle(page);
        await fits(page, `${detail}?tab=${tab}`);
      }
    }
  });
}
