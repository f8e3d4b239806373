/**
 * The subject's own side: its users (the county bureau for a county, the school admin for a school, the host
 * school's admin for a workshop) upload evidence per scored unit while the campaign is open (PDF, images, XLSX,
 * DOCX by content, within MAX_FILE_MB; anything else refused with the reason), enter self-scores, and appeal a
 * unit's provisional score within the window (Y-EVAL-APPEAL).
 */
import type { FileAppeal, MySubject, Permission, SelfScores, SubjectView } from '@yanxun/contracts';
import { EVALUATION_EVIDENCE_KINDS } from '@yanxun/contracts';
import { checkEntry } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can, requirePermission, scopeOf } from '../../shared/permissions';
import { dateOf } from '../../shared/time';
import type { Upload } from '../files';
import { isSubjectUser, loadSubject, type SubjectAccess, wrongStatus } from './campaign-access';
import { rubricOfCampaign, summaryOf } from './campaigns';
import type { EvaluationContext } from './context';
import { unitsOf } from './rubrics';
import { selfScoresOf } from './sheets';
import { appealBody, evidenceBody } from './views';

/** Evidence files per unit and subject (a folder, not an archive). */
export const EVIDENCE_MAX_PER_UNIT = 20;
const RULE_APPEAL = 'Y-EVAL-APPEAL';

export async function mySubjects(ctx: EvaluationContext, actor: Actor): Promise<MySubject[]> {
  requirePermission(actor, 'evaluation.evidence');
  const paths = [...new Set(actor.grants.map((g) => g.orgPath))];
  const subjects = (await ctx.repo.subjectsAt(paths)).filter((s) => isSubjectUser(actor, s));
  const campaigns = (await ctx.repo.findCampaigns([...new Set(subjects.map((s) => s.campaign_id))])).filter(
    (c) => c.status !== 'draft',
  );
  const summaries = new Map((await summaryOf(ctx, campaigns)).map((c) => [c.id, c]));
  return subjects.flatMap((s) => {
    const campaign = summaries.get(s.campaign_id);
    return campaign ? [{ subjectId: s.id, subjectName: s.name, campaign }] : [];
  });
}

async function viewOf(ctx: EvaluationContext, a: SubjectAccess): Promise<SubjectView> {
  const { subject: s, campaign: c } = a;
  const units = unitsOf(rubricOfCampaign(c));
  const [evidence, appeals, summaries] = await Promise.all([
    ctx.repo.evidenceOf(c.county_id, [s.id]),
    ctx.repo.appealsOf(c.county_id, c.id),
    summaryOf(ctx, [c]),
  ]);
  const campaign = summaries[0];
  if (!campaign) throw notFound('评价活动');
  const title = new Map(units.map((u) => [u.id, u.title]));
  return {
    subjectId: s.id,
    subjectName: s.name,
    campaign,
    units,
    evidence: evidence.map(evidenceBody),
    selfScores: selfScoresOf(s),
    canUpload: a.asSubject && c.status === 'open',
    appeals: appeals
      .filter((x) => x.subject_id === s.id)
      .map((x) => appealBody(x, s.name, title.get(x.unit_id) ?? x.unit_id)),
    scorecardReady: c.status === 'appeal' || c.status === 'published',
  };
}

export async function subjectView(ctx: EvaluationContext, actor: Actor, id: string): Promise<SubjectView> {
  return viewOf(ctx, await loadSubject(ctx, actor, id));
}

/** The subject's own users only, and only while the campaign is at `status`. */
async function loadOwnSubject(
  ctx: EvaluationContext,
  actor: Actor,
  id: string,
  status: string,
  what: string,
) {
  const a = await loadSubject(ctx, actor, id);
  if (!a.asSubject)
    throw new AppError('FORBIDDEN', '只有评价对象本单位可以办理此事项', {
      permission: 'evaluation.evidence',
    });
  if (a.campaign.status !== status) throw wrongStatus(a.campaign, what);
  return a;
}

export async function uploadEvidence(
  ctx: EvaluationContext,
  actor: Actor,
  id: string,
  unitId: string | undefined,
  upload: Upload,
): Promise<SubjectView> {
  const a = await loadOwnSubject(ctx, actor, id, 'open', '不能上传佐证材料');
  const unit = unitsOf(rubricOfCampaign(a.campaign)).find((u) => u.id === unitId);
  if (!unit)
    throw new AppError('VALIDATION_FAILED', `评价标准中没有评分单元 ${unitId ?? ''}`, { field: 'unitId' });
  const existing = (await ctx.repo.evidenceOf(a.campaign.county_id, [a.subject.id])).filter(
    (e) => e.unit_id === unit.id,
  );
  if (existing.length >= EVIDENCE_MAX_PER_UNIT)
    throw new AppError(
      'VALIDATION_FAILED',
      `「${unit.title}」的佐证材料最多 ${EVIDENCE_MAX_PER_UNIT} 个文件`,
      {
        field: 'file',
        max: EVIDENCE_MAX_PER_UNIT,
      },
    );
  const ownerId = a.subject.org_path.split('/').filter(Boolean).pop() ?? a.subject.ref_id;
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const meta = await ctx.files.storeAnyOf(
      actor,
      { id: ownerId, path: a.subject.org_path },
      'evaluation_evidence',
      [...EVALUATION_EVIDENCE_KINDS],
      upload,
      { trx, ruleId: 'Y-EVAL-EVIDENCE' },
    );
    const evidenceId = await ctx.repo.insertEvidence(
      {
        county_id: a.campaign.county_id,
        subject_id: a.subject.id,
        unit_id: unit.id,
        file_id: meta.id,
        name: meta.name,
        uploaded_by: actor.accountId,
        uploaded_at: now,
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'evaluation.evidence.upload',
        entity: 'evaluation_evidence',
        entityId: evidenceId,
        orgId: ownerId,
        details: { subjectId: a.subject.id, unitId: unit.id, fileId: meta.id, name: meta.name },
      },
      trx,
    );
  });
  return subjectView(ctx, actor, id);
}

/** An evidence file for the campaign's owner, the subject's own users and the subject's raters. */
export async function evidenceFile(
  ctx: EvaluationContext,
  actor: Actor,
  subjectId: string,
  evidenceId: string,
) {
  const readers: Permission[] = ['evaluation.read', 'evaluation.evidence', 'evaluation.score'];
  if (readers.every((p) => scopeOf(actor, p).length === 0))
    throw new AppError('FORBIDDEN', '您的角色无权执行此操作', { permission: 'evaluation.read' });
  const e = isId(evidenceId) ? await ctx.repo.findEvidence(evidenceId) : undefined;
  const s = e && e.subject_id === subjectId ? await ctx.repo.findSubject(e.subject_id) : undefined;
  const c = s ? await ctx.repo.findCampaign(s.campaign_id) : undefined;
  if (!e || !s || !c) throw notFound('佐证材料');
  const visible =
    can(actor, 'evaluation.read', c.org_path) ||
    (c.status !== 'draft' && isSubjectUser(actor, s)) ||
    (scopeOf(actor, 'evaluation.score').length > 0 &&
      (await ctx.repo.findRater(s.county_id, s.id, actor.accountId)) !== undefined);
  if (!visible) throw notFound('佐证材料');
  const meta = await ctx.files.meta(e.file_id);
  const content = await ctx.files.content(e.file_id);
  if (!meta || !content) throw notFound('佐证材料');
  return { name: meta.name, mime: meta.mime, content };
}

export async function saveSelfScores(ctx: EvaluationContext, actor: Actor, id: string, input: SelfScores) {
  const a = await loadOwnSubject(ctx, actor, id, 'open', '不能修改自评分');
  const entry = {
    units: Object.fromEntries(Object.entries(input.scores).map(([u, score]) => [u, { score }])),
  };
  const problems = checkEntry(rubricOfCampaign(a.campaign), entry, { missing: 'zero' });
  const first = problems[0];
  if (first)
    throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('；'), {
      ruleId: 'Y-EVAL-CHECK',
      field: first.unitId ?? 'scores',
      problems,
    });
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.updateSubject(a.subject, { self_scores: JSON.stringify(input.scores), self_at: now }, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'evaluation.self_scores',
        entity: 'evaluation_subject',
        entityId: a.subject.id,
        details: { scores: input.scores },
      },
      trx,
    );
  });
  return subjectView(ctx, actor, id);
}

export async function fileAppeal(ctx: EvaluationContext, actor: Actor, id: string, input: FileAppeal) {
  const a = await loadOwnSubject(ctx, actor, id, 'appeal', '不能提出申诉');
  const c = a.campaign;
  const today = dateOf(ctx.now());
  if (c.appeal_closes_on === null || today > c.appeal_closes_on)
    throw new AppError('CONFLICT', `申诉期已于 ${c.appeal_closes_on ?? ''} 结束，不能再提出申诉`, {
      ruleId: RULE_APPEAL,
      appealClosesOn: c.appeal_closes_on,
    });
  const unit = unitsOf(rubricOfCampaign(c)).find((u) => u.id === input.unitId);
  if (!unit)
    throw new AppError('VALIDATION_FAILED', `评价标准中没有评分单元 ${input.unitId}`, { field: 'unitId' });
  const pending = (await ctx.repo.appealsOf(c.county_id, c.id)).some(
    (x) => x.subject_id === a.subject.id && x.unit_id === unit.id && x.status === 'pending',
  );
  if (pending) throw new AppError('CONFLICT', `「${unit.title}」已有待处理的申诉`, { unitId: unit.id });
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const appealId = await ctx.repo.insertAppeal(
      {
        county_id: c.county_id,
        campaign_id: c.id,
        subject_id: a.subject.id,
        unit_id: unit.id,
        reason: input.reason.trim(),
        filed_by: actor.accountId,
        filed_at: now,
        status: 'pending',
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'evaluation.appeal.file',
        entity: 'evaluation_appeal',
        entityId: appealId,
        details: { subjectId: a.subject.id, unitId: unit.id, ruleId: RULE_APPEAL },
      },
      trx,
    );
  });
  return subjectView(ctx, actor, id);
}
