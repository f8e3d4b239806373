import { crc32 } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { loginInPage } from './support';

/**
 * The 学时 journey of issue 12, in the browser: a teacher claims hours with a file on a phone → the school approves
 * → the county approves (the ledger posts it) → the teacher's record shows it → the county issues a 学时证明 → its
 * code verifies on the public page → the county revokes it → the same page says 已撤销.
 */

/**
 * A 1×1 PNG (the server recognises evidence by its content, not its name), with a text chunk of `stamp` so each
 * run's file is its own (the same file claimed twice is refused).
 */
function png(stamp: string): Buffer {
  const base = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const iend = base.length - 12;
  const text = Buffer.from(`Comment\0${stamp}`, 'latin1');
  const chunk = Buffer.alloc(12 + text.length);
  chunk.writeUInt32BE(text.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  text.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + text.length)), 8 + text.length);
  return Buffer.concat([base.subarray(0, iend), chunk, base.subarray(iend)]);
}

/** A date `days` before today in Asia/Shanghai, as the date fields take it. */
function daysAgo(days: number): string {
  const shanghai = new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000);
  return shanghai.toISOString().slice(0, 10);
}

/** Picks a day in an antd date field's calendar (on a touch device its input does not take typing). */
async function pickDate(page: import('@playwright/test').Page, label: string, value: string) {
  await page.getByLabel(label).click();
  const dropdown = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').last();
  const cell = dropdown.locator(`td[title="${value}"]`);
  for (let i = 0; i < 3 && !(await cell.isVisible()); i += 1)
    await dropdown.getByRole('button', { name: '上个月' }).click();
  await cell.click();
  await expect(page.getByLabel(label)).toHaveValue(value);
}

test('学时申报 on a phone → school → county → the record → 学时证明 verifies → revoked on the same page → the teacher prints their own', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const title = `市级专题讲座 ${stamp}`;

  // 1. the teacher, on a phone
  const phoneContext = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const phone = await phoneContext.newPage();
  await loginInPage(phone, 'teacher');
  await phone.waitForURL(/\/teachers\/\d+/);
  const teacherId = /\/teachers\/(\d+)/.exec(phone.url())?.[1];
  expect(teacherId, 'a teacher lands on their own record').toBeTruthy();
  await phone.goto('/my-hour-claims');
  await phone.getByLabel('名称').fill(title);
  await phone.getByLabel('发证 / 主办单位').fill('清远市教师发展中心');
  await phone.getByLabel('证书编号（选填）').fill(`E2E-${stamp}`);
  await pickDate(phone, '开始日期', daysAgo(8));
  await pickDate(phone, '结束日期', daysAgo(7));
  await phone.getByLabel('申报学时').fill('6');
  await phone
    .locator('input[type=file]')
    .setInputFiles({ name: '听课证明.png', mimeType: 'image/png', buffer: png(stamp) });
  await phone.getByRole('button', { name: /提\s*交\s*申\s*报/ }).click();
  const mine = phone.getByText(title).first();
  await expect(mine).toBeVisible();
  await expect(phone.getByText('待学校审核').first()).toBeVisible();

  // 2. the school approves, 3. the county approves (posting it to the ledger)
  const desk = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  for (const [who, next] of [
    ['school', '待县区审核'],
    ['qingcheng', '已认定'],
  ] as const) {
    const page = await desk.newPage();
    await loginInPage(page, who);
    await page.goto('/hour-claims');
    const row = page.getByRole('row').filter({ hasText: title });
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: /通\s*过/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /通\s*过/ })
      .click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await page.close();
    await phone.reload();
    await expect(phone.getByText(next).first()).toBeVisible();
    await desk.clearCookies();
  }

  // 4. the county reads the record: the claim's 6 学时 posted; it issues a 学时证明
  const county = await desk.newPage();
  await loginInPage(county, 'qingcheng');
  await county.goto(`/teachers/${teacherId}`);
  const hours = county.getByTestId('teacher-hours');
  await expect(hours).toContainText(
    new RegExp(`学时申报\\s*集中培训 · \\d{4}—\\d{4} 学年 · ${daysAgo(7)}\\s*6`),
  );
  const docs = county.getByTestId('teacher-documents');
  await expect(docs).toBeVisible();
  const before = await docs
    .locator('a[href^="/verify/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  await docs.getByRole('button', { name: '出具学时证明' }).click();
  await expect(county.getByText(/已出具学时证明，验证码/)).toBeVisible();
  await expect(async () => {
    const after = await docs
      .locator('a[href^="/verify/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(after.length).toBe(before.length + 1);
  }).toPass();
  const after = await docs
    .locator('a[href^="/verify/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const href = after.find((h) => !before.includes(h));
  expect(href).toBeTruthy();

  // 5. anyone verifies it, signed out
  const publicContext = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  const verifier = await publicContext.newPage();
  await verifier.goto(String(href));
  await expect(verifier.getByText('真实有效', { exact: true })).toBeVisible();

  // 6. the county revokes it with a reason; the same page now says so
  const row = docs.getByRole('row').filter({ has: county.locator(`a[href="${href}"]`) });
  await row.getByRole('button', { name: /撤\s*销/ }).click();
  await county.getByPlaceholder('撤销原因（至少 2 个字）').fill('信息有误，重新出具');
  await county.getByRole('button', { name: /确\s*定/ }).click();
  await expect(row).toContainText('已撤销');
  await verifier.reload();
  await expect(verifier.getByText('已撤销').first()).toBeVisible();

  // 7. the teacher prints their own 学时证明 on the phone (Y-HOURS-SELF-TRANSCRIPT); it verifies too
  await phone.goto('/my-training');
  const [download] = await Promise.all([
    phone.waitForEvent('download'),
    phone.getByTestId('print-own-transcript').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^学时证明-.+\.pdf$/);
  const printed = await phone.getByText(/学时证明已下载，验证码/).textContent();
  const code = /验证码\s*([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})/.exec(printed ?? '')?.[1];
  expect(code, 'the code is said').toBeTruthy();
  await verifier.goto(`/verify/${code}`);
  await expect(verifier.getByText('真实有效', { exact: true })).toBeVisible();

  await Promise.all([phoneContext.close(), desk.close(), publicContext.close()]);
});
