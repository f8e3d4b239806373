/**
 * Evaluation exports and year-over-year through HTTP: a city bureau runs Rubric A campaigns over two counties in
 * 2025 (one published, one left at its provisional results) and in 2026, and a campaign of its own rubric (a clone
 * of A, saved again as version 2) in both years. The owner's workbook holds every scorecard's numbers; one
 * scorecard downloads as PDF; another county and an unassigned expert read both exactly like an unknown id; a
 * scorecard's history shows the earlier published campaign of its rubric lineage only.
 */
import type { CampaignDetail, RankingRow, RubricDetail, Scorecard } from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { loadDemoRegion } from '../../demo/load-region';
import { ExcelJS } from '../../shared/exceljs';
import { createTestDatabase } from '../../test/db';
import { runCampaign } from '../../test/evaluation';
import {
  buildAccount,
  buildTestApp,
  login,
  orgByName,
  type Session,
  type TestApp,
} from '../../test/factories';
import { pdfText } from '../../test/pdf-text';
import { apiClient, errorOf } from '../../test/routes';
import type { OrgRow } from '../org';

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
const { req } = apiClient(() => t, s);
let city: OrgRow;
let qc: OrgRow;
let yd: OrgRow;
/** 2026-12-07 10:00 in Asia/Shanghai */
let nowMs = Date.parse('2026-12-07T02:00:00Z');
const USERS = ['e_city', 'e_qc', 'e_yd', 'e_exp1', 'e_exp2'];
const relogin = async () => {
  for (const u of USERS) s[u] = await login(t.app, u);
};

let published2025: CampaignDetail;
let provisional2025: CampaignDetail;
let own2025: CampaignDetail;
let current: CampaignDetail;
let own2026: CampaignDetail;
let a11Max = 0;

const subjectOf = (c: CampaignDetail, org: OrgRow) => c.subjects.find((x) => x.refId === org.id)?.id ?? '';
const json = async <T>(url: string, who: string) => {
  const r = await req('GET', url, who);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
};

beforeAll(async () => {
  h = await createTestDatabase();
  await loadDemoRegion(h.db, { teachers: 200 });
  t = await buildTestApp(h.db, () => new Date(nowMs));
  city = await orgByName(h.db, 'city', '清远');
  qc = await orgByName(h.db, 'county', '清城');
  yd = await orgByName(h.db, 'county', '英德');
  await buildAccount(h.db, 'e_city', 'bureau_admin', city);
  await buildAccount(h.db, 'e_qc', 'bureau_admin', qc);
  await buildAccount(h.db, 'e_yd', 'bureau_admin', yd);
  for (const e of ['e_exp1', 'e_exp2']) await buildAccount(h.db, e, 'evaluator', city);
  await relogin();

  // the city's own rubric: a clone of A (version 1), saved again (version 2)
  const clone = (
    await req('POST', '/evaluation/rubrics/clone', 'e_city', { ownerOrgId: city.id, from: 'builtin:A' })
  ).json() as RubricDetail;
  const v2 = (
    await req('POST', '/evaluation/rubrics', 'e_city', {
      ownerOrgId: city.id,
      rubricId: clone.rubricId,
      rubric: { ...clone.rubric, title: `${clone.rubric.title}（修订）` },
    })
  ).json() as RubricDetail;
  expect(v2.version).toBe('2');

  const plan = { owner: 'e_city', ownerOrgId: city.id, subjects: [qc.id, yd.id], rater: 'e_exp1' };
  published2025 = await runCampaign(req, {
    ...plan,
    name: '2025 年项目县评估',
    year: 2025,
    rubricRef: 'builtin:A',
    scores: { [qc.id]: { 'A1.1': 0 } },
  });
  a11Max = published2025.units.find((u) => u.id === 'A1.1')?.max ?? 0;
  provisional2025 = await runCampaign(req, {
    ...plan,
    name: '2025 年项目县复评（未发布）',
    year: 2025,
    rubricRef: 'builtin:A',
    scores: { [qc.id]: { 'A1.2': 0 } },
  });
  own2025 = await runCampaign(req, {
    ...plan,
    name: '2025 年示范县评估（本市标准）',
    year: 2025,
    rubricRef: clone.ref,
    scores: { [qc.id]: { 'A2.1': 0 } },
  });
  // the one-day windows close; the first and the own-rubric campaigns are published
  nowMs += 2 * 86_400_000;
  await relogin();
  for (const c of [published2025, own2025])
    expect(
      (await req('POST', `/evaluation/campaigns/${c.id}/advance`, 'e_city', { to: 'published' })).statusCode,
    ).toBe(200);
  current = await runCampaign(req, {
    ...plan,
    name: '2026 年项目县评估',
    year: 2026,
    rubricRef: 'builtin:A',
  });
  own2026 = await runCampaign(req, {
    ...plan,
    name: '2026 年示范县评估（本市标准修订版）',
    year: 2026,
    rubricRef: v2.ref,
  });
}, 300_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('Y-EVAL-HISTORY: year-over-year on the scorecard', () => {
  it('shows the 2025 published campaign of the same built-in, not the unpublished one nor the one of another rubric', async () => {
    const card = await json<Scorecard>(`/evaluation/subjects/${subjectOf(current, qc)}/scorecard`, 'e_city');
    expect(card.history?.map((x) => x.campaignId)).toEqual([published2025.id]);
    const last = card.history?.[0];
    expect(last).toMatchObject({ year: 2025, score: 100 - a11Max, max: 100, change: a11Max });
    const a1 = last?.sections.find((x) => x.id === 'A1');
    expect(a1?.change).toBe(a11Max);
    expect(last?.sections.filter((x) => x.id !== 'A1').every((x) => x.change === 0)).toBe(true);
    expect(card.history?.map((x) => x.campaignId)).not.toContain(provisional2025.id);
    expect(card.history?.map((x) => x.campaignId)).not.toContain(own2025.id);
    // 英德 scored full marks both years
    const ydCard = await json<Scorecard>(
      `/evaluation/subjects/${subjectOf(current, yd)}/scorecard`,
      'e_city',
    );
    expect(ydCard.history).toMatchObject([{ campaignId: published2025.id, score: 100, change: 0 }]);
  });

  it('a rubric of the city’s own: version 2’s campaign shows version 1’s, and no built-in A campaign', async () => {
    const card = await json<Scorecard>(`/evaluation/subjects/${subjectOf(own2026, qc)}/scorecard`, 'e_city');
    expect(card.history?.map((x) => x.campaignId)).toEqual([own2025.id]);
    // the subject reads the same history once its results are out
    const mine = await json<Scorecard>(`/evaluation/subjects/${subjectOf(own2026, qc)}/scorecard`, 'e_qc');
    expect(mine.history).toEqual(card.history);
  });

  it('every scorecard at once carries the same history as each read alone (one read for all subjects)', async () => {
    const cards = await json<Scorecard[]>(`/evaluation/campaigns/${current.id}/scorecards`, 'e_city');
    expect(cards).toHaveLength(2);
    for (const card of cards) {
      const alone = await json<Scorecard>(`/evaluation/subjects/${card.subjectId}/scorecard`, 'e_city');
      expect(card).toEqual(alone);
    }
  });
});

describe('the owner’s workbook (GET /evaluation/campaigns/:id/scorecards.xlsx)', () => {
  it('opens with exceljs: a summary row per subject, an item row per subject × unit, the history, all equal to the JSON scorecards; audited', async () => {
    const r = await req('GET', `/evaluation/campaigns/${current.id}/scorecards.xlsx`, 'e_city');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent('2026 年项目县评估'));
    expect(String(r.headers['content-disposition'])).toContain('2026-12-09.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '指标得分', '历年对比']);
    const cards = await json<Scorecard[]>(`/evaluation/campaigns/${current.id}/scorecards`, 'e_city');
    const ranking = await json<RankingRow[]>(`/evaluation/campaigns/${current.id}/ranking`, 'e_city');
    const rowsOf = (name: string) => {
      const ws = wb.getWorksheet(name);
      if (!ws) throw new Error(`no sheet ${name}`);
      const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
      const out: Record<string, unknown>[] = [];
      ws.eachRow((row, n) => {
        if (n === 1) return;
        const v = (row.values as unknown[]).slice(1);
        out.push(Object.fromEntries(header.map((k, i) => [k, v[i] ?? null])));
      });
      return out;
    };
    const summary = rowsOf('汇总').filter((x) => typeof x.排名 === 'number');
    expect(summary).toHaveLength(cards.length);
    for (const card of cards) {
      const row = summary.find((x) => x.评价对象 === card.subjectName);
      expect(row).toMatchObject({
        排名: ranking.find((x) => x.subjectId === card.subjectId)?.rank,
        总分: card.score,
        满分: card.max,
        '得分率（%）': card.percent,
        等级: card.band.label,
        评审专家数: card.raters,
        合议: '否',
        上一年度总分: card.history?.at(-1)?.score,
        较上一年度: card.history?.at(-1)?.change,
      });
      for (const sec of card.sections)
        expect(row?.[`${sec.id} ${sec.title}（${sec.itemMax}）`]).toBe(sec.score);
    }
    const items = rowsOf('指标得分');
    expect(items).toHaveLength(cards.reduce((n, c) => n + c.units.length, 0));
    for (const card of cards)
      for (const u of card.units) {
        const row = items.find((x) => x.评价对象 === card.subjectName && x.指标 === u.unitId);
        expect(row).toMatchObject({
          分值: u.max,
          原始分: u.raw,
          扣分: u.deducted,
          得分: u.final,
          计算方法: u.how,
          规则: u.rules.join('、'),
          佐证材料数: u.evidence.length,
        });
      }
    const history = rowsOf('历年对比');
    expect(history.map((x) => [x.评价对象, x.年度, x.评价活动])).toEqual(
      cards.map((c) => [c.subjectName, 2025, published2025.name]),
    );
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['entity_id', 'details'])
      .where('action', '=', 'evaluation.scorecards.export')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entity_id: current.id, details: { format: 'xlsx', subjects: 2 } });
  });

  it('another county, a subject county and an unassigned expert read it exactly like an unknown id', async () => {
    for (const who of ['e_yd', 'e_qc', 'e_exp2']) {
      const theirs = await req('GET', `/evaluation/campaigns/${current.id}/scorecards.xlsx`, who);
      const unknown = await req('GET', '/evaluation/campaigns/99999999/scorecards.xlsx', who);
      expect(theirs.statusCode).toBe(unknown.statusCode);
      expect(errorOf(theirs)).toEqual(errorOf(unknown));
    }
    expect((await req('GET', `/evaluation/campaigns/${current.id}/scorecards.xlsx`, 'e_yd')).statusCode).toBe(
      404,
    );
    expect((await req('GET', `/evaluation/campaigns/${current.id}/scorecards.xlsx`)).statusCode).toBe(401);
  });
});

describe('one scorecard as PDF (GET /evaluation/subjects/:id/scorecard.pdf)', () => {
  it('the owner’s: %PDF, application/pdf, raters by name, the sections, items and the year-over-year line; audited', async () => {
    const id = subjectOf(current, qc);
    const r = await req('GET', `/evaluation/subjects/${id}/scorecard.pdf`, 'e_city');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(r.rawPayload);
    const card = await json<Scorecard>(`/evaluation/subjects/${id}/scorecard`, 'e_city');
    for (const words of [card.subjectName, card.band.label, '历年对比', published2025.name, 'e_exp1', 'A1.1'])
      expect(text).toContain(words);
    expect(text).toContain(`${card.score} / ${card.max}`);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['entity_id', 'details'])
      .where('action', '=', 'evaluation.scorecard.export')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entity_id: id, details: { format: 'pdf', campaignId: current.id } });
  });

  it('Y-EVAL-RATERS: the subject’s own: raters as 专家1, never by name', async () => {
    const r = await req('GET', `/evaluation/subjects/${subjectOf(current, qc)}/scorecard.pdf`, 'e_qc');
    expect(r.statusCode).toBe(200);
    const text = pdfText(r.rawPayload);
    expect(text).toContain('专家1');
    expect(text).not.toContain('e_exp1');
  });

  it('another county and an unassigned expert read it exactly like an unknown id', async () => {
    const id = subjectOf(current, qc);
    for (const who of ['e_yd', 'e_exp2']) {
      const theirs = await req('GET', `/evaluation/subjects/${id}/scorecard.pdf`, who);
      const unknown = await req('GET', '/evaluation/subjects/99999999/scorecard.pdf', who);
      expect(theirs.statusCode).toBe(unknown.statusCode);
      expect(errorOf(theirs)).toEqual(errorOf(unknown));
    }
    expect((await req('GET', `/evaluation/subjects/${id}/scorecard.pdf`, 'e_yd')).statusCode).toBe(404);
  });
});
