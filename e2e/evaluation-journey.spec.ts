import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { apiSession, getJson, loginInPage } from './support';

/**
 * The evaluation journey of issue 14, in the browser: the city bureau (清远市) creates a campaign on Rubric A over
 * 清城 and 英德 with A2.2 bound to the programme data (R3-B03) and two experts, and opens it → 清城's bureau
 * uploads a document for A1.1 and saves its self-scores → the city starts the scoring → the demo `expert` opens
 * 清城's sheet, sees the evidence and the live item filled from the programme year (its suggestion = the unit's
 * points less one per person-time, floored at 0), scores and submits; the other sheets are scored through the API
 * → the city releases the results (appeal window, Y-EVAL-APPEAL): publication is refused until the window ends,
 * with the date → 清城 reads its scorecard with its experts as 专家1/专家2, and last year's published scorecard.
 */

type Unit = { id: string; title: string; max: number };
type Live = { unitId: string; suggested: number | null; detail: string };
type Sheet = { units: Unit[]; live: Live[]; task: { subjectName: string } };
type Task = { subjectId: string; subjectName: string; campaignId: string; submitted: boolean };

async function csrf(api: APIRequestContext): Promise<string> {
  return (await getJson<{ csrfToken: string }>(api, '/api/v1/auth/me')).csrfToken;
}

/** A rater's score for a unit: the live suggestion where there is one, else 80 % of its points. */
function scoreFor(u: Unit, live: Live[]): number {
  const l = live.find((x) => x.unitId === u.id);
  return l?.suggested ?? Math.round(u.max * 8) / 10;
}

/** Score and submit every unit of a task through the API, as that expert. */
async function scoreByApi(api: APIRequestContext, subjectId: string): Promise<void> {
  const sheet = await getJson<Sheet>(api, `/api/v1/evaluation/tasks/${subjectId}`);
  const units = Object.fromEntries(sheet.units.map((u) => [u.id, { score: scoreFor(u, sheet.live) }]));
  const headers = { 'x-csrf-token': await csrf(api) };
  const saved = await api.put(`/api/v1/evaluation/tasks/${subjectId}`, {
    headers,
    data: { units, vetoes: {} },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const submitted = await api.post(`/api/v1/evaluation/tasks/${subjectId}/submit`, { headers, data: {} });
  expect(submitted.status(), await submitted.text()).toBe(200);
}

/** The row of a rubric unit on a page of unit rows (the subject's page, a rater's sheet). */
const unitRow = (page: Page, id: string) =>
  page.getByRole('listitem').filter({ has: page.getByText(new RegExp(`^${id.replace('.', '\\.')} `)) });

async function chooseOption(page: Page, text: string): Promise<void> {
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text });
  await expect(option.first()).toBeVisible();
  await option.first().click();
}

async function advance(page: Page, label: string, status: string): Promise<void> {
  await page.getByRole('button', { name: label }).click();
  await expect(page.getByTestId('eval-campaign')).toContainText(status);
}

test('评价: Rubric A over two counties → evidence → a live item from programme data → two experts → results', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const name = `项目县考核评估（旅程 ${Date.now().toString(36)}）`;
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );

  // 1. the city creates the campaign on the page and opens it
  await loginInPage(page, 'city');
  await page.goto('/evaluation/campaigns');
  await page.getByTestId('eval-create').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('活动名称').fill(name);
  await dialog.getByLabel('评价对象', { exact: true }).click();
  await chooseOption(page, '清城');
  await dialog.getByLabel('评价对象', { exact: true }).click();
  await chooseOption(page, '英德');
  // the rubric's live items are offered and ticked: A2.2 from the programmes' selection quality (R3-B03)
  await expect(dialog.getByRole('checkbox', { name: /^A2\.2：.*（R3-B03）/ })).toBeChecked();
  await dialog.getByLabel('专家账号（以逗号分隔）').fill('expert, expert2');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page).toHaveURL(/\/evaluation\/campaigns\/\d+$/);
  const campaignUrl = page.url();
  const campaign = page.getByTestId('eval-campaign');
  await expect(campaign).toContainText(name);
  await expect(campaign).toContainText('草稿');
  await advance(page, '开放自评与材料上传', '自评与材料上传');

  // 2. 清城 hands in a document for A1.1 and its self-scores
  const qc = await apiSession(baseURL ?? '', 'qingcheng');
  type Mine = Array<{ subjectId: string; campaign: { name: string; status: string } }>;
  const mine = await getJson<Mine>(qc, '/api/v1/evaluation/my-subjects');
  const qcSubject = mine.find((m) => m.campaign.name === name)?.subjectId ?? '';
  expect(qcSubject, '清城 is a subject of the new campaign').not.toBe('');
  await loginInPage(page, 'qingcheng');
  await page.goto('/evaluation/mine');
  await page.getByRole('link', { name }).first().click();
  await expect(page).toHaveURL(new RegExp(`/evaluation/subjects/${qcSubject}$`));
  await expect(page.getByTestId('eval-subject')).toBeVisible();
  await unitRow(page, 'A1.1')
    .locator('input[type=file]')
    .setInputFiles({ name: '清城区教师培训领导小组文件.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(
    unitRow(page, 'A1.1').getByRole('link', { name: '清城区教师培训领导小组文件.pdf' }),
  ).toBeVisible();
  await page.getByLabel('自评分 A1.1').fill('2');
  await page.getByRole('button', { name: '保存自评' }).click();
  await expect(page.getByText('已保存').first()).toBeVisible();

  // 3. the city starts the scoring
  await loginInPage(page, 'city');
  await page.goto(campaignUrl);
  await advance(page, '开始专家评分', '专家评分');

  // 4. the demo expert scores 清城 on the page: the evidence, the self-score and the live item are there
  const expert = await apiSession(baseURL ?? '', 'expert');
  const sheet = await getJson<Sheet>(expert, `/api/v1/evaluation/tasks/${qcSubject}`);
  const live = sheet.live.find((l) => l.unitId === 'A2.2');
  const a22 = sheet.units.find((u) => u.id === 'A2.2');
  expect(live?.detail).toMatch(/人次：少报 \d+、缺培 \d+、未结业 \d+、不符合遴选条件 \d+/);
  // R3-B03: the suggestion is the unit's points less one per person-time, floored at 0
  const counted = [...(live?.detail.matchAll(/(少报|缺培|未结业|不符合遴选条件) (\d+)/g) ?? [])].reduce(
    (n, m) => n + Number(m[2]),
    0,
  );
  expect(live?.suggested).toBe(Math.max(0, (a22?.max ?? 0) - counted));
  await loginInPage(page, 'expert');
  await page.goto('/evaluation/tasks');
  const task = page.getByRole('listitem').filter({ hasText: name }).filter({ hasText: '清城' });
  await task.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/evaluation/tasks/${qcSubject}$`));
  await expect(page.getByTestId('eval-sheet')).toContainText(name);
  await expect(
    unitRow(page, 'A1.1').getByRole('link', { name: '清城区教师培训领导小组文件.pdf' }),
  ).toBeVisible();
  await expect(unitRow(page, 'A1.1')).toContainText('自评 2');
  await expect(unitRow(page, 'A2.2')).toContainText(`数据建议 ${live?.suggested} 分`);
  await expect(unitRow(page, 'A2.2')).toContainText(live?.detail ?? '');
  for (const u of sheet.units)
    await page.getByLabel(`评分 ${u.id}`, { exact: true }).fill(String(scoreFor(u, sheet.live)));
  await page.getByTestId('eval-save').click();
  await expect(page.getByText('已保存').first()).toBeVisible();
  await page.getByRole('button', { name: '提交评分' }).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('评分表已提交')).toBeVisible();

  // the other three sheets through the API: the expert's 英德, and expert2's two
  const tasks = await getJson<Task[]>(expert, '/api/v1/evaluation/tasks');
  const campaignId = tasks.find((t) => t.subjectId === qcSubject)?.campaignId;
  for (const t of tasks.filter((x) => x.campaignId === campaignId && !x.submitted))
    await scoreByApi(expert, t.subjectId);
  const second = await apiSession(baseURL ?? '', 'expert2');
  for (const t of (await getJson<Task[]>(second, '/api/v1/evaluation/tasks')).filter(
    (x) => x.campaignId === campaignId,
  ))
    await scoreByApi(second, t.subjectId);

  // 5. the city releases the results; publishing waits for the appeal window (Y-EVAL-APPEAL)
  await loginInPage(page, 'city');
  await page.goto(campaignUrl);
  await advance(page, '公示结果并开放申诉', '结果公示与申诉');
  await expect(page.getByText(/申诉期至 \d{4}-\d{2}-\d{2} 结束/)).toBeVisible();
  await page.getByRole('button', { name: '发布结果' }).click();
  await expect(
    page.getByText(/申诉期至 \d{4}-\d{2}-\d{2} 结束，\d{4}-\d{2}-\d{2} 起才能发布/).first(),
  ).toBeVisible();
  await expect(campaign).toContainText('结果公示与申诉');
  await page.getByRole('row', { name: /清城/ }).getByRole('link', { name: '评价结果' }).click();
  await expect(page.getByText('评审专家').first()).toBeVisible();
  await expect(page.locator('body')).toContainText('评审专家（二）');

  // 6. 清城 reads its provisional scorecard: its experts are 专家1 and 专家2, not names
  await loginInPage(page, 'qingcheng');
  await page.goto(`/evaluation/subjects/${qcSubject}/scorecard`);
  await expect(page.locator('body')).toContainText('总分');
  await expect(page.locator('body')).toContainText('专家1');
  await expect(page.locator('body')).not.toContainText('评审专家（二）');

  // last year's campaign of the demo is published: 清城's scorecard of it says so
  const published = (await getJson<Mine>(qc, '/api/v1/evaluation/my-subjects')).find(
    (m) => m.campaign.status === 'published',
  );
  expect(published, 'the demo has a published campaign of last year').toBeDefined();
  await page.goto(`/evaluation/subjects/${published?.subjectId}/scorecard`);
  await expect(page.locator('body')).toContainText('已发布');
  await Promise.all([qc.dispose(), expert.dispose(), second.dispose()]);
});
