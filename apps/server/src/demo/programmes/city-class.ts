/**
 * P2, the 市培 for rural backbone teachers: an approved plan and a class in its second week on DEMO_TODAY, with
 * check-ins that differ by county, a refused nomination, an approved and a pending leave request, the first
 * outcomes of four trainees waiting for review, and a no-show on the 诚信档案.
 */
import { AppError } from '../../shared/app-error';
import { type AttendanceRow, type Enrolled, enrolled, insertAttendance, mark } from './attendance';
import { DEMO_TODAY, type DemoClass, type DemoProgramme, type PackYearContext } from './context';
import { PDF, timetable } from './plan-bodies';
import { candidates, cascade, nominateAll, seatPlan } from './selection';

export async function loadCityProgramme(
  ctx: PackYearContext,
): Promise<{ programme: DemoProgramme; class: DemoClass }> {
  const { db, s, rng, at, city, provider, cityOrg, providerOrg, countyActor, teacherActor, packId } = ctx;
  const p2Picks = await candidates(ctx, 'rural', cityOrg.path, 58);
  const bySchool2 = new Map<string, number>();
  for (const p of p2Picks) bySchool2.set(p.school_id, (bySchool2.get(p.school_id) ?? 0) + 1);
  const short2 = [...bySchool2]
    .filter(([, n]) => n >= 2)
    .slice(0, 2)
    .map(([sid]) => sid);
  const plan2 = seatPlan(ctx, p2Picks, new Set(short2));
  at('2026-10-08');
  const p2 = await s.programs.createProgramme(city, {
    packId,
    projectTypeCode: 'rural_backbone',
    level: 'city',
    title: '清远市2026年乡村骨干教师素质提升培训（市培）',
    selectionDeadline: '2026-11-06',
    startDate: '2026-11-16',
    endDate: '2026-12-31',
    totalSeats: plan2.total,
  });
  at('2026-10-15');
  await cascade(ctx, p2.id, 'city', plan2);
  at('2026-10-22');
  await nominateAll(ctx, p2.id, p2Picks);
  // a refused attempt: a teacher of a city-centre (城区) school is not a 乡村 teacher (R-004-72)
  const pickedCounties = [...new Set(p2Picks.map((p) => p.county_id))];
  const urban =
    pickedCounties.length === 0
      ? undefined
      : await db
          .selectFrom('teachers as t')
          .innerJoin('orgs as o', 'o.id', 't.school_id')
          .select(['t.id', 't.county_id'])
          .where('o.location_type', '=', 'urban')
          .where('t.status', '=', 'active')
          .where('t.org_path', 'like', `${cityOrg.path}%`)
          .where('t.county_id', 'in', pickedCounties)
          .orderBy('t.id')
          .executeTakeFirst();
  if (urban) {
    try {
      await s.programs.nominate(countyActor(urban.county_id), p2.id, {
        teacherId: urban.id,
        quotaOrgId: urban.county_id,
      });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  at('2026-11-09');
  const c2 = await s.classes.create(city, {
    programmeId: p2.id,
    name: '乡村骨干教师素质提升培训（市培）第一期',
    periodNo: 1,
    startDate: '2026-11-16',
    endDate: '2026-11-27',
    venue: '清远市第一中学学术报告厅',
    providerOrgId: providerOrg.id,
  });
  const t2 = timetable('2026-11-16', 10);
  const s2: Array<{ id: string; date: string; startsAt: string }> = [];
  for (const x of t2) s2.push({ ...(await s.classes.addSession(city, c2.id, x)), ...x });
  await s.classes.enrol(city, c2.id, {});
  const e2 = await enrolled(db, c2.id);
  // rates differ by county so the dashboard shows differences
  const counties = [...new Set(e2.map((e) => e.county_id))].sort();
  const countyRate = new Map(counties.map((c) => [c, 0.8 + rng.float() * 0.18]));
  const noShow = rng.shuffle(e2)[0];
  const rows2: AttendanceRow[] = [];
  let leaveTeacher: Enrolled | undefined;
  for (const e of e2) {
    if (e === noShow) continue;
    const rate = countyRate.get(e.county_id) ?? 0.9;
    if (!rng.chance(Math.min(0.99, rate + 0.05))) continue; // not registered (注册)
    rows2.push(mark(rng, e, c2.id, 'register', '2026-11-12', '19:00', 900));
    if (!rng.chance(rate + 0.04)) continue; // registered but did not arrive (报到)
    rows2.push(mark(rng, e, c2.id, 'arrive', '2026-11-16', '08:00', 25));
    if (!leaveTeacher && rng.chance(0.2)) leaveTeacher = e;
    for (const ss of s2) {
      if (ss.date >= DEMO_TODAY) continue;
      if (e === leaveTeacher && ss.date === '2026-11-18') continue;
      if (rng.chance(rate + 0.06)) rows2.push(mark(rng, e, c2.id, `s${ss.id}`, ss.date, ss.startsAt, 15));
    }
  }
  await insertAttendance(db, rows2);
  // leave: one approved last week, one pending for tomorrow
  if (leaveTeacher) {
    at('2026-11-17');
    const sess = s2.find((x) => x.date === '2026-11-18');
    if (sess) {
      const l = await s.classes.requestLeave(
        teacherActor(leaveTeacher.teacher_id, leaveTeacher.school_id),
        c2.id,
        {
          sessionId: sess.id,
          reason: '学校期中质量检测监考，无法参加',
        },
      );
      await s.classes.decideLeave(provider, c2.id, l.id, { approve: true, note: '同意，请课后补看录像' });
    }
  }
  const other = e2.find(
    (e) =>
      e !== noShow &&
      e !== leaveTeacher &&
      rows2.some((r) => r.teacherId === e.teacher_id && r.slot === 'arrive'),
  );
  if (other) {
    at(DEMO_TODAY);
    const sess = s2.find((x) => x.date === '2026-11-24');
    if (sess) {
      await s.classes.requestLeave(teacherActor(other.teacher_id, other.school_id), c2.id, {
        sessionId: sess.id,
        reason: '家中老人住院，需陪护一天',
      });
    }
  }
  // the first outcomes, handed in during the class and waiting for the class's trainers and provider to review
  const early = e2
    .filter((e) => rows2.some((r) => r.teacherId === e.teacher_id && r.slot === 'arrive'))
    .slice(0, 4);
  at('2026-11-21');
  for (const e of early) {
    const trainee = teacherActor(e.teacher_id, e.school_id);
    const first = (await s.outcomes.myTraining(trainee)).items.find((i) => i.classId === c2.id)
      ?.requirements[0];
    if (first)
      await s.outcomes.submit(trainee, c2.id, first.key, { upload: PDF(`${first.key}-${e.teacher_id}`) });
  }
  // the no-show on the 诚信档案 (R-004-20)
  if (noShow) {
    at('2026-11-20');
    await s.programs.createIntegrity(countyActor(noShow.county_id), {
      teacherId: noShow.teacher_id,
      kind: 'no_show',
      recordDate: '2026-11-16',
      programmeId: p2.id,
      evidence: '入选后未请假、未注册、未报到（第一期 2026-11-16 开班）',
    });
  }
  return { programme: { id: p2.id, title: p2.title, level: p2.level }, class: { id: c2.id, name: c2.name } };
}
