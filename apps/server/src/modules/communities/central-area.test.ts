/**
 * Y-COMM-CENTRAL-AREA: primaries under one 中心校 count as one area for a workshop's core (R3-W04) and its members
 * (R3-W07). The org tree holds it: a primary-only school under a 乡镇/街道 whose one school is named …中心小学 /
 * …中心学校 / …中心校 belongs to that 中心校; the 中心校 itself, a 镇中学, a school under a township with two 中心校
 * and a school directly under the county are each their own area.
 */
import type { CommunityDetail } from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import {
  buildOrgUnder,
  buildTeacher,
  buildTestApp,
  login,
  orgByName,
  type Session,
  seedRegion,
  type TestApp,
} from '../../test/factories';
import { createOrgRepository, type OrgRow } from '../org';

let h: DatabaseHandle;
let t: TestApp;
let officer: Session;
const nowMs = Date.parse('2026-10-20T02:00:00Z');
const o: Record<string, OrgRow> = {};

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 200);
  t = await buildTestApp(h.db, () => new Date(nowMs));
  const county = await orgByName(h.db, 'county', '清城');
  o.town = await buildOrgUnder(h.db, county, '飞来峡镇', { kind: 'township' });
  o.central = await buildOrgUnder(h.db, o.town, '清城区飞来峡镇中心小学', { stages: ['primary'] });
  o.villageA = await buildOrgUnder(h.db, o.town, '清城区飞来峡镇甲村小学', { stages: ['primary'] });
  o.villageB = await buildOrgUnder(h.db, o.town, '清城区飞来峡镇乙村小学', { stages: ['primary'] });
  o.townMiddle = await buildOrgUnder(h.db, o.town, '清城区飞来峡镇中学', { stages: ['junior'] });
  o.twoCentrals = await buildOrgUnder(h.db, county, '源潭镇', { kind: 'township' });
  o.centralA = await buildOrgUnder(h.db, o.twoCentrals, '清城区源潭镇中心小学', { stages: ['primary'] });
  o.centralB = await buildOrgUnder(h.db, o.twoCentrals, '清城区源潭镇第二中心学校', { stages: ['primary'] });
  o.villageC = await buildOrgUnder(h.db, o.twoCentrals, '清城区源潭镇丙村小学', { stages: ['primary'] });
  for (const n of [1, 2, 3])
    o[`county${n}`] = await buildOrgUnder(h.db, county, `清城区第${n}实验小学`, { stages: ['primary'] });
  officer = await login(t.app, 'qingcheng');
}, 180_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('the 中心校 of a school (Y-COMM-CENTRAL-AREA)', () => {
  it('a village primary belongs to its township’s one 中心校; the 中心校, a 镇中学, two 中心校 and a county school do not', async () => {
    const ids = Object.values(o).map((x) => x.id);
    const central = await createOrgRepository(h.db).centralSchoolsOf(ids);
    expect(Object.fromEntries(central)).toEqual({
      [o.villageA?.id ?? '']: o.central?.id,
      [o.villageB?.id ?? '']: o.central?.id,
    });
  });
});

describe('a workshop’s core areas count the 中心校 once (R3-W04)', () => {
  let id: string;
  const req = (method: 'POST' | 'GET', url: string, payload?: Record<string, unknown>) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: officer.headers, ...(payload ? { payload } : {}) });
  const w04 = (d: CommunityDetail) => d.findings.find((f) => f.rule === 'R3-W04');

  it('five core from five schools, two of them village primaries of one 中心校: four areas, flagged', async () => {
    const host = await buildTeacher(h.db, o.county1 as OrgRow, { name: '坊主' });
    const r = await req('POST', '/communities', {
      kind: 'workshop',
      workshopClass: 'class_2',
      level: 'county',
      name: '清城区小学语文工作坊',
      hostTeacherId: host.id,
    });
    expect(r.statusCode).toBe(201);
    id = (r.json() as CommunityDetail).id;
    const core = [];
    for (const school of [o.county2, o.county3, o.villageA, o.villageB])
      core.push((await buildTeacher(h.db, school as OrgRow, { name: `核心${core.length}` })).id);
    const d = (
      await req('POST', `/communities/${id}/roster`, {
        reason: '组建核心团队',
        add: core.map((teacherId) => ({ teacherId, role: 'core' })),
      })
    ).json() as CommunityDetail;
    expect(d.findings.find((f) => f.rule === 'R3-W02')).toBeUndefined();
    expect(w04(d)?.values).toMatchObject({ areas: 4, min: 5 });
    expect(w04(d)?.message).toContain('4 个');
  });

  it('a core member from the 镇中学 instead: five areas, no finding', async () => {
    const d = (await req('GET', `/communities/${id}`)).json() as CommunityDetail;
    const villager = d.members.find((m) => m.schoolId === o.villageB?.id);
    const middle = await buildTeacher(h.db, o.townMiddle as OrgRow, { name: '镇中学老师' });
    const after = (
      await req('POST', `/communities/${id}/roster`, {
        reason: '调整核心成员',
        end: [villager?.id ?? ''],
        add: [{ teacherId: middle.id, role: 'core' }],
      })
    ).json() as CommunityDetail;
    expect(w04(after)).toBeUndefined();
  });
});
