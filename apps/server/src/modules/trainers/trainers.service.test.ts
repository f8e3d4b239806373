/**
 * The trainer pool's rules through the service, on 2026-10-20 (Asia/Shanghai): first appointment at 60 and 61
 * (R3-P04 hard), 34 and 35 (R3-P04 soft: a warning an override accepts), 副高 (R3-P03 soft), renewal at 65 and 66
 * (R3-P05) when a passed assessment reaches the term's end (R3-P06, R3-P09), a failed assessment (R3-P09), and
 * revocation for each of R3-P10's reasons.
 */
import type { AppointTrainer } from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { createTestDatabase } from '../../test/db';
import {
  buildTeacher,
  buildTestApp,
  orgByName,
  schoolIn,
  seedRegion,
  type TestApp,
  testActor,
  thrown,
} from '../../test/factories';
import { type OrgRow, regionKeyOf } from '../org';

let h: DatabaseHandle;
let t: TestApp;
let county: OrgRow;
let school: OrgRow;
let bureau: Actor;
const NOW = Date.parse('2026-10-20T02:00:00Z');

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 300);
  t = await buildTestApp(h.db, () => new Date(NOW));
  county = await orgByName(h.db, 'county', '清城');
  school = await schoolIn(h.db, '清城', 0);
  bureau = testActor('bureau_admin', county);
}, 180_000);

afterAll(async () => {
  await h?.close();
});

const teacher = async (birthDate: string, title = 'senior') =>
  (await buildTeacher(h.db, school, { birthDate, title })).id;
const appoint = (teacherId: string, over: Partial<AppointTrainer> = {}) =>
  t.services.trainers.appoint(bureau, {
    teacherId,
    poolOrgId: county.id,
    consentOn: '2026-10-18',
    consentNote: '电话征得本人同意',
    ...over,
  });

describe('first appointment age (R3-P04)', () => {
  it('60 on the day passes (the day before the 61st birthday)', async () => {
    const r = await appoint(await teacher('1965-10-21'));
    expect(r).toMatchObject({ status: 'appointed', termStart: '2026-10-20', termEnd: '2029-10-19' });
    expect(r.events.map((e) => [e.action, e.toStatus])).toEqual([['appoint', 'appointed']]);
    expect(r.events[0]?.details).toMatchObject({ ruleId: 'R3-P08', consentOn: '2026-10-18', age: 60 });
  });

  it('61 on the birthday is refused, naming the rule and the age, with nothing written', async () => {
    const id = await teacher('1965-10-20');
    const err = await thrown(appoint(id));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('61 周岁');
    expect(err.message).not.toContain('R3-');
    expect(err.details).toMatchObject({ ruleId: 'R3-P04', values: { age: 61, max: 60 } });
    const rows = await h.db.selectFrom('trainer_records').select('id').where('teacher_id', '=', id).execute();
    expect(rows).toEqual([]);
  });

  it('34 is a warning: refused until the officer accepts it with a reason, which is kept', async () => {
    const id = await teacher('1991-10-21');
    const err = await thrown(appoint(id));
    expect(err.details).toMatchObject({ ruleId: 'R3-P04', field: 'overrides', values: { age: 34, min: 35 } });
    const r = await appoint(id, { overrides: [{ rule: 'R3-P04', reason: '省级教学名师，专长突出' }] });
    expect(r.status).toBe('appointed');
    expect(r.overrides).toEqual([
      { rule: 'R3-P04', by: bureau.displayName, reason: '省级教学名师，专长突出' },
    ]);
    expect(r.events[0]?.details).toMatchObject({ overrides: r.overrides });
  });

  it('35 on the day needs no override', async () => {
    const r = await appoint(await teacher('1991-10-20'));
    expect(r).toMatchObject({ status: 'appointed', overrides: [] });
  });

  it('an override for a rule with no warning is not kept', async () => {
    const r = await appoint(await teacher('1980-01-01'), {
      overrides: [{ rule: 'R3-P03', reason: '无需例外' }],
    });
    expect(r.overrides).toEqual([]);
  });
});

describe('title (R3-P03)', () => {
  it('一级教师 is a warning an override accepts; 正高级 passes', async () => {
    const first = await teacher('1980-01-01', 'first');
    const err = await thrown(appoint(first));
    expect(err.details).toMatchObject({ ruleId: 'R3-P03', values: { titleCode: 'first' } });
    expect(err.message).toContain('副高级');
    expect((await appoint(first, { overrides: [{ rule: 'R3-P03', reason: '市级学科带头人' }] })).status).toBe(
      'appointed',
    );
    expect((await appoint(await teacher('1980-01-01', 'prof'))).status).toBe('appointed');
  });
});

/** A member whose term began 2023-10-01 (their first appointment then), written as that step would have. */
async function memberSince2023(birthDate: string): Promise<string> {
  const id = await teacher(birthDate);
  const at = new Date('2023-10-01T02:00:00Z');
  const r = await h.db
    .insertInto('trainer_records')
    .values({
      county_id: regionKeyOf(county),
      teacher_id: id,
      pool_org_id: county.id,
      org_path: county.path,
      school_id: school.id,
      school_path: school.path,
      route: 'application',
      status: 'approved',
      statement: '首届成员',
      term_start: '2023-10-01',
      term_end: '2026-09-30',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

describe('annual assessment, renewal and release (R3-P09, R3-P05, R3-P06)', () => {
  it('a member shows the renewal check at the term’s end: 65 then passes, 66 does not', async () => {
    const ok = await memberSince2023('1961-10-01');
    const old = await memberSince2023('1960-10-01');
    const [a, b] = await Promise.all([
      t.services.trainers.detail(bureau, ok),
      t.services.trainers.detail(bureau, old),
    ]);
    expect(a.eligibility).toMatchObject({
      kind: 'renewal',
      asOf: '2026-10-01',
      age: 65,
      outcome: 'eligible',
    });
    expect(b.eligibility).toMatchObject({ kind: 'renewal', age: 66, outcome: 'ineligible' });
    expect(b.eligibility?.findings[0]).toMatchObject({ rule: 'R3-P05', values: { age: 66, max: 65 } });
  });

  it('pass in the term’s last year at 65 renews for three more years', async () => {
    const id = await memberSince2023('1961-10-01');
    const r = await t.services.trainers.assess(bureau, id, { year: 2026, result: 'pass' });
    expect(r).toMatchObject({
      status: 'approved',
      termStart: '2026-10-01',
      termEnd: '2029-09-30',
      endedOn: null,
    });
    expect(r.events.map((e) => e.action)).toEqual(['assess', 'renew']);
    expect(r.assessments).toMatchObject([{ year: 2026, result: 'pass' }]);
  });

  it('pass in the term’s last year at 66 ends the membership with the term (R3-P05)', async () => {
    const id = await memberSince2023('1960-10-01');
    const r = await t.services.trainers.assess(bureau, id, { year: 2026, result: 'pass' });
    expect(r).toMatchObject({ status: 'released', endedOn: '2026-09-30', termEnd: '2026-09-30' });
    expect(r.events.at(-1)?.details).toMatchObject({ ruleId: 'R3-P05', values: { age: 66 } });
  });

  it('pass before the term’s last year keeps the term; fail releases today; a year once only', async () => {
    const id = (await appoint(await teacher('1980-05-05'))).id;
    const kept = await t.services.trainers.assess(bureau, id, { year: 2026, result: 'pass' });
    expect(kept).toMatchObject({ status: 'appointed', termEnd: '2029-10-19' });
    const again = await thrown(
      t.services.trainers.assess(bureau, id, { year: 2026, result: 'fail', note: '未履职' }),
    );
    expect(again.code).toBe('CONFLICT');
    const future = await thrown(t.services.trainers.assess(bureau, id, { year: 2027, result: 'pass' }));
    expect(future.details).toMatchObject({ field: 'year', ruleId: 'R3-P09' });
    const other = (await appoint(await teacher('1980-06-06'))).id;
    const noNote = await thrown(t.services.trainers.assess(bureau, other, { year: 2026, result: 'fail' }));
    expect(noNote.details).toMatchObject({ field: 'note' });
    const failed = await t.services.trainers.assess(bureau, other, {
      year: 2026,
      result: 'fail',
      note: '未完成年度任务',
    });
    expect(failed).toMatchObject({ status: 'released', endedOn: '2026-10-20', eligibility: null });
    expect(failed.events.at(-1)).toMatchObject({ action: 'release', details: { ruleId: 'R3-P09' } });
  });
});

describe('revocation (R3-P10)', () => {
  it.each(['conduct_code', 'duties', 'discipline', 'criminal'] as const)(
    'revoked for %s: ends today with the reason and the note',
    async (reason) => {
      const id = (await appoint(await teacher('1979-03-03'))).id;
      const r = await t.services.trainers.revoke(bureau, id, { reason, note: '经调查核实' });
      expect(r).toMatchObject({ status: 'revoked', revocationReason: reason, endedOn: '2026-10-20' });
      expect(r.events.at(-1)).toMatchObject({
        action: 'revoke',
        reason: '经调查核实',
        details: { ruleId: 'R3-P10', revocationReason: reason },
      });
      const twice = await thrown(t.services.trainers.revoke(bureau, id, { reason, note: '再次撤销' }));
      expect(twice.code).toBe('CONFLICT');
    },
  );
});

describe('what membership earns (R3-P12)', () => {
  it('a member today has the nominations priority; before appointment and after revocation not', async () => {
    const who = await teacher('1980-04-04');
    expect(await t.services.trainers.isPoolMember(who)).toBe(false);
    const id = (await appoint(who)).id;
    expect(await t.services.trainers.isPoolMember(who)).toBe(true);
    await t.services.trainers.revoke(bureau, id, { reason: 'duties', note: '未履行职责' });
    expect(await t.services.trainers.isPoolMember(who)).toBe(false);
  });
});
