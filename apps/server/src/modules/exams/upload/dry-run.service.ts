/**
 * The dry run of a score upload: the item, score and optional prior sheets read and checked by core within the
 * upload limits, every student's school resolved in the exam owner's subtree and the uploader's scope, and the
 * result stored (exam_uploads) for a later commit on any server process; nothing is written to the exam.
 */
import { randomBytes } from 'node:crypto';
import type { ExamInputError, ExamUpload } from '@yanxun/contracts';
import { checkFullMarks, type ExamScores } from '@yanxun/core/exams';
import type { Actor } from '../../../shared/actor';
import { AppError } from '../../../shared/app-error';
import { can } from '../../../shared/permissions';
import { sheetAppError } from '../../../shared/sheets/app-errors';
import type { ExamsContext } from '../context';
import { loadManaged } from '../exam-access';
import type { SchoolOrg } from '../exams/exams.repository';
import { stageRows } from './stage-rows';
import { encodeStaged, type StagedRows } from './staging';
import {
  UPLOAD_RETAIN_MS,
  UPLOADS_LIVE_PER_EXAM,
  type UploadFile,
  type UploadFiles,
} from './upload-settings';

/** The three sheets read and checked by core in an upload worker, within the upload limits. */
async function readFiles(
  ctx: ExamsContext,
  files: { items: UploadFile; scores: UploadFile; prior?: UploadFile },
  known: Set<string>,
) {
  try {
    return await ctx.sheets.readExam(files, known, ctx.scoreFastPath);
  } catch (err) {
    throw sheetAppError(err);
  }
}

export async function upload(
  ctx: ExamsContext,
  actor: Actor,
  examId: string,
  files: UploadFiles,
): Promise<ExamUpload> {
  const { repo } = ctx;
  const row = await loadManaged(ctx, actor, examId);
  if (!files.scores) throw new AppError('VALIDATION_FAILED', '请上传成绩表（scores）', { field: 'scores' });
  if (!files.items) throw new AppError('VALIDATION_FAILED', '请上传题目表（items）', { field: 'items' });
  // students' schools: by 学校标识码 or exact full name, in the exam owner's subtree and the uploader's scope
  const under = await repo.schoolsUnder(row.owner_path);
  const byKey = new Map<string, SchoolOrg | 'ambiguous'>();
  for (const sc of under) {
    if (sc.code) byKey.set(sc.code, sc);
    const prev = byKey.get(sc.name);
    byKey.set(sc.name, prev && prev !== sc ? 'ambiguous' : sc);
  }
  const known = new Set<string>();
  for (const [k, v] of byKey) if (v !== 'ambiguous' && can(actor, 'exam.manage', v.path)) known.add(k);
  const read = await readFiles(ctx, { items: files.items, scores: files.scores, prior: files.prior }, known);
  const errors: ExamInputError[] = [];
  const itemsRead = read.items;
  errors.push(...itemsRead.errors);
  const items = itemsRead.items;
  const mismatch = itemsRead.errors.length === 0 ? checkFullMarks(items, row.full_marks) : null;
  if (mismatch) errors.push(mismatch);
  let exam: ExamScores | null = null;
  if (read.scores) {
    // a plain CSV took core's fast path; anything unusual (errors included) the general path, same result
    const sc = read.scores;
    // say why a school is not known: ambiguous name, outside the exam or the uploader's scope, or unknown
    const unknown = [
      ...new Set(sc.errors.filter((e) => e.rule === 'UNKNOWN_SCHOOL').map((e) => e.value ?? '')),
    ];
    const elsewhere = new Set(
      (await repo.schoolsByCodeOrName(unknown)).flatMap((o) => [o.code ?? '', o.name]),
    );
    for (const e of sc.errors) {
      if (e.rule !== 'UNKNOWN_SCHOOL') continue;
      const k = e.value ?? '';
      const b = byKey.get(k);
      if (b === 'ambiguous') {
        e.rule = 'AMBIGUOUS_SCHOOL';
        e.message = `第 ${e.row} 行：有多所学校名为「${k}」，请改用学校标识码`;
      } else if (b || elsewhere.has(k)) {
        e.rule = 'SCHOOL_OUT_OF_SCOPE';
        e.message = b
          ? `第 ${e.row} 行：学校「${k}」不在您的管辖范围内`
          : `第 ${e.row} 行：学校「${k}」不在本次考试的范围（${row.owner_name}）内`;
      } else e.message = `第 ${e.row} 行：系统中没有学校「${k}」（按学校标识码或全称匹配）`;
    }
    // a sheet without students is refused outright: no dry run of it is stored, so none can be committed
    const empty = sc.errors.find((e) => e.rule === 'EMPTY_FILE' || e.rule === 'NO_STUDENTS');
    if (empty) throw new AppError('FILE_EMPTY', empty.message, { file: 'scores', rule: empty.rule });
    errors.push(...sc.errors);
    exam = sc.errors.length ? null : sc.exam;
  }
  let prior = new Map<string, number>();
  if (read.prior) {
    const p = read.prior;
    errors.push(...p.errors);
    prior = p.prior;
  }
  let staged: StagedRows | null = null;
  let schoolCount = 0;
  let withPrior = 0;
  if (exam) {
    const resolved = new Map<string, SchoolOrg>();
    for (const k of [...exam.schools, ...exam.absent.map((a) => a.school)]) {
      const b = byKey.get(k);
      if (b && b !== 'ambiguous') resolved.set(k, b);
    }
    ({ staged, schoolCount, withPrior } = stageRows(exam, resolved, prior));
  }
  errors.sort((x, y) => (x.file === y.file ? x.row - y.row : x.file < y.file ? -1 : 1));
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.uploadTtlMs);
  const id = randomBytes(9).toString('base64url');
  const ok = errors.length === 0 && exam !== null;
  const summary: ExamUpload = {
    id,
    examId: row.id,
    ok,
    students: exam?.studentIds.length ?? 0,
    absent: exam?.absent.length ?? 0,
    items: items.length,
    schools: schoolCount,
    withPrior,
    errors: errors.slice(0, 200),
    errorCount: errors.length,
    committed: false,
    expiresAt: expiresAt.toISOString(),
  };
  await repo.cleanupUploads(now, UPLOAD_RETAIN_MS);
  await repo.insertUpload({
    countyId: await repo.regionKeyOf(row.owner_org_id),
    id,
    examId: row.id,
    accountId: actor.accountId,
    createdAt: now,
    expiresAt,
    summary,
    errors: errors.slice(0, ctx.maxErrorsKept),
    items,
    payload: ok && staged ? encodeStaged(staged) : null,
  });
  await repo.supersedeUploads(row.id, UPLOADS_LIVE_PER_EXAM);
  return summary;
}
