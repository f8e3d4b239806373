/**
 * R3-W15 through HTTP: the bureau records a workshop's 优秀工作坊 title of a year; the members who completed the
 * registration's two-year cycle are offered for backbone recommendation the day after it ends (not on its last day),
 * on the workshop page and in the teacher's 我的工作室; an applicant and a member who joined later are not; a
 * studio holds 优秀工作室 instead (R3-G18), which offers nobody for backbone; another county reads the workshop like
 * an unknown id.
 */
import type { CommunityDetail, MyCommunity } from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import {
  buildAccount,
  buildTeacher,
  buildTestApp,
  login,
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
const USERS = ['qingcheng', 'tdc', 'yingde', 'b_member', 'b_late'];
const at = async (local: string) => {
  nowMs = Date.parse(`${local}+08:00`);
  if (t) for (const u of USERS) s[u] = await login(t.app, u);
};
const { req } = apiClient(() => t, s);

let workshop = '';
let studio = '';
let host = '';
let member = '';
let applicant = '';
let late = '';

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 1000);
  await at('2024-09-20T10:00:00');
  t = await buildTestApp(h.db, () => new Date(nowMs));
  const s0 = await schoolIn(h.db, '清城', 0);
  const s1 = await schoolIn(h.db, '清城', 1);
  host = (await buildTeacher(h.db, s0, { name: '坊主骨干' })).id;
  member = (await buildTeacher(h.db, s1, { name: '满两年' })).id;
  applicant = (await buildTeacher(h.db, s1, { name: '申报者' })).id;
  late = (await buildTeacher(h.db, s1, { name: '后加入' })).id;
  await buildAccount(h.db, 'b_member', 'teacher', s1, member);
  await buildAccount(h.db, 'b_late', 'teacher', s1, late);
  for (const u of USERS) s[u] = await login(t.app, u);
  const w = await req('POST', '/communities', 'qingcheng', {
    kind: 'workshop',
    workshopClass: 'class_2',
    level: 'county',
    name: '清城区骨干培育工作坊',
    hostTeacherId: host,
  });
  workshop = (w.json() as CommunityDetail).id;
  const roster = await req('POST', `/communities/${workshop}/roster`, 'qingcheng', {
    reason: '组建',
    add: [
      { teacherId: member, role: 'formal' },
      { teacherId: applicant, role: 'applicant' },
    ],
  });
  expect(roster.statusCode).toBe(200);
  const st = await req('POST', '/communities', 'qingcheng', {
    kind: 'master_teacher_studio',
    level: 'county',
    name: '清城区名师工作室',
    hostTeacherId: host,
  });
  studio = (st.json() as CommunityDetail).id;
  await at('2025-03-02T10:00:00');
  const lateJoin = await req('POST', `/communities/${workshop}/roster`, 'qingcheng', {
    reason: '学年中调整',
    add: [{ teacherId: late, role: 'formal' }],
  });
  expect(lateJoin.statusCode).toBe(200);
  // the registration of the 2024-2025 cycle, dated the day of the first roster (the composition rules are the registry tests'; here only its dates)
  await h.db
    .insertInto('community_registrations')
    .values({
      county_id: await countyOf(workshop),
      community_id: workshop,
      registered_on: '2024-09-20',
      first_school_year: '2024-2025',
      registered_by: null,
    })
    .execute();
}, 180_000);

async function countyOf(id: string): Promise<string> {
  const r = await h.db
    .selectFrom('communities')
    .select('county_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return r.county_id;
}

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

const detail = async (who = 'qingcheng') =>
  (await req('GET', `/communities/${workshop}`, who)).json() as CommunityDetail;

describe('R3-W15: 优秀工作坊 and backbone candidates', () => {
  it('R3-W15: titled for 2025, nobody is offered on the cycle’s last day (2026-08-31)', async () => {
    await at('2026-08-31T10:00:00');
    const r = await req('POST', `/communities/${workshop}/titles`, 'qingcheng', {
      year: 2025,
      awarded: true,
    });
    expect(r.statusCode).toBe(200);
    const d = r.json() as CommunityDetail;
    expect(d.titles).toEqual([{ year: 2025, source: 'bureau' }]);
    expect(d.canTitle).toBe(true);
    expect(d.backbone).toEqual([]);
  });

  it('R3-W15: the day after, the host and the member who stayed the cycle are offered; not the applicant nor the late joiner', async () => {
    await at('2026-09-01T10:00:00');
    const d = await detail();
    expect(d.backbone?.map((b) => b.name).sort()).toEqual(['坊主骨干', '满两年'].sort());
    const b = d.backbone?.find((x) => x.teacherId === member);
    expect(b).toMatchObject({ rule: 'R3-W15', schoolYears: ['2024-2025', '2025-2026'], titleYears: [2025] });
    expect(b?.message).not.toContain('R3-');
    expect(d.backbone?.some((x) => x.teacherId === applicant || x.teacherId === late)).toBe(false);
  });

  it('R3-W15: the teacher sees the offer in 我的工作室; the late joiner does not', async () => {
    const mine = (await req('GET', '/me/communities', 'b_member')).json() as MyCommunity[];
    expect(mine.find((m) => m.id === workshop)?.backbone?.titleYears).toEqual([2025]);
    const theirs = (await req('GET', '/me/communities', 'b_late')).json() as MyCommunity[];
    expect(theirs.find((m) => m.id === workshop)?.backbone).toBeNull();
  });

  it('R3-W15: a title of a year outside the cycle (2027 is after this year; 2023 before the cycle) offers nobody', async () => {
    const future = await req('POST', `/communities/${workshop}/titles`, 'qingcheng', {
      year: 2027,
      awarded: true,
    });
    expect(errorOf(future)).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'year' } });
    await req('POST', `/communities/${workshop}/titles`, 'qingcheng', { year: 2025, awarded: false });
    const d = (
      await req('POST', `/communities/${workshop}/titles`, 'qingcheng', { year: 2023, awarded: true })
    ).json() as CommunityDetail;
    expect(d.titles).toEqual([{ year: 2023, source: 'bureau' }]);
    expect(d.backbone).toEqual([]);
  });

  it('R3-G18, R3-W15: a studio holds 优秀工作室, which offers no member for backbone; the workshop keeps its own', async () => {
    const st = await req('POST', `/communities/${studio}/titles`, 'qingcheng', { year: 2025, awarded: true });
    expect(st.statusCode).toBe(200);
    const d = st.json() as CommunityDetail;
    expect(d).toMatchObject({ kind: 'master_teacher_studio', titles: [{ year: 2025, source: 'bureau' }] });
    expect(d.backbone).toEqual([]);
    const rows = await h.db
      .selectFrom('community_titles')
      .select(['community_id', 'title'])
      .where('community_id', '=', studio)
      .execute();
    expect(rows).toEqual([{ community_id: studio, title: 'excellent_studio' }]);
    expect((await detail()).titles).toEqual([{ year: 2023, source: 'bureau' }]);
  });

  it('the 进修学校 may not record a title; another county reads not found', async () => {
    expect(
      (await req('POST', `/communities/${workshop}/titles`, 'tdc', { year: 2025, awarded: true })).statusCode,
    ).toBe(403);
    const unknown = await req('POST', '/communities/999999999/titles', 'yingde', {
      year: 2025,
      awarded: true,
    });
    const theirs = await req('POST', `/communities/${workshop}/titles`, 'yingde', {
      year: 2025,
      awarded: true,
    });
    expect(theirs.statusCode).toBe(404);
    expect(errorOf(theirs)).toEqual(errorOf(unknown));
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', workshop)
      .where('action', '=', 'community.title')
      .execute();
    expect(audit.length).toBe(3);
    const studioAudit = await h.db
      .selectFrom('audit_log')
      .select('details')
      .where('entity_id', '=', studio)
      .where('action', '=', 'community.title')
      .executeTakeFirstOrThrow();
    expect(studioAudit.details).toMatchObject({ title: 'excellent_studio', changed: true, ruleId: 'R3-G18' });
  });
});
