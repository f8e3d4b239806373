/**
 * Committing a dry run: the importer's own validated job, all rows or only the valid ones. The records are
 * checked again at once (to say so now), then in the background inside one transaction that holds them and
 * writes only if they are still as the dry run saw them.
 */
import type { ImportJob, ImportKind } from '@yanxun/contracts';
import type { Database } from '../../../db/database';
import type { Actor } from '../../../shared/actor';
import { AppError } from '../../../shared/app-error';
import { requirePermission } from '../../../shared/permissions';
import { dateOf } from '../../../shared/time';
import type { SchoolWrite } from '../../org';
import type { TeacherWrite } from '../../people';
import type { ActiveJob, ImportsContext } from '../context';
import { sameSchool, sameTeacher, withPinyin } from '../dry-run/dry-run';
import { fail, importPermission, loadOwn, setState, toJob } from '../jobs/jobs';
import type { TeacherMove } from '../ports';
import { expiredDryRun, isUniqueViolation, staleDryRun } from '../stale';
import { schoolsAsSeen, teachersAsSeen } from './recheck';

export async function commit(
  ctx: ImportsContext,
  actor: Actor,
  id: string,
  mode: 'all' | 'valid',
): Promise<ImportJob> {
  const row = await loadOwn(ctx, actor, id);
  requirePermission(actor, importPermission(row.kind as ImportKind));
  const job = ctx.active.get(id);
  const status = job?.state.status ?? row.status;
  if (!job || status !== 'validated') {
    throw new AppError(
      'IMPORT_NOT_READY',
      status === 'committed' ? '该导入已完成，不能重复提交' : '该导入尚未完成校验或已失效，请重新上传文件',
      { status },
    );
  }
  if (job.expiresAt && job.expiresAt.getTime() <= ctx.now().getTime()) {
    const err = expiredDryRun(job.expiresAt, ctx.dryRunMinutes);
    await fail(ctx, id, job, err);
    throw err;
  }
  const errorRows = job.state.error_rows ?? row.error_rows;
  if (mode === 'all' && errorRows > 0) {
    throw new AppError(
      'IMPORT_HAS_ERRORS',
      `文件中有 ${errorRows} 行错误：请修正后重新上传，或选择“仅导入无误的行”`,
      {
        errorRows,
      },
    );
  }
  // say now, not only in the job, when a record changed since the dry run (the commit checks again, held)
  const keep = (r: { row: number }) => mode === 'all' || !job.errorRowNumbers.has(r.row);
  try {
    if (job.kind === 'teachers')
      await teachersAsSeen(ctx, actor, job, job.teachers.filter(keep), ctx.db, false);
    else await schoolsAsSeen(ctx, actor, job, job.schools.filter(keep), ctx.db, false);
  } catch (err) {
    await fail(ctx, id, job, err);
    throw err;
  }
  job.done = runCommit(ctx, actor, id, job, mode);
  return toJob(row, job.state);
}

async function commitTeachers(
  ctx: ImportsContext,
  actor: Actor,
  job: ActiveJob,
  mode: 'all' | 'valid',
  trx: Database,
) {
  const rows = job.teachers.filter((t) => mode === 'all' || !job.errorRowNumbers.has(t.row));
  // hold every teacher and school the commit touches, and write only if they are as the dry run saw them
  const existing = await teachersAsSeen(ctx, actor, job, rows, trx, true);
  const creates: TeacherWrite[] = [];
  const updates: Array<TeacherWrite & { id: string }> = [];
  const moves: TeacherMove[] = [];
  for (const r of rows) {
    const e = existing.get(r.idNumber);
    if (!e) creates.push(withPinyin(r));
    else if (!sameTeacher(r, e)) {
      withPinyin(r);
      if (e.school_id !== r.schoolId) {
        moves.push({
          id: e.id,
          fromCountyId: e.county_id,
          toCountyId: r.countyId,
          schoolId: r.schoolId,
          orgPath: r.orgPath,
        });
      }
      updates.push({ ...r, id: e.id, countyId: r.countyId });
    }
  }
  const today = dateOf(ctx.now());
  job.state.progress = 20;
  await ctx.people.insertTeachers(creates, today, actor.accountId, trx);
  job.state.progress = 60;
  await ctx.people.moveTeachers(moves, today, '导入调整任职学校', actor.accountId, trx);
  await ctx.people.updateTeachers(updates, trx);
  job.state.progress = 90;
  return { created: creates.length, updated: updates.length, moved: moves.length, committed: rows.length };
}

async function commitSchools(
  ctx: ImportsContext,
  actor: Actor,
  job: ActiveJob,
  mode: 'all' | 'valid',
  trx: Database,
) {
  const rows = job.schools.filter((s) => mode === 'all' || !job.errorRowNumbers.has(s.row));
  // inside the transaction (never on another connection: PGlite has only the one we hold), rows held
  const existing = await schoolsAsSeen(ctx, actor, job, rows, trx, true);
  const creates: SchoolWrite[] = [];
  const updates: Array<SchoolWrite & { id: string }> = [];
  for (const r of rows) {
    const e = existing.get(r.code);
    if (!e) creates.push(r);
    else if (!sameSchool(r, e)) updates.push({ ...r, id: e.id });
  }
  await ctx.orgs.insertSchools(creates, trx);
  await ctx.orgs.updateSchools(updates, trx);
  return { created: creates.length, updated: updates.length, moved: 0, committed: rows.length };
}

async function runCommit(
  ctx: ImportsContext,
  actor: Actor,
  id: string,
  job: ActiveJob,
  mode: 'all' | 'valid',
): Promise<void> {
  try {
    await setState(ctx, id, job, { status: 'committing', progress: 0, commit_mode: mode });
    const result = await ctx.db.transaction().execute(async (trx) => {
      await ctx.repo.lockImports(trx);
      const r =
        job.kind === 'teachers'
          ? await commitTeachers(ctx, actor, job, mode, trx)
          : await commitSchools(ctx, actor, job, mode, trx);
      await ctx.audit.record(
        actor,
        {
          action: `import.${job.kind}.commit`,
          entity: 'import_job',
          entityId: id,
          details: { mode, ...r },
        },
        trx,
      );
      await ctx.repo.update(
        id,
        { status: 'committed', progress: 100, committed_rows: r.committed, finished_at: ctx.now() },
        trx,
      );
      return r;
    });
    Object.assign(job.state, { status: 'committed', progress: 100, committed_rows: result.committed });
    ctx.active.delete(id);
  } catch (err) {
    // the transaction rolled back: nothing of this import was written
    await fail(
      ctx,
      id,
      job,
      isUniqueViolation(err) ? staleDryRun(job.kind === 'teachers' ? '教师' : '学校', []) : err,
    );
  }
}
