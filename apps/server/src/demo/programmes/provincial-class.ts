/**
 * P1, the 省培: a provincial backbone programme whose provider's plan is approved, its class held five weeks
 * before the as-of (script: October) and finished: the class dates, 报到通知书, 课程表, three 工作简报 and the
 * final reports in on time (R-004-09…15), attendance, outcomes reviewed (one returned and handed in again),
 * completion, and what the province has spent on it.
 */
import { type AttendanceRow, enrolled, insertAttendance, mark } from './attendance';
import type { Candidate, DemoClass, DemoProgramme, PackYearContext } from './context';
import { submitDocument } from './documents';
import { backbonePlanBody, PDF, timetable } from './plan-bodies';
import { candidates, cascade, nominateAll, seatPlan } from './selection';

export async function loadProvincialProgramme(
  ctx: PackYearContext,
): Promise<{ programme: DemoProgramme; class: DemoClass }> {
  const {
    db,
    s,
    rng,
    cal,
    at,
    province,
    provider,
    cityOrg,
    providerOrg,
    teacherAcc,
    teacherActor,
    used,
    packId,
    compulsoryTopics,
  } = ctx;
  const demoTeacher = teacherAcc?.teacherId
    ? ((await db
        .selectFrom('teachers')
        .select(['id', 'school_id', 'county_id', 'org_path'])
        .where('id', '=', teacherAcc.teacherId)
        .executeTakeFirst()) as Candidate | undefined)
    : undefined;
  if (demoTeacher) used.add(demoTeacher.id);
  const p1Picks = [
    ...(demoTeacher ? [demoTeacher] : []),
    ...(await candidates(ctx, 'backbone', cityOrg.path, 38)),
  ];
  // the last pick of one school beyond its seats: waitlisted
  const bySchool = new Map<string, number>();
  for (const p of p1Picks) bySchool.set(p.school_id, (bySchool.get(p.school_id) ?? 0) + 1);
  const shortSchool = [...bySchool].find(([sid, n]) => n >= 2 && sid !== demoTeacher?.school_id)?.[0];
  const plan1 = seatPlan(ctx, p1Picks, new Set(shortSchool ? [shortSchool] : []));
  const { day } = cal;
  const start = day('2026-10-19');
  const end = day('2026-10-23');
  await at(day('2026-06-15'));
  const p1 = await s.programs.createProgramme(province, {
    packId,
    projectTypeCode: 'backbone_cultivation',
    trackCode: 'backbone',
    title: `${cal.packYear}年"省培计划"省级骨干教师培育项目（清远市）`,
    selectionDeadline: day('2026-09-30'),
    startDate: start,
    // over before the as-of: its trainees (the demo `teacher` among them) may join another programme (Y-004-OVERLAP)
    endDate: day('2026-11-20'),
    totalSeats: plan1.total + 2,
  });
  // the provider's plan: drafted, sealed PDF, submitted before the pack's application deadline, approved by the province
  await at(day('2026-07-01'));
  const plan = await s.plans.createPlan(provider, p1.id, {
    body: backbonePlanBody(compulsoryTopics),
  });
  await s.plans.uploadSealedPdf(provider, plan.id, PDF('申报书（盖章）'));
  await at(day('2026-07-20'));
  await s.plans.submitPlan(provider, plan.id);
  await at(day('2026-07-28'));
  await s.plans.approvePlan(province, plan.id, { comment: '方案符合省培要求，同意实施' });

  // the class (5 days, 10 sessions), run by the demo provider: its dates reported by the pack's date (R-004-09)
  await at(day('2026-08-05'));
  const c1 = await s.classes.create(province, {
    programmeId: p1.id,
    name: '省级骨干教师培育项目清远班（第一期）',
    periodNo: 1,
    startDate: start,
    endDate: end,
    venue: '清远市教师发展中心报告厅',
    providerOrgId: providerOrg.id,
  });
  const t1 = timetable(start, 5);
  const s1: Array<{ id: string; date: string; startsAt: string }> = [];
  for (const x of t1) s1.push({ ...(await s.classes.addSession(province, c1.id, x)), ...x });

  await at(day('2026-09-14'));
  await cascade(ctx, p1.id, 'province', plan1);
  await at(day('2026-09-21'));
  await nominateAll(ctx, p1.id, p1Picks, { attestations: ['provincial_backbone_candidate'] });

  // 报到通知书 ten days and 课程表 five days before the start (R-004-10, R-004-11), the trainees enrolled between
  await submitDocument(ctx, provider, c1.id, day('2026-10-08'), 'registration_notice', '报到通知书');
  await at(day('2026-10-09'));
  await s.classes.enrol(province, c1.id, {});
  const e1 = await enrolled(db, c1.id);
  await submitDocument(ctx, provider, c1.id, day('2026-10-12'), 'timetable', '培训课程表');
  // attendance: nearly everyone; two miss too much to complete
  const weak1 = new Set(
    rng
      .shuffle(e1.filter((e) => e.teacher_id !== demoTeacher?.id))
      .slice(0, 2)
      .map((e) => e.teacher_id),
  );
  const rows1: AttendanceRow[] = [];
  for (const e of e1) {
    rows1.push(mark(rng, e, c1.id, 'register', day('2026-10-16'), '20:00', 600));
    rows1.push(mark(rng, e, c1.id, 'arrive', start, '08:00', 25));
    const rate = weak1.has(e.teacher_id) ? 0.5 : e.teacher_id === demoTeacher?.id ? 1 : 0.97;
    for (const ss of s1)
      if (rng.chance(rate)) rows1.push(mark(rng, e, c1.id, `s${ss.id}`, ss.date, ss.startsAt, 15));
  }
  await insertAttendance(db, rows1);
  // three 工作简报 during the class (R-004-14: at least 3 by its end)
  for (const [i, d] of ['2026-10-20', '2026-10-22', '2026-10-23'].entries())
    await submitDocument(ctx, provider, c1.id, day(d), 'bulletin', `工作简报（第${i + 1}期）`);

  // outcomes: handed in after the class, reviewed by the provider; one returned once and resubmitted
  await at(day('2026-10-26'));
  const keys = demoTeacher
    ? (await s.outcomes.myTraining(teacherActor(demoTeacher.id, demoTeacher.school_id))).items
        .find((i) => i.classId === c1.id)
        ?.requirements.map((r) => ({ key: r.key, file: r.part ?? r.itemName }))
    : undefined;
  // files named as a teacher names them (教学反思.pdf), never after a requirement key
  const reqKeys = keys ?? [];
  const fileOf = new Map(reqKeys.map((r) => [r.key, r.file]));
  const subs: string[] = [];
  const late = new Set(
    rng
      .shuffle(e1.filter((e) => e.teacher_id !== demoTeacher?.id))
      .slice(0, 1)
      .map((e) => e.teacher_id),
  );
  for (const e of e1) {
    if (late.has(e.teacher_id)) continue;
    for (const { key: k, file } of reqKeys) {
      const r = await s.outcomes.submit(teacherActor(e.teacher_id, e.school_id), c1.id, k, {
        upload: PDF(file),
      });
      subs.push(r.id);
    }
  }
  await at(day('2026-10-30'));
  let returned: string | undefined;
  for (const id of subs) {
    if (!returned && rng.chance(0.1)) {
      returned = id;
      await s.outcomes.review(provider, id, {
        action: 'return',
        comment: '课堂教学实录不完整，请补充后重新提交',
      });
      continue;
    }
    await s.outcomes.review(provider, id, { action: 'accept', score: rng.int(78, 96) });
  }
  if (returned) {
    const r = await db
      .selectFrom('outcome_submissions')
      .select(['teacher_id', 'requirement'])
      .where('id', '=', returned)
      .executeTakeFirstOrThrow();
    const school = e1.find((e) => e.teacher_id === r.teacher_id)?.school_id ?? '';
    await at(day('2026-11-02'));
    const again = await s.outcomes.submit(teacherActor(r.teacher_id, school), c1.id, r.requirement, {
      upload: PDF(`${fileOf.get(r.requirement) ?? '成果'}（修改稿）`),
    });
    await s.outcomes.review(provider, again.id, { action: 'accept', score: rng.int(80, 90) });
  }
  await at(day('2026-11-06'));
  await s.outcomes.run(provider, c1.id);
  // what the province has paid so far (R-004-22, R-004-23): the centralized week and the online hours; a
  // correction with its reason, as a finance officer records one
  await at(day('2026-11-10'));
  await s.plans.addSpending(province, p1.id, {
    category: 'centralized',
    amountFen: 5 * 38 * 400 * 100,
    spentOn: day('2026-11-10'),
    note: '集中培训 5 天 × 38 人（食宿、授课、场地）',
  });
  await s.plans.addSpending(province, p1.id, {
    category: 'online',
    amountFen: 38 * 60 * 3 * 100,
    spentOn: day('2026-11-10'),
    note: '网络研修 60 学时 × 38 人',
  });
  await at(day('2026-11-12'));
  await s.plans.addSpending(province, p1.id, {
    category: 'centralized',
    amountFen: -1_200 * 100,
    spentOn: day('2026-11-12'),
    note: '冲减：1 人未报到，退回住宿费',
  });
  // the final reports, within 30 days of the end (R-004-15)
  for (const item of ctx.finalReportItems)
    await submitDocument(ctx, provider, c1.id, day('2026-11-13'), 'final_report', item, item);
  return { programme: { id: p1.id, title: p1.title, level: p1.level }, class: { id: c1.id, name: c1.name } };
}
