/**
 * Import jobs: their state as the API shows it (the stored row, overlaid with the live state of an active job),
 * the importer's own jobs and their row errors, failing a job, and forgetting dry runs past their time.
 */
import type { ImportJob, ImportKind, ImportRowError, Page } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import type { ActiveJob, ImportsContext } from '../context';
import { buildErrorWorkbook } from '../excel';
import { expiredDryRun } from '../stale';
import type { ImportJobRow, JobPatch } from './jobs.repository';

export function toJob(row: ImportJobRow, live?: JobPatch): ImportJob {
  const r = { ...row, ...live };
  return {
    id: r.id,
    kind: r.kind as ImportKind,
    fileName: r.file_name,
    status: r.status as ImportJob['status'],
    progress: Math.round((r.progress ?? 0) * 10) / 10,
    totalRows: r.total_rows ?? 0,
    validRows: r.valid_rows ?? 0,
    errorRows: r.error_rows ?? 0,
    errorCount: r.error_count ?? 0,
    toCreate: r.to_create ?? 0,
    toUpdate: r.to_update ?? 0,
    unchanged: r.unchanged ?? 0,
    committedRows: r.committed_rows ?? 0,
    commitMode: (r.commit_mode as ImportJob['commitMode']) ?? null,
    error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : null,
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
    expiresAt: r.expires_at ? r.expires_at.toISOString() : null,
  };
}

export const importPermission = (kind: ImportKind) =>
  kind === 'schools' ? 'import.schools' : 'import.teachers';

/** Change an active job's live state, and (by default) its stored row. */
export async function setState(
  ctx: ImportsContext,
  id: string,
  job: ActiveJob,
  patch: JobPatch,
  persist = true,
): Promise<void> {
  Object.assign(job.state, patch);
  if (persist) await ctx.repo.update(id, patch);
}

/** The actor's own job; anyone else's reads as not found. */
export async function loadOwn(ctx: ImportsContext, actor: Actor, id: string): Promise<ImportJobRow> {
  if (!isId(id)) throw notFound('导入任务');
  const row = await ctx.repo.find(id);
  if (!row || row.account_id !== actor.accountId) throw notFound('导入任务');
  return row;
}

/** The job failed with `err` (an AppError as it is, anything else as INTERNAL); it leaves memory. */
export async function fail(ctx: ImportsContext, id: string, job: ActiveJob, err: unknown): Promise<void> {
  const e =
    err instanceof AppError
      ? err
      : new AppError('INTERNAL', `处理失败：${(err as Error)?.message ?? String(err)}`);
  await setState(ctx, id, job, {
    status: 'failed',
    error_code: e.code,
    error_message: e.message,
    finished_at: ctx.now(),
  });
  ctx.active.delete(id);
}

/** Drop dry runs past their time from memory (their rows); they read as failed with the reason. */
export async function sweepExpired(ctx: ImportsContext): Promise<void> {
  const t = ctx.now().getTime();
  for (const [id, job] of ctx.active) {
    if (job.state.status === 'validated' && job.expiresAt && job.expiresAt.getTime() <= t)
      await fail(ctx, id, job, expiredDryRun(job.expiresAt, ctx.dryRunMinutes));
  }
}

/** At start-up: mark jobs that a previous process left unfinished as failed (nothing of them was written). */
export function recoverInterrupted(ctx: ImportsContext): Promise<number> {
  return ctx.repo.failInterrupted('服务器重启，导入已中断（未写入任何数据），请重新上传文件');
}

export async function get(ctx: ImportsContext, actor: Actor, id: string): Promise<ImportJob> {
  const row = await loadOwn(ctx, actor, id);
  return toJob(row, ctx.active.get(id)?.state);
}

export async function list(
  ctx: ImportsContext,
  actor: Actor,
  page: number,
  pageSize: number,
): Promise<Page<ImportJob>> {
  const { rows, total } = await ctx.repo.listFor(actor.accountId, (page - 1) * pageSize, pageSize);
  return { items: rows.map((r) => toJob(r, ctx.active.get(r.id)?.state)), total, page, pageSize };
}

export async function errors(
  ctx: ImportsContext,
  actor: Actor,
  id: string,
  page: number,
  pageSize: number,
): Promise<Page<ImportRowError>> {
  await loadOwn(ctx, actor, id);
  const { rows, total } = await ctx.repo.errors(id, (page - 1) * pageSize, pageSize);
  return { items: rows, total, page, pageSize };
}

export async function errorsWorkbook(
  ctx: ImportsContext,
  actor: Actor,
  id: string,
): Promise<{ fileName: string; body: Buffer }> {
  const row = await loadOwn(ctx, actor, id);
  const { rows } = await ctx.repo.errors(id, 0, 1_000_000);
  return {
    fileName: `导入错误报告-${row.file_name.replace(/\.[^.]+$/, '')}.xlsx`,
    body: await buildErrorWorkbook(rows),
  };
}

/** Resolves when the job's current phase (dry run or commit) has finished. For tests, benchmarks and the CLI. */
export async function waitFor(ctx: ImportsContext, id: string): Promise<void> {
  await ctx.active.get(id)?.done;
}
