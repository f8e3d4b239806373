import { type APIRequestContext, expect, type Page, request } from '@playwright/test';
import ExcelJS from 'exceljs';

/** Every demo account's password (README). */
export const DEMO_PASSWORD = 'Yanxun@2026';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sign in through the login page and wait until the app has left it. */
export async function loginInPage(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** A separate API session (its own cookies), signed in as `username`. Dispose it when done. */
export async function apiSession(baseURL: string, username: string): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL });
  const res = await ctx.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.status(), `login as ${username}`).toBe(200);
  return ctx;
}

/** GET a JSON body, failing the test with the response text on a non-2xx status. */
export async function getJson<T>(api: APIRequestContext, url: string): Promise<T> {
  const res = await api.get(url);
  expect(res.ok(), `GET ${url} → ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** Rows keyed by the template's Chinese headers (身份证号, 姓名, …). */
export type SheetRow = Record<string, string>;

/**
 * Fill the real import template (as downloaded, so its headers are exactly what the importer reads) with
 * `rows` from row 2 on, and return the .xlsx bytes.
 */
export async function fillTemplate(template: Buffer, rows: SheetRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('the template has no worksheet');
  const columnOf = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    columnOf.set(String(cell.value ?? '').trim(), col);
  });
  rows.forEach((row, i) => {
    for (const [header, value] of Object.entries(row)) {
      const col = columnOf.get(header);
      if (col === undefined) throw new Error(`the template has no column "${header}"`);
      sheet.getRow(i + 2).getCell(col).value = value;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The values of the first worksheet of an .xlsx, row by row, as strings. */
export async function readSheet(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const out: string[][] = [];
  sheet.eachRow((row) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      values.push(cell.text);
    });
    out.push(values);
  });
  return out;
}

/** True when the page is no wider than the viewport (no horizontal scrolling). */
export async function hasNoHorizontalScroll(
  page: Page,
): Promise<{ ok: boolean; scroll: number; view: number }> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const scroll = Math.max(doc.scrollWidth, document.body.scrollWidth);
    return { ok: scroll <= doc.clientWidth, scroll, view: doc.clientWidth };
  });
}
