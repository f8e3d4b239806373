/**
 * services: differential shortlists (R-004-59), substitution requests decided by the
 * allocating level, the integrity bar at its boundaries with appeals and notifications (R-004-20), and the
 * selection-quality report with the project-county deduction (R3-B03).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { ExcelJS } from '../../shared/exceljs';
import { createTestDatabase } from '../../test/db';
import { buildTeacher, orgByName, schoolIn, seedRegion, testActor, thrown } from '../../test/factories';
import { createAuditService } from '../audit';
import { removeEnrolmentsOfNomination } from '../classes';
import { createNotificationsService, type NotificationsService } from '../notifications';
import type { OrgRow } from '../org';
import {
  createProgramsRepository,
  createProgramsService,
  type ProgramsService,
  syncBuiltinPacks,
} from './index';

let h: DatabaseHandle;
let svc: ProgramsService;
let notes: NotificationsService;
let city: OrgRow;
let county: OrgRow;
let otherCounty: OrgRow;
let school: OrgRow;

const actor = testActor;

const TRAINER_ATTESTATIONS = ['healthy', 'devoted_to_training', 'training_expertise'];

/** A programme of the built-in pack owned by the city, `seats` passed city → county → school. */
async function programmeWith(projectTypeCode: string, seats: number, startDate = '2021-09-01') {
  const cityAdmin = actor('bureau_admin', city);
  const p = await svc.createProgramme(cityAdmin, {
    packId: 'henan-2021',
    projectTypeCode,
    title: `测试项目 ${projectTypeCode} ${seats}`,
    selectionDeadline: '2021-07-30',
    startDate,
    endDate: '2021-09-30',
    totalSeats: seats,
  });
  await svc.allocate(cityAdmin, p.id, city.id, { allocations: [{ orgId: county.id, seats }] });
  await svc.allocate(actor('bureau_admin', county), p.id, county.id, {
    allocations: [{ orgId: school.id, seats }],
  });
  return p.id;
}

const trainer = () =>
  buildTeacher(h.db, school, { rolesHeld: ['researcher'], trainingStartYear: 2015, birthDate: '1985-05-05' });

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db);
  await syncBuiltinPacks(h.db);
  notes = createNotificationsService({ db: h.db });
  svc = createProgramsService({
    db: h.db,
    repo: createProgramsRepository(h.db),
    audit: createAuditService({ db: h.db }),
    notifications: notes,
    enrolments: { removeForNomination: removeEnrolmentsOfNomination },
    clock: () => new Date('2021-07-01T00:00:00Z'),
  });
  city = await orgByName(h.db, 'city', '');
  county = await orgByName(h.db, 'county', '清城');
  otherCounty = await orgByName(h.db, 'county', '英德');
  school = await schoolIn(h.db, '清城', 1);
  await h.db.updateTable('orgs').set({ location_type: 'rural' }).where('id', '=', school.id).execute();
});

afterAll(async () => {
  await h?.close();
});

describe('R-004-59 differential shortlist 1:1.2', () => {
  it('10 seats → 12 candidates accepted, the 13th refused naming the rule; the owner selects 10, 2 are not selected', async () => {
    const programmeId = await programmeWith('trainer_advanced', 10);
    const admin = actor('school_admin', school);
    const made = [];
    for (let i = 0; i < 12; i++) {
      const t = await trainer();
      const n = await svc.nominate(admin, programmeId, {
        teacherId: t.id,
        attestations: TRAINER_ATTESTATIONS,
      });
      expect(n.status).toBe('candidate');
      made.push(n);
    }
    const extra = await trainer();
    const err = await thrown(
      svc.nominate(admin, programmeId, { teacherId: extra.id, attestations: TRAINER_ATTESTATIONS }),
    );
    expect(err.code).toBe('CONFLICT');
    expect(err.message).not.toContain('R-004-59');
    expect(err.details).toMatchObject({ ruleId: 'R-004-59', seats: 10, cap: 12, candidates: 12 });
    // candidates take no seat yet; the programme counts them apart from its seats
    const before = await svc.quotas(actor('bureau_admin', county), programmeId);
    expect(before.nodes.find((n) => n.orgId === school.id)).toMatchObject({ used: 0 });
    const seen = await svc.getProgramme(actor('bureau_admin', city), programmeId);
    expect(seen).toMatchObject({ usedSeats: 0, candidates: 12 });
    expect(seen.packTitle).toMatch(/政策|年/); // the pack by its title, not its id
    expect(seen.packTitle).not.toBe(seen.packId);

    const owner = actor('bureau_admin', city);
    const ids = made.map((n) => n.id);
    // the school is not the selecting level; 11 of 10 seats is refused; a non-candidate is refused
    expect(
      (
        await thrown(
          svc.confirmShortlist(admin, programmeId, { orgId: school.id, selectedIds: ids.slice(0, 10) }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    const over = await thrown(
      svc.confirmShortlist(owner, programmeId, { orgId: school.id, selectedIds: ids.slice(0, 11) }),
    );
    expect(over.code).toBe('VALIDATION_FAILED');
    expect(over.details).toMatchObject({ ruleId: 'R-004-59', seats: 10, selected: 11 });
    const r = await svc.confirmShortlist(owner, programmeId, {
      orgId: school.id,
      selectedIds: ids.slice(0, 10),
      reason: '综合评议',
    });
    expect(r.results.filter((x) => x.status === 'selected')).toHaveLength(10);
    const out = r.results.filter((x) => x.status === 'not_selected');
    expect(out.map((x) => x.nominationId)).toEqual(ids.slice(10));
    // the decision says the values in words (the rule is the nomination's, R-004-59)
    expect(out[0]?.message).toBe('差额遴选未入选（名额 10 个、候选 12 人，1:1.2 差额遴选）：综合评议');
    const after = await svc.quotas(owner, programmeId);
    expect(after.nodes.find((n) => n.orgId === school.id)).toMatchObject({ used: 10 });
    expect(await svc.getProgramme(owner, programmeId)).toMatchObject({ usedSeats: 10, candidates: 0 });
    const list = await svc.listNominations(owner, programmeId, {
      page: 1,
      pageSize: 50,
      status: 'not_selected',
    });
    expect(list.items.map((i) => i.reason)).toEqual([out[0]?.message, out[1]?.message]);
  });

  it('a non-competitive programme has no shortlist to confirm', async () => {
    const programmeId = await programmeWith('rural_backbone', 2);
    const err = await thrown(
      svc.confirmShortlist(actor('bureau_admin', city), programmeId, { orgId: school.id, selectedIds: [] }),
    );
    expect(err.details).toMatchObject({ ruleId: 'R-004-59' });
  });
});

describe('替训 substitution requests', () => {
  it('the county that allocated the seats refuses with a reason; another county cannot decide; the original stays', async () => {
    const programmeId = await programmeWith('rural_backbone', 1);
    const admin = actor('school_admin', school);
    const a = await buildTeacher(h.db, school, { backbone: 'school' });
    const b = await buildTeacher(h.db, school, { backbone: 'school' });
    const n = await svc.nominate(admin, programmeId, { teacherId: a.id });
    const req = await svc.substitute(admin, programmeId, n.id, { teacherId: b.id, reason: '家中有事' });
    expect(req).toMatchObject({ status: 'pending', approverOrgId: county.id, replacedTeacherId: a.id });
    expect(
      (
        await thrown(
          svc.decideSubstitution(actor('bureau_admin', otherCounty), programmeId, req.id, { approve: true }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await thrown(
          svc.decideSubstitution(actor('bureau_admin', county), programmeId, req.id, { approve: false }),
        )
      ).code,
    ).toBe('VALIDATION_FAILED');
    const r = await svc.decideSubstitution(actor('bureau_admin', county), programmeId, req.id, {
      approve: false,
      reason: '替训人选不合适',
    });
    expect(r.request).toMatchObject({ status: 'refused', decisionReason: '替训人选不合适' });
    expect(r.nomination).toBeNull();
    const sel = await svc.listNominations(admin, programmeId, { page: 1, pageSize: 20, status: 'selected' });
    expect(sel.items.map((i) => i.id)).toEqual([n.id]);
  });

  it('approval checks the replacement again: a record made since the request refuses it (R-004-20)', async () => {
    const programmeId = await programmeWith('rural_backbone', 1);
    const admin = actor('school_admin', school);
    const a = await buildTeacher(h.db, school, { backbone: 'school' });
    const b = await buildTeacher(h.db, school, { backbone: 'school' });
    const n = await svc.nominate(admin, programmeId, { teacherId: a.id });
    const req = await svc.substitute(admin, programmeId, n.id, { teacherId: b.id, reason: '调岗' });
    await svc.createIntegrity(actor('bureau_admin', county), {
      teacherId: b.id,
      kind: 'no_show',
      recordDate: '2020-01-01',
    });
    const err = await thrown(
      svc.decideSubstitution(actor('bureau_admin', county), programmeId, req.id, { approve: true }),
    );
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(err.details)).toContain('R-004-20');
  });
});

describe('R-004-20 the three-year bar counts from the record date (class start 2021-09-01)', () => {
  it('start the day before the end of the bar: barred, and nomination explains rule, record date and end date', async () => {
    const programmeId = await programmeWith('rural_backbone', 3);
    const bureau = actor('bureau_admin', county);
    const admin = actor('school_admin', school);
    const [before, on, after] = [
      await buildTeacher(h.db, school, { backbone: 'school' }),
      await buildTeacher(h.db, school, { backbone: 'school' }),
      await buildTeacher(h.db, school, { backbone: 'school' }),
    ];
    // the bar of 2018-09-02 ends on 2021-09-01: the class starts on its last day
    await svc.createIntegrity(bureau, { teacherId: before.id, kind: 'dismissed', recordDate: '2018-09-02' });
    // the bar of 2018-09-01 ends on 2021-08-31: the class starts the day after (the anniversary)
    await svc.createIntegrity(bureau, { teacherId: on.id, kind: 'dismissed', recordDate: '2018-09-01' });
    // the bar of 2018-08-31 ended two days before
    await svc.createIntegrity(bureau, { teacherId: after.id, kind: 'no_show', recordDate: '2018-08-31' });
    const err = await thrown(svc.nominate(admin, programmeId, { teacherId: before.id }));
    const failed = (
      err.details as { failed: Array<{ ruleId: string; values: Record<string, unknown>; message: string }> }
    ).failed;
    expect(failed[0]).toMatchObject({
      ruleId: 'R-004-20',
      values: { recordDate: '2018-09-02', barEndsOn: '2021-09-01', allowedFrom: '2021-09-02' },
    });
    expect(failed[0]?.message).toContain('至 2021-09-01');
    expect((await svc.nominate(admin, programmeId, { teacherId: on.id })).status).toBe('selected');
    expect((await svc.nominate(admin, programmeId, { teacherId: after.id })).status).toBe('selected');
  });

  it('the teacher is notified, sees the record with its end date, appeals; upheld → the record stops standing', async () => {
    const programmeId = await programmeWith('rural_backbone', 1);
    const bureau = actor('bureau_admin', county);
    const t = await buildTeacher(h.db, school, { backbone: 'school' });
    const other = await buildTeacher(h.db, school, { backbone: 'school' });
    const me = actor('teacher', school, t.id);
    const rec = await svc.createIntegrity(bureau, {
      teacherId: t.id,
      kind: 'not_completed',
      recordDate: '2020-06-30',
      evidence: '缺课超过三分之一',
    });
    expect(rec).toMatchObject({ barEndsOn: '2023-06-29', appeal: { status: 'none' } });
    const inbox = await notes.listMine(me, { limit: 50 });
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: 'integrity.record', entityId: rec.id });
    expect(inbox.items[0]?.body).toContain('2023-06-29');
    expect((await notes.listMine(actor('teacher', school, other.id), { limit: 50 })).items).toHaveLength(0);
    expect(
      (await thrown(notes.markRead(actor('teacher', school, other.id), inbox.items[0]?.id ?? ''))).code,
    ).toBe('NOT_FOUND');

    expect(await svc.myIntegrity(me)).toHaveLength(1);
    expect(await svc.myIntegrity(actor('teacher', school, other.id))).toHaveLength(0);
    expect(
      (await thrown(svc.appealIntegrity(actor('teacher', school, other.id), rec.id, { reason: '不是我' })))
        .code,
    ).toBe('NOT_FOUND');
    const appealed = await svc.appealIntegrity(me, rec.id, { reason: '当时住院，有病历为证' });
    expect(appealed.appeal).toMatchObject({ status: 'pending', reason: '当时住院，有病历为证' });
    expect((await thrown(svc.appealIntegrity(me, rec.id, { reason: '再次申诉' }))).code).toBe('CONFLICT');
    expect(
      (
        await thrown(
          svc.decideAppeal(actor('bureau_admin', otherCounty), rec.id, {
            decision: 'upheld',
            reason: '越权',
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    // still barred while the appeal is pending
    const check = await svc.checkEligibility(actor('school_admin', school), programmeId, { teacherId: t.id });
    expect(check.eligible).toBe(false);
    const upheld = await svc.decideAppeal(bureau, rec.id, {
      decision: 'upheld',
      reason: '病历属实，属特殊情况',
    });
    expect(upheld).toMatchObject({ standing: false, appeal: { status: 'upheld' } });
    expect(upheld.standingReason).toContain('病历属实');
    const ok = await svc.checkEligibility(actor('school_admin', school), programmeId, { teacherId: t.id });
    expect(ok.eligible).toBe(true);
    expect((await notes.listMine(me, { limit: 50 })).items[0]).toMatchObject({
      kind: 'integrity.appeal',
      title: '诚信档案申诉成立',
    });
  });

  it('a rejected appeal leaves the record standing', async () => {
    const bureau = actor('bureau_admin', county);
    const t = await buildTeacher(h.db, school, { backbone: 'school' });
    const me = actor('teacher', school, t.id);
    const rec = await svc.createIntegrity(bureau, {
      teacherId: t.id,
      kind: 'no_show',
      recordDate: '2021-03-01',
    });
    await svc.appealIntegrity(me, rec.id, { reason: '忘记了' });
    const r = await svc.decideAppeal(bureau, rec.id, { decision: 'rejected', reason: '无特殊情况' });
    expect(r).toMatchObject({ standing: true, appeal: { status: 'rejected', decisionReason: '无特殊情况' } });
  });
});

describe('R3-B03 selection quality and the project-county deduction', () => {
  it('counts nominations, overrides and refused attempts; the county loses 1 point per person-time', async () => {
    const programmeId = await programmeWith('rural_backbone', 4);
    const admin = actor('school_admin', school);
    const bureau = actor('bureau_admin', county);
    const a = await buildTeacher(h.db, school, { backbone: 'school' });
    const b = await buildTeacher(h.db, school, { backbone: 'school' });
    const bad = await buildTeacher(h.db, school, { backbone: null });
    await svc.nominate(admin, programmeId, { teacherId: a.id });
    await svc.nominate(admin, programmeId, { teacherId: b.id });
    await thrown(svc.nominate(admin, programmeId, { teacherId: bad.id }));
    await svc.createIntegrity(bureau, {
      teacherId: a.id,
      kind: 'no_show',
      recordDate: '2021-09-01',
      programmeId,
    });
    await svc.createIntegrity(bureau, {
      teacherId: b.id,
      kind: 'dismissed',
      recordDate: '2021-09-10',
      programmeId,
    });

    const r = await svc.selectionQuality(bureau, programmeId, { level: 'county' });
    expect(r.rows).toHaveLength(1);
    const row = r.rows[0];
    expect(row).toMatchObject({
      orgId: county.id,
      seats: 4,
      nominations: 2,
      selected: 2,
      overridden: 0,
      refusedAttempts: 1,
      noShows: 1,
      notCompleted: 1,
    });
    // 少报 2 (4 seats, 2 selected) + 缺培 1 + 未结业 1 = 4 points off 12
    expect(row?.deduction).toMatchObject({ ruleId: 'R3-B03', maxPoints: 12, points: 4, score: 8 });
    const schools = await svc.selectionQuality(admin, programmeId, { level: 'school' });
    expect(schools.rows.map((x) => x.orgId)).toEqual([school.id]);
    expect(schools.rows[0]?.deduction).toBeNull();
    // the city sees every county under it; another county sees only itself (no rows of 清城)
    const byCity = await svc.selectionQuality(actor('bureau_admin', city), programmeId, { level: 'county' });
    expect(byCity.rows.length).toBeGreaterThan(1);
    const other = await svc.selectionQuality(actor('bureau_admin', otherCounty), programmeId, {
      level: 'county',
    });
    expect(other.rows.map((x) => x.orgId)).toEqual([otherCounty.id]);

    const file = await svc.exportSelectionQuality(bureau, programmeId, { level: 'county' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('遴选质量');
    expect(ws?.getRow(1).getCell(1).value).toBe('单位');
    expect(ws?.getRow(2).getCell(1).value).toBe(county.name);
    expect(ws?.getRow(2).getCell(16).value).toBe(8);
  });
});
