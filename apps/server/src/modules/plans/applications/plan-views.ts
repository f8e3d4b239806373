/** How a plan is shown: its summary, its versions and the pack's requirements beside the editor. */
import type {
  PlanCheckResultBody,
  PlanDetail,
  PlanRequirements,
  PlanStatus,
  PlanSummary,
  PlanVersion,
} from '@yanxun/contracts';
import {
  findProjectType,
  findTrack,
  type PolicyPack,
  type TrainingPlan,
  totalCentralizedDays,
  totalOnlineTenths,
} from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError } from '../../../shared/app-error';
import type { ProgrammeRef } from '../../programs';
import type { PlansContext } from '../context';
import { isProvider, isReviewer, type LoadedPlan, loadPlan } from '../plan-access';

/** The pack's requirements of a plan for a programme (what the editor shows beside the form). */
export function requirementsOf(pack: PolicyPack, programme: ProgrammeRef): PlanRequirements {
  const type = findProjectType(pack, programme.projectTypeCode);
  const track = type && findTrack(type, programme.trackCode);
  if (!type || !track) {
    throw new AppError('INTERNAL', `培训项目 ${programme.id} 的项目类型在政策包 ${pack.id} 中不存在`);
  }
  const d = pack.design;
  if (!d.planModes || !d.dayHoursTenths) {
    throw new AppError(
      'CONFLICT',
      `政策包 ${pack.id} 缺少培训方案的研修形式（design.planModes）或天数折算学时，请先在政策包中补充`,
      { ruleId: 'R-004-31' },
    );
  }
  const share = type.practicalShareMinPct ?? d.practicalShareMinPct;
  return {
    projectTypeName: type.name,
    trackName: track.name,
    deadline: pack.deadlines.applicationDue.value,
    deadlineRuleId: pack.deadlines.applicationDue.ruleId,
    topics: [...d.compulsoryTopics.value],
    topicsRuleId: d.compulsoryTopics.ruleId,
    modes: d.planModes.value.map((m) => ({ ...m })),
    centralizedDays: totalCentralizedDays(type, track),
    onlineHoursTenths: totalOnlineTenths(type, track),
    totalsAreMinimum: track.planTotalsAreMinimum?.value === true,
    practicalShareMinPct: share.value,
    practicalRuleId: share.ruleId,
    chiefExperts: d.staffing.value.chiefExperts,
    subjectClassTeachersPerClass: d.staffing.value.subjectClassTeachersPerClass,
    lifeClassTeachersPerClass: d.staffing.value.lifeClassTeachersPerClass,
    staffingRuleId: d.staffing.ruleId,
  };
}

export function toSummary(actor: Actor, l: LoadedPlan, submittedAt: Date | null): PlanSummary {
  const status = l.plan.status as PlanStatus;
  return {
    id: l.plan.id,
    programmeId: l.programme.id,
    programmeTitle: l.programme.title,
    ownerOrgName: l.programme.ownerOrgName,
    providerOrgId: l.plan.provider_org_id,
    providerName: l.plan.provider_name,
    status,
    currentVersion: l.plan.current_version,
    submittedAt: submittedAt?.toISOString() ?? null,
    updatedAt: l.plan.updated_at.toISOString(),
    canEdit: isProvider(actor, l.plan) && (status === 'draft' || status === 'returned'),
    canReview: isReviewer(actor, l.programme) && status === 'submitted',
  };
}

async function detail(ctx: PlansContext, actor: Actor, l: LoadedPlan): Promise<PlanDetail> {
  const versions = await ctx.repo.versions(l.plan.id);
  const metas = await ctx.files.metaOf(versions.flatMap((v) => (v.file_id ? [v.file_id] : [])));
  const out: PlanVersion[] = versions.map((v) => ({
    version: v.version,
    body: v.body as TrainingPlan,
    file: (v.file_id && metas.get(v.file_id)) || null,
    checkResult: (v.check_result as PlanCheckResultBody | null) ?? null,
    submittedAt: v.submitted_at?.toISOString() ?? null,
    decision: (v.decision as PlanVersion['decision']) ?? null,
    reviewComment: v.review_comment,
    reviewedAt: v.reviewed_at?.toISOString() ?? null,
    updatedAt: v.updated_at.toISOString(),
  }));
  const current = versions.find((v) => v.version === l.plan.current_version);
  return {
    ...toSummary(actor, l, current?.submitted_at ?? null),
    versions: out,
    requirements: requirementsOf(l.pack, l.programme),
  };
}

/** A plan with every version, for its provider and the reviewing office. */
export async function getPlan(ctx: PlansContext, actor: Actor, id: string): Promise<PlanDetail> {
  return detail(ctx, actor, await loadPlan(ctx, actor, id, 'read'));
}
