/**
 * Committing a stored dry run (all or nothing, on any server process), and the dry run's errors as a workbook.
 * A dry run cannot be committed with errors, twice, after it expired, or once a newer one superseded it.
 */
import type { CommitExamUploadRequest, ExamInputError, ExamUpload } from '@yanxun/contracts';
import { type ItemSpec, NO_STUDENTS_MESSAGE } from '@yanxun/core/exams';
import type { Database } from '../../../db/database';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { shownDateTime } from '../../../shared/time';
import type { ExamsContext } from '../context';
import { loadManaged } from '../exam-access';
import type { ExamRow } from '../exams/exams.repository';
import { buildErrorWorkbook } from './error-workbook';
import { checkRemoval } from './removal';
import {
  decodeStaged,
  type StagedRows,
  type StagedSchool,
  scoresArrayLiteral,
  stagedTotals,
} from './staging';
import { type ExamUploadRow, INSERT_CHUNK, type StudentChunk } from './upload.repository';
import { UPLOADS_LIVE_PER_EXAM } from './upload-settings';

/** The stored dry run of this exam made by this account (another account's or exam's is not found). */
async function uploadOf(
  ctx: ExamsContext,
  actor: Actor,
  row: ExamRow,
  uploadId: string,
  opts: { trx?: Database; forUpdate?: boolean; payload?: boolean; errors?: boolean } = {},
) {
  const countyId = await ctx.repo.regionKeyOf(row.owner_org_id);
  const u = /^[A-Za-z0-9_-]{1,40}$/.test(uploadId)
    ? await ctx.repo.findUpload(countyId, uploadId, opts)
    : undefined;
  if (!u || u.exam_id !== row.id || u.account_id !== actor.accountId) throw notFound('上传记录');
  return { u, countyId };
}

/** Refuse a dry run that cannot be committed (now): errors, already committed, expired, superseded. */
function refuseCommit(u: ExamUploadRow, now: Date, uploadTtlMs: number): void {
  const s = u.summary as ExamUpload;
  if (!s.ok)
    throw new AppError('IMPORT_HAS_ERRORS', `文件有 ${s.errorCount} 处错误，须全部改正后才能写入`, {
      errors: s.errorCount,
    });
  if (u.committed_at)
    throw new AppError(
      'CONFLICT',
      `这次上传已于 ${shownDateTime(u.committed_at)} 写入，不能重复写入；如需更正成绩，请重新上传并校验`,
      { reason: 'UPLOAD_COMMITTED', committedAt: u.committed_at.toISOString() },
    );
  if (u.expires_at.getTime() <= now.getTime())
    throw new AppError(
      'CONFLICT',
      `这次上传的校验结果已于 ${shownDateTime(u.expires_at)} 过期（保留 ${Math.round(uploadTtlMs / 60_000)} 分钟），请重新上传并校验`,
      { reason: 'UPLOAD_EXPIRED', expiresAt: u.expires_at.toISOString() },
    );
  if (!u.has_payload)
    throw new AppError(
      'CONFLICT',
      `这次上传已被更新的上传取代（每场考试最多保留 ${UPLOADS_LIVE_PER_EXAM} 次未写入的校验结果），请重新上传并校验`,
      { reason: 'UPLOAD_SUPERSEDED' },
    );
}

/** The stored rows as INSERT_CHUNK-row columns for `INSERT … SELECT FROM unnest` (present rows first). */
function* chunksOf(s: StagedRows): Generator<StudentChunk> {
  const n = s.studentIds.length;
  const totals = stagedTotals(s);
  for (let from = 0; from < n; from += INSERT_CHUNK) {
    const to = Math.min(n, from + INSERT_CHUNK);
    const c: StudentChunk = {
      m: s.m,
      flatScores: scoresArrayLiteral(s.scores, from * s.m, Math.min(to, s.present) * s.m),
      countyId: [],
      studentId: [],
      schoolId: [],
      schoolPath: [],
      className: [],
      absent: [],
      total: [],
      prior: [],
      row: [],
    };
    for (let i = from; i < to; i++) {
      const sc = s.schools[s.school[i] as number] as StagedSchool;
      const present = i < s.present;
      const p = s.prior[i] as number;
      c.countyId.push(sc.countyId);
      c.studentId.push(s.studentIds[i] as string);
      c.schoolId.push(sc.id);
      c.schoolPath.push(sc.path);
      c.className.push(s.classNames[s.klass[i] as number] as string);
      c.absent.push(!present);
      c.total.push(present ? (totals[i] as number) : null);
      c.prior.push(present && !Number.isNaN(p) ? p : null);
      c.row.push(s.row[i] as number);
    }
    yield c;
  }
}

/**
 * Write a stored dry run: all or nothing, in one transaction, on any server process. The exam row is locked
 * and the dry run re-read under a row lock, so two processes committing at once write once; the second is
 * refused as already committed.
 */
export async function commit(
  ctx: ExamsContext,
  actor: Actor,
  examId: string,
  uploadId: string,
  req: CommitExamUploadRequest = {},
): Promise<ExamUpload> {
  const { db, repo, audit } = ctx;
  const row = await loadManaged(ctx, actor, examId);
  const { u: head, countyId } = await uploadOf(ctx, actor, row, uploadId);
  refuseCommit(head, ctx.now(), ctx.uploadTtlMs);
  return db.transaction().execute(async (trx) => {
    await repo.lockExam(row.id, trx);
    const now = ctx.now();
    const u = await repo.findUpload(countyId, uploadId, { trx, forUpdate: true, payload: true });
    if (!u) throw notFound('上传记录');
    refuseCommit(u, now, ctx.uploadTtlMs);
    const staged = decodeStaged(u.payload as Uint8Array);
    // a dry run stored before empty sheets were refused must not wipe the exam either
    if (staged.studentIds.length === 0) throw new AppError('FILE_EMPTY', NO_STUDENTS_MESSAGE);
    const removal = await repo.countRemoved(row.id, staged.studentIds, trx);
    checkRemoval(removal, ctx.removalShare, req.confirmRemoval);
    const summary = { ...(u.summary as ExamUpload), committed: true };
    const counts = { students: summary.students, absent: summary.absent };
    const items = u.items as ItemSpec[];
    await repo.replaceStudentsFromColumns(row.id, chunksOf(staged), items, counts, trx);
    await audit.record(
      actor,
      {
        action: 'exam.scores.commit',
        entity: 'exam',
        entityId: row.id,
        orgId: row.owner_org_id,
        details: {
          students: counts.students,
          absent: counts.absent,
          items: items.length,
          upload: uploadId,
          removed: removal.removed,
        },
      },
      trx,
    );
    await repo.markUploadCommitted(countyId, uploadId, now, summary, trx);
    return summary;
  });
}

/** The dry run's errors (up to UPLOAD_ERRORS_KEPT) while it is kept. */
async function uploadErrors(
  ctx: ExamsContext,
  actor: Actor,
  examId: string,
  uploadId: string,
): Promise<ExamInputError[]> {
  const row = await loadManaged(ctx, actor, examId);
  const { u } = await uploadOf(ctx, actor, row, uploadId, { errors: true });
  if (u.expires_at.getTime() <= ctx.now().getTime())
    throw new AppError('CONFLICT', '这次上传的校验结果已过期，请重新上传并校验', {
      reason: 'UPLOAD_EXPIRED',
      expiresAt: u.expires_at.toISOString(),
    });
  return (u.errors ?? []) as ExamInputError[];
}

export async function uploadErrorsWorkbook(
  ctx: ExamsContext,
  actor: Actor,
  examId: string,
  uploadId: string,
) {
  const errors = await uploadErrors(ctx, actor, examId, uploadId);
  return { fileName: `成绩校验错误-${examId}.xlsx`, body: await buildErrorWorkbook(errors) };
}
