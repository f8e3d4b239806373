/**
 * Annual selections through HTTP (R3-G18, R3-S06…S08, R3-W15): 清城's bureau runs a Rubric C campaign over three
 * workshops; a selection cannot be drawn before the campaign is published (the reason and rule given); the band
 * and maximum policy holds at both boundaries; publishing issues certificates of honour with unique codes, verified
 * on the public page, and records the 优秀工作坊 title in the communities module, whose R3-W15 backbone candidates
 * then show the member; 先进个人 are nominated with a reason; the teacher's growth archive shows both honours;
 * another county's selection reads exactly like an unknown id.
 */
import type { CampaignDetail, CommunityDetail, SelectionDetail, TeacherArchive } from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import {
  buildTeacher,
  buildTestApp,
  login,
  orgByName,
  type Session,
  schoolIn,
  seedRegion,
  type TestApp,
} from '../../test/factories';
import { apiClient, errorOf } from '../../test/routes';

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let nowMs = 0;
const USERS = ['qingcheng', 'tdc', 'yingde', 'expert'];
const at = async (local: string) => {
  nowMs = Date.parse(`${local}+08:00`);
  if (t) for (const u of USERS) s[u] = await login(t.app, u);
};
const { req } = apiClient(() => t, s);

/** workshops by name: 甲 scored 100%, 乙 95% (both 优秀), 丙 85% (良好) */
const ws: Record<string, string> = {};
let member = '';
let other = '';
let campaign: CampaignDetail;

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 1000);
  await at('2024-09-20T10:00:00');
  t = await buildTestApp(h.db, () => new Date(nowMs));
  for (const u of USERS) s[u] = await login(t.app, u);
  const s0 = await schoolIn(h.db, '清城', 0);
  const s1 = await schoolIn(h.db, '清城', 1);
  member = (await buildTeacher(h.db, s1, { name: '坊员满两年' })).id;
  other = (await buildTeacher(h.db, await schoolIn(h.db, '英德', 0), { name: '英德教师' })).id;
  for (const [i, name] of ['甲', '乙', '丙'].entries()) {
    const host = (await buildTeacher(h.db, s0, { name: `坊主${name}` })).id;
    const w = await req('POST', '/communities', 'qingcheng', {
      kind: 'workshop',
      workshopClass: 'class_2',
      level: 'county',
      name: `清城区${name}工作坊`,
      hostTeacherId: host,
    });
    expect(w.statusCode).toBe(201);
    const c = w.json() as CommunityDetail;
    ws[name] = c.id;
    if (i === 0) {
      const roster = await req('POST', `/communities/${c.id}/roster`, 'qingcheng', {
        reason: '组建',
        add: [{ teacherId: member, role: 'formal' }],
      });
      expect(roster.statusCode).toBe(200);
      // the 2024-2025 registration: its two-year cycle ends 2026-08-31, before the December selection
      const row = await h.db
        .selectFrom('communities')
        .select('county_id')
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
      await h.db
        .insertInto('community_registrations')
        .values({
          county_id: row.county_id,
          community_id: c.id,
          registered_on: '2024-09-20',
          first_school_year: '2024-2025',
          registered_by: null,
        })
        .execute();
    }
  }
  await at('2026-12-01T10:00:00');
  const c = await req('POST', '/evaluation/campaigns', 'qingcheng', {
    ownerOrgId: (await orgByName(h.db, 'county', '清城')).id,
    name: '2026 年度教师工作坊考核',
    year: 2026,
    subjectKind: 'workshop',
    rubricRef: 'builtin:C',
    normalisation: 'scale_to_100',
    appealDays: 1,
    subjects: Object.values(ws),
  });
  expect(c.statusCode).toBe(201);
  campaign = c.json() as CampaignDetail;
  const assigned = await req('POST', `/evaluation/campaigns/${campaign.id}/raters`, 'qingcheng', {
    assignments: campaign.subjects.map((x) => ({ subjectId: x.id, usernames: ['expert'] })),
  });
  expect(assigned.statusCode).toBe(200);
  for (const to of ['open', 'scoring'])
    expect(
      (await req('POST', `/evaluation/campaigns/${campaign.id}/advance`, 'qingcheng', { to })).statusCode,
    ).toBe(200);
  const share: Record<string, number> = { 甲: 1, 乙: 0.95, 丙: 0.85 };
  for (const x of campaign.subjects) {
    const k = Object.keys(ws).find((n) => ws[n] === x.refId) ?? '甲';
    const units = Object.fromEntries(
      campaign.units.map((u) => [u.id, { score: Math.round(u.max * (share[k] ?? 1) * 10) / 10 }]),
    );
    expect((await req('PUT', `/evaluation/tasks/${x.id}`, 'expert', { units, vetoes: {} })).statusCode).toBe(
      200,
    );
    expect((await req('POST', `/evaluation/tasks/${x.id}/submit`, 'expert')).statusCode).toBe(200);
  }
}, 300_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

const qcId = async () => (await orgByName(h.db, 'county', '清城')).id;
const create = async (body: Record<string, unknown>, who = 'qingcheng') =>
  req('POST', '/evaluation/selections', who, { ownerOrgId: await qcId(), year: 2026, ...body });
const byName = (d: SelectionDetail, n: string) => d.candidateList.find((c) => c.name.includes(n));

describe('R3-G18: a selection is drawn from a published campaign only', () => {
  it('refuses a campaign still in scoring, with the reason and the rule', async () => {
    const r = await create({ category: 'excellent_workshop', campaignId: campaign.id });
    expect(r.statusCode).toBe(409);
    expect(errorOf(r)).toMatchObject({ code: 'CONFLICT', details: { ruleId: 'R3-G18', status: 'scoring' } });
    expect(errorOf(r).message).toContain('结果发布后才能据此评选优秀工作坊');
    // and a category drawn from a campaign needs one
    const none = await create({ category: 'excellent_workshop' });
    expect(none.statusCode).toBe(400);
    expect(errorOf(none).details).toMatchObject({ field: 'campaignId', ruleId: 'R3-G18' });
  });

  it('publishes the campaign (appeal window of one day passed)', async () => {
    expect(
      (await req('POST', `/evaluation/campaigns/${campaign.id}/advance`, 'qingcheng', { to: 'appeal' }))
        .statusCode,
    ).toBe(200);
    await at('2026-12-07T10:00:00');
    expect(
      (await req('POST', `/evaluation/campaigns/${campaign.id}/advance`, 'qingcheng', { to: 'published' }))
        .statusCode,
    ).toBe(200);
  });
});

describe('R3-G18: the band and maximum policy at both boundaries', () => {
  let sel: SelectionDetail;

  it('優秀 only, at most 2: 甲 and 乙 (优秀) are pre-checked, 丙 (良好) is not eligible', async () => {
    const r = await create({
      category: 'excellent_workshop',
      campaignId: campaign.id,
      eligibleBands: ['excellent'],
      maxAwards: 2,
    });
    expect(r.statusCode).toBe(201);
    sel = r.json() as SelectionDetail;
    expect(sel).toMatchObject({
      status: 'draft',
      name: '2026年度优秀工作坊评选',
      ruleIds: ['R3-G18', 'R3-W15'],
    });
    expect(sel.candidateList.map((c) => [c.name, c.rank, c.band, c.eligible, c.selected])).toEqual([
      ['清城区甲工作坊', 1, 'excellent', true, true],
      ['清城区乙工作坊', 2, 'excellent', true, true],
      ['清城区丙工作坊', 3, 'good', false, false],
    ]);
  });

  it('a 良好 candidate cannot be selected under 优秀 only, even with a reason and within the maximum', async () => {
    const r = await req('PUT', `/evaluation/selections/${sel.id}/decisions`, 'qingcheng', {
      decisions: [
        { candidateId: byName(sel, '乙')?.id, selected: false, reason: '让位' },
        { candidateId: byName(sel, '丙')?.id, selected: true, reason: '工作坊成效突出' },
      ],
    });
    expect(r.statusCode).toBe(400);
    expect(errorOf(r).details).toMatchObject({ ruleId: 'R3-G18', problems: [{ code: 'NOT_ELIGIBLE' }] });
    expect(errorOf(r).message).toContain('清城区丙工作坊（良好）');
  });

  it('优秀 and 良好, at most 2: the third is refused with the numbers; a swap with reasons keeps exactly 2', async () => {
    const r = await create({
      category: 'excellent_workshop',
      campaignId: campaign.id,
      eligibleBands: ['excellent', 'good'],
      maxAwards: 2,
    });
    const d = r.json() as SelectionDetail;
    expect(byName(d, '丙')).toMatchObject({ eligible: true, selected: false });
    const third = await req('PUT', `/evaluation/selections/${d.id}/decisions`, 'qingcheng', {
      decisions: [{ candidateId: byName(d, '丙')?.id, selected: true, reason: '示范作用明显' }],
    });
    expect(third.statusCode).toBe(400);
    expect(errorOf(third).details).toMatchObject({
      ruleId: 'R3-G18',
      maxAwards: 2,
      problems: [{ code: 'OVER_MAXIMUM', maxAwards: 2, selected: 3 }],
    });
    // departing from the pre-check without a reason is refused
    const bare = await req('PUT', `/evaluation/selections/${d.id}/decisions`, 'qingcheng', {
      decisions: [{ candidateId: byName(d, '乙')?.id, selected: false }],
    });
    expect(bare.statusCode).toBe(400);
    expect(errorOf(bare).details).toMatchObject({ field: 'reason', ruleId: 'R3-G18' });
    const swap = await req('PUT', `/evaluation/selections/${d.id}/decisions`, 'qingcheng', {
      decisions: [
        { candidateId: byName(d, '乙')?.id, selected: false, reason: '年内活动记录不全' },
        { candidateId: byName(d, '丙')?.id, selected: true, reason: '示范作用明显' },
      ],
    });
    expect(swap.statusCode).toBe(200);
    expect((swap.json() as SelectionDetail).selected).toBe(2);
  });

  it('another county reads the selection exactly like an unknown id', async () => {
    const foreign = await req('GET', `/evaluation/selections/${sel.id}`, 'yingde');
    const unknown = await req('GET', '/evaluation/selections/99999999', 'yingde');
    expect(foreign.statusCode).toBe(404);
    expect(errorOf(foreign)).toEqual(errorOf(unknown));
    const list = (await req('GET', '/evaluation/selections', 'yingde')).json() as unknown[];
    expect(list).toEqual([]);
  });

  it('R3-W15: the 进修学校 may not publish a title-bearing selection; the bureau publishes: certificates with unique codes', async () => {
    const denied = await req('POST', `/evaluation/selections/${sel.id}/publish`, 'tdc');
    expect(denied.statusCode).toBe(403);
    expect(errorOf(denied).details).toMatchObject({ ruleId: 'R3-W15' });
    const r = await req('POST', `/evaluation/selections/${sel.id}/publish`, 'qingcheng');
    expect(r.statusCode).toBe(200);
    const d = r.json() as SelectionDetail;
    expect(d.status).toBe('published');
    expect(d.honours.map((x) => [x.holderName, x.title])).toEqual([
      ['清城区甲工作坊', '2026年度优秀工作坊'],
      ['清城区乙工作坊', '2026年度优秀工作坊'],
    ]);
    expect(new Set(d.honours.map((x) => x.code)).size).toBe(2);
    expect(new Set(d.honours.map((x) => x.certificateNo)).size).toBe(2);
    expect(d.honours[0]?.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    const again = await req('PUT', `/evaluation/selections/${sel.id}/decisions`, 'qingcheng', {
      decisions: [{ candidateId: byName(d, '乙')?.id, selected: true }],
    });
    expect(again.statusCode).toBe(409);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'evaluation_selection')
      .where('entity_id', '=', sel.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'evaluation.selection.create',
      'evaluation.selection.publish',
    ]);
    sel = d;
  });

  it('the public page verifies a certificate of honour by its code (a unit shown by name)', async () => {
    const code = sel.honours[0]?.code ?? '';
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/public/verify/${code}` });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      kind: 'honour',
      status: 'valid',
      holder: '清城区甲工作坊',
      title: '2026年度优秀工作坊',
      certificateNo: sel.honours[0]?.certificateNo,
    });
  });

  it('the certificate downloads as a PDF, and every certificate as a zip', async () => {
    const pdf = await req(
      'GET',
      `/evaluation/selections/${sel.id}/honours/${sel.honours[0]?.id}/certificate.pdf`,
      'qingcheng',
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const zip = await req('GET', `/evaluation/selections/${sel.id}/certificates.zip`, 'qingcheng');
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['x-certificate-count']).toBe('2');
    expect(
      (
        await req(
          'GET',
          `/evaluation/selections/${sel.id}/honours/${sel.honours[0]?.id}/certificate.pdf`,
          'yingde',
        )
      ).statusCode,
    ).toBe(404);
  });

  it('R3-W15: the title lands in the communities module (source selection) and offers the member for backbone', async () => {
    const titles = await h.db
      .selectFrom('community_titles')
      .select(['community_id', 'year', 'source'])
      .orderBy('community_id')
      .execute();
    expect(titles).toEqual([
      { community_id: ws.甲, year: 2026, source: 'selection' },
      { community_id: ws.乙, year: 2026, source: 'selection' },
    ]);
    const w = (await req('GET', `/communities/${ws.甲}`, 'qingcheng')).json() as CommunityDetail;
    expect(w.titles).toEqual([{ year: 2026, source: 'selection' }]);
    expect(w.backbone?.find((b) => b.teacherId === member)?.rule).toBe('R3-W15');
  });
});

describe('R3-S06, R3-S08: 先进个人 by nomination with a reason', () => {
  let sel: SelectionDetail;

  it('is not drawn from a campaign; a teacher outside the subtree is refused; a member is nominated', async () => {
    const withCampaign = await create({ category: 'advanced_individual', campaignId: campaign.id });
    expect(withCampaign.statusCode).toBe(400);
    expect(errorOf(withCampaign).details).toMatchObject({ ruleId: 'R3-S06' });
    const r = await create({ category: 'advanced_individual', maxAwards: 1 });
    expect(r.statusCode).toBe(201);
    sel = r.json() as SelectionDetail;
    const outside = await req('POST', `/evaluation/selections/${sel.id}/nominations`, 'qingcheng', {
      teacherId: other,
      reason: '教学业绩突出',
    });
    expect(outside.statusCode).toBe(400);
    expect(errorOf(outside).details).toMatchObject({ ruleId: 'R3-S06' });
    const ok = await req('POST', `/evaluation/selections/${sel.id}/nominations`, 'qingcheng', {
      teacherId: member,
      reason: '带领学科组研修成效显著，示范作用明显',
    });
    expect(ok.statusCode).toBe(201);
    expect((ok.json() as SelectionDetail).candidateList).toMatchObject([
      { holderKind: 'teacher', holderId: member, name: '坊员满两年', selected: true },
    ]);
    // at most 1: a second nominee is refused with the numbers
    const second = (await buildTeacher(h.db, await schoolIn(h.db, '清城', 1), { name: '第二位' })).id;
    const over = await req('POST', `/evaluation/selections/${sel.id}/nominations`, 'qingcheng', {
      teacherId: second,
      reason: '教学业绩突出',
    });
    expect(over.statusCode).toBe(400);
    expect(errorOf(over).details).toMatchObject({ problems: [{ code: 'OVER_MAXIMUM', maxAwards: 1 }] });
    const pub = await req('POST', `/evaluation/selections/${sel.id}/publish`, 'tdc');
    expect(pub.statusCode).toBe(200);
    const code = (pub.json() as SelectionDetail).honours[0]?.code ?? '';
    const v = await t.app.inject({ method: 'GET', url: `/api/v1/public/verify/${code}` });
    expect(v.json()).toMatchObject({ kind: 'honour', holder: '坊***年', title: '2026年度校本研修先进个人' });
  });

  it("the teacher's growth archive shows the honour and the workshop's", async () => {
    const r = await req('GET', `/teachers/${member}/archive`, 'qingcheng');
    expect(r.statusCode).toBe(200);
    const a = r.json() as TeacherArchive;
    expect(a.honours.map((x) => [x.title, x.level, x.awardedOn])).toEqual(
      expect.arrayContaining([
        ['2026年度校本研修先进个人', '县级', '2026-12-07'],
        ['2026年度优秀工作坊（所在清城区甲工作坊）', '县级', '2026-12-07'],
      ]),
    );
    expect(a.honours).toHaveLength(2);
  });
});
