/**
 * 帮扶结对 through HTTP: a 教师发展学校 with 0 or 4 schools is kept and flagged (R3-B05, both sides of 1–3), a 示范校
 * likewise (R3-B06); a county studio with a workshop is refused with the reason and a city studio with a town
 * workshop is kept (R3-G20); a school reads the pairings it leads or is helped by; joint activities are recorded,
 * never future-dated; another county's pairing reads exactly like an unknown id.
 */
import type { CommunityDetail, PairingDetail, PairingList } from '@yanxun/contracts';
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
const schools: OrgRow[] = [];
let ydSchool: OrgRow;
let ydSchool2: OrgRow;
const nowMs = Date.parse('2026-11-20T10:00:00+08:00');

const { req } = apiClient(() => t, s);
const sc = (i: number) => schools[i]?.id ?? '';

async function community(level: string, kind: string, name: string, school: OrgRow): Promise<string> {
  const host = (await buildTeacher(h.db, school, { name: `${name.slice(0, 2)}主持` })).id;
  const r = await req('POST', '/communities', 'qingcheng', {
    kind,
    level,
    name,
    hostTeacherId: host,
    ...(kind === 'workshop' ? { workshopClass: 'class_1' } : {}),
  });
  expect(r.statusCode).toBe(201);
  return (r.json() as CommunityDetail).id;
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 1000);
  t = await buildTestApp(h.db, () => new Date(nowMs));
  const county = await orgByName(h.db, 'county', '清城');
  for (let i = 0; i < 2; i++) schools.push(await schoolIn(h.db, '清城', i));
  for (let i = 2; i < 6; i++) schools.push(await buildOrgUnder(h.db, county, `清城结对学校${i}`));
  ydSchool = await schoolIn(h.db, '英德', 0);
  ydSchool2 = await buildOrgUnder(h.db, await orgByName(h.db, 'county', '英德'), '英德结对学校');
  // qingcheng (清城 bureau), tdc (清城's 进修学校) and yingde (英德 bureau) are the seed's accounts
  await buildAccount(h.db, 'lead_school', 'school_admin', schools[0] as OrgRow);
  await buildAccount(h.db, 'helped_school', 'school_admin', schools[1] as OrgRow);
  await buildAccount(h.db, 'other_school', 'school_admin', schools[5] as OrgRow);
  const teacher = await buildTeacher(h.db, schools[1] as OrgRow, { name: '结对教师' });
  await buildAccount(h.db, 'p_teacher', 'teacher', schools[1] as OrgRow, teacher.id);
  for (const u of ['qingcheng', 'tdc', 'yingde', 'lead_school', 'helped_school', 'other_school', 'p_teacher'])
    s[u] = await login(t.app, u);
}, 180_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

let devId = '';

describe('教师发展学校 and 示范校 (R3-B05, R3-B06)', () => {
  it('R3-B05: a dev school with 0 schools is kept and flagged with the numbers; 1 and 3 pass; 4 is flagged', async () => {
    const r = await req('POST', '/pairings', 'tdc', {
      kind: 'dev_school',
      leadId: sc(0),
      partnerIds: [],
      fromYear: '2026-2027',
      toYear: '2027-2028',
    });
    expect(r.statusCode).toBe(201);
    const d = r.json() as PairingDetail;
    devId = d.id;
    expect(d.lead.name).toBe(schools[0]?.name);
    expect(d.findings).toEqual([
      expect.objectContaining({
        code: 'COMM.PAIRED_SCHOOLS',
        rule: 'R3-B05',
        values: { paired: 0, min: 1, max: 3, unit: 'dev_school' },
      }),
    ]);
    expect(d.findings[0]?.message).not.toContain('R3-');
    const put = (partnerIds: string[]) =>
      req('PUT', `/pairings/${devId}`, 'tdc', { partnerIds, fromYear: '2026-2027', toYear: '2027-2028' });
    expect(((await put([sc(1)])).json() as PairingDetail).findings).toEqual([]);
    const three = (await put([sc(1), sc(2), sc(3)])).json() as PairingDetail;
    expect(three.findings).toEqual([]);
    expect(three.partners.map((p) => p.name)).toEqual([schools[1]?.name, '清城结对学校2', '清城结对学校3']);
    const four = (await put([sc(1), sc(2), sc(3), sc(4)])).json() as PairingDetail;
    expect(four.findings.map((f) => [f.rule, f.values.paired])).toEqual([['R3-B05', 4]]);
    // the list shows it flagged, not hidden
    const list = (await req('GET', '/pairings', 'qingcheng')).json() as PairingList;
    expect(list.items.find((p) => p.id === devId)?.findings[0]?.rule).toBe('R3-B05');
    expect((await put([sc(1), sc(2)])).statusCode).toBe(200);
  });

  it('R3-B06: a 示范校 with 4 schools is flagged under its own rule; 3 pass', async () => {
    const r = await req('POST', '/pairings', 'qingcheng', {
      kind: 'demo_school',
      leadId: sc(5),
      partnerIds: [sc(1), sc(2), sc(3), sc(4)],
      fromYear: '2026-2027',
      toYear: '2026-2027',
    });
    expect(r.statusCode).toBe(201);
    const d = r.json() as PairingDetail;
    expect(d.findings.map((f) => [f.rule, f.values.paired, f.values.max])).toEqual([['R3-B06', 4, 3]]);
    const ok = await req('PUT', `/pairings/${d.id}`, 'qingcheng', {
      partnerIds: [sc(1), sc(2), sc(3)],
      fromYear: '2026-2027',
      toYear: '2026-2027',
    });
    expect((ok.json() as PairingDetail).findings).toEqual([]);
  });

  it('R3-B05 live: the check of a dev school with 4 schools returns the finding with the numbers and keeps nothing; 3 pass', async () => {
    const before = await h.db.selectFrom('pairings').select('id').execute();
    const body = (partnerIds: string[]) => ({
      kind: 'dev_school',
      leadId: sc(3),
      partnerIds,
      fromYear: '2027-2028',
      toYear: '2027-2028',
    });
    const four = await req('POST', '/pairings/check', 'tdc', body([sc(1), sc(2), sc(4), sc(5)]));
    expect(four.statusCode).toBe(200);
    expect(four.json()).toEqual({
      findings: [
        expect.objectContaining({
          rule: 'R3-B05',
          values: { paired: 4, min: 1, max: 3, unit: 'dev_school' },
        }),
      ],
    });
    const three = await req('POST', '/pairings/check', 'tdc', body([sc(1), sc(2), sc(4)]));
    expect(three.json()).toEqual({ findings: [] });
    expect(await h.db.selectFrom('pairings').select('id').execute()).toEqual(before);
    // a school may not write pairings, so it has no check either
    expect((await req('POST', '/pairings/check', 'lead_school', body([sc(1)]))).statusCode).toBe(403);
  });

  it('refuses a partner that is the lead itself, a second pairing of the same lead and year, and years out of order', async () => {
    const self = await req('POST', '/pairings', 'tdc', {
      kind: 'dev_school',
      leadId: sc(2),
      partnerIds: [sc(2)],
      fromYear: '2026-2027',
      toYear: '2026-2027',
    });
    expect(errorOf(self)).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'partnerIds' } });
    const again = await req('POST', '/pairings', 'tdc', {
      kind: 'dev_school',
      leadId: sc(0),
      partnerIds: [sc(3)],
      fromYear: '2026-2027',
      toYear: '2026-2027',
    });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again)).toMatchObject({
      message: '该牵头方 2026—2027 学年起已有同类结对，请在原结对中修改',
      details: { field: 'fromYear' },
    });
    const years = await req('POST', '/pairings', 'tdc', {
      kind: 'dev_school',
      leadId: sc(3),
      fromYear: '2027-2028',
      toYear: '2026-2027',
    });
    expect(years.statusCode).toBe(400);
  });
});

describe('scope: the county manages, a school reads its own, another county reads not found', () => {
  it('the lead school and a helped school read the pairing; another school of the county does not see it', async () => {
    const lead = (await req('GET', '/pairings', 'lead_school')).json() as PairingList;
    expect(lead.items.map((p) => p.id)).toContain(devId);
    expect(lead.items.find((p) => p.id === devId)).toMatchObject({ canManage: false, canRecord: true });
    const helped = (await req('GET', '/pairings', 'helped_school')).json() as PairingList;
    expect(helped.items.find((p) => p.id === devId)).toMatchObject({ canManage: false, canRecord: false });
    expect((await req('GET', `/pairings/${devId}`, 'helped_school')).statusCode).toBe(200);
    const other = (await req('GET', '/pairings', 'other_school')).json() as PairingList;
    expect(other.items.map((p) => p.id)).not.toContain(devId);
  });

  it('another county’s pairing reads exactly like an unknown id, for reads and writes', async () => {
    const unknown = await req('GET', '/pairings/999999999', 'yingde');
    const theirs = await req('GET', `/pairings/${devId}`, 'yingde');
    expect(theirs.statusCode).toBe(404);
    expect(errorOf(theirs)).toEqual(errorOf(unknown));
    const put = await req('PUT', `/pairings/${devId}`, 'yingde', {
      partnerIds: [],
      fromYear: '2026-2027',
      toYear: '2026-2027',
    });
    expect(errorOf(put)).toEqual(errorOf(unknown));
    const list = (await req('GET', '/pairings', 'yingde')).json() as PairingList;
    expect(list.items).toEqual([]);
    // a school of another county as a partner, or as the lead, is not known either
    const partner = await req('PUT', `/pairings/${devId}`, 'tdc', {
      partnerIds: [ydSchool.id],
      fromYear: '2026-2027',
      toYear: '2027-2028',
    });
    expect(partner.statusCode).toBe(404);
    const lead = await req('POST', '/pairings', 'tdc', {
      kind: 'dev_school',
      leadId: ydSchool.id,
      partnerIds: [ydSchool2.id],
      fromYear: '2026-2027',
      toYear: '2026-2027',
    });
    expect(lead.statusCode).toBe(404);
  });

  it('a school may not manage; a teacher has no pairing pages; no session is 401', async () => {
    const r = await req('PUT', `/pairings/${devId}`, 'lead_school', {
      partnerIds: [sc(1)],
      fromYear: '2026-2027',
      toYear: '2026-2027',
    });
    expect(r.statusCode).toBe(403);
    expect((await req('GET', '/pairings', 'p_teacher')).statusCode).toBe(403);
    expect((await req('GET', '/pairings')).statusCode).toBe(401);
  });
});

describe('joint activities', () => {
  it('the lead school records an activity held today; tomorrow is refused; the helped school reads it', async () => {
    const today = await req('POST', `/pairings/${devId}/activities`, 'lead_school', {
      heldOn: '2026-11-20',
      title: '同课异构：初中数学',
      place: '清城结对学校2 报告厅',
      participants: 24,
      notes: '两校数学组',
    });
    expect(today.statusCode).toBe(201);
    const d = today.json() as PairingDetail;
    expect(d).toMatchObject({ activityCount: 1, lastActivityOn: '2026-11-20' });
    expect(d.activities[0]).toMatchObject({ title: '同课异构：初中数学', participants: 24 });
    const tomorrow = await req('POST', `/pairings/${devId}/activities`, 'tdc', {
      heldOn: '2026-11-21',
      title: '明天的活动',
      place: '某地',
      participants: 3,
    });
    expect(errorOf(tomorrow)).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'heldOn' } });
    const helped = await req('POST', `/pairings/${devId}/activities`, 'helped_school', {
      heldOn: '2026-11-19',
      title: '受帮扶校自己记录',
      place: '某地',
      participants: 3,
    });
    expect(helped.statusCode).toBe(403);
    const read = (await req('GET', `/pairings/${devId}`, 'helped_school')).json() as PairingDetail;
    expect(read.activities).toHaveLength(1);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'pairing')
      .where('entity_id', '=', devId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['pairing.create', 'pairing.activity']),
    );
  });
});

describe('市名师工作室 + 镇工作坊 (R3-G20)', () => {
  let cityStudio = '';
  let countyStudio = '';
  let townWorkshop = '';
  let countyWorkshop = '';
  beforeAll(async () => {
    cityStudio = await community('city', 'master_teacher_studio', '市级名师工作室', schools[2] as OrgRow);
    countyStudio = await community('county', 'master_teacher_studio', '县级名师工作室', schools[3] as OrgRow);
    townWorkshop = await community('town', 'workshop', '镇级数学工作坊', schools[4] as OrgRow);
    countyWorkshop = await community('county', 'workshop', '县级语文工作坊', schools[5] as OrgRow);
  });

  it('R3-G20: a county studio with a town workshop is refused with the reason and nothing is kept', async () => {
    const r = await req('POST', '/pairings', 'tdc', {
      kind: 'studio_workshop',
      leadId: countyStudio,
      partnerIds: [townWorkshop],
      fromYear: '2026-2027',
      toYear: '2027-2028',
    });
    expect(r.statusCode).toBe(400);
    const e = errorOf(r) as { message: string; details: { ruleId: string; values: object } };
    expect(e.details).toMatchObject({
      ruleId: 'R3-G20',
      values: { studioLevel: 'county', workshopLevel: 'town' },
    });
    expect(e.message).toContain('县级');
    expect(e.message).not.toContain('R3-');
    const list = (await req('GET', '/pairings?kind=studio_workshop', 'tdc')).json() as PairingList;
    expect(list.items).toEqual([]);
  });

  it('R3-G20 live: the check of a county studio with a town workshop returns the reason as a finding', async () => {
    const r = await req('POST', '/pairings/check', 'tdc', {
      kind: 'studio_workshop',
      leadId: countyStudio,
      partnerIds: [townWorkshop],
      fromYear: '2026-2027',
      toYear: '2026-2027',
    });
    expect(r.statusCode).toBe(200);
    expect((r.json() as { findings: { rule: string }[] }).findings.map((f) => f.rule)).toEqual(['R3-G20']);
  });

  it('R3-G20: a city studio with a county workshop is refused; with a town workshop it is kept', async () => {
    const county = await req('POST', '/pairings', 'tdc', {
      kind: 'studio_workshop',
      leadId: cityStudio,
      partnerIds: [countyWorkshop],
      fromYear: '2026-2027',
      toYear: '2027-2028',
    });
    expect(errorOf(county)).toMatchObject({ details: { ruleId: 'R3-G20' } });
    const none = await req('POST', '/pairings', 'tdc', {
      kind: 'studio_workshop',
      leadId: cityStudio,
      partnerIds: [],
      fromYear: '2026-2027',
      toYear: '2027-2028',
    });
    expect(errorOf(none)).toMatchObject({ details: { ruleId: 'R3-G20', field: 'partnerIds' } });
    const ok = await req('POST', '/pairings', 'tdc', {
      kind: 'studio_workshop',
      leadId: cityStudio,
      partnerIds: [townWorkshop],
      fromYear: '2026-2027',
      toYear: '2027-2028',
    });
    expect(ok.statusCode).toBe(201);
    const d = ok.json() as PairingDetail;
    expect(d.findings).toEqual([]);
    expect(d.lead).toMatchObject({ name: '市级名师工作室', level: 'city' });
    expect(d.partners).toEqual([expect.objectContaining({ name: '镇级数学工作坊', level: 'town' })]);
    // another county's bureau: not found
    expect((await req('GET', `/pairings/${d.id}`, 'yingde')).statusCode).toBe(404);
  });
});
