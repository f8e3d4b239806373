/**
 * Issue 11: screenshots of the policy-pack pages, for a look by eye (not a test) — the demo's published
 * 广东省 2026 pack (its title, 发文单位 and the Henan notice its values are adopted from) and a draft cloned from it
 * for 2027 in the editor (R-004-31's plan modes as a table, numbers as inputs in 学时 and 天), on a desktop
 * (1440×900) and a phone (390×844). The real app (buildApp, embedded PGlite, demo region with its programme
 * year) serves the built web app.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/pack-screens.ts        # PNGs in test-results/pack-*.png
 *   (compressed with pngquant into docs/screenshots/pack-*.png)
 */
import type { Page } from 'playwright-core';
import { screensKit } from './screens-kit';

const kit = await screensKit({ name: 'pack', teachers: 300, programmes: true });
const base = await kit.serve();

const pack = await kit.db
  .selectFrom('policy_packs')
  .select(['id', 'title'])
  .where('builtin', '=', false)
  .executeTakeFirstOrThrow();
console.log('demo pack:', pack.id, pack.title);

async function open(page: Page, id: string): Promise<void> {
  await page.goto(`${base}/packs/${encodeURIComponent(id)}`);
  await page.getByTestId('pack-rules').waitFor();
  await page.waitForTimeout(600);
}

// the province clones the demo pack for 2027 through the dialog (its defaults: 广东省 2027 年…, 广东省教育厅)
const desk = await kit.desktop();
await kit.signIn(desk, 'province');
await open(desk, pack.id);
await kit.shot(desk, 'pack-detail-desktop', false);
await desk.getByTestId('pack-clone').click();
const dialog = desk.getByRole('dialog');
await dialog.getByTestId('clone-region').waitFor();
await desk.waitForTimeout(400);
await kit.shot(desk, 'pack-clone-dialog-desktop', false);
await dialog.getByRole('button', { name: /复\s*制/ }).click();
await desk.waitForURL((u) => u.pathname.includes('2027'));
const draftId = decodeURIComponent(desk.url().split('/packs/')[1] ?? '');
await desk.getByTestId('pack-rules').waitFor();
await desk.waitForTimeout(3500); // the "已生成" message fades
await kit.shot(desk, 'pack-draft-desktop', false);
await desk.getByTestId('plan-modes').scrollIntoViewIfNeeded();
await desk.evaluate(() => window.scrollBy(0, 120));
await desk.waitForTimeout(300);
await kit.shot(desk, 'pack-editor-desktop', false);
console.log('draft:', draftId);

const phone = await kit.phone();
await kit.signIn(phone, 'province');
await open(phone, pack.id);
await kit.shot(phone, 'pack-detail-phone', false);
await open(phone, draftId);
await phone.getByTestId('plan-modes').scrollIntoViewIfNeeded();
await phone.waitForTimeout(300);
await kit.shot(phone, 'pack-editor-phone', false);

await kit.close();
