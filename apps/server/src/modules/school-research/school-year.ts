/**
 * A school's 校本研修 year as the school page reads it and the archive keeps it (R3-S09: plan, records,
 * assessments, certified 学时), and the 进修学校's semester assessment (R3-S05).
 */
import type { AssessSemester, SchoolResearchYear } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { can } from '../../shared/permissions';
import { dateOf } from '../../shared/time';
import type { SchoolResearchContext } from './context';
import { toPlanVersion } from './plans';
import { recordViews } from './records';
import { loadSchool, planStanding, yearRules } from './school-access';

export async function schoolYearView(
  ctx: SchoolResearchContext,
  actor: Actor,
  schoolId: string,
  schoolYear: string | undefined,
): Promise<SchoolResearchYear> {
  const school = await loadSchool(ctx, actor, schoolId);
  const rules = await yearRules(ctx, school.path, schoolYear);
  const [versions, records, assessments] = await Promise.all([
    ctx.repo.plansOf(school.id, rules.schoolYear),
    ctx.repo.recordsOf(school.id, rules.schoolYear),
    ctx.repo.assessmentsOf(school.id, rules.schoolYear),
  ]);
  const views = await recordViews(ctx, records);
  const { due, finding } = planStanding(rules, versions[0]?.submitted_on ?? null, dateOf(ctx.now()));
  const certified = new Map<string, { name: string; tenths: number }>();
  for (const r of views)
    for (const p of r.participants) {
      const c = certified.get(p.teacherId) ?? { name: p.teacherName, tenths: 0 };
      certified.set(p.teacherId, { name: c.name, tenths: c.tenths + p.certifiedTenths });
    }
  const last = versions.at(-1);
  return {
    schoolId: school.id,
    schoolName: school.name,
    schoolYear: rules.schoolYear,
    due,
    finding,
    plan: last ? toPlanVersion(last) : null,
    versions: versions.map(toPlanVersion),
    records: views,
    assessments: assessments.map((a) => ({
      semester: a.semester === 2 ? 2 : 1,
      grade: a.grade as SchoolResearchYear['assessments'][number]['grade'],
      comment: a.comment,
      assessedAt: a.assessed_at.toISOString(),
    })),
    yearMinTenths: rules.yearMinTenths,
    certified: [...certified.entries()]
      .map(([teacherId, c]) => ({
        teacherId,
        teacherName: c.name,
        certifiedTenths: c.tenths,
        meetsMinimum: c.tenths >= rules.yearMinTenths,
      }))
      .sort((a, b) => a.certifiedTenths - b.certifiedTenths || a.teacherName.localeCompare(b.teacherName)),
    canSubmit: can(actor, 'school_research.submit', school.path),
    canReview: can(actor, 'school_research.review', school.path),
  };
}

/** The 进修学校's assessment of a school's semester (grade and comment); assessing again replaces it. */
export async function assessSemester(
  ctx: SchoolResearchContext,
  actor: Actor,
  schoolId: string,
  req: AssessSemester,
): Promise<SchoolResearchYear['assessments'][number]> {
  const school = await loadSchool(ctx, actor, schoolId, 'school_research.review');
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.upsertAssessment(
      {
        county_id: school.countyId,
        school_id: school.id,
        school_year: req.schoolYear,
        semester: req.semester,
        org_path: school.path,
        grade: req.grade,
        comment: req.comment,
        assessed_by: actor.accountId,
        assessed_at: at,
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'school_research.assess',
        entity: 'org',
        entityId: school.id,
        orgId: school.id,
        details: { schoolYear: req.schoolYear, semester: req.semester, grade: req.grade, ruleId: 'R3-S05' },
      },
      trx,
    );
  });
  return { semester: req.semester, grade: req.grade, comment: req.comment, assessedAt: at.toISOString() };
}
