/**
 * The 学时 record through HTTP: who reads a teacher's record (the teacher, staff over them) and who reverses a
 * posting (bureaus over them); out of scope reads exactly like an unknown id; a reversal is a new entry, audited.
 */
import type { TeacherHours } from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import {
  buildAccount,
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
import { type OrgRow, regionKeyOf } from '../org';

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let school: OrgRow;
let teacher: string;
let colleague: string;

const { req } = apiClient(() => t, s);

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 300);
  t = await buildTestApp(h.db);
  school = await schoolIn(h.db, '清城', 0);
  teacher = (await buildTeacher(h.db, school)).id;
  colleague = (await buildTeacher(h.db, school)).id;
  await buildAccount(h.db, 'h_qc', 'bureau_admin', await orgByName(h.db, 'county', '清城'));
  await buildAccount(h.db, 'h_yd', 'bureau_admin', await orgByName(h.db, 'county', '英德'));
  await buildAccount(h.db, 'h_school', 'school_admin', school);
  await buildAccount(h.db, 'h_teacher', 'teacher', school, teacher);
  for (const u of ['h_qc', 'h_yd', 'h_school', 'h_teacher']) s[u] = await login(t.app, u);
  await h.db.transaction().execute((trx) =>
    t.services.hours.postCredits(
      [teacher, colleague].map((id) => ({
        countyId: regionKeyOf(school),
        teacherId: id,
        orgPath: school.path,
        amountTenths: 240,
        category: 'school_based' as const,
        occurredOn: '2026-10-15',
        source: 'activity' as const,
        creditKey: 'activity:school-2026-1',
        ruleId: 'R3-S02',
        postedBy: null,
      })),
      trx,
    ),
  );
}, 120_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('GET /teachers/:id/hours', () => {
  it('the teacher reads their own record: category, school year, no reverse action', async () => {
    const r = await req('GET', `/teachers/${teacher}/hours`, 'h_teacher');
    expect(r.statusCode).toBe(200);
    const body = r.json() as TeacherHours;
    expect(body).toMatchObject({ teacherId: teacher, totalTenths: 240, canReverse: false });
    expect(body.entries[0]).toMatchObject({
      hoursTenths: 240,
      category: 'school_based',
      schoolYear: '2026-2027',
      occurredOn: '2026-10-15',
      source: 'activity',
      programmeId: null,
      reversedAt: null,
    });
  });

  it("a teacher cannot read a colleague's record; another county reads it like an unknown teacher", async () => {
    const colleagueByTeacher = await req('GET', `/teachers/${colleague}/hours`, 'h_teacher');
    expect(colleagueByTeacher.statusCode).toBe(403);
    const yd = await req('GET', `/teachers/${teacher}/hours`, 'h_yd');
    const unknown = await req('GET', '/teachers/999999999/hours', 'h_yd');
    expect(yd.statusCode).toBe(404);
    expect(errorOf(yd)).toEqual(errorOf(unknown));
    expect((await req('GET', `/teachers/${teacher}/hours`)).statusCode).toBe(401);
  });
});

describe('POST /hours/:id/reverse', () => {
  it('needs a reason; a school admin (reads, may not reverse) and another county get not found', async () => {
    const id = ((await req('GET', `/teachers/${teacher}/hours`, 'h_qc')).json() as TeacherHours).entries[0]
      ?.id;
    expect((await req('POST', `/hours/${id}/reverse`, 'h_qc', { reason: '' })).statusCode).toBe(400);
    const unknown = await req('POST', '/hours/999999999/reverse', 'h_yd', { reason: '误登记' });
    for (const who of ['h_school', 'h_yd']) {
      const r = await req('POST', `/hours/${id}/reverse`, who, { reason: '误登记' });
      expect(r.statusCode).toBe(404);
      expect(errorOf(r)).toEqual(errorOf(unknown));
    }
    expect((await req('POST', `/hours/abc/reverse`, 'h_qc', { reason: '误登记' })).statusCode).toBe(404);
  });

  it('the county reverses with a reason: the posting stays beside its negative, audited; twice is a conflict', async () => {
    const before = (await req('GET', `/teachers/${teacher}/hours`, 'h_qc')).json() as TeacherHours;
    expect(before.canReverse).toBe(true);
    const id = before.entries[0]?.id as string;
    const r = await req('POST', `/hours/${id}/reverse`, 'h_qc', { reason: '活动未开展' });
    expect(r.statusCode).toBe(200);
    const after = r.json() as TeacherHours;
    expect(after.totalTenths).toBe(0);
    expect(after.entries).toHaveLength(1);
    expect(after.entries[0]).toMatchObject({ id, hoursTenths: 240, reverseReason: '活动未开展' });
    expect(after.entries[0]?.reversedAt).not.toBeNull();
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'hours.reverse')
      .execute();
    expect(audit).toEqual([{ action: 'hours.reverse', entity_id: id }]);
    expect((await req('POST', `/hours/${id}/reverse`, 'h_qc', { reason: '再次撤销' })).statusCode).toBe(409);
    // the colleague's posting of the same activity is untouched
    const other = (await req('GET', `/teachers/${colleague}/hours`, 'h_qc')).json() as TeacherHours;
    expect(other.totalTenths).toBe(240);
  });
});
