import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Locator,
  type Page,
  test,
} from '@playwright/test';
import { addDays, todayInShanghai } from '../packages/core/src';
import { apiSession, getJson, hasNoHorizontalScroll, loginInPage } from './support';

/**
 * Issue 3's browser journey, one programme from the policy pack to the teacher's check-in:
 *
 *   province clones the built-in Henan 2021 pack for this year and publishes it → creates a programme from it
 *   → passes its seats to the city → the city to 清城区 (qingcheng) → the county to the demo school → the
 *   school nominates the demo `teacher` (eligible) and sees why a colleague is not → a class is opened and
 *   the teacher placed in it → the provider shows the rotating QR code at the venue → the teacher, on a
 *   390×844 phone, opens the QR code's URL and is checked in; a second scan says "already"; the QR code of
 *   another class and a tampered code are refused → on the phone, in 我的培训, the teacher hands in the
 *   outcomes the pack requires of the track (PDF files) → the provider scores them in the reviewers' queue →
 *   the provider runs completion (结业) on the class completion page: completed, a numbered certificate →
 *   the teacher sees the certificate and the programme's 学时 in 我的培训 → the school sees the same 学时 on
 *   the teacher's record.
 *
 * Not here: a code refused because it has rotated out. The pack's code lives 30 s plus one grace window
 * (Y-004-QR-ROTATE), so that needs a 60–90 s real wait or a test clock, and production code gets no test-only
 * clock; the service tests cover expiry with an injected clock.
 *
 * What has no UI yet goes through the HTTP API with the same session (cookies and CSRF token) as the page of
 * that user — each such step says so (`viaApi`):
 *   - opening a class (开班): there is no class creation form yet (POST /classes, by the programme's bureau);
 *   - placing the selected teacher in the class (编班): no enrolment screen yet (POST /classes/:id/enrolments,
 *     by the provider running the class).
 * Everything from the outcomes on goes through the UI.
 *
 * The project type is 省级骨干教师培育项目 (track 省级骨干教师培育对象): its trainees owe outcomes of their own
 * (R-004-35: an 优秀教学课例 in three parts and a 自我专业发展报告), which the journey hands in, reviews and
 * completes on. (县域教师发展支持服务体系建设, used here before, has no trainee outcomes in the seed —
 * R-004-53 names only the provider's, county's, school's and studio's — so it could not show an upload.)
 * Its only eligibility rule is the nominating unit's confirmation that the teacher is a 培育对象
 * (Y-004-P1-TARGET): the school ticks it for the demo `teacher`; the "ineligible colleague" is whoever of the
 * same school the server itself finds ineligible without it (asked through the eligibility API, not a name
 * from the generator) — the drawer names the rule and keeps the button disabled, the server refuses a POST.
 * Both are checked before the nominations so that a change in the demo data fails here with a clear message
 * rather than somewhere in the UI.
 *
 * Dates are "today" in Asia/Shanghai (the server's and the UI's clock): the selection deadline is today, the
 * programme and class start today, so nominations are still open and check-in already is; the class also ends
 * today, so outcomes may be handed in (from the start date, Y-004-OUTCOME-DUE) and completion may be run
 * (from the end date, Y-004-COMPLETION-RUN) in the same run.
 */

const PROJECT_TYPE = '省级骨干教师培育';
/** The track's eligibility rule: the nominating unit confirms the teacher is a 培育对象. */
const TRACK_RULE = 'Y-004-P1-TARGET';
const ATTESTATION = { code: 'provincial_backbone_candidate', label: '省级骨干教师培育对象' };
/** The outcomes a trainee of the track owes (R-004-35), by requirement key, with a score each. */
const OUTCOMES: { key: string; label: string; score: number }[] = [
  { key: 'excellent_lesson_case:教学设计', label: '优秀教学课例 · 教学设计', score: 86 },
  { key: 'excellent_lesson_case:课堂教学实录', label: '优秀教学课例 · 课堂教学实录', score: 78 },
  { key: 'excellent_lesson_case:教学反思', label: '优秀教学课例 · 教学反思', score: 91 },
  { key: 'self_development_report', label: '自我专业发展报告', score: 83 },
];
/** 学时 of the track: 15 centralised days × 8 (R-004-29, R-004-05) + 60 online (R-004-29). */
const HOURS = 15 * 8 + 60;
const SEATS = 10;

interface Grant {
  role: string;
  orgId: string;
  orgName: string;
}
interface Me {
  csrfToken: string;
  teacherId: string | null;
  grants: Grant[];
}
interface EligibilityCheck {
  ruleId: string;
  label: string;
  passed: boolean;
  soft?: boolean;
  message: string;
}
interface Eligibility {
  eligible: boolean;
  needsOverride: boolean;
  checks: EligibilityCheck[];
}
interface TeacherRow {
  id: string;
  name: string;
}
interface CompletionRow {
  teacherId: string;
  completed: boolean;
  hoursTenths: number;
  certificate: { certificateNo: string; revoked: boolean } | null;
}

/** A small but real PDF (one empty page) with the given title, as a file for setInputFiles. */
function pdfFile(name: string, title: string): { name: string; mimeType: string; buffer: Buffer } {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Title (${title.replace(/[()\\]/g, '')}) >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(body, 'latin1') };
}

interface CheckinDisplay {
  path: string;
  token: string;
  shortCode: string;
  rotationSeconds: number;
  expiresAt: number;
  serverTime: number;
}

/** The JSON API with a page's own session: its cookies (shared with page.request) and its CSRF token. */
interface PageApi {
  get<T>(url: string): Promise<T>;
  post<T>(url: string, data: unknown, expectStatus?: number): Promise<T>;
  /** POST and return status and body without judging them. */
  postRaw(url: string, data: unknown): Promise<{ status: number; body: unknown }>;
  me: Me;
}

async function pageApi(page: Page): Promise<PageApi> {
  const req: APIRequestContext = page.request;
  const meRes = await req.get('/api/v1/auth/me');
  expect(meRes.ok(), `GET /auth/me → ${meRes.status()}`).toBe(true);
  const me = (await meRes.json()) as Me;
  const headers = { 'x-csrf-token': me.csrfToken };
  return {
    me,
    async get<T>(url: string) {
      const res = await req.get(url);
      expect(res.ok(), `GET ${url} → ${res.status()} ${await res.text()}`).toBe(true);
      return (await res.json()) as T;
    },
    async post<T>(url: string, data: unknown, expectStatus?: number) {
      const res = await req.post(url, { data, headers });
      if (expectStatus !== undefined) {
        expect(res.status(), `POST ${url} → ${res.status()} ${await res.text()}`).toBe(expectStatus);
      } else {
        expect(res.ok(), `POST ${url} → ${res.status()} ${await res.text()}`).toBe(true);
      }
      return (await res.json()) as T;
    },
    async postRaw(url: string, data: unknown) {
      const res = await req.post(url, { data, headers });
      return { status: res.status(), body: await res.json().catch(() => null) };
    },
  };
}

/** A fresh browser context (its own cookies) signed in as `username`, desktop-sized unless told. */
async function signedIn(
  browser: Browser,
  baseURL: string,
  username: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page; api: PageApi }> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    ...options,
  });
  // fail a step in half a minute rather than at the end of the whole journey's time
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  await loginInPage(page, username);
  return { context, page, api: await pageApi(page) };
}

function orgOf(me: Me, username: string): string {
  const g = me.grants[0];
  if (!g) throw new Error(`${username} has no role`);
  return g.orgId;
}

/** The <input> of an antd control carrying `data-testid` (on the input itself or on its wrapper). */
async function inputOf(control: Locator): Promise<Locator> {
  await expect(control).toBeVisible();
  const tag = await control.evaluate((e) => e.tagName);
  return tag === 'INPUT' ? control : control.locator('input').first();
}

/** Type a date into an antd DatePicker input and confirm it. */
async function pickDate(input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Choose an option of an open antd Select by (part of) its text. */
async function chooseOption(page: Page, text: string | RegExp): Promise<void> {
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text });
  await expect(option.first()).toBeVisible();
  await option.first().click();
}

/**
 * In the open 名额下达 dialog: give each unit of `seats` its seats and every other unit none, then save.
 * (The suggestion by teacher counts is shown first; the journey overrides it so the demo school surely gets
 * seats.)
 */
async function passSeatsDown(page: Page, parentOrgId: string, seats: Record<string, number>): Promise<void> {
  await page.getByTestId(`quota-split-${parentOrgId}`).click();
  const dialog = page.getByTestId('quota-split');
  for (const orgId of Object.keys(seats)) {
    await expect(dialog.getByTestId(`split-seats-${orgId}`)).toBeVisible({ timeout: 30_000 });
  }
  const inputs = dialog.locator('[data-testid^="split-seats-"]');
  const n = await inputs.count();
  for (let i = 0; i < n; i++) {
    const control = inputs.nth(i);
    const orgId = (await control.getAttribute('data-testid'))?.slice('split-seats-'.length) ?? '';
    await (await inputOf(control)).fill(String(seats[orgId] ?? 0));
  }
  const total = Object.values(seats).reduce((a, b) => a + b, 0);
  await expect(dialog.getByTestId('split-total')).toContainText(String(total));
  await expect(dialog.getByTestId('split-check-error')).toHaveCount(0);
  await dialog.getByTestId('split-save').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

test('a programme from the Henan pack through a QR check-in on a phone to 结业, certificate and 学时', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(720_000);
  if (!baseURL) throw new Error('no baseURL');
  const today = todayInShanghai(new Date());
  const year = Number(today.slice(0, 4));
  const title = `${year} 县域教师培训团队研修（e2e ${Date.now() % 100_000}）`;
  const contexts: BrowserContext[] = [];
  const open = async (username: string, options?: Parameters<Browser['newContext']>[0]) => {
    const s = await signedIn(browser, baseURL, username, options);
    contexts.push(s.context);
    return s;
  };

  try {
    // ---------------------------------------------------------------- who is who in the demo region
    const province = await open('province');
    const city = await open('city');
    const county = await open('qingcheng');
    const school = await open('school');
    const provider = await open('provider');
    const cityOrgId = orgOf(city.api.me, 'city');
    const countyOrgId = orgOf(county.api.me, 'qingcheng');
    const schoolOrgId = orgOf(school.api.me, 'school');
    const providerOrgId = orgOf(provider.api.me, 'provider');
    const yingdeOrgId = async () => {
      const api = await apiSession(baseURL, 'yingde');
      try {
        return orgOf(await getJson<Me>(api, '/api/v1/auth/me'), 'yingde');
      } finally {
        await api.dispose();
      }
    };

    let packId = '';
    let packYear = year;
    let programmeId = '';

    await test.step('the province clones the Henan 2021 pack for this year and publishes it', async () => {
      const page = province.page;
      await page.goto('/packs');
      const builtin = page.getByTestId('pack-table').locator('tr', { hasText: '2021' }).first();
      await expect(builtin).toBeVisible();
      await builtin.getByTestId('pack-clone').click();
      const dialog = page.getByRole('dialog');
      const yearInput = await inputOf(dialog.getByTestId('clone-year'));
      // the dialog offers this year (the 2021 deadlines are long past), or the next one when the region already
      // has this year's pack (the demo region loads one); keep what it offers
      const offered = Number(await yearInput.inputValue());
      expect([year, year + 1]).toContain(offered);
      packYear = offered;
      await dialog.getByRole('button', { name: /复\s*制/ }).click();
      // → the new draft, its dates moved to this year
      await expect(page).toHaveURL(/\/packs\/[^/]+$/, { timeout: 30_000 });
      packId = decodeURIComponent(page.url().split('/packs/')[1] ?? '');
      expect(packId).toContain(`-${packYear}-`);
      await expect(page.getByTestId('pack-rules')).toBeVisible();
      await page.getByTestId('pack-publish').click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /发\s*布/ })
        .click();
      await expect(page.getByText('已发布，规则已冻结。')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('pack-publish')).toHaveCount(0);
    });

    await test.step('the province creates a programme from the new pack', async () => {
      const page = province.page;
      await page.goto('/programmes');
      await page.getByTestId('programme-create').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('programme-pack').click();
      await chooseOption(page, `（${packYear}，`);
      await dialog.getByTestId('programme-type').click();
      await chooseOption(page, PROJECT_TYPE);
      const titleInput = await inputOf(dialog.getByTestId('programme-title'));
      await titleInput.fill(title);
      await pickDate(await inputOf(dialog.getByTestId('programme-deadline')), today);
      // the range picker carries the test id on both of its inputs
      const rangeInputs = dialog.getByTestId('programme-dates');
      await pickDate(rangeInputs.nth(0), today);
      await pickDate(rangeInputs.nth(1), addDays(today, 30));
      await (await inputOf(dialog.getByTestId('programme-seats'))).fill(String(SEATS));
      await dialog.getByRole('button', { name: /设\s*立/ }).click();
      await expect(page).toHaveURL(/\/programmes\/\d+$/, { timeout: 30_000 });
      programmeId = page.url().split('/programmes/')[1] ?? '';
      await expect(page.getByText(title).first()).toBeVisible();
    });

    // The teachers: the demo `teacher` must be eligible for this programme, a colleague of the same school
    // is not. Asked of the server (as the school) rather than assumed from the demo generator.
    const teacherId = (
      await (async () => {
        const phoneProbe = await open('teacher');
        const id = phoneProbe.api.me.teacherId;
        await phoneProbe.context.close();
        return { id };
      })()
    ).id;
    if (!teacherId) throw new Error('the demo `teacher` account is linked to no teacher');
    const mates = await school.api.get<{ items: TeacherRow[] }>(
      `/api/v1/teachers?orgId=${schoolOrgId}&status=active&pageSize=100`,
    );
    const demoTeacher = mates.items.find((t) => t.id === teacherId);
    if (!demoTeacher) throw new Error('the demo `teacher` is not among the demo school’s active teachers');
    const check = (id: string, attestations?: string[]) =>
      school.api.post<Eligibility>(`/api/v1/programmes/${programmeId}/eligibility`, {
        teacherId: id,
        ...(attestations ? { attestations } : {}),
      });
    // the school confirms the demo teacher as a 培育对象 (Y-004-P1-TARGET); nothing else may fail
    const own = await check(teacherId, [ATTESTATION.code]);
    expect(
      own.eligible,
      `the demo teacher should be eligible: ${JSON.stringify(own.checks.filter((c) => !c.passed))}`,
    ).toBe(true);
    const nameCount = new Map<string, number>();
    for (const t of mates.items) nameCount.set(t.name, (nameCount.get(t.name) ?? 0) + 1);
    let ineligible: { teacher: TeacherRow; result: Eligibility } | undefined;
    for (const t of mates.items) {
      if (t.id === teacherId || nameCount.get(t.name) !== 1) continue;
      const r = await check(t.id);
      // a hard refusal (not a "原则上" rule an officer may override with a reason)
      if (!r.eligible && !r.needsOverride) {
        ineligible = { teacher: t, result: r };
        break;
      }
    }
    if (!ineligible) throw new Error('no ineligible colleague in the demo school');
    const failedRules = ineligible.result.checks.filter((c) => !c.passed).map((c) => c.ruleId);
    expect(failedRules).toContain(TRACK_RULE);

    await test.step('the province passes its seats to the city', async () => {
      const page = province.page;
      await page.goto(`/programmes/${programmeId}?tab=quotas`);
      const root = orgOf(province.api.me, 'province');
      await passSeatsDown(page, root, { [cityOrgId]: SEATS });
      await expect(page.getByTestId('quota-table')).toContainText('清远市');
    });

    await test.step('the city passes seats to 清城区 and 英德市', async () => {
      const page = city.page;
      await page.goto(`/programmes/${programmeId}?tab=quotas`);
      const yingde = await yingdeOrgId();
      await passSeatsDown(page, cityOrgId, { [countyOrgId]: 4, [yingde]: SEATS - 4 });
      await expect(page.getByTestId('quota-table')).toContainText('清城区');
      await expect(page.getByTestId('quota-table')).toContainText('英德市');
    });

    await test.step('清城区 passes two seats to the demo school', async () => {
      const page = county.page;
      await page.goto(`/programmes/${programmeId}?tab=quotas`);
      await passSeatsDown(page, countyOrgId, { [schoolOrgId]: 2 });
      const row = page.getByTestId('quota-table').locator('tr', { hasText: '学校' }).first();
      await expect(row).toBeVisible();
    });

    await test.step('the school confirms the demo teacher as a 培育对象 and nominates them', async () => {
      const page = school.page;
      await page.goto(`/programmes/${programmeId}?tab=nominations`);
      await page.getByTestId('nom-add').click();
      const drawer = page.getByRole('dialog').filter({ hasText: '推荐参训教师' });
      await drawer.getByRole('combobox').click();
      await page.keyboard.type(demoTeacher.name);
      await chooseOption(page, demoTeacher.name);
      // unconfirmed, the track's rule fails; the school confirms what only it can (Y-004-P1-TARGET)
      const unconfirmed = drawer.getByTestId('elig-verdict');
      await expect(unconfirmed).toContainText(`${demoTeacher.name} 不符合推荐条件`);
      await expect(unconfirmed).not.toContainText(TRACK_RULE);
      await expect(unconfirmed.locator(`[data-testid="rule-ref"][data-rules*="${TRACK_RULE}"]`)).toHaveCount(
        1,
      );
      await drawer.getByRole('checkbox', { name: ATTESTATION.label }).check();
      await expect(drawer.getByTestId('elig-verdict')).toContainText(`${demoTeacher.name} 符合推荐条件`);
      await expect(drawer.getByTestId('elig-check-failed')).toHaveCount(0);
      await drawer.getByTestId('nom-confirm').click();
      await expect(drawer).toBeHidden({ timeout: 30_000 });
      const row = page.getByTestId('nomination-table').locator('tr', { hasText: demoTeacher.name });
      await expect(row).toContainText('已入选');
    });

    await test.step('the school tries an ineligible colleague and sees which rule fails and why', async () => {
      const page = school.page;
      const who = ineligible.teacher;
      await page.getByTestId('nom-add').click();
      const drawer = page.getByRole('dialog').filter({ hasText: '推荐参训教师' });
      await drawer.getByRole('combobox').click();
      await page.keyboard.type(who.name);
      await chooseOption(page, who.name);
      const verdict = drawer.getByTestId('elig-verdict');
      await expect(verdict).toContainText(`${who.name} 不符合推荐条件`);
      // the reason in words; the rule ID only in its ⓘ
      await expect(verdict).not.toContainText(TRACK_RULE);
      await expect(verdict.locator(`[data-testid="rule-ref"][data-rules*="${TRACK_RULE}"]`)).toHaveCount(1);
      const failed = drawer
        .getByTestId('elig-check-failed')
        .filter({ has: page.locator(`[data-testid="rule-ref"][data-rules*="${TRACK_RULE}"]`) });
      await expect(failed).toHaveCount(1);
      const reason = ineligible.result.checks.find((c) => c.ruleId === TRACK_RULE && !c.passed);
      if (reason) await expect(failed).toContainText(reason.message);
      // the drawer does not let it through …
      await expect(drawer.getByTestId('nom-confirm')).toBeDisabled();
      // … and neither does the server (no UI path reaches this: the button is disabled): refused, nothing stored
      const refused = await school.api.postRaw(`/api/v1/programmes/${programmeId}/nominations`, {
        teacherId: who.id,
      });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain(TRACK_RULE);
      // the list, afresh: the eligible teacher only
      await page.reload();
      await expect(page.getByTestId('nomination-table')).toContainText(demoTeacher.name);
      await expect(page.getByTestId('nomination-table')).not.toContainText(who.name);
    });

    let classId = '';
    let otherClassId = '';
    await test.step('a class is opened for the programme and the teacher placed in it (API: no form yet)', async () => {
      // viaApi: no class creation form exists yet; the programme's bureau (the province) opens the class
      // (开班) and names the provider that runs it — the same session as the province's page.
      const created = await province.api.post<{ id: string }>(
        '/api/v1/classes',
        {
          programmeId,
          name: '第一期 县级培训团队 A 班',
          startDate: today,
          // ends today too: outcomes are open from the start date, completion from the end date
          endDate: today,
          venue: '清远市教师发展中心 报告厅',
          providerOrgId,
        },
        201,
      );
      classId = created.id;
      // a second class of the same programme, for "a code of another class is refused"
      const other = await province.api.post<{ id: string }>(
        '/api/v1/classes',
        {
          programmeId,
          name: '第一期 县级培训团队 B 班',
          periodNo: 1,
          startDate: today,
          endDate: today,
          venue: '清远市教师发展中心 301 室',
          providerOrgId,
        },
        201,
      );
      otherClassId = other.id;
      // viaApi: no enrolment screen yet; the provider places the selected teacher in class A (编班)
      const enrol = await provider.api.post<{ enrolled: number; skipped: unknown[] }>(
        `/api/v1/classes/${classId}/enrolments`,
        { teacherIds: [teacherId] },
      );
      expect(enrol).toMatchObject({ enrolled: 1, skipped: [] });
      // the ineligible colleague was never selected, so cannot be placed
      const refused = await provider.api.post<{ enrolled: number; skipped: { teacherId: string }[] }>(
        `/api/v1/classes/${otherClassId}/enrolments`,
        { teacherIds: [ineligible.teacher.id] },
      );
      expect(refused.enrolled).toBe(0);
      expect(refused.skipped.map((s) => s.teacherId)).toEqual([ineligible.teacher.id]);
    });

    let display: CheckinDisplay | undefined;
    let venue: Page | undefined;
    let phone: Awaited<ReturnType<typeof open>> | undefined;
    await test.step('the provider opens the class and puts the rotating QR code on the venue screen', async () => {
      const page = provider.page;
      await page.goto('/classes');
      // in the list of classes (the deadline alerts above it name the class too)
      await page.getByRole('cell', { name: '第一期 县级培训团队 A 班' }).getByRole('link').click();
      await expect(page).toHaveURL(new RegExp(`/classes/${classId}$`));
      await page.setViewportSize({ width: 1920, height: 1080 });
      // the QR code is a canvas: read the URL it encodes from the answer the screen itself got
      const answer = page.waitForResponse(
        (r) => r.url().includes(`/api/v1/classes/${classId}/checkin-display`) && r.ok(),
      );
      await page.getByRole('button', { name: '签到大屏' }).click();
      await expect(page).toHaveURL(new RegExp(`/classes/${classId}/screen`));
      display = (await (await answer).json()) as CheckinDisplay;
      await expect(page.getByTestId('short-code')).toHaveText(/^\d{6}$/);
      await expect(page.getByText('已签到 0 / 1 人')).toBeVisible();
      venue = page;
    });

    await test.step('the teacher scans the QR code on a 390×844 phone and is checked in; again: already', async () => {
      if (!display || !venue) throw new Error('no display');
      const ph = await open('teacher', {
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 3,
      });
      phone = ph;
      // the newest code the screen shows (it may have rotated since the screen opened), asked for with the venue's
      // session: not read from the screen's own polling, whose response a reload could discard before it is read
      const asked = await venue.request.get(`/api/v1/classes/${classId}/checkin-display`);
      expect(asked.ok()).toBe(true);
      const current = (await asked.json()) as CheckinDisplay;
      expect(current.path).toMatch(/^\/checkin\?t=/);
      await ph.page.goto(current.path);
      const outcome = ph.page.getByTestId('checkin-outcome');
      await expect(outcome).toHaveAttribute('data-status', 'checked_in', { timeout: 30_000 });
      await expect(outcome).toContainText('签到成功');
      await expect(outcome).toContainText('第一期 县级培训团队 A 班');
      expect(await hasNoHorizontalScroll(ph.page)).toMatchObject({ ok: true });
      // the token is dropped from the address bar: a reload does not resend it
      await expect(ph.page).toHaveURL(/\/checkin$/);

      // the same QR code scanned again
      await ph.page.goto(current.path);
      await expect(outcome).toHaveAttribute('data-status', 'already', { timeout: 30_000 });
      await expect(outcome).toContainText('已签到');

      // the venue screen counts the teacher
      await expect(venue.getByText('已签到 1 / 1 人')).toBeVisible({ timeout: 30_000 });

      // the QR code of another class (the teacher is not in it) is refused in words; R-004-12 stays in details
      const other = await provider.api.get<CheckinDisplay>(
        `/api/v1/classes/${otherClassId}/checkin-display?slot=arrive`,
      );
      await ph.page.goto(other.path);
      await expect(outcome).toHaveAttribute('data-status', 'refused', { timeout: 30_000 });
      await expect(outcome).toContainText('签到未成功');
      await expect(outcome).toContainText('您不是该班学员');
      await expect(outcome).not.toContainText('R-004-12');

      // a code whose window was altered (forwarded screenshots cannot be "refreshed" by hand) is refused
      const [cid, slot, w, mac] = current.token.split('.');
      await ph.page.goto(`/checkin?t=${cid}.${slot}.${Number(w) + 1}.${mac}`);
      await expect(outcome).toHaveAttribute('data-status', 'refused', { timeout: 30_000 });
      await expect(outcome).toContainText('签到码无效');

      expect(await hasNoHorizontalScroll(ph.page)).toMatchObject({ ok: true });
    });

    await test.step('on the phone, in 我的培训, the teacher hands in the outcomes the pack requires (PDF files)', async () => {
      if (!phone) throw new Error('no phone');
      const page = phone.page;
      await page.goto('/my-training');
      const card = page.getByTestId(`training-${classId}`);
      await expect(card).toContainText(title);
      await expect(card).toContainText('第一期 县级培训团队 A 班');
      // the QR check-in counts: no timetable, so the 报到 is the one session
      await expect(card).toContainText('出勤：1/1 课次');
      await expect(card.getByTestId('training-completion')).toContainText('尚未评定结业');
      // the sets of the track in words: a teacher sees no rule ID (R-004-35)
      await expect(card).toContainText('以下均须提交');
      await expect(card).not.toContainText('R-004-35');
      await expect(card.locator('[data-testid^="requirement-"]')).toHaveCount(OUTCOMES.length);
      for (const [n, o] of OUTCOMES.entries()) {
        const req = card.getByTestId(`requirement-${o.key}`);
        await expect(req).toContainText(o.label);
        await expect(req).toContainText('PDF');
        // the antd Upload's own (hidden) file input, as a tap on 上传文件 opens it
        await req
          .locator('input[type="file"]')
          .setInputFiles(pdfFile(`成果-${n + 1}.pdf`, `Yanxun e2e outcome ${n + 1}`));
        await expect(req).toContainText('待评审', { timeout: 30_000 });
        await expect(req).toContainText(`成果-${n + 1}.pdf`);
      }
      expect(await hasNoHorizontalScroll(page)).toMatchObject({ ok: true });
    });

    // 学时 the teacher held before this programme (the demo region may already have posted some)
    const hoursBefore =
      (await school.api.get<{ totalTenths: number }>(`/api/v1/teachers/${teacherId}/hours`)).totalTenths / 10;

    await test.step('the provider scores each outcome in the reviewers’ queue of the class', async () => {
      // the reviewer is the provider running the class (outcome.review on the class's provider org, or the
      // programme's bureau): the demo `trainer` sits on the 教师发展中心, not on this provider
      const page = provider.page;
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(`/classes/${classId}`);
      await page.getByRole('link', { name: '成果评审' }).click();
      await expect(page).toHaveURL(new RegExp(`/classes/${classId}/outcomes$`));
      const table = page.locator('.ant-table');
      const rows = table.locator('tbody tr.ant-table-row');
      await expect(rows).toHaveCount(OUTCOMES.length, { timeout: 30_000 });
      for (const o of OUTCOMES) {
        const row = rows.filter({ hasText: o.label });
        await expect(row).toContainText(demoTeacher.name);
        await expect(row).toContainText('待评审');
        await row.getByRole('button', { name: /通\s*过/ }).click();
        const modal = page.getByRole('dialog').filter({ hasText: '评分通过' });
        await expect(modal).toContainText(o.label);
        await modal.getByLabel('评分').fill(String(o.score));
        await modal.getByRole('button', { name: /通\s*过/ }).click();
        await expect(modal).toBeHidden({ timeout: 30_000 });
        // reviewed: off the "待评审" list
        await expect(rows.filter({ hasText: o.label })).toHaveCount(0, { timeout: 30_000 });
      }
      await expect(table).toContainText('没有待评审的成果');
      // all of them, accepted with their scores
      await page.locator('.ant-segmented').getByText('已通过').click();
      await expect(rows).toHaveCount(OUTCOMES.length, { timeout: 30_000 });
      for (const o of OUTCOMES) {
        const row = rows.filter({ hasText: o.label });
        await expect(row).toContainText('已通过');
        await expect(row).toContainText(`${o.score} 分`);
      }
    });

    let certificateNo = '';
    await test.step('the provider runs completion (结业): the teacher completes with a numbered certificate', async () => {
      const page = provider.page;
      await page.getByRole('link', { name: '结业评定' }).click();
      await expect(page).toHaveURL(new RegExp(`/classes/${classId}/completion$`));
      await expect(page.getByText(`本项目学时 ${HOURS}`)).toBeVisible({ timeout: 30_000 });
      const run = page.getByTestId('completion-run');
      // the class ends today: completion may be run (Y-004-COMPLETION-RUN)
      await expect(run).toBeEnabled();
      const answer = page.waitForResponse(
        (r) =>
          r.url().endsWith(`/api/v1/classes/${classId}/completion/run`) && r.request().method() === 'POST',
      );
      await run.click();
      const res = await answer;
      expect(res.status(), await res.text()).toBe(200);
      const result = (await res.json()) as { rows: CompletionRow[] };
      const mine = result.rows.find((r) => r.teacherId === teacherId);
      expect(mine, 'the teacher has a completion result').toBeTruthy();
      expect(mine).toMatchObject({ completed: true, hoursTenths: HOURS * 10 });
      certificateNo = mine?.certificate?.certificateNo ?? '';
      // year, programme and the first number of the programme (Y-004-CERT-NO)
      expect(certificateNo).toBe(`${packYear}-${programmeId}-00001`);
      await expect(page.getByText('已评定 1 人，结业 1 人，新发证书 1 张，登记学时 1 人')).toBeVisible();
      const row = page.locator('.ant-table tbody tr.ant-table-row').filter({ hasText: demoTeacher.name });
      await expect(row).toContainText('结业');
      await expect(row).not.toContainText('未结业');
      await expect(row).toContainText(certificateNo);
      // the rules once, in the reasons column's ⓘ, not on every line
      await expect(row).not.toContainText('R-004-35');
      await expect(
        page.getByTestId('completion-reasons-title').first().getByTestId('rule-ref'),
      ).toHaveAttribute('data-rules', /R-004-35/);
    });

    await test.step('the teacher sees the certificate and the programme’s 学时 in 我的培训 on the phone', async () => {
      if (!phone) throw new Error('no phone');
      const page = phone.page;
      await page.goto('/my-training');
      const card = page.getByTestId(`training-${classId}`);
      const completion = card.getByTestId('training-completion');
      await expect(completion).toContainText('结业', { timeout: 30_000 });
      await expect(completion).not.toContainText('未结业');
      await expect(completion).toContainText(`${HOURS} 学时`);
      await expect(completion).toContainText(certificateNo);
      await expect(page.getByTestId('hours-total')).toContainText(String(hoursBefore + HOURS));
      await expect(page.getByText(`${title}：${HOURS} 学时`)).toBeVisible();
      // the outcomes now show their scores and take no new version
      for (const o of OUTCOMES) {
        const req = card.getByTestId(`requirement-${o.key}`);
        await expect(req).toContainText('已通过');
        await expect(req).toContainText(`${o.score} 分`);
        await expect(req.locator('input[type="file"]')).toHaveCount(0);
      }
      expect(await hasNoHorizontalScroll(page)).toMatchObject({ ok: true });
      // the PDF certificate behind "下载 PDF 证书", with the teacher's own session
      const href = await completion.getByTestId('certificate-pdf').getAttribute('href');
      expect(href).toBeTruthy();
      const pdf = await page.request.get(href ?? '');
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    await test.step('the school sees the programme’s 学时 on the teacher’s record', async () => {
      const page = school.page;
      await page.goto(`/teachers/${teacherId}`);
      const card = page.getByTestId('teacher-hours');
      await expect(card).toContainText(`合计 ${hoursBefore + HOURS} 学时`, { timeout: 30_000 });
      const row = card.locator('tbody tr.ant-table-row').filter({ hasText: title });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(String(HOURS));
      // the category in words; the rule only in ⓘ for the school, which reads rules
      await expect(row).toContainText('集中培训');
      await expect(row).not.toContainText('Y-004-HOURS');
      await expect(row.locator('[data-testid="rule-ref"][data-rules="Y-004-HOURS"]')).toHaveCount(1);
    });
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
  }
});
