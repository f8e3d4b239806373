/** A trainee hands in an outcome (a file or a video link) as a new version, and reads the file back. */
import type { OutcomeSubmission } from '@yanxun/contracts';
import { outcomeWindow } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import type { FileKind, Upload } from '../../files';
import { type OutcomesContext, todayOf } from '../context';
import { loadClass, ownEnrolment, rowFilter, rulesOf } from '../outcome-access';
import { accepts, outcomeDownloadName, submissionsOut } from './submission-views';

/** Refuse before an upload is read: not a trainee of the class (R-004-16). */
export async function assertCanSubmit(ctx: OutcomesContext, actor: Actor, classId: string): Promise<void> {
  await ownEnrolment(ctx, actor, classId);
}

/**
 * Hand in one requirement (a file of an allowed kind, or a link for a video requirement) as a new version.
 * Refused past the due date (Y-004-OUTCOME-DUE), for a teacher not in the class (R-004-16), for an unknown
 * requirement, and once the requirement has been accepted.
 */
export async function submit(
  ctx: OutcomesContext,
  actor: Actor,
  classId: string,
  requirementKey: string,
  input: { upload?: Upload; link?: string; note?: string },
): Promise<OutcomeSubmission> {
  const { c, teacherId, enrolment } = await ownEnrolment(ctx, actor, classId);
  const rules = await rulesOf(ctx, c);
  const req = rules.requirements.find((r) => r.key === requirementKey);
  if (!req) {
    throw new AppError('NOT_FOUND', `"${requirementKey}"不是本项目要求提交的成果`, {
      requirements: rules.requirements.map((r) => r.key),
    });
  }
  const day = todayOf(ctx);
  const w = outcomeWindow(rules.rules, { startDate: c.start_date, endDate: c.end_date }, day);
  if (!w.open) {
    const msg =
      day < w.opensOn
        ? `成果提交自开班日 ${w.opensOn} 起开放，今天（${day}）还不能提交`
        : `成果提交截止日期为 ${w.dueDate}（结业后 ${rules.rules.outcomeDueDaysAfterEnd.value} 天），今天（${day}）已过期，不能提交`;
    throw new AppError('VALIDATION_FAILED', msg, {
      ruleId: w.ruleId,
      dueDate: w.dueDate,
      opensOn: w.opensOn,
      today: day,
    });
  }
  const kinds = accepts(ctx, req);
  if (input.link !== undefined && !kinds.includes('link')) {
    throw new AppError(
      'VALIDATION_FAILED',
      `"${req.label}"须上传文件，只有课堂实录、示范课可以填写视频链接`,
      { ruleId: rules.rules.videoOutcomes.ruleId, field: 'link' },
    );
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.lockEnrolment(enrolment.countyId, c.id, teacherId, trx);
    const earlier = (await ctx.repo.submissionsOf(c.id, teacherId, trx)).filter(
      (s) => s.requirement === req.key,
    );
    const last = earlier.at(-1);
    if (last?.status === 'accepted') {
      throw new AppError('CONFLICT', `"${req.label}"已评审通过（${last.score} 分），不能再提交新版本`);
    }
    let fileId: string | null = null;
    if (input.upload) {
      const meta = await ctx.files.storeAnyOf(
        actor,
        {
          id: enrolment.orgPath.split('/').filter(Boolean).at(-1) ?? c.provider_org_id,
          path: enrolment.orgPath,
        },
        'outcome',
        kinds.filter((k): k is FileKind => k !== 'link'),
        input.upload,
        { trx, ruleId: rules.rules.videoOutcomes.ruleId },
      );
      fileId = meta.id;
    } else if (!input.link) {
      throw new AppError('VALIDATION_FAILED', '请上传文件或填写视频链接', { field: 'file' });
    }
    const sid = await ctx.repo.insertSubmission(
      {
        countyId: enrolment.countyId,
        classId: c.id,
        programmeId: c.programme_id,
        teacherId,
        orgPath: enrolment.orgPath,
        requirement: req.key,
        fileId,
        link: fileId ? null : (input.link ?? null),
        note: input.note ?? '',
        submittedBy: actor.accountId,
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'outcome.submit',
        entity: 'outcome_submission',
        entityId: sid,
        details: { classId: c.id, requirement: req.key, version: (last?.version ?? 0) + 1 },
      },
      trx,
    );
    return sid;
  });
  const row = await ctx.repo.findSubmission(id);
  if (!row) throw new AppError('INTERNAL', '成果写入后未找到');
  return (await submissionsOut(ctx, rules, [row]))[0] as OutcomeSubmission;
}

/** The bytes of an outcome file: the teacher's own, or for reviewers and bureaus who see the class. */
export async function outcomeFile(
  ctx: OutcomesContext,
  actor: Actor,
  submissionId: string,
): Promise<{ name: string; mime: string; content: Buffer }> {
  const s = isId(submissionId) ? await ctx.repo.findSubmission(submissionId) : undefined;
  if (!s?.file_id) throw notFound('成果文件');
  const c = await loadClass(ctx, s.class_id);
  if (s.teacher_id !== actor.teacherId) {
    const keep = rowFilter(actor, c);
    if (!keep?.(s.org_path)) throw notFound('成果文件');
  }
  const [meta, content] = await Promise.all([ctx.files.meta(s.file_id), ctx.files.content(s.file_id)]);
  if (!meta || !content) throw notFound('成果文件');
  const label = (await rulesOf(ctx, c)).requirements.find((r) => r.key === s.requirement)?.label ?? '成果';
  return { name: outcomeDownloadName(s.teacher_name, label, meta.name), mime: meta.mime, content };
}
