/**
 * 帮扶结对 through HTTP, the officer's review and correction: per-county statistics of a school year (active pairings
 * on both sides of from–to, activities on both sides of 31 Aug / 1 Sep, flagged as the list flags them under
 * R3-B05/R3-B06, every county of a city with or without pairings), and deleting a pairing entered in error (gone
 * with its partners and audited; refused with the reason once an activity is recorded; out of scope reads like an
 * unknown id).
 */
import type { PairingDetail, PairingList, PairingStats } from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import {
  buildAccount,
  buildOrgUnder,
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
import type { OrgRow } from '../org';

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
const qc: OrgRow[] = [];
const yd: OrgRow[] = [];
const nowMs = Date.parse('2026-11-20T10:00:00+08:00');

const { req } = apiClient(() => t, s);

async function pairing(
  who: string,
  kind: 'dev_school' | 'demo_school',
  lead: OrgRow,
  partners: OrgRow[],
  fromYear: string,
  toYear: string,
): Promise<string> {
  const r = await req('POST', '/pairings', who, {
    kind,
    leadId: lead.id,
    partnerIds: partners.map((p) => p.id),
    fromYear,
    toYear,
  });
  expect(r.statusCode).toBe(201);
  return (r.json() as PairingDetail).id;
}

async function activity(id: string, heldOn: string, participants: number): Promise<void> {
  const r = await req('POST', `/pairings/${id}/activities`, 'tdc', {
    heldOn,
    title: `结对活动 ${heldOn}`,
    place: '报告厅',
    participants,
  });
  expect(r.statusCode).toBe(201);
}

const stats = async (who: string, year?: string) => {
  const r = await req('GET', `/pairings/stats${year ? `?schoolYear=${year}` : ''}`, who);
  expect(r.statusCode).toBe(200);
  return r.json() as PairingStats;
};

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 600);
  t = await buildTestApp(h.db, () => new Date(nowMs));
  const qcCounty = await orgByName(h.db, 'county', '清城');
  const ydCounty = await orgByName(h.db, 'county', '英德');
  for (let i = 0; i < 2; i++) qc.push(await schoolIn(h.db, '清城', i));
  for (let i = 2; i < 6; i++) qc.push(await buildOrgUnder(h.db, qcCounty, `清城统计学校${i}`));
  yd.push(await schoolIn(h.db, '英德', 0));
  for (let i = 1; i < 3; i++) yd.push(await buildOrgUnder(h.db, ydCounty, `英德统计学校${i}`));
  await buildAccount(h.db, 'qc_school', 'school_admin', qc[0] as OrgRow);
  await buildAccount(h.db, 'yd_school', 'school_admin', yd[0] as OrgRow);
  const teacher = await buildTeacher(h.db, qc[1] as OrgRow, { name: '统计教师' });
  await buildAccount(h.db, 'qc_teacher', 'teacher', qc[1] as OrgRow, teacher.id);
  // qingcheng, tdc (清城), yingde (英德) and city (清远市) are the seed's accounts
  for (const u of ['qingcheng', 'tdc', 'yingde', 'city', 'qc_school', 'yd_school', 'qc_teacher'])
    s[u] = await login(t.app, u);
}, 180_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('各县统计 GET /pairings/stats', () => {
  const ids = { a: '', b: '', c: '', d: '' };
  beforeAll(async () => {
    const [s0, s1, s2, s3, s4, s5] = qc as [OrgRow, OrgRow, OrgRow, OrgRow, OrgRow, OrgRow];
    // a: two school years, an activity on each side of the boundary
    ids.a = await pairing('tdc', 'dev_school', s0, [s1, s2], '2025-2026', '2026-2027');
    await activity(ids.a, '2026-08-31', 10);
    await activity(ids.a, '2026-09-01', 20);
    // b: this year only, four schools (R3-B06 flagged), no activity
    ids.b = await pairing('tdc', 'demo_school', s3, [s1, s2, s4, s5], '2026-2027', '2026-2027');
    // c: ended the year before
    ids.c = await pairing('tdc', 'dev_school', s4, [s5], '2024-2025', '2025-2026');
    await activity(ids.c, '2025-10-10', 7);
    // d: this year, no school (R3-B05 flagged), no activity
    ids.d = await pairing('tdc', 'dev_school', s5, [], '2026-2027', '2027-2028');
  });

  it('the county officer sees only its county; the default year is this school year (Asia/Shanghai)', async () => {
    const st = await stats('qingcheng');
    expect(st).toMatchObject({ schoolYear: '2026-2027', from: '2026-09-01', to: '2027-08-31' });
    expect(st.rows).toHaveLength(1);
    expect(st.rows[0]?.name).toContain('清城');
    expect((await stats('tdc')).rows.map((r) => r.regionId)).toEqual(st.rows.map((r) => r.regionId));
  });

  it('R3-B05 / R3-B06: 2026-2027 counts the active pairings (not the one ended in 2025-2026), the 1 Sep activity, the flagged and the idle', async () => {
    const st = await stats('qingcheng', '2026-2027');
    const counts = {
      active: { dev_school: 2, demo_school: 1, studio_workshop: 0, total: 3 },
      partnersHelped: 4,
      flagged: 2,
      activities: 1,
      participants: 20,
      idle: 2,
    };
    expect(st.rows[0]).toMatchObject(counts);
    expect(st.total).toEqual(counts);
  });

  it('2025-2026 counts the pairing that ended then and the 31 Aug activity, nothing of 2026-2027 alone', async () => {
    const st = await stats('qingcheng', '2025-2026');
    expect(st).toMatchObject({ from: '2025-09-01', to: '2026-08-31' });
    expect(st.total).toEqual({
      active: { dev_school: 2, demo_school: 0, studio_workshop: 0, total: 2 },
      partnersHelped: 3,
      flagged: 0,
      activities: 2,
      participants: 17,
      idle: 0,
    });
  });

  it('R3-B05 / R3-B06: the flagged count is the number of active pairings the list shows with findings', async () => {
    const list = (await req('GET', '/pairings', 'qingcheng')).json() as PairingList;
    const flagged = list.items.filter(
      (p) => p.fromYear <= '2026-2027' && p.toYear >= '2026-2027' && p.findings.length > 0,
    );
    expect(flagged.map((p) => p.findings[0]?.rule).sort()).toEqual(['R3-B05', 'R3-B06']);
    expect((await stats('qingcheng', '2026-2027')).total.flagged).toBe(flagged.length);
  });

  it('a city officer sees every county below it, those with no pairing at zero, and the total', async () => {
    const city = await orgByName(h.db, 'city', '清远');
    const counties = await h.db
      .selectFrom('orgs')
      .select(['id', 'name'])
      .where('kind', '=', 'county')
      .where('path', 'like', `${city.path}%`)
      .execute();
    expect(counties.length).toBeGreaterThan(2);
    const st = await stats('city', '2026-2027');
    expect(st.rows.map((r) => r.regionId).sort()).toEqual(counties.map((c) => c.id).sort());
    const yingde = st.rows.find((r) => r.name.includes('英德'));
    expect(yingde).toMatchObject({ active: { total: 0 }, activities: 0, flagged: 0, idle: 0 });
    expect(st.total).toMatchObject({ active: { total: 3 }, activities: 1, flagged: 2 });
  });

  it('a school has no county rows; a teacher is refused; no session is 401; a malformed year is 400', async () => {
    const school = await stats('qc_school', '2026-2027');
    expect(school.rows).toEqual([]);
    expect(school.total.active.total).toBe(0);
    expect((await req('GET', '/pairings/stats', 'qc_teacher')).statusCode).toBe(403);
    expect((await req('GET', '/pairings/stats')).statusCode).toBe(401);
    expect((await req('GET', '/pairings/stats?schoolYear=2026-2028', 'qingcheng')).statusCode).toBe(400);
  });
});

describe('DELETE /pairings/:id', () => {
  const y = (i: number) => yd[i] as OrgRow;
  it('the manager deletes a pairing entered in error: it is gone with its partners and the audit says what it was', async () => {
    const id = await pairing('yingde', 'dev_school', y(0), [y(1), y(2)], '2026-2027', '2026-2027');
    const r = await req('DELETE', `/pairings/${id}`, 'yingde');
    expect(r.statusCode).toBe(204);
    expect((await req('GET', `/pairings/${id}`, 'yingde')).statusCode).toBe(404);
    expect(await h.db.selectFrom('pairings').select('id').where('id', '=', id).execute()).toEqual([]);
    expect(
      await h.db.selectFrom('pairing_partners').select('partner_id').where('pairing_id', '=', id).execute(),
    ).toEqual([]);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity', '=', 'pairing')
      .where('entity_id', '=', id)
      .where('action', '=', 'pairing.delete')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      kind: 'dev_school',
      leadId: y(0).id,
      fromYear: '2026-2027',
      toYear: '2026-2027',
    });
    const gone = (audit.details as { partnerIds: string[] }).partnerIds;
    expect([...gone].sort()).toEqual([y(1).id, y(2).id].sort());
  });

  it('refused with 409 and the reason once an activity is recorded; nothing changes', async () => {
    const id = await pairing('yingde', 'demo_school', y(1), [y(2)], '2026-2027', '2027-2028');
    const held = await req('POST', `/pairings/${id}/activities`, 'yingde', {
      heldOn: '2026-11-02',
      title: '示范课',
      place: '英德',
      participants: 12,
    });
    expect(held.statusCode).toBe(201);
    const r = await req('DELETE', `/pairings/${id}`, 'yingde');
    expect(r.statusCode).toBe(409);
    expect(errorOf(r)).toMatchObject({
      code: 'CONFLICT',
      message: '已记录 1 次结对活动，不能删除；帮扶结束请把结束学年改为本学年',
      details: { activityCount: 1 },
    });
    const still = (await req('GET', `/pairings/${id}`, 'yingde')).json() as PairingDetail;
    expect(still).toMatchObject({ activityCount: 1, partners: [expect.objectContaining({ id: y(2).id })] });
    const deletes = await h.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_id', '=', id)
      .where('action', '=', 'pairing.delete')
      .execute();
    expect(deletes).toEqual([]);
  });

  it('another county’s pairing reads exactly like an unknown id; a partner outside the scope too', async () => {
    const id = await pairing('yingde', 'dev_school', y(2), [y(0)], '2027-2028', '2027-2028');
    const unknown = await req('DELETE', '/pairings/999999999', 'qingcheng');
    const theirs = await req('DELETE', `/pairings/${id}`, 'qingcheng');
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(theirs)).toEqual(errorOf(unknown));
    expect(errorOf(await req('DELETE', '/pairings/abc', 'qingcheng'))).toEqual(errorOf(unknown));
    // the city pairs a 清城 school with an 英德 one: 清城 reads it (its lead) but may not delete what it does not
    // wholly manage
    const cross = await pairing('city', 'dev_school', qc[2] as OrgRow, [y(0)], '2027-2028', '2027-2028');
    expect((await req('GET', `/pairings/${cross}`, 'qingcheng')).statusCode).toBe(200);
    expect(errorOf(await req('DELETE', `/pairings/${cross}`, 'qingcheng'))).toEqual(errorOf(unknown));
    expect((await req('DELETE', `/pairings/${cross}`, 'city')).statusCode).toBe(204);
    expect((await req('GET', `/pairings/${id}`, 'yingde')).statusCode).toBe(200);
  });

  it('a school (pairing.read, no manage) is refused alike for its own pairing, another county’s and an unknown id', async () => {
    const own = await pairing(
      'qingcheng',
      'dev_school',
      qc[0] as OrgRow,
      [qc[1] as OrgRow],
      '2028-2029',
      '2028-2029',
    );
    const foreign = (
      await h.db
        .selectFrom('pairings')
        .select('id')
        .where('county_id', '=', y(0).county_id ?? '')
        .executeTakeFirstOrThrow()
    ).id;
    const answers = await Promise.all(
      [own, foreign, '999999999'].map((id) => req('DELETE', `/pairings/${id}`, 'qc_school')),
    );
    expect(answers.map((r) => r.statusCode)).toEqual([403, 403, 403]);
    expect(new Set(answers.map((r) => JSON.stringify(errorOf(r)))).size).toBe(1);
    expect((await req('GET', `/pairings/${own}`, 'qc_school')).statusCode).toBe(200);
    expect((await req('DELETE', `/pairings/${own}`)).statusCode).toBe(401);
  });
});
