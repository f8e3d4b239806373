import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { programmesForClasses } from '../../services';
import { createTestDatabase } from '../../test/db';
import {
  buildSelectedTeacher,
  buildTeacher,
  orgByName,
  schoolIn,
  seedRegion,
  testActor,
  thrown,
} from '../../test/factories';
import { createAuditService } from '../audit';
import { createNotificationsService } from '../notifications';
import type { OrgRow } from '../org';
import { createProgramsRepository, createProgramsService } from '../programs';
import { createThrottleRepository, createThrottleService } from '../throttle';
import { createClassesRepository, removeEnrolmentsOfNomination } from './classes.repository';
import { type ClassesService, createClassesService } from './classes.service';

let h: DatabaseHandle;
let svc: ClassesService;
let city: OrgRow;
let county: OrgRow;
let otherCounty: OrgRow;
let school: OrgRow;
let otherSchool: OrgRow;
let provider: OrgRow;
let otherProvider: OrgRow;
/** The service's clock: 2021-09-06 09:00 in Shanghai unless a test moves it. */
let nowMs = Date.parse('2021-09-06T01:00:00Z');
const SECRET = Buffer.from('service-test-secret-0123456789ab');

const actor = testActor;

const selectedTeacher = (programmeId: string, at: OrgRow) => buildSelectedTeacher(h.db, programmeId, at);

let programmeId: string;
let classA: string;
let classB: string;
const teachers: string[] = [];
let outsider: string;
let otherCountyTeacher: string;

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db);
  city = await orgByName(h.db, 'city', '');
  county = await orgByName(h.db, 'county', '清城');
  otherCounty = await orgByName(h.db, 'county', '英德');
  school = await schoolIn(h.db, '清城', 1);
  otherSchool = await schoolIn(h.db, '英德', 1);
  provider = await orgByName(h.db, 'provider', '');
  otherProvider = await orgByName(h.db, 'provider', '第二师范');
  const audit = createAuditService({ db: h.db });
  const programs = createProgramsService({
    db: h.db,
    repo: createProgramsRepository(h.db),
    audit,
    notifications: createNotificationsService({ db: h.db }),
    enrolments: { removeForNomination: removeEnrolmentsOfNomination },
    clock: () => new Date('2021-07-01T00:00:00Z'),
  });
  svc = createClassesService({
    db: h.db,
    repo: createClassesRepository(h.db),
    programmes: programmesForClasses(createProgramsRepository(h.db)),
    throttle: createThrottleService({ repo: createThrottleRepository(h.db) }),
    audit,
    checkinSecret: SECRET,
    clock: () => new Date(nowMs),
  });
  const p = await programs.createProgramme(actor('bureau_admin', city), {
    packId: 'henan-2021',
    projectTypeCode: 'rural_backbone',
    title: '乡村骨干教师素质提升（测试）',
    selectionDeadline: '2021-07-30',
    startDate: '2021-09-01',
    endDate: '2021-09-30',
    totalSeats: 100,
  });
  programmeId = p.id;
  for (let i = 0; i < 5; i++) teachers.push(await selectedTeacher(programmeId, school));
  otherCountyTeacher = await selectedTeacher(programmeId, otherSchool);
  outsider = (await buildTeacher(h.db, school)).id;
  const a = await svc.create(actor('bureau_admin', city), {
    programmeId,
    name: '第一期 A 班',
    startDate: '2021-09-06',
    endDate: '2021-09-10',
    venue: '清远市教师发展中心 301',
    providerOrgId: provider.id,
  });
  classA = a.id;
  const b = await svc.create(actor('bureau_admin', city), {
    programmeId,
    name: '第一期 B 班',
    periodNo: 1,
    startDate: '2021-09-06',
    endDate: '2021-09-10',
    providerOrgId: otherProvider.id,
  });
  classB = b.id;
});

afterAll(async () => {
  await h?.close();
});

describe('opening a class', () => {
  it('the bureau over the programme owner opens it; a county below may not (403); a non-provider org is refused', async () => {
    const req = {
      programmeId,
      name: 'X',
      startDate: '2021-09-06',
      endDate: '2021-09-07',
      providerOrgId: provider.id,
    };
    expect((await thrown(svc.create(actor('bureau_admin', county), req))).status).toBe(403);
    expect((await thrown(svc.create(actor('provider_staff', provider), req))).status).toBe(403);
    const bad = await thrown(svc.create(actor('bureau_admin', city), { ...req, providerOrgId: school.id }));
    expect(bad.code).toBe('VALIDATION_FAILED');
  });
  it('Y-004-CLASS-DATES: a class must lie inside the programme dates (09-30 ok, 10-01 refused)', async () => {
    const base = { programmeId, name: 'X', startDate: '2021-09-20', providerOrgId: provider.id };
    const err = await thrown(svc.create(actor('bureau_admin', city), { ...base, endDate: '2021-10-01' }));
    expect(err.details).toMatchObject({ ruleId: 'Y-004-CLASS-DATES' });
    const ok = await svc.create(actor('bureau_admin', city), { ...base, endDate: '2021-09-30' });
    expect(ok.endDate).toBe('2021-09-30');
  });
});

describe('deadline board (R-004-09 … R-004-15)', () => {
  it('shows each deadline with its rule and dates; recording documents turns them green', async () => {
    const d = await svc.get(actor('provider_staff', provider), classA);
    const by = (code: string) => d.board.find((i) => i.code === code);
    // created on 2021-09-06, after the 08-10 date of R-004-09: done but late
    expect(by('class_dates')).toMatchObject({
      ruleId: 'R-004-09',
      light: 'green',
      late: true,
      submittedOn: '2021-09-06',
    });
    expect(by('registration_notice')).toMatchObject({
      ruleId: 'R-004-10',
      dueDate: '2021-08-27',
      light: 'red',
      days: 10,
    });
    expect(by('timetable')).toMatchObject({ ruleId: 'R-004-11', dueDate: '2021-09-01', light: 'red' });
    expect(by('bulletins')).toMatchObject({
      ruleId: 'R-004-14',
      light: 'grey',
      count: { submitted: 0, required: 3 },
    });
    expect(by('final_report:0')).toMatchObject({ ruleId: 'R-004-15', dueDate: '2021-10-10', light: 'grey' });

    const p = actor('provider_staff', provider);
    await svc.addDocument(p, classA, { kind: 'registration_notice', submittedOn: '2021-08-27' });
    await svc.addDocument(p, classA, { kind: 'timetable', submittedOn: '2021-09-02' });
    const after = await svc.get(p, classA);
    expect(after.board.find((i) => i.code === 'registration_notice')).toMatchObject({
      light: 'green',
      late: false,
    });
    expect(after.board.find((i) => i.code === 'timetable')).toMatchObject({
      light: 'green',
      late: true,
      days: 1,
    });
    expect(after.documents).toHaveLength(2);
  });
  it('a final report must be one of the pack items (R-004-15); a date after today is refused', async () => {
    const p = actor('provider_staff', provider);
    const err = await thrown(
      svc.addDocument(p, classA, { kind: 'final_report', item: '随便写的', submittedOn: '2021-09-06' }),
    );
    expect(err.details).toMatchObject({ ruleId: 'R-004-15' });
    const future = await thrown(svc.addDocument(p, classA, { kind: 'bulletin', submittedOn: '2021-09-07' }));
    expect(future.code).toBe('VALIDATION_FAILED');
  });
  it('overdue alerts list red items first, across the classes in scope', async () => {
    const alerts = await svc.alerts(actor('bureau_admin', city));
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts[0]?.light).toBe('red');
    expect(alerts.some((a) => a.classId === classB && a.ruleId === 'R-004-10')).toBe(true);
    expect(alerts.some((a) => a.classId === classA && a.ruleId === 'R-004-10')).toBe(false);
    // the other provider sees only its own class
    const theirs = await svc.alerts(actor('provider_staff', otherProvider));
    expect(new Set(theirs.map((a) => a.classId))).toEqual(new Set([classB]));
  });
  it('an alert carries the code and values the web words it from: 工作简报 overdue with its count', async () => {
    const was = nowMs;
    nowMs = Date.parse('2021-09-20T01:00:00Z');
    try {
      const alerts = await svc.alerts(actor('provider_staff', otherProvider));
      const bulletins = alerts.find((a) => a.classId === classB && a.code === 'bulletins');
      expect(bulletins).toMatchObject({
        light: 'red',
        dueDate: '2021-09-10',
        days: 10,
        count: { submitted: 0, required: expect.any(Number) },
      });
      expect(bulletins?.message).toContain(`已报 0 期`);
    } finally {
      nowMs = was;
    }
  });
});

describe('enrolment of selected nominations (R-004-18)', () => {
  it('places the given selected teachers; one not selected is skipped with the rule; placing twice skips', async () => {
    const p = actor('provider_staff', provider);
    const r = await svc.enrol(p, classA, {
      teacherIds: [...teachers.slice(0, 4), otherCountyTeacher, outsider],
    });
    expect(r.enrolled).toBe(5);
    expect(r.skipped).toEqual([{ teacherId: outsider, reason: expect.any(String), ruleId: 'R-004-18' }]);
    const again = await svc.enrol(p, classA, { teacherIds: [teachers[0] ?? ''] });
    expect(again.enrolled).toBe(0);
    expect(again.skipped[0]?.reason).toContain('已编入');
    // the fifth teacher goes to class B; a teacher is in one class per programme
    const b = await svc.enrol(actor('provider_staff', otherProvider), classB, {});
    expect(b.enrolled).toBe(1);
  });
  it('another provider cannot enrol into class A (404: not even visible)', async () => {
    expect((await thrown(svc.enrol(actor('provider_staff', otherProvider), classA, {}))).status).toBe(404);
  });
});

describe('rotating QR check-in (Y-004-QR-ROTATE, R-004-12)', () => {
  const staff = () => actor('provider_staff', provider);
  const teacher = (id: string, at = school) => actor('teacher', at, id);
  const t0 = Date.parse('2021-09-06T01:00:00Z');

  it('a teacher checks in with the token; a second check-in is idempotent and says 已签到 with the time', async () => {
    nowMs = t0;
    const d = await svc.display(staff(), classA, 'arrive');
    expect(d.path).toBe(`/checkin?t=${d.token}`);
    expect(d.shortCode).toMatch(/^\d{6}$/);
    expect(d.rotationSeconds).toBe(30);
    const id = teachers[0] ?? '';
    const first = await svc.checkin(teacher(id), { t: d.token });
    expect(first).toMatchObject({ status: 'checked_in', slot: 'arrive', slotLabel: '报到' });
    const second = await svc.checkin(teacher(id), { t: d.token });
    expect(second.status).toBe('already');
    expect(second.checkedAt).toBe(first.checkedAt);
    expect(second.message).toContain('已签到');
    const rows = await h.db.selectFrom('attendance').selectAll().where('teacher_id', '=', id).execute();
    expect(rows).toHaveLength(1);
  });

  it('accepted in its window and the next (grace), refused two windows later as expired, naming the rule', async () => {
    nowMs = t0;
    const d = await svc.display(staff(), classA, 'register');
    nowMs = d.expiresAt; // first instant of the next window: grace
    expect((await svc.checkin(teacher(teachers[1] ?? ''), { t: d.token })).status).toBe('checked_in');
    nowMs = d.expiresAt + 29_999; // still the grace window
    expect((await svc.checkin(teacher(teachers[2] ?? ''), { t: d.token })).status).toBe('checked_in');
    nowMs = d.expiresAt + 30_000; // two windows on: a forwarded screenshot no longer works
    const err = await thrown(svc.checkin(teacher(teachers[3] ?? ''), { t: d.token }));
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toMatchObject({
      reason: 'expired',
      refusal: 'qr_expired',
      rotationSeconds: 30,
      ruleId: 'Y-004-QR-ROTATE',
    });
    expect(err.message).toContain('过期');
    nowMs = t0;
  });

  it('a forged or altered token is invalid', async () => {
    const d = await svc.display(staff(), classA, 'arrive');
    const forged = d.token.replace(/^\d+\./, `${classB}.`);
    const err = await thrown(svc.checkin(teacher(teachers[1] ?? ''), { t: forged }));
    expect(err.details).toMatchObject({ reason: 'invalid', refusal: 'bad_token' });
  });

  it("another class's token is refused (other_class, R-004-12); a teacher in no class is not_enrolled", async () => {
    const b = await svc.display(actor('provider_staff', otherProvider), classB, 'arrive');
    const err = await thrown(svc.checkin(teacher(teachers[1] ?? ''), { t: b.token }));
    expect(err.status).toBe(403);
    expect(err.details).toMatchObject({ reason: 'other_class', refusal: 'other_class', ruleId: 'R-004-12' });
    expect(err.details).toHaveProperty('className');
    const none = await thrown(svc.checkin(teacher(outsider), { t: b.token }));
    expect(none.details).toMatchObject({
      reason: 'not_enrolled',
      refusal: 'not_enrolled_class',
      ruleId: 'R-004-12',
    });
    const admin = await thrown(svc.checkin(actor('bureau_admin', city), { t: b.token }));
    expect(admin.details).toMatchObject({ reason: 'not_teacher', refusal: 'not_teacher' });
  });

  it('Y-004-CHECKIN-OPEN: refused 2 days before the start, open 1 day before; refused after the end date', async () => {
    nowMs = Date.parse('2021-09-04T01:00:00Z');
    const early = await svc.display(staff(), classA, 'register');
    expect(early.open).toBe(false);
    const err = await thrown(svc.checkin(teacher(teachers[3] ?? ''), { t: early.token }));
    expect(err.details).toMatchObject({
      reason: 'not_open',
      refusal: 'outside_days',
      ruleId: 'Y-004-CHECKIN-OPEN',
      opensOn: '2021-09-05',
      today: '2021-09-04',
    });
    nowMs = Date.parse('2021-09-05T01:00:00Z');
    const ok = await svc.display(staff(), classA, 'register');
    expect((await svc.checkin(teacher(teachers[3] ?? ''), { t: ok.token })).status).toBe('checked_in');
    nowMs = Date.parse('2021-09-11T01:00:00Z');
    const late = await svc.display(staff(), classA, 'arrive');
    expect((await thrown(svc.checkin(teacher(teachers[3] ?? ''), { t: late.token }))).details).toMatchObject({
      reason: 'not_open',
    });
    nowMs = t0;
  });

  it('the 6-digit short code works like the QR code; a wrong code is refused', async () => {
    nowMs = t0;
    const d = await svc.display(staff(), classA, 'arrive');
    const r = await svc.checkin(teacher(otherCountyTeacher, otherSchool), { code: d.shortCode });
    expect(r).toMatchObject({ status: 'checked_in', classId: classA, slot: 'arrive' });
    const wrong = String((Number(d.shortCode) + 1) % 1_000_000).padStart(6, '0');
    const err = await thrown(svc.checkin(teacher(teachers[1] ?? ''), { code: wrong }));
    expect(err.details).toMatchObject({
      reason: 'expired',
      refusal: 'wrong_code',
      ruleId: 'Y-004-QR-ROTATE',
    });
  });

  it('session attendance uses the same codes, only on the session day', async () => {
    nowMs = t0;
    const today = await svc.addSession(staff(), classA, {
      date: '2021-09-06',
      startsAt: '09:00',
      endsAt: '11:30',
      title: '开班典礼',
    });
    const tomorrow = await svc.addSession(staff(), classA, {
      date: '2021-09-07',
      startsAt: '09:00',
      endsAt: '11:30',
      title: '专题讲座',
    });
    const d = await svc.display(staff(), classA, `s${today.id}`);
    expect(d.slotLabel).toContain('开班典礼');
    expect((await svc.checkin(teacher(teachers[0] ?? ''), { t: d.token })).status).toBe('checked_in');
    const e = await svc.display(staff(), classA, `s${tomorrow.id}`);
    expect((await thrown(svc.checkin(teacher(teachers[0] ?? ''), { t: e.token }))).details).toMatchObject({
      reason: 'not_open',
      refusal: 'not_session_day',
      sessionDate: '2021-09-07',
    });
    const outside = await thrown(
      svc.addSession(staff(), classA, { date: '2021-09-11', startsAt: '09:00', endsAt: '10:00', title: 'x' }),
    );
    expect(outside.details).toMatchObject({ ruleId: 'Y-004-CLASS-DATES' });
  });

  it('the live board counts checked in and not yet; a county sees only its own teachers', async () => {
    nowMs = t0;
    const live = await svc.live(staff(), classA, 'arrive');
    expect(live).toMatchObject({ total: 5, checkedIn: 2 });
    expect(live.notYet).toHaveLength(3);
    const mine = await svc.live(actor('bureau_admin', otherCounty), classA, 'arrive');
    expect(mine).toMatchObject({ total: 1, checkedIn: 1, notYet: [] });
    const list = await svc.enrolments(actor('bureau_admin', county), classA);
    expect(list).toHaveLength(4);
    expect(list.find((e) => e.teacherId === teachers[0])?.arrivedAt).not.toBeNull();
  });

  it('staff may mark a teacher by hand (audited); a county admin may not (403)', async () => {
    const r = await svc.markAttendance(staff(), classA, { teacherId: teachers[3] ?? '', slot: 'arrive' });
    expect(r.status).toBe('checked_in');
    expect(
      (
        await thrown(
          svc.markAttendance(actor('bureau_admin', county), classA, {
            teacherId: teachers[3] ?? '',
            slot: 'arrive',
          }),
        )
      ).status,
    ).toBe(403);
  });
});

describe('leave requests', () => {
  it('a teacher asks leave for a session; staff approve it; the live board counts it; no second request', async () => {
    nowMs = Date.parse('2021-09-06T01:00:00Z');
    const staff = actor('provider_staff', provider);
    const d = await svc.get(staff, classA);
    const session = d.sessions.find((s) => s.title === '专题讲座');
    const me = actor('teacher', school, teachers[1] ?? '');
    const l = await svc.requestLeave(me, classA, {
      sessionId: session?.id ?? '',
      reason: '学校期中考试监考',
    });
    expect(l.status).toBe('pending');
    expect(
      (await thrown(svc.requestLeave(me, classA, { sessionId: session?.id ?? '', reason: '再来一次' }))).code,
    ).toBe('CONFLICT');
    expect(await svc.listLeave(me, classA)).toHaveLength(1);
    const other = actor('teacher', school, teachers[2] ?? '');
    expect(await svc.listLeave(other, classA)).toHaveLength(0);
    // another provider cannot decide; the class's provider can, once
    expect(
      (await thrown(svc.decideLeave(actor('provider_staff', otherProvider), classA, l.id, { approve: true })))
        .status,
    ).toBe(404);
    const ok = await svc.decideLeave(staff, classA, l.id, { approve: true, note: '同意' });
    expect(ok.status).toBe('approved');
    expect((await thrown(svc.decideLeave(staff, classA, l.id, { approve: false }))).code).toBe('CONFLICT');
    const live = await svc.live(staff, classA, `s${session?.id}`);
    expect(live.onLeave).toBe(1);
    expect(live.notYet.map((n) => n.teacherId)).not.toContain(teachers[1]);
  });
  it('a teacher outside the class cannot ask leave (404); a past session is refused', async () => {
    const staff = actor('provider_staff', provider);
    const d = await svc.get(staff, classA);
    const first = d.sessions.find((s) => s.title === '开班典礼');
    expect(
      (
        await thrown(
          svc.requestLeave(actor('teacher', school, outsider), classA, {
            sessionId: first?.id ?? '',
            reason: '有事请假',
          }),
        )
      ).status,
    ).toBe(404);
    nowMs = Date.parse('2021-09-07T01:00:00Z');
    const past = await thrown(
      svc.requestLeave(actor('teacher', school, teachers[2] ?? ''), classA, {
        sessionId: first?.id ?? '',
        reason: '补请假条',
      }),
    );
    expect(past.details).toMatchObject({ ruleId: 'Y-004-LEAVE' });
    nowMs = Date.parse('2021-09-06T01:00:00Z');
  });
});

describe('short-code guessing (Y-004-QR-ROTATE)', () => {
  const t0 = Date.parse('2021-09-06T01:00:00Z');
  it('10 wrong short codes in 5 minutes: the 11th attempt is refused (429) even with the right code; later it works', async () => {
    nowMs = t0 + 3_600_000; // an hour on: the class is open all day
    const who = actor('teacher', school, teachers[3] ?? '');
    const d = await svc.display(actor('provider_staff', provider), classA, 'register');
    const wrong = String((Number(d.shortCode) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 10; i++)
      expect((await thrown(svc.checkin(who, { code: wrong }))).code).toBe('VALIDATION_FAILED');
    const limited = await thrown(svc.checkin(who, { code: d.shortCode }));
    expect(limited.code).toBe('RATE_LIMITED');
    expect(limited.details).toMatchObject({ ruleId: 'Y-004-QR-ROTATE' });
    // the QR token is not limited
    expect((await svc.checkin(who, { t: d.token })).slot).toBe('register');
    nowMs += 5 * 60_000;
    const fresh = await svc.display(actor('provider_staff', provider), classA, 'arrive');
    expect((await svc.checkin(who, { code: fresh.shortCode })).slot).toBe('arrive');
    nowMs = t0;
  });

  it('hardening: the short-code limit is kept in the database: 10 wrong codes spread over two servers make the 11th wait on both', async () => {
    nowMs = t0 + 3_600_000;
    const other = createClassesService({
      db: h.db,
      repo: createClassesRepository(h.db),
      programmes: programmesForClasses(createProgramsRepository(h.db)),
      throttle: createThrottleService({ repo: createThrottleRepository(h.db) }),
      audit: createAuditService({ db: h.db }),
      checkinSecret: SECRET,
      clock: () => new Date(nowMs),
    });
    const who = actor('teacher', school, teachers[4] ?? '');
    const d = await svc.display(actor('provider_staff', provider), classA, 'register');
    const wrong = String((Number(d.shortCode) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 10; i++)
      expect((await thrown((i % 2 ? svc : other).checkin(who, { code: wrong }))).code).toBe(
        'VALIDATION_FAILED',
      );
    for (const server of [svc, other]) {
      const limited = await thrown(server.checkin(who, { code: d.shortCode }));
      expect(limited.code).toBe('RATE_LIMITED');
      expect(limited.details).toMatchObject({ retryAfterSeconds: 300 });
    }
    nowMs = t0;
  });
});

// ── authperf: a nomination that stops being selected leaves (or never enters) the class (R-004-18) ──
describe('withdrawn nominations and enrolment (R-004-18)', () => {
  it('removeEnrolmentsOfNomination takes the teacher out of the class, once', async () => {
    const t = await selectedTeacher(programmeId, school);
    const c = actor('bureau_admin', city);
    const k = await svc.create(c, {
      programmeId,
      name: '撤回测试班',
      startDate: '2021-09-06',
      endDate: '2021-09-10',
      providerOrgId: provider.id,
    });
    expect((await svc.enrol(c, k.id, { teacherIds: [t] })).enrolled).toBe(1);
    const nom = await h.db
      .selectFrom('nominations')
      .select(['county_id', 'id'])
      .where('teacher_id', '=', t)
      .executeTakeFirstOrThrow();
    const left = await removeEnrolmentsOfNomination(h.db, nom.county_id, nom.id);
    expect(left).toEqual([k.id]);
    expect((await svc.enrolments(c, k.id)).map((e) => e.teacherId)).not.toContain(t);
    expect(await removeEnrolmentsOfNomination(h.db, nom.county_id, nom.id)).toEqual([]);
  });

  it('an enrolment that read the nomination as selected before it was withdrawn places nobody (the INSERT re-checks)', async () => {
    const t = await selectedTeacher(programmeId, school);
    const c = actor('bureau_admin', city);
    const k = await svc.create(c, {
      programmeId,
      name: '竞态测试班',
      startDate: '2021-09-06',
      endDate: '2021-09-10',
      providerOrgId: provider.id,
    });
    const programsRepo = createProgramsRepository(h.db);
    const noms = await programsRepo.selectedNominations(programmeId, [t]); // what enrol read …
    expect(noms).toHaveLength(1);
    await h.db.updateTable('nominations').set({ status: 'withdrawn' }).where('teacher_id', '=', t).execute(); // … then withdrawn
    const placed = await createClassesRepository(h.db).enrol(
      noms.map((n) => ({
        countyId: n.county_id,
        teacherId: n.teacher_id,
        nominationId: n.id,
        orgPath: n.org_path,
      })),
      k.id,
      programmeId,
      h.db,
    );
    expect(placed).toEqual([]);
  });
});

describe('the check-in path under load', () => {
  it('concurrent check-ins of a class share one load of the class (no reload stampede when the copy expires)', async () => {
    const queries: string[] = [];
    const counting = h.db.withPlugin({
      transformQuery: (args) => {
        queries.push(args.node.kind);
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const fresh = createClassesService({
      db: counting,
      repo: createClassesRepository(counting),
      programmes: programmesForClasses(createProgramsRepository(counting)),
      throttle: createThrottleService({ repo: createThrottleRepository(counting) }),
      audit: createAuditService({ db: counting }),
      checkinSecret: SECRET,
      clock: () => new Date(nowMs),
    });
    nowMs = Date.parse('2021-09-06T01:00:00Z');
    const bureau = actor('bureau_admin', city);
    const k = await svc.create(bureau, {
      programmeId,
      name: '并发签到班',
      startDate: '2021-09-06',
      endDate: '2021-09-10',
      providerOrgId: provider.id,
    });
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await selectedTeacher(programmeId, school));
    expect((await svc.enrol(bureau, k.id, { teacherIds: ids })).enrolled).toBe(8);
    const d = await svc.display(bureau, k.id, 'register');
    queries.length = 0;
    const results = await Promise.all(
      ids.map((id) => fresh.checkin(actor('teacher', school, id), { t: d.token })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill('checked_in'));
    // ONE INSERT for the 8 (group commit, shared/batch.ts) and one load of the class (class row, sessions,
    // pack): not 8 of either
    expect(queries.filter((q) => q === 'RawNode')).toHaveLength(1);
    expect(queries.filter((q) => q === 'SelectQueryNode').length).toBeLessThanOrEqual(3);
    const rows = await h.db
      .selectFrom('attendance')
      .select(['teacher_id', 'method'])
      .where('class_id', '=', k.id)
      .where('slot', '=', 'register')
      .execute();
    expect(rows.map((r) => r.teacher_id).sort()).toEqual([...ids].sort());
  });

  it('without CHECKIN_SECRET two servers agree: the key is made once in app_secrets, a code shown by one is accepted by the other; CHECKIN_SECRET servers do not accept it', async () => {
    nowMs = Date.parse('2021-09-06T01:00:00Z');
    const server = (checkinSecret?: Buffer) =>
      createClassesService({
        db: h.db,
        repo: createClassesRepository(h.db),
        programmes: programmesForClasses(createProgramsRepository(h.db)),
        throttle: createThrottleService({ repo: createThrottleRepository(h.db) }),
        audit: createAuditService({ db: h.db }),
        ...(checkinSecret ? { checkinSecret } : {}),
        clock: () => new Date(nowMs),
      });
    const [a, b] = [server(), server()];
    const bureau = actor('bureau_admin', city);
    const k = await svc.create(bureau, {
      programmeId,
      name: '两台服务器签到班',
      startDate: '2021-09-06',
      endDate: '2021-09-10',
      providerOrgId: provider.id,
    });
    const ids = [await selectedTeacher(programmeId, school), await selectedTeacher(programmeId, school)];
    expect((await svc.enrol(bureau, k.id, { teacherIds: ids })).enrolled).toBe(2);
    const shown = await a.display(bureau, k.id, 'register');
    expect((await b.checkin(actor('teacher', school, ids[0]), { t: shown.token })).status).toBe('checked_in');
    const keys = await h.db
      .selectFrom('app_secrets')
      .select(['name', 'value'])
      .where('name', '=', 'checkin')
      .execute();
    expect(keys.map((x) => x.value.length)).toEqual([32]);
    // a server with its own CHECKIN_SECRET (svc) refuses the code made with the database's key
    await expect(svc.checkin(actor('teacher', school, ids[1]), { t: shown.token })).rejects.toMatchObject({
      details: expect.objectContaining({ reason: 'invalid' }),
    });
  });

  it('a teacher tapping twice inside one batch is written once: one checked_in, one already; a stranger in the same batch is refused', async () => {
    nowMs = Date.parse('2021-09-06T01:00:00Z');
    const bureau = actor('bureau_admin', city);
    const k = await svc.create(bureau, {
      programmeId,
      name: '同批重复签到班',
      startDate: '2021-09-06',
      endDate: '2021-09-10',
      providerOrgId: provider.id,
    });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await selectedTeacher(programmeId, school));
    expect((await svc.enrol(bureau, k.id, { teacherIds: ids })).enrolled).toBe(3);
    const stranger = await selectedTeacher(programmeId, school); // selected, not enrolled in this class
    const d = await svc.display(bureau, k.id, 'register');
    const [a, b, c, x, e] = await Promise.allSettled([
      svc.checkin(actor('teacher', school, ids[0]), { t: d.token }),
      svc.checkin(actor('teacher', school, ids[0]), { t: d.token }),
      svc.checkin(actor('teacher', school, ids[1]), { t: d.token }),
      svc.checkin(actor('teacher', school, stranger), { t: d.token }),
      svc.checkin(actor('teacher', school, ids[2]), { t: d.token }),
    ]);
    const status = (r: PromiseSettledResult<{ status: string }>) =>
      r.status === 'fulfilled' ? r.value.status : 'refused';
    expect([a, b].map(status).sort()).toEqual(['already', 'checked_in']);
    expect(status(c)).toBe('checked_in');
    expect(status(e)).toBe('checked_in');
    expect(status(x)).toBe('refused');
    const n = await h.db
      .selectFrom('attendance')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('class_id', '=', k.id)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(3);
  });
});
