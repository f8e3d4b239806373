/**
 * The annual plan on the 《年度校本研修方案申请表》 (R3-S03): the school submits it (a late one is accepted and
 * marked with the rule), the 进修学校 approves it or returns it with a reason, and every version is kept.
 */
import type {
  DecideSchoolPlan,
  SchoolPlanList,
  SchoolPlanRow,
  SchoolPlanVersion,
  SchoolResearchForm,
  SubmitSchoolPlan,
} from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { can, requirePermission } from '../../shared/permissions';
import { dateOf } from '../../shared/time';
import { visibleOr404 } from '../../shared/visibility';
import type { SchoolResearchContext } from './context';
import { loadSchool, planStanding, yearRules } from './school-access';
import type { PlanRow } from './school-research.repository';

export function toPlanVersion(p: PlanRow): SchoolPlanVersion {
  return {
    id: p.id,
    version: p.version,
    status: p.status as SchoolPlanVersion['status'],
    form: p.form as SchoolResearchForm,
    submittedOn: p.submitted_on,
    submittedAt: p.submitted_at.toISOString(),
    late: p.late,
    decidedAt: p.decided_at?.toISOString() ?? null,
    returnReason: p.return_reason,
  };
}

/** Submit the year's plan, or resubmit it after a return (the next version). */
export async function submitPlan(
  ctx: SchoolResearchContext,
  actor: Actor,
  schoolId: string,
  req: SubmitSchoolPlan,
): Promise<SchoolPlanVersion> {
  const school = await loadSchool(ctx, actor, schoolId, 'school_research.submit');
  const rules = await yearRules(ctx, school.path, req.schoolYear);
  const today = dateOf(ctx.now());
  const { due, finding } = planStanding(rules, today, today);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const versions = await ctx.repo.plansOf(school.id, req.schoolYear, trx, true);
    const last = versions.at(-1);
    if (last?.status === 'submitted')
      throw new AppError('CONFLICT', '本学年的校本研修方案正在审核中，请等待审核结果', { planId: last.id });
    if (last?.status === 'approved')
      throw new AppError('CONFLICT', '本学年的校本研修方案已审核通过，不能再次提交', { planId: last.id });
    const planId = await ctx.repo.insertPlan(
      {
        county_id: school.countyId,
        school_id: school.id,
        org_path: school.path,
        school_year: req.schoolYear,
        version: (last?.version ?? 0) + 1,
        form: JSON.stringify(req.form),
        status: 'submitted',
        submitted_on: today,
        submitted_at: ctx.now(),
        submitted_by: actor.accountId,
        due_on: due.lastDay,
        late: finding !== null,
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'school_research.plan_submit',
        entity: 'school_research_plan',
        entityId: planId,
        orgId: school.id,
        details: {
          schoolYear: req.schoolYear,
          version: (last?.version ?? 0) + 1,
          lastDay: due.lastDay,
          late: finding !== null,
          ...(finding ? { ruleId: finding.rule } : {}),
        },
      },
      trx,
    );
    return planId;
  });
  const row = await ctx.repo.planById(id);
  if (!row) throw new AppError('INTERNAL', '方案保存后未找到');
  return toPlanVersion(row);
}

/** The 进修学校 approves the submitted plan or returns it with a reason. */
export async function decidePlan(
  ctx: SchoolResearchContext,
  actor: Actor,
  planId: string,
  req: DecideSchoolPlan,
): Promise<SchoolPlanVersion> {
  requirePermission(actor, 'school_research.review');
  const found = /^\d{1,19}$/.test(planId) ? await ctx.repo.planById(planId) : undefined;
  const plan = visibleOr404(found, (p) => can(actor, 'school_research.read', p.org_path), '校本研修方案');
  requirePermission(actor, 'school_research.review', plan.org_path);
  await ctx.db.transaction().execute(async (trx) => {
    const now = await ctx.repo.planById(plan.id, trx, true);
    if (now?.status !== 'submitted')
      throw new AppError('CONFLICT', '该方案已审核，或已有新的版本', { status: now?.status ?? null });
    const reason = req.decision === 'return' ? req.reason : null;
    await ctx.repo.decidePlan(
      { countyId: plan.county_id, id: plan.id },
      {
        status: req.decision === 'approve' ? 'approved' : 'returned',
        by: actor.accountId,
        at: ctx.now(),
        reason,
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: req.decision === 'approve' ? 'school_research.plan_approve' : 'school_research.plan_return',
        entity: 'school_research_plan',
        entityId: plan.id,
        orgId: plan.school_id,
        details: { schoolYear: plan.school_year, version: plan.version, reason },
      },
      trx,
    );
  });
  const row = await ctx.repo.planById(plan.id);
  if (!row) throw new AppError('INTERNAL', '方案未找到');
  return toPlanVersion(row);
}

/** The plans of the schools in the actor's scope for a school year: the newest version, status and late flag. */
export async function listPlans(
  ctx: SchoolResearchContext,
  actor: Actor,
  query: { schoolYear?: string | undefined },
): Promise<SchoolPlanList> {
  const scope = requirePermission(actor, 'school_research.read');
  const rules = await yearRules(ctx, scope[0] ?? '/', query.schoolYear);
  const today = dateOf(ctx.now());
  const rows = await ctx.repo.plansUnder(scope, rules.schoolYear);
  const bySchool = new Map<string, PlanRow[]>();
  for (const r of rows) bySchool.set(r.school_id, [...(bySchool.get(r.school_id) ?? []), r]);
  const [orgs, own] = await Promise.all([
    ctx.orgs.findByIds([...bySchool.keys()]),
    // each school's plan judged by the rules in force for it (a county's own pack), not the reader's
    ctx.rules.communityRulesAt(
      rows.map((r) => r.org_path),
      today,
    ),
  ]);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const plans: SchoolPlanRow[] = [];
  for (const [schoolId, versions] of bySchool) {
    const first = versions[0];
    const last = versions.at(-1);
    if (!first || !last) continue;
    const community = own.get(last.org_path) ?? rules.community;
    const { due, finding } = planStanding({ ...rules, community }, first.submitted_on, today);
    plans.push({
      planId: last.id,
      schoolId,
      schoolName: names.get(schoolId) ?? '',
      schoolYear: last.school_year,
      version: last.version,
      status: last.status as SchoolPlanRow['status'],
      theme: (last.form as SchoolResearchForm).theme,
      firstSubmittedOn: first.submitted_on,
      submittedOn: last.submitted_on,
      late: first.late,
      due,
      finding,
      canDecide: last.status === 'submitted' && can(actor, 'school_research.review', last.org_path),
    });
  }
  return { schoolYear: rules.schoolYear, due: planStanding(rules, null, today).due, plans };
}
