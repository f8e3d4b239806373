import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createServices, type Services } from '../../services';
import { createTestDatabase } from '../../test/db';
import {
  buildSelectedTeacher,
  buildTeacher,
  orgByName,
  schoolIn,
  seedRegion,
  TEST_SETTINGS,
  testActor,
  thrown,
} from '../../test/factories';
import type { OrgRow } from '../org';

let h: DatabaseHandle;
let s: Services;
let city: OrgRow;
let school: OrgRow;
let provider: OrgRow;
let otherProvider: OrgRow;
/** The services' clock: 2021-09-06 09:00 in Shanghai unless a test moves it. */
let nowMs = Date.parse('2021-09-06T01:00:00Z');
const setDay = (day: string) => {
  nowMs = Date.parse(`${day}T01:00:00Z`);
};

const actor = testActor;

const selectedTeacher = (programmeId: string, at: OrgRow) => buildSelectedTeacher(h.db, programmeId, at);

const PDF = (text: string) => ({ name: `${text}.pdf`, content: Buffer.from(`%PDF-1.4\n${text}\n%%EOF`) });
const KEY = 'demonstration_lesson';

let programmeId: string;
let classA: string;
let classB: string;
/** Class A: t[0] attends 8 of 10 sessions, t[1] 7 of 10, t[2] all but its outcome is returned, t[3] all. */
const t: string[] = [];
const tb: string[] = [];
let outsider: string;
let sessionsA: string[] = [];

async function openClass(name: string, prov: OrgRow, teachers: string[]) {
  const bureau = actor('bureau_admin', city);
  const c = await s.classes.create(bureau, {
    programmeId,
    name,
    startDate: '2021-09-06',
    endDate: '2021-09-10',
    providerOrgId: prov.id,
  });
  const sessions: string[] = [];
  for (let i = 0; i < 10; i++) {
    const day = `2021-09-${String(6 + Math.floor(i / 2)).padStart(2, '0')}`;
    const ss = await s.classes.addSession(bureau, c.id, {
      date: day,
      startsAt: i % 2 === 0 ? '08:30' : '14:00',
      endsAt: i % 2 === 0 ? '11:30' : '17:00',
      title: `专题 ${i + 1}`,
    });
    sessions.push(ss.id);
  }
  await s.classes.enrol(bureau, c.id, { teacherIds: teachers });
  return { id: c.id, sessions };
}

async function attend(classId: string, sessions: string[], teacherId: string, n: number) {
  for (const sid of sessions.slice(0, n)) {
    await s.classes.markAttendance(actor('bureau_admin', city), classId, { teacherId, slot: `s${sid}` });
  }
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db);
  city = await orgByName(h.db, 'city', '');
  school = await schoolIn(h.db, '清城', 1);
  provider = await orgByName(h.db, 'provider', '');
  otherProvider = await orgByName(h.db, 'provider', '第二师范');
  s = createServices(h.db, TEST_SETTINGS, () => new Date(nowMs));
  const p = await s.programs.createProgramme(actor('bureau_admin', city), {
    packId: 'henan-2021',
    projectTypeCode: 'rural_backbone',
    title: '乡村骨干教师素质提升（成果测试）',
    selectionDeadline: '2021-07-30',
    startDate: '2021-09-01',
    endDate: '2021-09-30',
    totalSeats: 100,
  });
  programmeId = p.id;
  for (let i = 0; i < 4; i++) t.push(await selectedTeacher(programmeId, school));
  for (let i = 0; i < 3; i++) tb.push(await selectedTeacher(programmeId, school));
  outsider = (await buildTeacher(h.db, school)).id;
  const a = await openClass('成果 A 班', provider, t);
  classA = a.id;
  sessionsA = a.sessions;
  const b = await openClass('成果 B 班', otherProvider, tb);
  classB = b.id;
  await attend(classA, sessionsA, t[0] as string, 8);
  await attend(classA, sessionsA, t[1] as string, 7);
  await attend(classA, sessionsA, t[2] as string, 10);
  await attend(classA, sessionsA, t[3] as string, 10);
  for (const x of tb) await attend(classB, b.sessions, x, 10);
});

afterAll(async () => {
  await h?.close();
});

const teacher = (id: string) => actor('teacher', school, id);
const trainer = () => actor('trainer', provider);

describe('handing in outcomes', () => {
  it('R-004-75: a rural backbone teacher owes one demonstration lesson (PDF, DOCX, MP4 or a link)', async () => {
    const mine = await s.outcomes.myTraining(teacher(t[0] as string));
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]?.requirements).toEqual([
      expect.objectContaining({
        key: KEY,
        ruleId: 'R-004-75',
        video: true,
        accepts: ['pdf', 'docx', 'mp4', 'link'],
      }),
    ]);
    expect(mine.items[0]?.attendance).toEqual({ sessions: 10, attended: 8, approvedLeave: 0 });
  });

  it('R-004-16: a teacher not enrolled in the class is refused, the rule in details', async () => {
    const err = await thrown(s.outcomes.submit(teacher(outsider), classA, KEY, { upload: PDF('x') }));
    expect(err.status).toBe(403);
    expect(err.details).toMatchObject({ ruleId: 'R-004-16' });
    expect(err.message).not.toContain('R-004-16');
    // a trainee of class B cannot hand in to class A either
    expect(
      (await thrown(s.outcomes.submit(teacher(tb[0] as string), classA, KEY, { upload: PDF('x') }))).status,
    ).toBe(403);
  });

  it('Y-004-OUTCOME-DUE: on end + 30 days accepted; the day after refused, the rule in details', async () => {
    setDay('2021-10-11');
    const late = await thrown(
      s.outcomes.submit(teacher(t[3] as string), classA, KEY, { upload: PDF('late') }),
    );
    expect(late.code).toBe('VALIDATION_FAILED');
    expect(late.message).toBe(
      '成果提交截止日期为 2021-10-10（结业后 30 天），今天（2021-10-11）已过期，不能提交',
    );
    expect(late.details).toMatchObject({ ruleId: 'Y-004-OUTCOME-DUE', dueDate: '2021-10-10' });
    setDay('2021-10-10');
    const ok = await s.outcomes.submit(teacher(t[3] as string), classA, KEY, { upload: PDF('on time') });
    expect(ok).toMatchObject({ version: 1, status: 'submitted' });
    setDay('2021-09-08');
  });

  it('Y-004-OUTCOME-VIDEO: a file of another kind is refused; a link is taken for a video requirement', async () => {
    const bad = await thrown(
      s.outcomes.submit(teacher(t[3] as string), classA, KEY, {
        upload: { name: 'x.txt', content: Buffer.from('hello') },
      }),
    );
    expect(bad.code).toBe('FILE_UNREADABLE');
    const link = await s.outcomes.submit(teacher(t[3] as string), classA, KEY, {
      link: 'https://video.example.cn/v/123',
    });
    expect(link).toMatchObject({ version: 2, link: 'https://video.example.cn/v/123', file: null });
  });

  it('return → resubmit → accept: every version kept, only the latest reviewed, accepted is final', async () => {
    const v1 = await s.outcomes.submit(teacher(t[0] as string), classA, KEY, { upload: PDF('v1') });
    const ret = await s.outcomes.review(trainer(), v1.id, { action: 'return', comment: '请补充教学反思' });
    expect(ret).toMatchObject({ status: 'returned', reviewComment: '请补充教学反思' });
    const v2 = await s.outcomes.submit(teacher(t[0] as string), classA, KEY, { upload: PDF('v2') });
    expect(v2.version).toBe(2);
    // the old version can no longer be reviewed
    expect((await thrown(s.outcomes.review(trainer(), v1.id, { action: 'accept', score: 90 }))).code).toBe(
      'CONFLICT',
    );
    const acc = await s.outcomes.review(trainer(), v2.id, { action: 'accept', score: 88 });
    expect(acc).toMatchObject({ status: 'accepted', score: 88 });
    expect(
      (await thrown(s.outcomes.submit(teacher(t[0] as string), classA, KEY, { upload: PDF('v3') }))).code,
    ).toBe('CONFLICT');
    const mine = await s.outcomes.myTraining(teacher(t[0] as string));
    expect(mine.items[0]?.requirements[0]?.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'returned'],
      [2, 'accepted'],
    ]);
    const f = await s.outcomes.file(teacher(t[0] as string), v2.id);
    expect(f.content.toString()).toContain('v2');
  });

  it('a provider of another class may not review (404); the queue shows the latest versions', async () => {
    const v = await s.outcomes.submit(teacher(t[1] as string), classA, KEY, { upload: PDF('t1') });
    expect(
      (
        await thrown(
          s.outcomes.review(actor('provider_staff', otherProvider), v.id, { action: 'accept', score: 80 }),
        )
      ).status,
    ).toBe(404);
    const q = await s.outcomes.queue(trainer(), { classId: classA, status: 'submitted' });
    expect(q.map((x) => x.teacherId)).toContain(t[1]);
    await s.outcomes.review(trainer(), v.id, { action: 'accept', score: 75 });
    const r2 = await s.outcomes.submit(teacher(t[2] as string), classA, KEY, { upload: PDF('t2') });
    await s.outcomes.review(trainer(), r2.id, { action: 'return', comment: '视频不清晰' });
    const v3 = (await s.outcomes.queue(trainer(), { classId: classA, status: 'submitted' })).find(
      (x) => x.teacherId === t[3],
    );
    await s.outcomes.review(trainer(), v3?.id as string, { action: 'accept', score: 60 });
  });
});

describe('completion', () => {
  it('Y-004-COMPLETION-RUN: not before the class end date', async () => {
    setDay('2021-09-09');
    const err = await thrown(s.outcomes.run(actor('provider_staff', provider), classA));
    expect(err.details).toMatchObject({ ruleId: 'Y-004-COMPLETION-RUN', endDate: '2021-09-10' });
    expect(err.message).not.toContain('Y-004-COMPLETION-RUN');
    setDay('2021-09-10');
  });

  it('Y-004-ATTEND-MIN at the boundary: 8/10 completes, 7/10 does not; a returned outcome fails R-004-75', async () => {
    const r = await s.outcomes.run(actor('provider_staff', provider), classA);
    expect(r).toMatchObject({ evaluated: 4, completed: 2, certificatesIssued: 2, hoursPosted: 2 });
    const row = (id: string) => r.rows.find((x) => x.teacherId === id);
    expect(row(t[0] as string)).toMatchObject({ completed: true, attendancePct: 80, hoursTenths: 1500 });
    expect(row(t[1] as string)?.completed).toBe(false);
    expect(row(t[1] as string)?.checks[0]).toMatchObject({ ruleId: 'Y-004-ATTEND-MIN', passed: false });
    expect(row(t[2] as string)?.checks.find((c) => !c.passed)?.ruleId).toBe('R-004-75');
    expect(row(t[3] as string)?.completed).toBe(true);
    expect(row(t[1] as string)?.certificate).toBeNull();
    expect(row(t[0] as string)?.certificate?.certificateNo).toMatch(
      new RegExp(`^2021-${programmeId}-0000[12]$`),
    );
  });

  it('a re-run is idempotent: no double hours, the same certificate numbers', async () => {
    const before = await s.outcomes.completion(actor('provider_staff', provider), classA);
    const again = await s.outcomes.run(actor('provider_staff', provider), classA);
    expect(again).toMatchObject({ certificatesIssued: 0, hoursPosted: 0 });
    expect(again.rows.map((r) => r.certificate?.certificateNo ?? null)).toEqual(
      before.rows.map((r) => r.certificate?.certificateNo ?? null),
    );
    const hours = await h.db
      .selectFrom('hour_entries')
      .select(['teacher_id', 'amount_tenths', 'category', 'source', 'credit_key'])
      .where('programme_id', '=', programmeId)
      .execute();
    expect(hours).toHaveLength(2);
    expect(
      hours.every((x) => x.source === 'completion' && x.credit_key === `completion:${programmeId}`),
    ).toBe(true);
    const mine = await s.outcomes.myTraining(teacher(t[0] as string));
    expect(mine.hours?.totalTenths).toBe(1500);
    expect(mine.items[0]?.completion?.certificate?.revoked).toBe(false);
  });

  it('the KPI report counts these completions (结业率 = completed ÷ judged by a run, wired through services.ts)', async () => {
    const kpis = await s.reports.programmeKpis(actor('bureau_admin', city), programmeId, { level: 'school' });
    expect(kpis.completionAvailable).toBe(true);
    const mine = kpis.rows.find((r) => r.orgId === school.id);
    // class A: t[0] and t[3] completed of 4 enrolled; class B (3 enrolled) has not completed anyone yet
    expect(mine?.completed).toBe(2);
    // the denominator is the 4 teachers class A's run judged; class B's 3 are not yet judged
    expect(mine?.assessed).toBe(4);
    expect(mine?.completionRate).toMatchObject({ numerator: 2, denominator: 4, rate: 0.5, reason: null });
  });

  it('Y-004-CERT-NO: concurrent runs of two classes of one programme number without gaps or duplicates', async () => {
    const [a, b, b2] = await Promise.all([
      s.outcomes.run(actor('provider_staff', provider), classA),
      s.outcomes.run(actor('provider_staff', otherProvider), classB),
      s.outcomes.run(actor('bureau_admin', city), classB),
    ]);
    expect(a.certificatesIssued).toBe(0);
    expect(b.certificatesIssued + b2.certificatesIssued).toBe(0); // class B has no accepted outcomes yet
    // accept class B's outcomes, then run both B runs at once
    for (const x of tb) {
      const v = await s.outcomes.submit(teacher(x), classB, KEY, { upload: PDF(x) });
      await s.outcomes.review(actor('provider_staff', otherProvider), v.id, { action: 'accept', score: 90 });
    }
    const runs = await Promise.all([
      s.outcomes.run(actor('provider_staff', otherProvider), classB),
      s.outcomes.run(actor('bureau_admin', city), classB),
      s.outcomes.run(actor('provider_staff', provider), classA),
    ]);
    expect(runs.reduce((n, r) => n + r.certificatesIssued, 0)).toBe(3);
    const certs = await h.db
      .selectFrom('certificates')
      .select(['seq', 'certificate_no'])
      .where('programme_id', '=', programmeId)
      .orderBy('seq')
      .execute();
    expect(certs.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(certs.map((c) => c.certificate_no)).size).toBe(5);
  });

  it('R-004-20: the bureau records 未结业 for a non-completer through the integrity archive; a completer is refused', async () => {
    const bureau = actor('bureau_admin', city);
    const row = await s.outcomes.recordNotCompleted(bureau, classA, t[1] as string, { evidence: '出勤不足' });
    expect(row.integrityRecorded).toBe(true);
    const rec = await h.db
      .selectFrom('integrity_records')
      .select(['kind', 'evidence'])
      .where('teacher_id', '=', t[1] as string)
      .executeTakeFirstOrThrow();
    expect(rec.kind).toBe('not_completed');
    // the evidence is the failed rules' sentences (Y-004-ATTEND-MIN), in words
    expect(rec.evidence).toContain('低于 80%，不能结业');
    const completer = await thrown(s.outcomes.recordNotCompleted(bureau, classA, t[0] as string, {}));
    expect(completer.details).toMatchObject({ ruleId: 'R-004-20' });
    expect(completer.message).not.toContain('R-004-20');
    expect((await thrown(s.outcomes.recordNotCompleted(bureau, classA, t[1] as string, {}))).code).toBe(
      'CONFLICT',
    );
  });

  it('a printable certificate for a completer; none for a non-completer', async () => {
    const html = await s.outcomes.certificate(
      teacher(t[0] as string),
      classA,
      t[0] as string,
      'https://yx.example',
    );
    expect(html).toContain('结业证书');
    expect(html).toContain(`2021-${programmeId}-`);
    expect(html).toMatch(/验证码：[0-9A-Z]{4}(-[0-9A-Z]{4}){4}<br>在 https:\/\/yx\.example\/verify 核验/);
    expect(
      (
        await thrown(
          s.outcomes.certificate(teacher(t[1] as string), classA, t[1] as string, 'https://yx.example'),
        )
      ).status,
    ).toBe(404);
    // another teacher cannot fetch someone else's certificate
    expect(
      (
        await thrown(
          s.outcomes.certificate(teacher(t[1] as string), classA, t[0] as string, 'https://yx.example'),
        )
      ).status,
    ).toBe(404);
  });

  it('hours: reversing a posting needs a reason, adds a reversal entry beside it, and a re-run does not post again', async () => {
    const bureau = actor('bureau_admin', city);
    const hrs = await s.hours.teacherHours(bureau, t[3] as string);
    expect(hrs.totalTenths).toBe(1500);
    const id = hrs.entries[0]?.id as string;
    const after = await s.hours.reverseEntry(bureau, id, { reason: '重复登记' });
    expect(after.totalTenths).toBe(0);
    expect(after.entries[0]).toMatchObject({ id, hoursTenths: 1500, reverseReason: '重复登记' });
    // the ledger holds both: the posting untouched and its negative
    const rows = await h.db
      .selectFrom('hour_entries')
      .select(['id', 'amount_tenths', 'reverses_id', 'reason'])
      .where('teacher_id', '=', t[3] as string)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id, amount_tenths: 1500, reverses_id: null, reason: null },
      { id: expect.any(String), amount_tenths: -1500, reverses_id: id, reason: '重复登记' },
    ]);
    expect((await thrown(s.hours.reverseEntry(bureau, id, { reason: '再撤一次' }))).status).toBe(409);
    // the bureau's reversal stands: a re-run posts nothing again
    await s.outcomes.run(actor('provider_staff', provider), classA);
    expect((await s.hours.teacherHours(bureau, t[3] as string)).totalTenths).toBe(0);
  });
});
