/**
 * 优秀工作室 titles and revoking a certificate of honour through HTTP (R3-G18, R3-W15, R3-S06, R3-S08,
 * Y-EVAL-HONOUR-REVOKE). 清城's bureau runs a campaign over two studios and one over a workshop: a published
 * 优秀工作室 selection records each studio's title by year in the communities module, shown on the studio page, and
 * a studio's title offers nobody for backbone while the workshop's offers its members (R3-W15 stays workshop-only).
 * Revoking: the owner only (another county reads 404 like an unknown id, a school admin without evaluation.manage
 * is refused 403 for any id, the 进修学校 may not remove a title), a reason of 2–500 characters, then the public page
 * answers 已撤销 with the day and not the reason, the PDF is refused (409) and left out of the zip, the growth archive
 * leaves the honour out, the title the selection recorded is removed (one the bureau recorded by hand stays), a
 * second revocation is refused with the day, and each step is audited.
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
const USERS = ['qingcheng', 'tdc', 'yingde', 'expert', 'school'];
const at = async (local: string) => {
  nowMs = Date.parse(`${local}+08:00`);
  if (t) for (const u of USERS) s[u] = await login(t.app, u);
};
const { req } = apiClient(() => t, s);
const verify = (code: string) => t.app.inject({ method: 'GET', url: `/api/v1/public/verify/${code}` });

/** communities by name: 甲室 and 乙室 are studios, 丙坊 a workshop */
const cs: Record<string, string> = {};
let member = '';
const campaigns: Record<'studio' | 'workshop', CampaignDetail | undefined> = {
  studio: undefined,
  workshop: undefined,
};

async function countyOf(id: string): Promise<string> {
  const r = await h.db
    .selectFrom('communities')
    .select('county_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return r.county_id;
}

/** A campaign of 2026 over these communities, scored in full by the expert, left in appeal. */
async function scoredCampaign(kind: 'studio' | 'workshop', subjects: string[]): Promise<CampaignDetail> {
  const c = await req('POST', '/evaluation/campaigns', 'qingcheng', {
    ownerOrgId: (await orgByName(h.db, 'county', '清城')).id,
    name: `2026 年度${kind === 'studio' ? '名师工作室' : '教师工作坊'}考核`,
    year: 2026,
    subjectKind: kind,
    rubricRef: 'builtin:C',
    normalisation: 'scale_to_100',
    appealDays: 1,
    subjects,
  });
  expect(c.statusCode).toBe(201);
  const d = c.json() as CampaignDetail;
  await req('POST', `/evaluation/campaigns/${d.id}/raters`, 'qingcheng', {
    assignments: d.subjects.map((x) => ({ subjectId: x.id, usernames: ['expert'] })),
  });
  for (const to of ['open', 'scoring'])
    expect((await req('POST', `/evaluation/campaigns/${d.id}/advance`, 'qingcheng', { to })).statusCode).toBe(
      200,
    );
  for (const x of d.subjects) {
    const units = Object.fromEntries(d.units.map((u) => [u.id, { score: u.max }]));
    expect((await req('PUT', `/evaluation/tasks/${x.id}`, 'expert', { units, vetoes: {} })).statusCode).toBe(
      200,
    );
    expect((await req('POST', `/evaluation/tasks/${x.id}/submit`, 'expert')).statusCode).toBe(200);
  }
  expect(
    (await req('POST', `/evaluation/campaigns/${d.id}/advance`, 'qingcheng', { to: 'appeal' })).statusCode,
  ).toBe(200);
  return d;
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 1000);
  await at('2024-09-20T10:00:00');
  t = await buildTestApp(h.db, () => new Date(nowMs));
  for (const u of USERS) s[u] = await login(t.app, u);
  const s0 = await schoolIn(h.db, '清城', 0);
  const s1 = await schoolIn(h.db, '清城', 1);
  member = (await buildTeacher(h.db, s1, { name: '室坊双成员' })).id;
  for (const [name, kind] of [
    ['甲室', 'master_teacher_studio'],
    ['乙室', 'master_teacher_studio'],
    ['丙坊', 'workshop'],
  ] as const) {
    const host = (await buildTeacher(h.db, s0, { name: `主持${name}` })).id;
    const r = await req('POST', '/communities', 'qingcheng', {
      kind,
      ...(kind === 'workshop' ? { workshopClass: 'class_2' } : {}),
      level: 'county',
      name: `清城区${name}`,
      hostTeacherId: host,
    });
    expect(r.statusCode).toBe(201);
    const id = (r.json() as CommunityDetail).id;
    cs[name] = id;
    if (name !== '乙室') {
      const roster = await req('POST', `/communities/${id}/roster`, 'qingcheng', {
        reason: '组建',
        add: [{ teacherId: member, role: 'formal' }],
      });
      expect(roster.statusCode).toBe(200);
      // the 2024-2025 registration: its two-year cycle ends 2026-08-31, before the December selection
      await h.db
        .insertInto('community_registrations')
        .values({
          county_id: await countyOf(id),
          community_id: id,
          registered_on: '2024-09-20',
          first_school_year: '2024-2025',
          registered_by: null,
        })
        .execute();
    }
  }
  await at('2026-12-01T10:00:00');
  // 乙室's title of 2026 recorded by the bureau by hand before the selection
  expect(
    (await req('POST', `/communities/${cs.乙室}/titles`, 'qingcheng', { year: 2026, awarded: true }))
      .statusCode,
  ).toBe(200);
  campaigns.studio = await scoredCampaign('studio', [cs.甲室 ?? '', cs.乙室 ?? '']);
  campaigns.workshop = await scoredCampaign('workshop', [cs.丙坊 ?? '']);
  await at('2026-12-07T10:00:00');
  for (const c of Object.values(campaigns))
    expect(
      (await req('POST', `/evaluation/campaigns/${c?.id}/advance`, 'qingcheng', { to: 'published' }))
        .statusCode,
    ).toBe(200);
}, 300_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

const qcId = async () => (await orgByName(h.db, 'county', '清城')).id;
async function published(body: Record<string, unknown>, nominate?: string): Promise<SelectionDetail> {
  const r = await req('POST', '/evaluation/selections', 'qingcheng', {
    ownerOrgId: await qcId(),
    year: 2026,
    ...body,
  });
  expect(r.statusCode).toBe(201);
  const d = r.json() as SelectionDetail;
  if (nominate)
    expect(
      (
        await req('POST', `/evaluation/selections/${d.id}/nominations`, 'qingcheng', {
          teacherId: nominate,
          reason: '带领学科组研修成效显著',
        })
      ).statusCode,
    ).toBe(201);
  const p = await req('POST', `/evaluation/selections/${d.id}/publish`, 'qingcheng');
  expect(p.statusCode).toBe(200);
  return p.json() as SelectionDetail;
}
const community = async (name: string) =>
  (await req('GET', `/communities/${cs[name]}`, 'qingcheng')).json() as CommunityDetail;
const titleRows = () =>
  h.db
    .selectFrom('community_titles')
    .select(['community_id', 'year', 'title', 'source'])
    .orderBy('community_id')
    .execute();
const revoke = (d: SelectionDetail, honourId: string | undefined, who: string, reason?: unknown) =>
  req(
    'POST',
    `/evaluation/selections/${d.id}/honours/${honourId}/revoke`,
    who,
    reason === undefined ? {} : { reason },
  );
const honourOf = (d: SelectionDetail, name: string) => d.honours.find((x) => x.holderName.includes(name));

let studios: SelectionDetail;
let workshops: SelectionDetail;
let individuals: SelectionDetail;

describe('R3-G18: a published 优秀工作室 selection records each studio’s title by year', () => {
  it('the 进修学校 may not publish it (community.title, R3-G18); the bureau does: both studios titled', async () => {
    const r = await req('POST', '/evaluation/selections', 'qingcheng', {
      ownerOrgId: await qcId(),
      year: 2026,
      category: 'excellent_studio',
      campaignId: campaigns.studio?.id,
    });
    const draft = r.json() as SelectionDetail;
    const denied = await req('POST', `/evaluation/selections/${draft.id}/publish`, 'tdc');
    expect(denied.statusCode).toBe(403);
    expect(errorOf(denied).details).toMatchObject({ permission: 'community.title', ruleId: 'R3-G18' });
    const p = await req('POST', `/evaluation/selections/${draft.id}/publish`, 'qingcheng');
    expect(p.statusCode).toBe(200);
    studios = p.json() as SelectionDetail;
    expect(studios.honours.map((x) => [x.holderName, x.title, x.revokedAt]).sort()).toEqual([
      ['清城区乙室', '2026年度优秀工作室', null],
      ['清城区甲室', '2026年度优秀工作室', null],
    ]);
    // 甲室's is the selection's; 乙室's stays the bureau's (a selection does not take over a hand-recorded title)
    expect((await titleRows()).filter((x) => x.title === 'excellent_studio')).toEqual([
      { community_id: cs.甲室, year: 2026, title: 'excellent_studio', source: 'selection' },
      { community_id: cs.乙室, year: 2026, title: 'excellent_studio', source: 'bureau' },
    ]);
  });

  it('R3-G18: the studio page shows the title; R3-W15: a studio’s title offers no member for backbone', async () => {
    const d = await community('甲室');
    expect(d.titles).toEqual([{ year: 2026, source: 'selection' }]);
    expect(d.backbone).toEqual([]);
    expect(d.canTitle).toBe(true);
    expect((await community('乙室')).titles).toEqual([{ year: 2026, source: 'bureau' }]);
  });

  it('R3-W15: the workshop’s backbone candidates are unaffected by its member’s studio title; its own title offers them', async () => {
    expect((await community('丙坊')).backbone).toEqual([]);
    workshops = await published({ category: 'excellent_workshop', campaignId: campaigns.workshop?.id });
    const w = await community('丙坊');
    expect(w.titles).toEqual([{ year: 2026, source: 'selection' }]);
    expect(w.backbone?.find((b) => b.teacherId === member)).toMatchObject({
      rule: 'R3-W15',
      titleYears: [2026],
    });
  });
});

describe('Y-EVAL-HONOUR-REVOKE: revoking a certificate of honour', () => {
  it('R3-S06, R3-S08: a 先进个人 certificate is issued and shows in the teacher’s growth archive', async () => {
    individuals = await published({ category: 'advanced_individual' }, member);
    const a = (await req('GET', `/teachers/${member}/archive`, 'qingcheng')).json() as TeacherArchive;
    expect(a.honours.map((x) => x.title).sort()).toEqual(
      [
        '2026年度校本研修先进个人',
        '2026年度优秀工作坊（所在清城区丙坊）',
        '2026年度优秀工作室（所在清城区甲室）',
      ].sort(),
    );
  });

  it('the owner only: another county reads 404 like an unknown id; a school admin is refused 403 for any id', async () => {
    const hid = individuals.honours[0]?.id;
    const theirs = await revoke(individuals, hid, 'yingde', '评选有误');
    const unknown = await req('POST', '/evaluation/selections/99999999/honours/1/revoke', 'yingde', {
      reason: '评选有误',
    });
    expect(theirs.statusCode).toBe(404);
    expect(errorOf(theirs)).toEqual(errorOf(unknown));
    const noHonour = await revoke(individuals, '99999999', 'qingcheng', '评选有误');
    expect(noHonour.statusCode).toBe(404);
    const school = await revoke(individuals, hid, 'school', '评选有误');
    const schoolUnknown = await req('POST', '/evaluation/selections/99999999/honours/1/revoke', 'school', {
      reason: '评选有误',
    });
    expect(school.statusCode).toBe(403);
    expect(errorOf(school)).toEqual(errorOf(schoolUnknown));
    const anonymous = await req(
      'POST',
      `/evaluation/selections/${individuals.id}/honours/${hid}/revoke`,
      undefined,
      { reason: '评选有误' },
    );
    expect(anonymous.statusCode).toBe(401);
  });

  it('a reason of 2 to 500 characters is required', async () => {
    const hid = individuals.honours[0]?.id;
    for (const reason of [undefined, ' 错', 'x'.repeat(501)]) {
      const r = await revoke(individuals, hid, 'qingcheng', reason);
      expect(r.statusCode).toBe(400);
      expect(errorOf(r).code).toBe('VALIDATION_FAILED');
    }
  });

  it('revoked: kept on record (who, when, why); the public page says 已撤销 with the day, not the reason', async () => {
    const h0 = individuals.honours[0];
    const r = await revoke(individuals, h0?.id, 'qingcheng', '经核查，该教师不符合先进个人评选条件');
    expect(r.statusCode).toBe(200);
    const d = r.json() as SelectionDetail;
    expect(d.honours[0]).toMatchObject({
      revokedOn: '2026-12-07',
      revokedByName: '清城区教育局',
      revokeReason: '经核查，该教师不符合先进个人评选条件',
    });
    const v = await verify(h0?.code ?? '');
    expect(v.statusCode).toBe(200);
    expect(v.json()).toMatchObject({ kind: 'honour', status: 'revoked', revokedOn: '2026-12-07' });
    expect(v.body).toContain('已于 2026-12-07 由颁发单位撤销');
    expect(v.body).not.toContain('不符合');
  });

  it('the PDF is refused with the day (409) and the zip leaves it out; a second revocation is refused', async () => {
    const h0 = individuals.honours[0];
    const pdf = await req(
      'GET',
      `/evaluation/selections/${individuals.id}/honours/${h0?.id}/certificate.pdf`,
      'qingcheng',
    );
    expect(pdf.statusCode).toBe(409);
    expect(errorOf(pdf)).toMatchObject({
      code: 'CONFLICT',
      details: { revokedOn: '2026-12-07', ruleId: 'Y-EVAL-HONOUR-REVOKE' },
    });
    const zip = await req('GET', `/evaluation/selections/${individuals.id}/certificates.zip`, 'qingcheng');
    expect(zip.statusCode).toBe(409);
    expect(errorOf(zip).message).toContain('均已撤销');
    const again = await revoke(individuals, h0?.id, 'qingcheng', '重复撤销');
    expect(again.statusCode).toBe(409);
    expect(errorOf(again)).toMatchObject({
      details: { ruleId: 'Y-EVAL-HONOUR-REVOKE', revokedOn: '2026-12-07' },
    });
    expect(errorOf(again).message).toContain('已于 2026-12-07 撤销');
  });

  it('the growth archive leaves the revoked honour out', async () => {
    const a = (await req('GET', `/teachers/${member}/archive`, 'qingcheng')).json() as TeacherArchive;
    expect(a.honours.map((x) => x.title)).not.toContain('2026年度校本研修先进个人');
    expect(a.honours).toHaveLength(2);
  });

  it('R3-G18: the 进修学校 may not revoke a studio’s award (its title); the bureau’s revocation removes the selection’s title', async () => {
    const jia = honourOf(studios, '甲室');
    const tdc = await revoke(studios, jia?.id, 'tdc', '评分录入有误');
    expect(tdc.statusCode).toBe(403);
    expect(errorOf(tdc).details).toMatchObject({ permission: 'community.title', ruleId: 'R3-G18' });
    const r = await revoke(studios, jia?.id, 'qingcheng', '评分录入有误，该工作室未达优秀等次');
    expect(r.statusCode).toBe(200);
    expect((await community('甲室')).titles).toEqual([]);
    const zip = await req('GET', `/evaluation/selections/${studios.id}/certificates.zip`, 'qingcheng');
    expect(zip.headers['x-certificate-count']).toBe('1');
  });

  it('a title the bureau recorded by hand stays when the award is revoked', async () => {
    const r = await revoke(studios, honourOf(studios, '乙室')?.id, 'qingcheng', '重复授予，以教育局认定为准');
    expect(r.statusCode).toBe(200);
    expect((await community('乙室')).titles).toEqual([{ year: 2026, source: 'bureau' }]);
  });

  it('R3-W15: a revoked 优秀工作坊 award removes the title and with it the backbone offer', async () => {
    const r = await revoke(workshops, workshops.honours[0]?.id, 'qingcheng', '评选材料不实');
    expect(r.statusCode).toBe(200);
    const w = await community('丙坊');
    expect(w.titles).toEqual([]);
    expect(w.backbone).toEqual([]);
    expect(await titleRows()).toEqual([
      { community_id: cs.乙室, year: 2026, title: 'excellent_studio', source: 'bureau' },
    ]);
    const a = (await req('GET', `/teachers/${member}/archive`, 'qingcheng')).json() as TeacherArchive;
    expect(a.honours).toEqual([]);
  });

  it('every revocation is audited on its selection, and each title removal by the communities module', async () => {
    const rows = await h.db
      .selectFrom('audit_log')
      .select(['entity_id', 'details'])
      .where('action', '=', 'evaluation.honour.revoke')
      .orderBy('id')
      .execute();
    expect(rows.map((x) => [x.entity_id, (x.details as { titleRemoved: boolean }).titleRemoved])).toEqual([
      [individuals.id, false],
      [studios.id, true],
      [studios.id, false],
      [workshops.id, true],
    ]);
    expect(rows[0]?.details).toMatchObject({
      reason: '经核查，该教师不符合先进个人评选条件',
      ruleId: 'Y-EVAL-HONOUR-REVOKE',
    });
    const titles = (
      await h.db
        .selectFrom('audit_log')
        .select(['entity_id', 'details'])
        .where('action', '=', 'community.title')
        .orderBy('id')
        .execute()
    ).filter((x) => (x.details as { awarded: boolean }).awarded === false);
    expect(titles.map((x) => [x.entity_id, (x.details as { changed: boolean }).changed])).toEqual([
      [cs.甲室, true],
      [cs.乙室, false],
      [cs.丙坊, true],
    ]);
  });
});
