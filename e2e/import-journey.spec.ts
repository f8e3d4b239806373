import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { makeIdNumber } from '../packages/core/src/id-number';
import {
  apiSession,
  fillTemplate,
  getJson,
  loginInPage,
  readSheet,
  type SheetRow,
  XLSX_MIME,
} from './support';

/**
 * The county officer's import, end to end in the browser: a teachers workbook with bad rows → the errors on
 * screen → the error report → the fixed file → commit → the new teacher found and opened → another county's
 * teacher refused.
 */

const QINGCHENG = '441802'; // 清城区, the region code of the ID numbers
const UNKNOWN_SCHOOL = '2441899999';

interface SchoolRow {
  code: string | null;
  name: string;
}
interface Paged<T> {
  items: T[];
  total: number;
}

/** Names unlikely to be in the demo region (a rare compound surname), different on every run. */
function uniqueNames(n: number): string[] {
  const given = '澄朗墨舟岚翊珩芃瑾筠璞湛霁骁沅'.split('');
  const names = new Set<string>();
  while (names.size < n) {
    const a = given[Math.floor(Math.random() * given.length)] ?? '澄';
    const b = given[Math.floor(Math.random() * given.length)] ?? '朗';
    names.add(`司马${a}${b}`);
  }
  return [...names];
}

/** A valid ID number of 清城区 with a random birth date (1980–1995) and sequence. */
function randomIdNumber(): string {
  const year = 1980 + Math.floor(Math.random() * 16);
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  return makeIdNumber(QINGCHENG, `${year}-${month}-${day}`, Math.floor(Math.random() * 1000));
}

/** The same ID number with a wrong check character. */
function breakCheckChar(id: string): string {
  const chars = '0123456789X';
  const last = id.charAt(17);
  return id.slice(0, 17) + chars.charAt((chars.indexOf(last) + 1) % chars.length);
}

function nth<T>(list: T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
}

function teacherRow(idNumber: string, name: string, schoolCode: string): SheetRow {
  return {
    身份证号: idNumber,
    姓名: name,
    学校标识码: schoolCode,
    任教学段: '小学',
    任教学科: '数学',
    职称: '一级教师',
    任教起始日期: '2016-09-01',
  };
}

test('a county officer imports teachers, fixes the bad rows, and finds the new teacher; another county stays out of reach', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is not set');
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) consoleErrors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });

  // ── sign in as the 清城区 officer
  await loginInPage(page, 'qingcheng');

  // ── what the workbook is made of: the real template, a school of this county, fresh ID numbers
  const templateRes = await page.request.get('/api/v1/imports/templates/teachers');
  expect(templateRes.status()).toBe(200);
  expect(templateRes.headers()['content-type']).toContain(XLSX_MIME);
  const template = await templateRes.body();
  const schools = await getJson<Paged<SchoolRow>>(page.request, '/api/v1/schools?pageSize=1');
  const school = schools.items[0];
  if (!school?.code) throw new Error('the demo region has no school with a code for qingcheng');
  const schoolCode = school.code;

  // five new teachers: rows 2–4 are right; row 5 gets a wrong check character, row 6 a school that does not exist
  const names = uniqueNames(5);
  const ids = new Set<string>();
  while (ids.size < names.length) ids.add(randomIdNumber());
  const people = names.map((name, i) => ({ name, idNumber: [...ids][i] ?? '' }));
  const target = nth(people, 3); // the one whose row is fixed, then searched for
  const badId = breakCheckChar(target.idNumber);
  const right = people.map((p) => teacherRow(p.idNumber, p.name, schoolCode));
  const withErrors = await fillTemplate(template, [
    ...right.slice(0, 3),
    teacherRow(badId, target.name, schoolCode),
    teacherRow(nth(people, 4).idNumber, nth(people, 4).name, UNKNOWN_SCHOOL),
  ]);

  // ── 数据导入 → 教师 → upload
  await page.getByRole('menu').getByText('数据导入', { exact: true }).click();
  await expect(page).toHaveURL(/\/imports/);
  await page.getByTestId('import-kind-teachers').click();
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-file-input').setInputFiles({
    name: '清城区教师.xlsx',
    mimeType: XLSX_MIME,
    buffer: withErrors,
  });

  // ── the dry run names each bad row: 行 / 列 / 值 / 问题 (the rule in words; its code in the ⓘ) / 说明
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('import-has-errors')).toContainText('2');
  await expect(page.getByTestId('import-stat-totalRows')).toContainText('5');
  await expect(page.getByTestId('import-stat-validRows')).toContainText('3');
  await expect(page.getByTestId('import-stat-errorRows')).toContainText('2');
  // the dry run is kept for a while, and the page says until when
  await expect(page.getByTestId('import-expires')).toContainText('校验结果保留至');
  await page.screenshot({ path: test.info().outputPath('import-preview.png'), fullPage: true });
  const errorTable = page.getByTestId('import-error-table');
  for (const header of ['行', '列', '值', '问题', '说明']) {
    await expect(errorTable.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  }
  const checksumRow = errorTable.locator('tbody tr', { hasText: '身份证号校验位不正确' });
  await expect(checksumRow).toHaveCount(1);
  await expect(checksumRow.locator('td').first()).toHaveText('5');
  await expect(checksumRow).toContainText('身份证号');
  await expect(checksumRow).toContainText(badId);
  await expect(checksumRow).toContainText('校验位');
  await expect(checksumRow.getByTestId('rule-ref')).toHaveAttribute('data-rules', 'GB11643.CHECKSUM');
  const schoolRow = errorTable.locator('tbody tr', { hasText: '系统中没有这所学校' });
  await expect(schoolRow).toHaveCount(1);
  await expect(schoolRow.locator('td').first()).toHaveText('6');
  await expect(schoolRow).toContainText('学校标识码');
  await expect(schoolRow).toContainText(UNKNOWN_SCHOOL);
  // with errors, "import everything" is not offered; only the fix-and-reupload path and the confirmed partial commit
  await expect(page.getByTestId('import-commit-all')).toHaveCount(0);
  await expect(page.getByTestId('import-commit-valid')).toBeVisible();

  // ── the error report is a real workbook with the same rows
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('import-error-report').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const reportPath = await download.path();
  const report = fs.readFileSync(reportPath);
  expect(report.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004'); // a zip container, as .xlsx is
  const reportRows = await readSheet(report);
  expect(reportRows[0]).toEqual(['行号', '列', '值', '问题', '说明', '规则代码']);
  const reportText = reportRows.map((r) => r.join('|'));
  expect(reportText.some((r) => r.startsWith('5|身份证号|') && r.includes('GB11643.CHECKSUM'))).toBe(true);
  expect(reportText.some((r) => r.startsWith('6|学校标识码|') && r.includes('SCHOOL_CODE.NOT_FOUND'))).toBe(
    true,
  );

  // ── fix the two rows and upload again
  const fixed = await fillTemplate(template, right);
  await page.getByTestId('import-reupload').click();
  // 重新上传 keeps the kind and goes straight back to the upload step
  await expect(
    page.getByTestId('import-file-input'),
    '重新上传 should return to the upload step with 教师 still chosen',
  ).toBeAttached({ timeout: 5_000 });
  await expect(page.getByTestId('import-steps')).toBeVisible();
  await page.getByTestId('import-file-input').setInputFiles({
    name: '清城区教师-已修正.xlsx',
    mimeType: XLSX_MIME,
    buffer: fixed,
  });
  await expect(page.getByTestId('import-stat-errorRows')).toContainText('0', { timeout: 60_000 });
  await expect(page.getByTestId('import-stat-totalRows')).toContainText('5');
  await expect(page.getByTestId('import-stat-toCreate')).toContainText('5');
  await expect(page.getByTestId('import-has-errors')).toHaveCount(0);

  // ── commit, and see how many rows went in
  await page.getByTestId('import-commit-all').click();
  const result = page.getByTestId('import-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result).toContainText('已导入 5 行');
  await expect(result).toContainText('新增 5');

  // ── 教师 → search by name → open the detail
  await page.getByRole('menu').getByText('教师', { exact: true }).click();
  await expect(page).toHaveURL(/\/teachers(\?|$)/);
  await page.getByTestId('teacher-search').fill(target.name);
  await page.getByTestId('teacher-search').press('Enter');
  const rows = page.getByTestId('teacher-table').getByTestId('teacher-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(target.name);
  await expect(rows.first()).toContainText(school.name);
  await rows.first().click();
  await expect(page).toHaveURL(/\/teachers\/\d+$/);
  await expect(page.getByTestId('teacher-name')).toHaveText(target.name);
  await expect(page.getByTestId('teacher-descriptions')).toContainText(school.name);
  await expect(page.getByTestId('teacher-id-number')).toHaveText(
    `${target.idNumber.slice(0, 4)}${'*'.repeat(13)}${target.idNumber.slice(-1)}`,
  );

  // ── a teacher of 英德市 (found as the yingde officer) is refused to the 清城区 officer, in the page and the API
  const yingde = await apiSession(baseURL, 'yingde');
  const theirs = await getJson<Paged<{ id: string; name: string; countyName: string | null }>>(
    yingde,
    '/api/v1/teachers?pageSize=1',
  );
  await yingde.dispose();
  const outsider = theirs.items[0];
  if (!outsider) throw new Error('yingde sees no teacher');
  expect(outsider.countyName).not.toBe('清城区');

  // no page of the journey logged an error (before the refused page below, whose 404 the browser logs)
  expect(consoleErrors).toEqual([]);

  await page.goto(`/teachers/${outsider.id}`);
  await expect(page.getByText(/页面不存在|无权访问/)).toBeVisible();
  await expect(page.getByTestId('teacher-descriptions')).toHaveCount(0);
  await expect(page.getByTestId('teacher-name')).toHaveCount(0);
  await expect(page.getByText(outsider.name, { exact: true })).toHaveCount(0);

  const api = await page.request.get(`/api/v1/teachers/${outsider.id}`);
  expect(api.status()).toBe(404);
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
});
