/** Starting an import: the upload is checked, a job is stored, and its dry run runs in the background. */
import type { ImportJob, ImportKind } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { requirePermission } from '../../../shared/permissions';
import { sheetAppError } from '../../../shared/sheets/app-errors';
import type { ActiveJob, ImportsContext } from '../context';
import { fail, importPermission, setState, sweepExpired, toJob } from '../jobs/jobs';
import { SeenState } from '../stale';
import { validateSchools, validateTeachers } from './dry-run';

/** Refuse early, before an upload is read, when the role may not import this kind anywhere. */
export function assertMayImport(actor: Actor, kind: ImportKind): void {
  requirePermission(actor, importPermission(kind));
}

export async function start(
  ctx: ImportsContext,
  actor: Actor,
  kind: ImportKind,
  fileName: string,
  buf: Buffer,
): Promise<ImportJob> {
  requirePermission(actor, importPermission(kind));
  if (ctx.checkFile) {
    try {
      await ctx.checkFile(buf, fileName);
    } catch (err) {
      throw sheetAppError(err);
    }
  }
  await sweepExpired(ctx);
  const row = await ctx.repo.create(kind, fileName.slice(0, 200), actor.accountId);
  const job: ActiveJob = {
    kind,
    accountId: actor.accountId,
    teachers: [],
    schools: [],
    errorRowNumbers: new Set(),
    seen: new SeenState(),
    places: new Map(),
    expiresAt: null,
    state: {},
    done: Promise.resolve(),
  };
  ctx.active.set(row.id, job);
  job.done = runValidation(ctx, actor, row.id, job, buf, fileName);
  return toJob(row, job.state);
}

async function runValidation(
  ctx: ImportsContext,
  actor: Actor,
  id: string,
  job: ActiveJob,
  buf: Buffer,
  fileName: string,
): Promise<void> {
  try {
    await setState(ctx, id, job, { status: 'validating', progress: 0 });
    const r =
      job.kind === 'teachers'
        ? await validateTeachers(ctx, actor, job, buf, fileName)
        : await validateSchools(ctx, actor, job, buf, fileName);
    job.errorRowNumbers = new Set(r.errors.errorRows);
    await ctx.repo.saveErrors(id, r.errors.list());
    job.expiresAt = new Date(ctx.now().getTime() + ctx.dryRunMinutes * 60_000);
    await setState(ctx, id, job, {
      status: 'validated',
      progress: 100,
      total_rows: r.total,
      error_rows: job.errorRowNumbers.size,
      error_count: r.errors.count,
      expires_at: job.expiresAt,
      valid_rows: r.total - job.errorRowNumbers.size,
      to_create: r.toCreate,
      to_update: r.toUpdate,
      unchanged: r.unchanged,
    });
  } catch (err) {
    await fail(ctx, id, job, err);
  }
}
