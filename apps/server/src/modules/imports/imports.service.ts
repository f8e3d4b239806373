import type { ImportJob, ImportKind, ImportRowError, Page } from '@yanxun/contracts';
import { codeName, todayInShanghai } from '@yanxun/core';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { requirePermission } from '../../shared/permissions';
import { sheetAppError } from '../../shared/sheets/app-errors';
import type { AuditService } from '../audit';
import type { OrgRepository, OrgService, SchoolWrite } from '../org';
import { identifierView, type PeopleRepository, type TeacherWrite } from '../people';
import {
  type DryRunContext,
  type DryRunTarget,
  sameSchool,
  sameTeacher,
  validateSchools,
  validateTeachers,
  withPinyin,
} from './imports.dry-run';
import { buildErrorWorkbook, buildExport, buildTemplate } from './imports.excel';
import type { RowReader } from './imports.parser';
import { schoolsAsSeen, teachersAsSeen } from './imports.recheck';
import { createImportsRepository, type ImportJobRow, type JobPatch } from './imports.repository';
import { expiredDryRun, isUniqueViolation, SeenState, staleDryRun } from './imports.stale';

/** What an active job keeps in memory between its dry run and its commit. */
interface ActiveJob extends DryRunTarget {
  kind: ImportKind;
  accountId: string;
  /** rows that had errors, by row number: left out of a 'valid' commit */
  errorRowNumbers: Set<number>;
  /** the dry run may be committed until then */
  expiresAt: Date | null;
  done: Promise<void>;
}

function toJob(row: ImportJobRow, live?: JobPatch): ImportJob {
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

const importPermission = (kind: ImportKind) => (kind === 'schools' ? 'import.schools' : 'import.teachers');

export function createImportsService(deps: {
  db: Database;
  orgRepo: OrgRepository;
  peopleRepo: PeopleRepository;
  orgs: OrgService;
  audit: AuditService;
  /** reads an uploaded file's rows (the upload worker pool) */
  readRows: RowReader;
  /** the checks of an upload that need no reading (empty, not a sheet, zip entries, declared sizes and ratios) */
  checkFile?: (buf: Uint8Array, fileName: string) => Promise<void>;
  /** row errors kept per job (all are counted) */
  maxErrorsKept?: number;
  /** a dry run may be committed this long after it finished */
  dryRunMinutes?: number;
  clock?: () => Date;
}) {
  const { db, orgRepo, peopleRepo, audit, readRows } = deps;
  const maxErrorsKept = deps.maxErrorsKept ?? 1000;
  const dryRunMinutes = deps.dryRunMinutes ?? 120;
  const repo = createImportsRepository(db);
  const now = deps.clock ?? (() => new Date());
  const active = new Map<string, ActiveJob>();
  const dryRun: DryRunContext = { orgRepo, peopleRepo, readRows, maxErrorsKept, now };
  const recheck = { orgRepo, peopleRepo };

  async function setState(id: string, job: ActiveJob, patch: JobPatch, persist = true): Promise<void> {
    Object.assign(job.state, patch);
    if (persist) await repo.update(id, patch);
  }

  async function loadOwn(actor: Actor, id: string): Promise<ImportJobRow> {
    if (!isId(id)) throw notFound('导入任务');
    const row = await repo.find(id);
    if (!row || row.account_id !== actor.accountId) throw notFound('导入任务');
    return row;
  }

  async function runValidation(actor: Actor, id: string, job: ActiveJob, buf: Buffer, fileName: string) {
    try {
      await setState(id, job, { status: 'validating', progress: 0 });
      const r =
        job.kind === 'teachers'
          ? await validateTeachers(dryRun, actor, job, buf, fileName)
          : await validateSchools(dryRun, actor, job, buf, fileName);
      job.errorRowNumbers = new Set(r.errors.errorRows);
      await repo.saveErrors(id, r.errors.list());
      job.expiresAt = new Date(now().getTime() + dryRunMinutes * 60_000);
      await setState(id, job, {
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
      await fail(id, job, err);
    }
  }

  async function fail(id: string, job: ActiveJob, err: unknown) {
    const e =
      err instanceof AppError
        ? err
        : new AppError('INTERNAL', `处理失败：${(err as Error)?.message ?? String(err)}`);
    await setState(id, job, {
      status: 'failed',
      error_code: e.code,
      error_message: e.message,
      finished_at: now(),
    });
    active.delete(id);
  }

  // ---------- commit ----------

  async function commitTeachers(
    actor: Actor,
    _id: string,
    job: ActiveJob,
    mode: 'all' | 'valid',
    trx: Database,
  ) {
    const rows = job.teachers.filter((t) => mode === 'all' || !job.errorRowNumbers.has(t.row));
    // hold every teacher and school the commit touches, and write only if they are as the dry run saw them
    const existing = await teachersAsSeen(recheck, actor, job, rows, trx, true);
    const creates: TeacherWrite[] = [];
    const updates: Array<TeacherWrite & { id: string }> = [];
    const moves: Array<{
      id: string;
      fromCountyId: string;
      toCountyId: string;
      schoolId: string;
      orgPath: string;
    }> = [];
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
    const today = todayInShanghai(now());
    job.state.progress = 20;
    await peopleRepo.insertTeachers(creates, today, actor.accountId, trx);
    job.state.progress = 60;
    await peopleRepo.moveTeachers(moves, today, '导入调整任职学校', actor.accountId, trx);
    await peopleRepo.updateTeachers(updates, trx);
    job.state.progress = 90;
    return { created: creates.length, updated: updates.length, moved: moves.length, committed: rows.length };
  }

  async function commitSchools(
    actor: Actor,
    _id: string,
    job: ActiveJob,
    mode: 'all' | 'valid',
    trx: Database,
  ) {
    const rows = job.schools.filter((s) => mode === 'all' || !job.errorRowNumbers.has(s.row));
    // inside the transaction (never on another connection: PGlite has only the one we hold), rows held
    const existing = await schoolsAsSeen(recheck, actor, job, rows, trx, true);
    const creates: SchoolWrite[] = [];
    const updates: Array<SchoolWrite & { id: string }> = [];
    for (const r of rows) {
      const e = existing.get(r.code);
      if (!e) creates.push(r);
      else if (!sameSchool(r, e)) updates.push({ ...r, id: e.id });
    }
    await orgRepo.insertSchools(creates, trx);
    await orgRepo.updateSchools(updates, trx);
    return { created: creates.length, updated: updates.length, moved: 0, committed: rows.length };
  }

  async function runCommit(actor: Actor, id: string, job: ActiveJob, mode: 'all' | 'valid') {
    try {
      await setState(id, job, { status: 'committing', progress: 0, commit_mode: mode });
      const result = await db.transaction().execute(async (trx) => {
        await repo.lockImports(trx);
        const r =
          job.kind === 'teachers'
            ? await commitTeachers(actor, id, job, mode, trx)
            : await commitSchools(actor, id, job, mode, trx);
        await audit.record(
          actor,
          {
            action: `import.${job.kind}.commit`,
            entity: 'import_job',
            entityId: id,
            details: { mode, ...r },
          },
          trx,
        );
        await repo.update(
          id,
          { status: 'committed', progress: 100, committed_rows: r.committed, finished_at: now() },
          trx,
        );
        return r;
      });
      Object.assign(job.state, { status: 'committed', progress: 100, committed_rows: result.committed });
      active.delete(id);
    } catch (err) {
      // the transaction rolled back: nothing of this import was written
      await fail(
        id,
        job,
        isUniqueViolation(err) ? staleDryRun(job.kind === 'teachers' ? '教师' : '学校', []) : err,
      );
    }
  }

  /** Drop dry runs past their time from memory (their rows); they read as failed with the reason. */
  async function sweepExpired(): Promise<void> {
    const t = now().getTime();
    for (const [id, job] of active) {
      if (job.state.status === 'validated' && job.expiresAt && job.expiresAt.getTime() <= t)
        await fail(id, job, expiredDryRun(job.expiresAt, dryRunMinutes));
    }
  }

  return {
    /** At start-up: mark jobs that a previous process left unfinished as failed (nothing of them was written). */
    recoverInterrupted(): Promise<number> {
      return repo.failInterrupted('服务器重启，导入已中断（未写入任何数据），请重新上传文件');
    },

    /** Refuse early, before an upload is read, when the role may not import this kind anywhere. */
    assertMayImport(actor: Actor, kind: ImportKind): void {
      requirePermission(actor, importPermission(kind));
    },

    async start(actor: Actor, kind: ImportKind, fileName: string, buf: Buffer): Promise<ImportJob> {
      requirePermission(actor, importPermission(kind));
      if (deps.checkFile) {
        try {
          await deps.checkFile(buf, fileName);
        } catch (err) {
          throw sheetAppError(err);
        }
      }
      await sweepExpired();
      const row = await repo.create(kind, fileName.slice(0, 200), actor.accountId);
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
      active.set(row.id, job);
      job.done = runValidation(actor, row.id, job, buf, fileName);
      return toJob(row, job.state);
    },

    async get(actor: Actor, id: string): Promise<ImportJob> {
      const row = await loadOwn(actor, id);
      return toJob(row, active.get(id)?.state);
    },

    async list(actor: Actor, page: number, pageSize: number): Promise<Page<ImportJob>> {
      const { rows, total } = await repo.listFor(actor.accountId, (page - 1) * pageSize, pageSize);
      return { items: rows.map((r) => toJob(r, active.get(r.id)?.state)), total, page, pageSize };
    },

    async errors(actor: Actor, id: string, page: number, pageSize: number): Promise<Page<ImportRowError>> {
      await loadOwn(actor, id);
      const { rows, total } = await repo.errors(id, (page - 1) * pageSize, pageSize);
      return { items: rows, total, page, pageSize };
    },

    async errorsWorkbook(actor: Actor, id: string): Promise<{ fileName: string; body: Buffer }> {
      const row = await loadOwn(actor, id);
      const { rows } = await repo.errors(id, 0, 1_000_000);
      return {
        fileName: `导入错误报告-${row.file_name.replace(/\.[^.]+$/, '')}.xlsx`,
        body: await buildErrorWorkbook(rows),
      };
    },

    async commit(actor: Actor, id: string, mode: 'all' | 'valid'): Promise<ImportJob> {
      const row = await loadOwn(actor, id);
      requirePermission(actor, importPermission(row.kind as ImportKind));
      const job = active.get(id);
      const status = job?.state.status ?? row.status;
      if (!job || status !== 'validated') {
        throw new AppError(
          'IMPORT_NOT_READY',
          status === 'committed'
            ? '该导入已完成，不能重复提交'
            : '该导入尚未完成校验或已失效，请重新上传文件',
          { status },
        );
      }
      if (job.expiresAt && job.expiresAt.getTime() <= now().getTime()) {
        const err = expiredDryRun(job.expiresAt, dryRunMinutes);
        await fail(id, job, err);
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
          await teachersAsSeen(recheck, actor, job, job.teachers.filter(keep), db, false);
        else await schoolsAsSeen(recheck, actor, job, job.schools.filter(keep), db, false);
      } catch (err) {
        await fail(id, job, err);
        throw err;
      }
      job.done = runCommit(actor, id, job, mode);
      return toJob(row, job.state);
    },

    template(kind: ImportKind): Promise<Buffer> {
      return buildTemplate(kind);
    },

    /** Export a subtree in the import format; an edited export re-imports cleanly. */
    async export(
      actor: Actor,
      kind: ImportKind,
      orgId?: string,
    ): Promise<{ fileName: string; body: Buffer }> {
      const permission = kind === 'schools' ? 'org.read' : 'teacher.read';
      let roots = requirePermission(actor, permission);
      let label = '全部';
      if (orgId) {
        const node = await deps.orgs.loadVisible(actor, orgId);
        requirePermission(actor, permission, node.path);
        roots = [node.path];
        label = node.name;
      }
      const name = (table: Parameters<typeof codeName>[0], code: string | null) =>
        code ? (codeName(table, code) ?? code) : '';
      // full ID numbers and phones only where the actor may reveal them, as on the detail page
      const identifiers = identifierView(actor);
      let rowCount = 0;
      async function* teacherBatches() {
        let after: { orgPath: string; pinyin: string; id: string } | null = null;
        for (;;) {
          const rows = await peopleRepo.exportBatch(roots, after, 5000);
          if (rows.length === 0) return;
          rowCount += rows.length;
          yield rows.map((t) => ({
            idNumber: identifiers.idNumber(t.org_path, t.id_number),
            name: t.name,
            gender: name('genders', t.gender),
            birthDate: t.birth_date,
            phone: identifiers.phone(t.org_path, t.phone),
            schoolCode: t.school_code ?? '',
            stage: name('stages', t.stage),
            subject: name('subjects', t.subject),
            title: name('titles', t.title),
            backbone: name('backboneLevels', t.backbone),
            teachingStartDate: t.teaching_start_date ?? '',
            trainingStartYear: t.training_start_year === null ? '' : String(t.training_start_year),
            roles: t.roles_held.map((r) => name('roles', r)).join('、'),
            status: name('employmentStatuses', t.status),
          }));
          const last = rows[rows.length - 1];
          if (!last) return;
          after = { orgPath: last.org_path, pinyin: last.name_pinyin, id: last.id };
        }
      }
      async function* schoolBatches() {
        const rows = await orgRepo.schoolsForExport(roots);
        yield rows.map((o) => ({
          schoolCode: o.code ?? '',
          name: o.name,
          countyCode: o.county_code ?? '',
          township: o.township_code ?? '',
          schoolType: name('schoolTypes', o.school_type),
          stages: o.stages.map((st) => name('stages', st)).join('、'),
          locationType: name('locationTypes', o.location_type),
          group: o.group_name ?? '',
        }));
      }
      const body = await buildExport(kind, kind === 'teachers' ? teacherBatches() : schoolBatches());
      await audit.record(actor, {
        action: `export.${kind}`,
        entity: 'org',
        entityId: orgId ?? null,
        // the exported subtree's top, so the bureaus above it find the export in their audit log
        orgId: roots.length === 1 ? (roots[0]?.split('/').filter(Boolean).at(-1) ?? null) : null,
        details: kind === 'teachers' ? { label, rows: rowCount, ...identifiers.counts() } : { label },
      });
      return { fileName: `${kind === 'teachers' ? '教师' : '学校'}-${label}.xlsx`, body };
    },

    /** Resolves when the job's current phase (dry run or commit) has finished. For tests, benchmarks and the CLI. */
    async waitFor(id: string): Promise<void> {
      await active.get(id)?.done;
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
