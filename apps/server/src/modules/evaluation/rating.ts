/**
 * The rater's side: the assigned subjects (nothing else: an unassigned subject reads like an unknown id), the
 * sheet per subject with each unit's range, the subject's evidence and self-score and the live values as suggested
 * scores; saving checks every unit with core's `checkEntry` (out of range → 400 naming the unit, the value and the
 * maximum; finer than a tenth refused: Y-EVAL-ROUNDING); departing from a live suggestion needs a reason;
 * submitting needs every unit scored and locks the sheet.
 */
import type { RaterSheet, RaterTask, SaveSheet } from '@yanxun/contracts';
import { checkEntry, rubricUnits } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { requirePermission } from '../../shared/permissions';
import { loadTask, type TaskAccess, wrongStatus } from './campaign-access';
import { rubricOfCampaign } from './campaigns';
import type { CampaignRow, SubjectRow } from './campaigns.repository';
import type { EvaluationContext } from './context';
import { liveValues } from './metrics';
import { unitsOf } from './rubrics';
import type { RaterRow } from './scoring.repository';
import { entryOf, type Sheet, selfScoresOf, sheetOf } from './sheets';
import { evidenceBody } from './views';

function taskOf(c: CampaignRow, s: SubjectRow, r: RaterRow): RaterTask {
  const units = rubricUnits(rubricOfCampaign(c)).units;
  const sheet = sheetOf(r);
  return {
    subjectId: s.id,
    subjectName: s.name,
    campaignId: c.id,
    campaignName: c.name,
    year: c.year,
    status: c.status as RaterTask['status'],
    submitted: r.submitted_at !== null,
    scoredUnits: units.filter((u) => {
      const e = sheet.units[u.id];
      return e !== undefined && (e.score !== undefined || (e.deductions ?? []).length > 0);
    }).length,
    units: units.length,
  };
}

export async function myTasks(ctx: EvaluationContext, actor: Actor): Promise<RaterTask[]> {
  requirePermission(actor, 'evaluation.score');
  const raters = await ctx.repo.tasksOf(actor.accountId);
  const [campaigns, subjects] = await Promise.all([
    ctx.repo.findCampaigns([...new Set(raters.map((r) => r.campaign_id))]),
    ctx.repo.findSubjects(raters.map((r) => r.subject_id)),
  ]);
  return raters.flatMap((r) => {
    const c = campaigns.find((x) => x.id === r.campaign_id);
    const s = subjects.find((x) => x.id === r.subject_id);
    return c && s && c.status !== 'draft' ? [taskOf(c, s, r)] : [];
  });
}

async function sheetView(ctx: EvaluationContext, t: TaskAccess): Promise<RaterSheet> {
  const rubric = rubricOfCampaign(t.campaign);
  const [evidence, live] = await Promise.all([
    ctx.repo.evidenceOf(t.subject.county_id, [t.subject.id]),
    liveValues(ctx, t.campaign, rubric, t.subject),
  ]);
  return {
    task: taskOf(t.campaign, t.subject, t.rater),
    units: unitsOf(rubric),
    vetoes: rubricUnits(rubric)
      .vetoes.filter((v) => v.enabled)
      .map((v) => ({ id: v.id, label: v.label })),
    evidence: evidence.map(evidenceBody),
    selfScores: selfScoresOf(t.subject),
    live,
    sheet: sheetOf(t.rater),
    canEdit: t.campaign.status === 'scoring' && t.rater.submitted_at === null,
  };
}

export async function raterSheet(
  ctx: EvaluationContext,
  actor: Actor,
  subjectId: string,
): Promise<RaterSheet> {
  return sheetView(ctx, await loadTask(ctx, actor, subjectId));
}

async function loadEditable(ctx: EvaluationContext, actor: Actor, subjectId: string) {
  const t = await loadTask(ctx, actor, subjectId);
  if (t.campaign.status !== 'scoring') throw wrongStatus(t.campaign, '不能评分');
  if (t.rater.submitted_at !== null) throw new AppError('CONFLICT', '评分表已提交，不能再修改');
  return t;
}

/** Core's problems of a sheet as one refusal: every message, the first unit named with its numbers. */
function refuse(problems: ReturnType<typeof checkEntry>): never {
  const first = problems[0];
  throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('；'), {
    ruleId: 'Y-EVAL-CHECK',
    field: first?.unitId ?? 'units',
    unitId: first?.unitId,
    ...(first?.values ?? {}),
    problems,
  });
}

export async function saveSheet(
  ctx: EvaluationContext,
  actor: Actor,
  subjectId: string,
  input: SaveSheet,
): Promise<RaterSheet> {
  const t = await loadEditable(ctx, actor, subjectId);
  const rubric = rubricOfCampaign(t.campaign);
  const sheet: Sheet = input;
  const problems = checkEntry(rubric, entryOf(sheet), { missing: 'zero' });
  if (problems.length > 0) refuse(problems);
  // a score that departs from a live value's suggestion says why
  const units = rubricUnits(rubric).units;
  for (const live of await liveValues(ctx, t.campaign, rubric, t.subject)) {
    const e = sheet.units[live.unitId];
    if (e?.score === undefined || live.suggested === null || e.score === live.suggested) continue;
    if (!e.adjustReason?.trim()) {
      const title = units.find((u) => u.id === live.unitId)?.title ?? live.unitId;
      throw new AppError(
        'VALIDATION_FAILED',
        `「${title}」的评分 ${e.score} 与数据建议分 ${live.suggested} 不同，请写明调整理由`,
        {
          field: live.unitId,
          unitId: live.unitId,
          ruleId: live.ruleId,
          suggested: live.suggested,
          score: e.score,
        },
      );
    }
  }
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.updateRater(t.rater, { sheet: JSON.stringify(sheet), saved_at: now }, trx);
  });
  return raterSheet(ctx, actor, subjectId);
}

export async function submitSheet(
  ctx: EvaluationContext,
  actor: Actor,
  subjectId: string,
): Promise<RaterSheet> {
  const t = await loadEditable(ctx, actor, subjectId);
  const problems = checkEntry(rubricOfCampaign(t.campaign), entryOf(sheetOf(t.rater)), { missing: 'refuse' });
  if (problems.length > 0) refuse(problems);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.updateRater(t.rater, { submitted_at: now }, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'evaluation.sheet.submit',
        entity: 'evaluation_subject',
        entityId: t.subject.id,
        details: { campaignId: t.campaign.id, units: sheetOf(t.rater).units },
      },
      trx,
    );
  });
  return raterSheet(ctx, actor, subjectId);
}
