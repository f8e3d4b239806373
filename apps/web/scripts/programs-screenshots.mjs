// Screenshots of the programme pages as province, county and school admin, for a human to look at.
//
//   PORT=3107 npm start &                                   # server + built web with the demo region
//   YX_URL=http://127.0.0.1:3107 node apps/web/scripts/programs-screenshots.mjs   # → /tmp/yxp-*.png
//
// Expects a programme with quotas in the demo data (YX_PROGRAMME, default the newest) and a draft pack
// (YX_DRAFT_PACK, default the first draft the province can edit). Env: YX_OUT (default /tmp), CHROMIUM.
import path from 'node:path';
import { chromium } from 'playwright-core';

const BASE = process.env.YX_URL ?? 'http://127.0.0.1:3107';
const OUT = process.env.YX_OUT ?? '/tmp';
const PASSWORD = process.env.YX_PASSWORD ?? 'Yanxun@2026';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

async function settle(page) {
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForTimeout(500);
}

async function shot(page, name, fullPage = false) {
  await settle(page);
  const file = path.join(OUT, `yxp-${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log('saved', file);
}

async function session(user) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`[${user}] page error:`, e.message));
  await page.goto(`${BASE}/login`);
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return { context, page };
}

async function api(page, url) {
  return page.evaluate(async (u) => (await fetch(u)).json(), url);
}

// ── province ───────────────────────────────────────────────────────────────────────────────────────
{
  const { context, page } = await session('province');
  const programmes = await api(page, '/api/v1/programmes?pageSize=50');
  const programmeId = process.env.YX_PROGRAMME ?? programmes.items.at(0)?.id;
  const packs = await api(page, '/api/v1/packs');
  const draft = process.env.YX_DRAFT_PACK ?? packs.find((p) => p.status === 'draft' && p.canEdit)?.id;

  await page.goto(`${BASE}/packs`);
  await shot(page, 'province-packs');
  await page.goto(`${BASE}/packs/henan-2021`);
  await shot(page, 'province-pack-builtin');
  await page.getByTestId('pack-tab-projectTypes[2]').click();
  await shot(page, 'province-pack-type3', true);
  if (draft) {
    await page.goto(`${BASE}/packs/${draft}`);
    await page.getByTestId('pack-tab-projectTypes[4]').click();
    const input = page.getByTestId('rule-input-projectTypes[4].tracks[0].eligibility.minTeachingYears');
    await input.fill('3');
    await input.blur();
    await page.getByTestId('what-if-run').click();
    await page.getByTestId('what-if-changed').waitFor({ timeout: 30_000 });
    await shot(page, 'province-pack-draft-whatif', true);
    // a contradictory value: the ban of R-004-20 set to 0 years
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('pack-tab-general').click();
    const ban = page.getByTestId('rule-input-integrityBan.years');
    await ban.fill('0');
    await ban.blur();
    await page.getByTestId('pack-save').click();
    await page
      .getByTestId('rule-error')
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    await shot(page, 'province-pack-draft-problem');
  }
  await page.goto(`${BASE}/programmes`);
  await shot(page, 'province-programmes');
  await page.getByTestId('programme-create').click();
  await shot(page, 'province-programme-create');
  if (programmeId) {
    await page.goto(`${BASE}/programmes/${programmeId}`);
    await shot(page, 'province-programme-overview');
    await page.goto(`${BASE}/programmes/${programmeId}?tab=quotas`);
    await shot(page, 'province-quotas');
  }
  await page.goto(`${BASE}/integrity`);
  await shot(page, 'province-integrity');
  await page.getByTestId('integrity-add').click();
  await shot(page, 'province-integrity-add');
  await context.close();

  // ── county ─────────────────────────────────────────────────────────────────────────────────────────
  const county = await session('qingcheng');
  if (programmeId) {
    await county.page.goto(`${BASE}/programmes/${programmeId}?tab=quotas`);
    await shot(county.page, 'county-quotas');
    const split = county.page.locator('[data-testid^="quota-split-"]').first();
    if (await split.count()) {
      await split.click();
      await county.page.getByTestId('split-table').waitFor();
      await shot(county.page, 'county-quota-split');
      await county.page.keyboard.press('Escape');
    }
    await county.page.goto(`${BASE}/programmes/${programmeId}?tab=nominations`);
    await shot(county.page, 'county-nominations');
  }
  await county.page.goto(`${BASE}/packs/henan-2021`);
  await county.page.getByTestId('what-if-run').click();
  await county.page.getByTestId('what-if-now').waitFor({ timeout: 30_000 });
  await county.page.getByTestId('what-if').scrollIntoViewIfNeeded();
  await shot(county.page, 'county-whatif');
  await county.page.goto(`${BASE}/integrity`);
  await shot(county.page, 'county-integrity');
  await county.context.close();

  // ── school ─────────────────────────────────────────────────────────────────────────────────────────
  const school = await session('school');
  await school.page.goto(`${BASE}/programmes`);
  await shot(school.page, 'school-programmes');
  if (programmeId) {
    await school.page.goto(`${BASE}/programmes/${programmeId}?tab=quotas`);
    await shot(school.page, 'school-quotas');
    await school.page.goto(`${BASE}/programmes/${programmeId}?tab=nominations`);
    await shot(school.page, 'school-nominations');
    await school.page.getByTestId('nom-add').click();
    await school.page.getByTestId('nom-teacher').click();
    await school.page.locator('.ant-select-item-option').first().click();
    await school.page.getByTestId('eligibility-result').waitFor({ timeout: 15_000 });
    await shot(school.page, 'school-nominate-drawer');
  }
  await school.page.goto(`${BASE}/packs`);
  await shot(school.page, 'school-packs');
  await school.context.close();
}

await browser.close();
