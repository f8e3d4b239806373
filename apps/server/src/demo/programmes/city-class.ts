/**
 * P2, the 市培 for rural backbone teachers: a class of two weeks, in its first weekend or second week on the
 * as-of, with its 报到通知书 and 课程表 in on time and a 工作简报 every few days, check-ins for the sessions held
 * (by the as-of day, none after the demo's now) that differ by county, a refused nomination, an approved and a
 * pending leave request, the first outcomes of four trainees waiting for review, and a no-show on the 诚信档案.
 */
import { addDays } from '@yanxun/core';
import { AppError } from '../../shared/app-error';
import { type AttendanceRow, type Enrolled, enrolled, insertAttendance, mark } from './attendance';
import type { DemoClass, DemoProgramme, PackYearContext } from './context';
import { submitDocument } from './documents';
import { PDF, timetable } from './plan-bodies';
import { candidates, cascade, nominateAll, seatPlan } from './selection';

export async function loadCityProgramme(
  ctx: PackYearContext,
): Promise<{ programme: DemoProgramme; class: DemoClass }> {
  const { db, s, rng, cal, at, city, provider, cityOrg, providerOrg, countyActor, teacherActor, packId } =
    ctx;
  const { day, asOf } = cal;
  const start = day('2026-11-16');
  const p2Picks = await candidates(ctx, 'rural', cityOrg.path, 58);
  const bySchool2 = new Map<string, number>();
  for (const p of p2Picks) bySchool2.set(p.school_id, (bySchool2.get(p.school_id) ?? 0) + 1);
  const short2 = [...bySchool2]
    .filter(([, n]) => n >= 2)
    .slice(0, 2)
    .map(([sid]) => sid);
  const plan2 = seatPlan(ctx, p2Picks, new Set(short2));
  await at(day('2026-10-08'));
  const p2 = await s.programs.createProgramme(city, {
    packId,
    projectTypeCode: 'rural_backbone',
    level: 'city',
    title: `清远市${cal.packYear}年乡村骨干教师素质提升培训（市培）`,
    selectionDeadline: day('2026-11-06'),
    startDate: start,
    endDate: day('2026-12-31'),
    totalSeats: plan2.total,
  });
  await at(day('2026-10-15'));
  await cascade(ctx, p2.id, 'city', plan2);
  await at(day('2026-10-22'));
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
  await at(day('2026-10-29'));
  const c2 = await s.classes.create(city, {
    programmeId: p2.id,
    name: '乡村骨干教师素质提升培训（市培）第一期',
    periodNo: 1,
    startDate: start,
    endDate: day('2026-11-27'),
    venue: '清远市第一中学学术报告厅',
    providerOrgId: providerOrg.id,
  });
  const t2 = timetable(start, 10);
  const s2: Array<{ id: string; date: string; startsAt: string }> = [];
  for (const x of t2) s2.push({ ...(await s.classes.addSession(city, c2.id, x)), ...x });
  // 报到通知书 and 课程表 by their dates (R-004-10, R-004-11); the trainees enrolled once selection has closed
  await submitDocument(ctx, provider, c2.id, day('2026-11-05'), 'registration_notice', '报到通知书');
  await at(day('2026-11-09'));
  await s.classes.enrol(city, c2.id, {});
  const e2 = await enrolled(db, c2.id);
  await submitDocument(ctx, provider, c2.id, day('2026-11-10'), 'timetable', '培训课程表');
  // rates differ by county so the dashboard shows differences
  const counties = [...new Set(e2.map((e) => e.county_id))].sort();
  const countyRate = new Map(counties.map((c) => [c, 0.8 + rng.float() * 0.18]));
  const noShow = rng.shuffle(e2)[0];
  const rows2: AttendanceRow[] = [];
  const leaveDay = day('2026-11-18');
  let leaveTeacher: Enrolled | undefined;
  for (const e of e2) {
    if (e === noShow) continue;
    const rate = countyRate.get(e.county_id) ?? 0.9;
    if (!rng.chance(Math.min(0.99, rate + 0.05))) continue; // not registered (注册)
    rows2.push(mark(rng, e, c2.id, 'register', day('2026-11-12'), '19:00', 900));
    if (!rng.chance(rate + 0.04)) continue; // registered but did not arrive (报到)
    rows2.push(mark(rng, e, c2.id, 'arrive', start, '08:00', 25));
    if (!leaveTeacher && rng.chance(0.2)) leaveTeacher = e;
    for (const ss of s2) {
      // the sessions held by the as-of day (as the KPIs count them: session date ≤ today)
      if (ss.date > asOf) continue;
      if (e === leaveTeacher && ss.date === leaveDay) continue;
      if (rng.chance(rate + 0.06)) rows2.push(mark(rng, e, c2.id, `s${ss.id}`, ss.date, ss.startsAt, 15));
    }
  }
  // none after the demo's now: a demo loaded in the morning has no check-ins for the afternoon yet
  await insertAttendance(
    db,
    rows2.filter((r) => Date.parse(r.checkedAt) <= cal.now.getTime()),
  );
  // leave: one approved in the first week; one asked for yesterday, pending, for the next session after the as-of
  if (leaveTeacher) {
    await at(day('2026-11-17'));
    const sess = s2.find((x) => x.date === leaveDay);
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
  // the provider's 工作简报 every few days (R-004-14: at least 3 by the end), those dated before the as-of
  await submitDocument(ctx, provider, c2.id, day('2026-11-18'), 'bulletin', '工作简报（第1期）');
  // the no-show on the 诚信档案 (R-004-20)
  if (noShow) {
    await at(day('2026-11-20'));
    await s.programs.createIntegrity(countyActor(noShow.county_id), {
      teacherId: noShow.teacher_id,
      kind: 'no_show',
      recordDate: start,
      programmeId: p2.id,
      evidence: `入选后未请假、未注册、未报到（第一期 ${start} 开班）`,
    });
  }
  await submitDocument(ctx, provider, c2.id, day('2026-11-20'), 'bulletin', '工作简报（第2期）');
  // the first outcomes, handed in during the class and waiting for the class's trainers and provider to review
  const early = e2
    .filter((e) => e !== noShow && rows2.some((r) => r.teacherId === e.teacher_id && r.slot === 'arrive'))
    .slice(0, 4);
  await at(day('2026-11-20'));
  for (const e of early) {
    const trainee = teacherActor(e.teacher_id, e.school_id);
    const first = (await s.outcomes.myTraining(trainee)).items.find((i) => i.classId === c2.id)
      ?.requirements[0];
    if (first)
      await s.outcomes.submit(trainee, c2.id, first.key, { upload: PDF(first.part ?? first.itemName) });
  }
  const other = e2.find(
    (e) =>
      e !== noShow &&
      e !== leaveTeacher &&
      rows2.some((r) => r.teacherId === e.teacher_id && r.slot === 'arrive'),
  );
  const nextSession = s2.find((x) => x.date > asOf);
  if (other && nextSession) {
    await at(addDays(asOf, -1));
    await s.classes.requestLeave(teacherActor(other.teacher_id, other.school_id), c2.id, {
      sessionId: nextSession.id,
      reason: '家中老人住院，需陪护一天',
    });
  }
  const third = day('2026-11-25');
  if (third < asOf) await submitDocument(ctx, provider, c2.id, third, 'bulletin', '工作简报（第3期）');
  return { programme: { id: p2.id, title: p2.title, level: p2.level }, class: { id: c2.id, name: c2.name } };
}
