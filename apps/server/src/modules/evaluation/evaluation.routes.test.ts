/**
 * Evaluation through HTTP: a city bureau runs a Rubric A campaign over two project counties; the counties upload
 * evidence and self-score; three experts score (a live R3-B03 item suggests A2.2's score from the programme
 * data); the owner moderates; provisional results open the appeal window; appeals are decided; the campaign is
 * published. Refusals name the unit, the value and the maximum; another county's campaign and an unassigned
 * subject read exactly like an unknown id.
 */
import { randomBytes } from 'node:crypto';
import type {
  CampaignDetail,
  MySubject,
  RaterSheet,
  RaterTask,
  RubricDetail,
  RubricSummary,
  Scorecard,
  SubjectView,
} from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { loadDemoRegion } from '../../demo/load-region';
import { createTestDatabase } from '../../test/db';
import {
  buildAccount,
  buildTeacher,
  buildTestApp,
  login,
  orgByName,
  type Session,
  type TestApp,
  testActor,
} from '../../test/factories';
import { apiClient, errorOf } from '../../test/routes';
import type { OrgRow } from '../org';

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let city: OrgRow;
let qc: OrgRow;
let yd: OrgRow;
let year: number;
/** 2026-12-07 10:00 in Asia/Shanghai */
let nowMs = Date.parse('2026-12-07T02:00:00Z');

const { req } = apiClient(() => t, s);

const pdf = () => Buffer.from(`%PDF-1.4\n% evidence ${randomBytes(8).toString('hex')}\n%%EOF\n`);
const xlsx = () =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('xl/workbook.xml'), randomBytes(16)]);

function upload(who: string, subjectId: string, unitId: string, name: string, body: Buffer) {
  const boundary = `----yanxun-eval-${randomBytes(6).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="unitId"\r\n\r\n${unitId}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    body,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/evaluation/subjects/${subjectId}/evidence`,
    headers: { ...s[who]?.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

beforeAll(async () => {
  h = await createTestDatabase();
  await loadDemoRegion(h.db, { teachers: 1500, programmes: true });
  t = await buildTestApp(h.db, () => new Date(nowMs));
  city = await orgByName(h.db, 'city', '清远');
  qc = await orgByName(h.db, 'county', '清城');
  yd = await orgByName(h.db, 'county', '英德');
  const p = await h.db.selectFrom('programmes').select('year').orderBy('year', 'desc').executeTakeFirst();
  year = p?.year ?? 2026;
  await buildAccount(h.db, 'e_city', 'bureau_admin', city);
  await buildAccount(h.db, 'e_qc', 'bureau_admin', qc);
  await buildAccount(h.db, 'e_yd', 'bureau_admin', yd);
  for (const e of ['e_exp1', 'e_exp2', 'e_exp3']) await buildAccount(h.db, e, 'evaluator', city);
  for (const u of ['e_city', 'e_qc', 'e_yd', 'e_exp1', 'e_exp2', 'e_exp3', 'teacher'])
    s[u] = await login(t.app, u);
}, 300_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

let campaign: CampaignDetail;
let qcSubject: string;
let ydSubject: string;
let units: RubricDetail['units'];

describe('the rubric library (Y-EVAL-NORMALISE, Y-EVAL-CHECK)', () => {
  it('lists the built-ins with their mismatch warnings: B 25 vs 20, C 90 vs 100', async () => {
    const r = await req('GET', '/evaluation/rubrics', 'e_city');
    expect(r.statusCode).toBe(200);
    const list = r.json() as RubricSummary[];
    expect(list.map((x) => x.ref).slice(0, 3)).toEqual(['builtin:A', 'builtin:B', 'builtin:C']);
    expect(list[0]?.warnings).toEqual([]);
    expect(list[1]?.warnings.length).toBeGreaterThan(0);
    expect(list[2]?.warnings.length).toBeGreaterThan(0);
    expect(list[2]?.defaultNormalisation).toBe('scale_to_100');
  });

  it('clones a built-in into an editable rubric; a save with errors is refused with each path and number', async () => {
    const c = await req('POST', '/evaluation/rubrics/clone', 'e_city', {
      ownerOrgId: city.id,
      from: 'builtin:B',
    });
    expect(c.statusCode).toBe(201);
    const clone = c.json() as RubricDetail;
    expect(clone.builtin).toBe(false);
    expect(clone.version).toBe('1');
    expect(clone.warnings.length).toBeGreaterThan(0);
    const bad = structuredClone(clone.rubric);
    const first = bad.nodes[0];
    if (first) first.points = -5;
    const r = await req('POST', '/evaluation/rubrics', 'e_city', {
      ownerOrgId: city.id,
      rubricId: clone.rubricId,
      rubric: bad,
    });
    expect(r.statusCode).toBe(400);
    expect(errorOf(r)).toMatchObject({ code: 'VALIDATION_FAILED', details: { ruleId: 'Y-EVAL-CHECK' } });
    const next = await req('POST', '/evaluation/rubrics', 'e_city', {
      ownerOrgId: city.id,
      rubricId: clone.rubricId,
      rubric: { ...clone.rubric, title: '示范校评价标准（修订）' },
    });
    expect(next.statusCode).toBe(201);
    expect((next.json() as RubricDetail).version).toBe('2');
  });
});

describe('the whole flow (Y-EVAL-RATERS, R3-B03, Y-EVAL-MODERATION, Y-EVAL-APPEAL)', () => {
  it('creates a Rubric A campaign over two counties with the normalisation recorded, A2.2 bound to R3-B03', async () => {
    const r = await req('POST', '/evaluation/campaigns', 'e_city', {
      ownerOrgId: city.id,
      name: `${year} 年国培项目县评估`,
      year,
      subjectKind: 'county',
      rubricRef: 'builtin:A',
      normalisation: 'item_points',
      subjects: [qc.id, yd.id],
      metricBindings: { 'A2.2': 'selection_quality_deduction' },
    });
    expect(r.statusCode).toBe(201);
    campaign = r.json() as CampaignDetail;
    expect(campaign).toMatchObject({
      status: 'draft',
      normalisation: 'item_points',
      normalisationBy: 'e_city',
    });
    units = campaign.units;
    expect(units).toHaveLength(16);
    qcSubject = campaign.subjects.find((x) => x.refId === qc.id)?.id ?? '';
    ydSubject = campaign.subjects.find((x) => x.refId === yd.id)?.id ?? '';
    const audit = await h.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'evaluation.campaign.create')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ normalisation: 'item_points', ruleId: 'Y-EVAL-NORMALISE' });
  });

  it('a subject out of the owner subtree is refused; another county reads the campaign like an unknown id', async () => {
    const out = await req('POST', '/evaluation/campaigns', 'e_yd', {
      ownerOrgId: yd.id,
      name: '英德项目县评估',
      year,
      subjectKind: 'county',
      rubricRef: 'builtin:A',
      normalisation: 'item_points',
      subjects: [qc.id],
    });
    expect(out.statusCode).toBe(400);
    const foreign = await req('GET', `/evaluation/campaigns/${campaign.id}`, 'e_yd');
    const unknown = await req('GET', '/evaluation/campaigns/99999999', 'e_yd');
    expect(foreign.statusCode).toBe(404);
    expect(errorOf(foreign)).toEqual(errorOf(unknown));
    // a county cannot see the subject of another county either
    const other = await req('GET', `/evaluation/subjects/${qcSubject}`, 'e_yd');
    const none = await req('GET', '/evaluation/subjects/99999999', 'e_yd');
    expect(other.statusCode).toBe(404);
    expect(errorOf(other)).toEqual(errorOf(none));
    // a teacher has no evaluation role at all
    expect((await req('GET', '/evaluation/campaigns', 'teacher')).statusCode).toBe(403);
  });

  it('assigns raters (only evaluators or bureau staff) and opens the campaign', async () => {
    const bad = await req('POST', `/evaluation/campaigns/${campaign.id}/raters`, 'e_city', {
      assignments: [{ subjectId: qcSubject, usernames: ['teacher'] }],
    });
    expect(bad.statusCode).toBe(400);
    // Y-EVAL-RATERS: the county bureau may rate, but never its own county
    const own = await req('POST', `/evaluation/campaigns/${campaign.id}/raters`, 'e_city', {
      assignments: [{ subjectId: qcSubject, usernames: ['e_qc'] }],
    });
    expect(own.statusCode).toBe(400);
    expect(errorOf(own)).toMatchObject({ details: { username: 'e_qc', ruleId: 'Y-EVAL-RATERS' } });
    const r = await req('POST', `/evaluation/campaigns/${campaign.id}/raters`, 'e_city', {
      assignments: [
        { subjectId: qcSubject, usernames: ['e_exp1', 'e_exp2', 'e_exp3'] },
        { subjectId: ydSubject, usernames: ['e_exp1'] },
      ],
    });
    expect(r.statusCode).toBe(200);
    const d = r.json() as CampaignDetail;
    expect(d.subjects.find((x) => x.id === qcSubject)?.raters.map((x) => x.label)).toEqual([
      'e_exp1',
      'e_exp2',
      'e_exp3',
    ]);
    // the subject sees nothing while the campaign is a draft
    expect((await req('GET', `/evaluation/subjects/${qcSubject}`, 'e_qc')).statusCode).toBe(404);
    expect(
      (await req('POST', `/evaluation/campaigns/${campaign.id}/advance`, 'e_city', { to: 'open' }))
        .statusCode,
    ).toBe(200);
  });

  it('the county uploads evidence per unit: PDF and XLSX taken, a text file refused with the reason (Y-EVAL-EVIDENCE)', async () => {
    const mine = (await req('GET', '/evaluation/my-subjects', 'e_qc')).json() as MySubject[];
    expect(mine.map((m) => m.subjectId)).toEqual([qcSubject]);
    const a = await upload('e_qc', qcSubject, 'A1.1', '规划.pdf', pdf());
    expect(a.statusCode).toBe(201);
    const b = await upload('e_qc', qcSubject, 'A2.2', '遴选统计.xlsx', xlsx());
    expect(b.statusCode).toBe(201);
    const bad = await upload('e_qc', qcSubject, 'A1.1', 'notes.txt', Buffer.from('just text'));
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad)).toMatchObject({ code: 'FILE_UNREADABLE', details: { ruleId: 'Y-EVAL-EVIDENCE' } });
    expect((errorOf(bad) as { message: string }).message).toContain('PDF');
    const unknownUnit = await upload('e_qc', qcSubject, 'Z9', 'x.pdf', pdf());
    expect(unknownUnit.statusCode).toBe(400);
    // another county cannot upload for 清城
    expect((await upload('e_yd', qcSubject, 'A1.1', 'x.pdf', pdf())).statusCode).toBe(404);
    const view = (await req('GET', `/evaluation/subjects/${qcSubject}`, 'e_qc')).json() as SubjectView;
    expect(view.evidence.map((e) => e.unitId)).toEqual(['A1.1', 'A2.2']);
    const dl = await req(
      'GET',
      `/evaluation/subjects/${qcSubject}/evidence/${view.evidence[0]?.id}`,
      'e_city',
    );
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
  });

  it('self-scores are checked by core: above the maximum refused with the unit and the maximum', async () => {
    const bad = await req('PUT', `/evaluation/subjects/${qcSubject}/self-scores`, 'e_qc', {
      scores: { 'A2.2': 13 },
    });
    expect(bad.statusCode).toBe(400);
    expect((errorOf(bad) as { message: string }).message).toContain('12');
    const ok = await req('PUT', `/evaluation/subjects/${qcSubject}/self-scores`, 'e_qc', {
      scores: { 'A2.2': 11 },
    });
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as SubjectView).selfScores).toEqual({ 'A2.2': 11 });
    expect(
      (await req('POST', `/evaluation/campaigns/${campaign.id}/advance`, 'e_city', { to: 'scoring' }))
        .statusCode,
    ).toBe(200);
  });

  it('R3-B03: the live A2.2 value matches the programmes’ selection-quality counts for the county', async () => {
    const sheet = (await req('GET', `/evaluation/tasks/${qcSubject}`, 'e_exp1')).json() as RaterSheet;
    const live = sheet.live.find((l) => l.unitId === 'A2.2');
    expect(live?.ruleId).toBe('R3-B03');
    // the KPI pages' figure: each programme's selection-quality row for the county
    const admin = testActor('bureau_admin', city);
    const programmes = await h.db.selectFrom('programmes').select('id').where('year', '=', year).execute();
    let expected = 0;
    for (const p of programmes) {
      const q = await t.services.programs.selectionQuality(admin, p.id, { level: 'county' });
      const row = q.rows.find((x) => x.orgId === qc.id);
      expected += (row?.deduction?.items ?? []).reduce((sum, i) => sum + i.personTimes, 0);
    }
    const counted = (live?.deductions ?? []).reduce((sum, d) => sum + d.count, 0);
    expect(counted).toBe(expected);
    expect(live?.detail).toContain(`${expected} 人次`);
    expect(live?.suggested).toBe(Math.max(0, 12 - expected));
    expect(sheet.evidence).toHaveLength(2);
    expect(sheet.selfScores).toEqual({ 'A2.2': 11 });
  });

  it('Y-EVAL-CHECK: an out-of-range score → 400 naming the unit, the value and the maximum; finer than a tenth refused', async () => {
    const over = await req('PUT', `/evaluation/tasks/${qcSubject}`, 'e_exp1', {
      units: { 'A2.2': { score: 12.5 } },
    });
    expect(over.statusCode).toBe(400);
    expect(errorOf(over)).toMatchObject({ details: { unitId: 'A2.2', score: 12.5, max: 12 } });
    expect((errorOf(over) as { message: string }).message).toContain('12.5');
    const fine = await req('PUT', `/evaluation/tasks/${qcSubject}`, 'e_exp1', {
      units: { 'A1.1': { score: 1.25 } },
    });
    expect(fine.statusCode).toBe(400);
    expect(errorOf(fine)).toMatchObject({ details: { unitId: 'A1.1' } });
  });

  it('a rater on an unassigned subject reads exactly like an unknown id', async () => {
    const r = await req('GET', `/evaluation/tasks/${ydSubject}`, 'e_exp2');
    const unknown = await req('GET', '/evaluation/tasks/99999999', 'e_exp2');
    expect(r.statusCode).toBe(404);
    expect(errorOf(r)).toEqual(errorOf(unknown));
    expect((await req('PUT', `/evaluation/tasks/${ydSubject}`, 'e_exp2', { units: {} })).statusCode).toBe(
      404,
    );
    const tasks = (await req('GET', '/evaluation/tasks', 'e_exp2')).json() as RaterTask[];
    expect(tasks.map((x) => x.subjectId)).toEqual([qcSubject]);
  });

  it('three raters score; departing from the live suggestion needs a reason; submit locks the sheet', async () => {
    const sheet = (await req('GET', `/evaluation/tasks/${qcSubject}`, 'e_exp1')).json() as RaterSheet;
    const suggested = sheet.live.find((l) => l.unitId === 'A2.2')?.suggested ?? 12;
    const full = (a11: number, a22: number, extra: Record<string, unknown> = {}) => ({
      units: {
        ...Object.fromEntries(units.map((u) => [u.id, { score: u.max }])),
        'A1.1': { score: a11 },
        'A2.2': { score: a22, ...extra },
      },
      vetoes: {},
    });
    const a11Max = units.find((u) => u.id === 'A1.1')?.max ?? 0;
    expect(
      (await req('PUT', `/evaluation/tasks/${qcSubject}`, 'e_exp1', full(a11Max, suggested))).statusCode,
    ).toBe(200);
    const lower = Math.max(0, suggested - 1);
    if (lower !== suggested) {
      const noReason = await req('PUT', `/evaluation/tasks/${qcSubject}`, 'e_exp2', full(a11Max, lower));
      expect(noReason.statusCode).toBe(400);
      expect(errorOf(noReason)).toMatchObject({ details: { unitId: 'A2.2', ruleId: 'R3-B03', suggested } });
    }
    expect(
      (
        await req(
          'PUT',
          `/evaluation/tasks/${qcSubject}`,
          'e_exp2',
          full(a11Max, lower, { adjustReason: '现场核实另有 1 人次缺培' }),
        )
      ).statusCode,
    ).toBe(200);
    // e_exp3 is far from the others on A1.1: an outlier (Y-EVAL-OUTLIER)
    expect(
      (await req('PUT', `/evaluation/tasks/${qcSubject}`, 'e_exp3', full(0, suggested))).statusCode,
    ).toBe(200);
    // an incomplete sheet cannot be submitted
    const partial = await req('PUT', `/evaluation/tasks/${ydSubject}`, 'e_exp1', {
      units: { 'A1.1': { score: 1 } },
    });
    expect(partial.statusCode).toBe(200);
    const early = await req('POST', `/evaluation/tasks/${ydSubject}/submit`, 'e_exp1');
    expect(early.statusCode).toBe(400);
    expect(errorOf(early)).toMatchObject({ code: 'VALIDATION_FAILED' });
    for (const e of ['e_exp1', 'e_exp2', 'e_exp3'])
      expect((await req('POST', `/evaluation/tasks/${qcSubject}/submit`, e)).statusCode).toBe(200);
    const yd = (await req('GET', `/evaluation/tasks/${ydSubject}`, 'e_exp1')).json() as RaterSheet;
    const ydSuggested = yd.live.find((l) => l.unitId === 'A2.2')?.suggested ?? 12;
    const ydSheet = full(a11Max, ydSuggested);
    expect((await req('PUT', `/evaluation/tasks/${ydSubject}`, 'e_exp1', ydSheet)).statusCode).toBe(200);
    expect((await req('POST', `/evaluation/tasks/${ydSubject}/submit`, 'e_exp1')).statusCode).toBe(200);
    const locked = await req('PUT', `/evaluation/tasks/${qcSubject}`, 'e_exp1', full(a11Max, suggested));
    expect(locked.statusCode).toBe(409);
  });

  it('the owner sees names, spread and outliers, and moderates a unit with a reason', async () => {
    const card = (
      await req('GET', `/evaluation/subjects/${qcSubject}/scorecard`, 'e_city')
    ).json() as Scorecard;
    const a11 = card.units.find((u) => u.unitId === 'A1.1');
    expect(a11?.ratings.map((r) => r.rater)).toEqual(['e_exp1', 'e_exp2', 'e_exp3']);
    expect(a11?.ratings.find((r) => r.rater === 'e_exp3')?.outlier).toBe(true);
    expect(a11?.range).toBe(a11?.max);
    // the numbers behind the unit's how, for the page to word it
    expect(a11?.howFacts?.raters).toMatchObject({ n: 3, range: a11?.max, moderation: null });
    expect(a11?.howFacts?.raters?.outliers).toHaveLength(a11?.ratings.filter((r) => r.outlier).length ?? -1);
    const d = (await req('GET', `/evaluation/campaigns/${campaign.id}`, 'e_city')).json() as CampaignDetail;
    expect(d.subjects.find((x) => x.id === qcSubject)?.outlierUnits).toContain('A1.1');
    const over = await req('POST', `/evaluation/subjects/${qcSubject}/moderation`, 'e_city', {
      unitId: 'A1.1',
      value: 99,
      reason: '合议',
    });
    expect(over.statusCode).toBe(400);
    const m = await req('POST', `/evaluation/subjects/${qcSubject}/moderation`, 'e_city', {
      unitId: 'A1.1',
      value: a11?.max,
      reason: '专家3 未见规划文件，合议按满分',
    });
    expect(m.statusCode).toBe(200);
    const after = (
      await req('GET', `/evaluation/subjects/${qcSubject}/scorecard`, 'e_city')
    ).json() as Scorecard;
    expect(after.units.find((u) => u.unitId === 'A1.1')).toMatchObject({
      final: a11?.max,
      moderated: { value: a11?.max },
    });
    expect(after.units.find((u) => u.unitId === 'A1.1')?.howFacts?.raters?.moderation).toEqual({
      value: a11?.max,
      reason: '专家3 未见规划文件，合议按满分',
    });
    // the subject does not see the results before they are released
    expect((await req('GET', `/evaluation/subjects/${qcSubject}/scorecard`, 'e_qc')).statusCode).toBe(409);
  });

  it('Y-EVAL-APPEAL: provisional results open a 5-day window; appeals on its last day pass, the day after are refused with the date', async () => {
    const r = await req('POST', `/evaluation/campaigns/${campaign.id}/advance`, 'e_city', { to: 'appeal' });
    expect(r.statusCode).toBe(200);
    const closes = (r.json() as CampaignDetail).appealClosesOn;
    expect(closes).toBe('2026-12-12');
    const card = (
      await req('GET', `/evaluation/subjects/${qcSubject}/scorecard`, 'e_qc')
    ).json() as Scorecard;
    expect(card.canAppeal).toBe(true);
    // raters are 专家1/2/3 to the subject
    expect(card.units[0]?.ratings.map((x) => x.rater)).toEqual(['专家1', '专家2', '专家3']);
    expect(card.band.label).toBeTruthy();
    const a = await req('POST', `/evaluation/subjects/${qcSubject}/appeals`, 'e_qc', {
      unitId: 'A2.2',
      reason: '缺培人次有误',
    });
    expect(a.statusCode).toBe(201);
    // publishing now: the window is open and an appeal is pending
    const early = await req('POST', `/evaluation/campaigns/${campaign.id}/advance`, 'e_city', {
      to: 'published',
    });
    expect(early.statusCode).toBe(409);
    expect((errorOf(early) as { message: string }).message).toContain('2026-12-12');
    // the last day of the window (Asia/Shanghai): still open
    nowMs = Date.parse('2026-12-12T15:59:00Z');
    // sessions idle out over days: sign in again on the moved clock
    for (const u of ['e_qc', 'e_city']) s[u] = await login(t.app, u);
    expect(
      (
        await req('POST', `/evaluation/subjects/${qcSubject}/appeals`, 'e_qc', {
          unitId: 'A1.2',
          reason: '材料已补充',
        })
      ).statusCode,
    ).toBe(201);
    // the next day: refused, with the date
    nowMs = Date.parse('2026-12-12T16:00:00Z');
    for (const u of ['e_qc', 'e_city']) s[u] = await login(t.app, u);
    const late = await req('POST', `/evaluation/subjects/${qcSubject}/appeals`, 'e_qc', {
      unitId: 'A3.1',
      reason: '迟到的申诉',
    });
    expect(late.statusCode).toBe(409);
    expect(errorOf(late)).toMatchObject({
      details: { ruleId: 'Y-EVAL-APPEAL', appealClosesOn: '2026-12-12' },
    });
    expect((errorOf(late) as { message: string }).message).toContain('2026-12-12');
  });

  it('the owner decides every appeal with a reason, then publishes; the subject reads the published scorecard', async () => {
    const d = (await req('GET', `/evaluation/campaigns/${campaign.id}`, 'e_city')).json() as CampaignDetail;
    const [first, second] = d.appeals;
    expect(d.appeals).toHaveLength(2);
    const upheld = await req('POST', `/evaluation/appeals/${first?.id}/decision`, 'e_city', {
      decision: 'uphold',
      newScore: 12,
      reason: '核实后无缺培',
    });
    expect(upheld.statusCode).toBe(200);
    expect(
      (
        await req('POST', `/evaluation/appeals/${second?.id}/decision`, 'e_city', {
          decision: 'dismiss',
          reason: '材料不足',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await req('POST', `/evaluation/campaigns/${campaign.id}/advance`, 'e_city', { to: 'published' }))
        .statusCode,
    ).toBe(200);
    const card = (
      await req('GET', `/evaluation/subjects/${qcSubject}/scorecard`, 'e_qc')
    ).json() as Scorecard;
    expect(card.status).toBe('published');
    expect(card.units.find((u) => u.unitId === 'A2.2')?.final).toBe(12);
    expect(card.appeals.map((a) => a.status)).toEqual(['upheld', 'dismissed']);
    expect(card.sections.length).toBe(5);
    expect(card.max).toBe(100);
    const ranking = (await req('GET', `/evaluation/campaigns/${campaign.id}/ranking`, 'e_city')).json() as {
      rank: number;
    }[];
    expect(ranking.map((r) => r.rank)).toEqual([1, 2]);
    const actions = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'evaluation.campaign.%')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'evaluation.campaign.create',
      'evaluation.campaign.open',
      'evaluation.campaign.scoring',
      'evaluation.campaign.appeal',
      'evaluation.campaign.published',
    ]);
  });

  it('every scorecard at once equals each read alone (the owner); a subject county cannot list them, and reads them like an unknown campaign', async () => {
    const all = await req('GET', `/evaluation/campaigns/${campaign.id}/scorecards`, 'e_city');
    expect(all.statusCode).toBe(200);
    const cards = all.json() as Scorecard[];
    expect(cards.map((c) => c.subjectId).sort()).toEqual([qcSubject, ydSubject].sort());
    for (const card of cards) {
      const alone = (
        await req('GET', `/evaluation/subjects/${card.subjectId}/scorecard`, 'e_city')
      ).json() as Scorecard;
      expect(card).toEqual(alone);
    }
    s.e_yd = await login(t.app, 'e_yd');
    const theirs = await req('GET', `/evaluation/campaigns/${campaign.id}/scorecards`, 'e_yd');
    const unknown = await req('GET', '/evaluation/campaigns/99999999/scorecards', 'e_yd');
    expect(theirs.statusCode).toBe(404);
    expect(errorOf(theirs)).toEqual(errorOf(unknown));
  });
});

describe('a workshop campaign (Rubric C, R3-G17 live item, Y-EVAL-C-TOTAL)', () => {
  it('the live activities item counts the year’s sessions planned and activities held; the host school speaks for it', async () => {
    nowMs = Date.parse('2026-12-20T02:00:00Z');
    for (const u of ['e_qc', 'e_exp1']) s[u] = await login(t.app, u);
    const school = await h.db
      .selectFrom('orgs')
      .selectAll()
      .where('kind', '=', 'school')
      .where('county_id', '=', qc.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const host = await buildTeacher(h.db, school as unknown as OrgRow, { name: '周坊主' });
    await buildAccount(h.db, 'e_host_school', 'school_admin', school as unknown as OrgRow);
    s.e_host_school = await login(t.app, 'e_host_school');
    const w = await h.db
      .insertInto('communities')
      .values({
        county_id: qc.id,
        kind: 'workshop',
        workshop_class: 'class_1',
        level: 'school',
        name: '初中数学名师工作坊',
        host_teacher_id: host.id,
        host_org_id: school.id,
        org_path: school.path,
        created_at: new Date(nowMs),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const on = ['2026-03-10', '2026-05-12', '2026-09-15', '2026-11-17'];
    await h.db
      .insertInto('community_plan_sessions')
      .values(
        on.map((d) => ({
          county_id: qc.id,
          community_id: w.id,
          school_year: '2025-2026',
          planned_on: d,
          kind: 'session',
          live_lessons: 1,
          discussions: 1,
          host_school_id: school.id,
        })),
      )
      .execute();
    // three held in 2026, one in 2025 that does not count
    await h.db
      .insertInto('community_activities')
      .values(
        ['2025-12-09', '2026-03-10', '2026-05-12', '2026-09-15'].map((d) => ({
          county_id: qc.id,
          community_id: w.id,
          held_on: d,
          kind: 'live_lesson',
          title: `研修活动 ${d}`,
          host_school_id: school.id,
          record: '记录',
          hours_tenths: 60,
          created_at: new Date(nowMs),
        })),
      )
      .execute();
    const r = await req('POST', '/evaluation/campaigns', 'e_qc', {
      ownerOrgId: qc.id,
      name: '2026 年优秀教师工作坊评价',
      year: 2026,
      subjectKind: 'workshop',
      rubricRef: 'builtin:C',
      normalisation: 'scale_to_100',
      subjects: [w.id],
      metricBindings: { C4: 'workshop_activities' },
    });
    expect(r.statusCode).toBe(201);
    const c = r.json() as CampaignDetail;
    expect(c.warnings.length).toBeGreaterThan(0);
    const subjectId = c.subjects[0]?.id ?? '';
    const assigned = await req('POST', `/evaluation/campaigns/${c.id}/raters`, 'e_qc', {
      assignments: [{ subjectId, usernames: ['e_exp1'] }],
    });
    expect(assigned.statusCode).toBe(200);
    expect(
      (await req('POST', `/evaluation/campaigns/${c.id}/advance`, 'e_qc', { to: 'open' })).statusCode,
    ).toBe(200);
    // the host school's admin speaks for the workshop; another school's does not see it
    const mine = (await req('GET', '/evaluation/my-subjects', 'e_host_school')).json() as MySubject[];
    expect(mine.map((m) => m.subjectId)).toEqual([subjectId]);
    expect((await upload('e_host_school', subjectId, 'C1', '年度研修计划.pdf', pdf())).statusCode).toBe(201);
    expect(
      (await req('POST', `/evaluation/campaigns/${c.id}/advance`, 'e_qc', { to: 'scoring' })).statusCode,
    ).toBe(200);
    const sheet = (await req('GET', `/evaluation/tasks/${subjectId}`, 'e_exp1')).json() as RaterSheet;
    const live = sheet.live.find((l) => l.unitId === 'C4');
    expect(live).toMatchObject({ ruleId: 'R3-G17', suggested: 11.3 });
    expect(live?.detail).toBe('2026 年计划研修活动 4 次，已开展 3 次');
  });
});
