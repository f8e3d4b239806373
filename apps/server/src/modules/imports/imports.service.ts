import type { ImportJob, ImportKind, ImportRowError, Page } from '@yanxun/contracts';
import {
  cellsByKey,
  codeName,
  isBlankRow,
  matchHeaders,
  type NormalizedSchool,
  type NormalizedTeacher,
  pinyinKey,
  pinyinKeys,
  todayInShanghai,
  validateSchoolRow,
  validateTeacherRow,
} from '@yanxun/core';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can, requirePermission } from '../../shared/permissions';
import { RowErrors } from '../../shared/row-errors';
import { sheetAppError } from '../../shared/sheets/app-errors';
import type { AuditService } from '../audit';
import { type OrgRepository, type OrgRow, type OrgService, regionKeyOf, type SchoolWrite } from '../org';
import { identifierView, type PeopleRepository, type TeacherRecord, type TeacherWrite } from '../people';
import { buildErrorWorkbook, buildExport, buildTemplate } from './imports.excel';
import { type RowReader, visitSheet } from './imports.parser';
import { createImportsRepository, type ImportJobRow, type JobPatch } from './imports.repository';
import {
  expiredDryRun,
  idNumbersUnavailable,
  isUniqueViolation,
  orgState,
  SeenState,
  staleDryRun,
  teacherState,
} from './imports.stale';

type TeacherPrepared = TeacherWrite & { row: number };
type SchoolPrepared = SchoolWrite & { row: number };

/** What an active job keeps in memory between its dry run and its commit. */
interface ActiveJob {
  kind: ImportKind;
  accountId: string;
  teachers: TeacherPrepared[];
  /** rows that had errors, by row number: left out of a 'valid' commit */
  errorRowNumbers: Set<number>;
  schools: SchoolPrepared[];
  /** what the dry run saw of each teacher (by ID number) or school (by code) it will write */
  seen: SeenState;
  /** what it saw of each school the teachers go to, or each county/乡镇 the schools go under (by org id) */
  places: Map<string, string>;
  /** the dry run may be committed until then */
  expiresAt: Date | null;
  state: JobPatch;
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

function sameTeacher(w: TeacherWrite, e: TeacherRecord): boolean {
  return (
    w.name === e.name &&
    w.gender === e.gender &&
    w.birthDate === e.birth_date &&
    w.phone === e.phone &&
    w.schoolId === e.school_id &&
    w.stage === e.stage &&
    w.subject === e.subject &&
    w.title === e.title &&
    w.backbone === e.backbone &&
    w.teachingStartDate === e.teaching_start_date &&
    w.trainingStartYear === e.training_start_year &&
    [...w.rolesHeld].sort().join() === [...e.roles_held].sort().join() &&
    w.status === e.status
  );
}

/** Fill the pinyin sort/search keys (only rows that will be written need them; it is the costly part). */
function withPinyin(w: TeacherWrite): TeacherWrite {
  if (w.namePinyin === '') {
    const k = pinyinKeys(w.name);
    w.namePinyin = k.key;
    w.nameInitials = k.initials;
  }
  return w;
}

function sameSchool(w: SchoolWrite, e: OrgRow): boolean {
  return (
    w.name === e.name &&
    w.parentId === e.parent_id &&
    [...w.stages].sort().join() === [...e.stages].sort().join() &&
    w.schoolType === e.school_type &&
    w.locationType === e.location_type &&
    w.groupName === e.group_name
  );
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

  // ---------- dry run ----------

  async function validateTeachers(actor: Actor, _id: string, job: ActiveJob, buf: Buffer, fileName: string) {
    const today = todayInShanghai(now());
    const errors = new RowErrors<ImportRowError>(maxErrorsKept);
    const valid: Array<{ row: number; t: NormalizedTeacher }> = [];
    let total = 0;
    let mapping: Map<number, string> = new Map();
    // about 120 bytes of compressed xlsx per teacher row: enough for a progress estimate while streaming
    const expectedRows = Math.max(1, buf.length / 120);
    await visitSheet(readRows, buf, fileName, {
      header: (h) => {
        const match = matchHeaders('teachers', h.values);
        if (match.missing.length > 0) {
          throw new AppError(
            'HEADER_MISMATCH',
            `表头缺少必填列：${match.missing.map((c) => c.header).join('、')}。请使用“下载模板”得到的表头${
              match.unknown.length ? `；无法识别的列：${match.unknown.slice(0, 10).join('、')}` : ''
            }`,
          );
        }
        mapping = match.mapping;
      },
      row: (r) => {
        if (isBlankRow(r.values)) return;
        total++;
        const res = validateTeacherRow(cellsByKey(mapping, r.values), r.row, { today });
        if (res.value) valid.push({ row: r.row, t: res.value });
        else errors.add(...res.errors);
        if (total % 2000 === 0) job.state.progress = Math.min(70, (total / expectedRows) * 70);
      },
    });
    if (total === 0) throw new AppError('FILE_EMPTY', '文件只有表头，没有数据行');

    // the same ID number twice in one file: neither row can be trusted
    const seen = new Map<string, number[]>();
    for (const v of valid) seen.set(v.t.idNumber, [...(seen.get(v.t.idNumber) ?? []), v.row]);
    const dupRows = new Set<number>();
    for (const [idNumber, rows] of seen) {
      if (rows.length < 2) continue;
      for (const row of rows) {
        dupRows.add(row);
        errors.add({
          row,
          column: '身份证号',
          value: idNumber,
          rule: 'DUPLICATE_IN_FILE',
          message: `同一身份证号在文件中出现 ${rows.length} 次（第 ${rows.join('、')} 行），请只保留一行`,
        });
      }
    }

    // schools must exist and lie in the importer's scope
    const codes = [...new Set(valid.map((v) => v.t.schoolCode))];
    const schools = new Map((await orgRepo.findByCodes(codes)).map((s) => [s.code ?? '', s]));
    const existing = await peopleRepo.findByIdNumbers(valid.map((v) => v.t.idNumber));
    job.state.progress = 80;
    const prepared: TeacherPrepared[] = [];
    let toCreate = 0;
    let toUpdate = 0;
    let unchanged = 0;
    for (const { row, t } of valid) {
      if (dupRows.has(row)) continue;
      const school = schools.get(t.schoolCode);
      if (!school || (school.kind !== 'school' && school.kind !== 'tdc')) {
        errors.add({
          row,
          column: '学校标识码',
          value: t.schoolCode,
          rule: 'SCHOOL_CODE.NOT_FOUND',
          message: '系统中没有此学校标识码，请先导入学校或核对代码',
        });
        continue;
      }
      if (!can(actor, 'import.teachers', school.path)) {
        errors.add({
          row,
          column: '学校标识码',
          value: t.schoolCode,
          rule: 'SCOPE.SCHOOL',
          message: '该学校不在您的管辖范围内',
        });
        continue;
      }
      // a teacher registered outside the importer's scope reads exactly like an unknown ID number: counted as
      // new here, refused by the commit (commitTeachers) without saying that the number is registered
      const found = existing.get(t.idNumber);
      const e = found && can(actor, 'import.teachers', found.org_path) ? found : undefined;
      const w: TeacherPrepared = {
        row,
        idNumber: t.idNumber,
        name: t.name,
        namePinyin: '',
        nameInitials: '',
        gender: t.gender,
        birthDate: t.birthDate,
        phone: t.phone,
        schoolId: school.id,
        countyId: regionKeyOf(school),
        orgPath: school.path,
        stage: t.stage,
        subject: t.subject,
        title: t.title,
        backbone: t.backbone,
        teachingStartDate: t.teachingStartDate,
        trainingStartYear: t.trainingStartYear,
        rolesHeld: t.roles,
        status: t.status,
      };
      if (!e) toCreate++;
      else if (sameTeacher(w, e)) unchanged++;
      else toUpdate++;
      if (!e || !sameTeacher(w, e)) withPinyin(w);
      prepared.push(w);
      job.seen.see(w.idNumber, row, teacherState(e));
      job.places.set(school.id, orgState(school));
    }
    job.teachers = prepared;
    return { total, errors, toCreate, toUpdate, unchanged };
  }

  async function validateSchools(actor: Actor, _id: string, job: ActiveJob, buf: Buffer, fileName: string) {
    const errors = new RowErrors<ImportRowError>(maxErrorsKept);
    const valid: Array<{ row: number; s: NormalizedSchool }> = [];
    let total = 0;
    let mapping: Map<number, string> = new Map();
    await visitSheet(readRows, buf, fileName, {
      header: (h) => {
        const match = matchHeaders('schools', h.values);
        if (match.missing.length > 0) {
          throw new AppError(
            'HEADER_MISMATCH',
            `表头缺少必填列：${match.missing.map((c) => c.header).join('、')}。请使用“下载模板”得到的表头`,
          );
        }
        mapping = match.mapping;
      },
      row: (r) => {
        if (isBlankRow(r.values)) return;
        total++;
        const res = validateSchoolRow(cellsByKey(mapping, r.values), r.row);
        if (res.value) valid.push({ row: r.row, s: res.value });
        errors.add(...res.errors);
      },
    });
    if (total === 0) throw new AppError('FILE_EMPTY', '文件只有表头，没有数据行');
    job.state.progress = 50;

    const seen = new Map<string, number[]>();
    for (const v of valid) seen.set(v.s.schoolCode, [...(seen.get(v.s.schoolCode) ?? []), v.row]);
    const dupRows = new Set<number>();
    for (const [code, rows] of seen) {
      if (rows.length < 2) continue;
      for (const row of rows) {
        dupRows.add(row);
        errors.add({
          row,
          column: '学校标识码',
          value: code,
          rule: 'DUPLICATE_IN_FILE',
          message: `同一学校标识码在文件中出现 ${rows.length} 次（第 ${rows.join('、')} 行）`,
        });
      }
    }
    const counties = new Map(
      (await orgRepo.findByCodes([...new Set(valid.map((v) => v.s.countyCode))]))
        .filter((o) => o.kind === 'county')
        .map((o) => [o.code ?? '', o]),
    );
    const townships = await orgRepo.townshipsOf([...counties.values()].map((c) => c.id));
    const existing = new Map(
      (await orgRepo.findByCodes(valid.map((v) => v.s.schoolCode))).map((o) => [o.code ?? '', o]),
    );
    const countyAncestors = new Map(
      (
        await orgRepo.findByIds([
          ...new Set([...counties.values()].flatMap((c) => c.path.split('/').filter(Boolean))),
        ])
      ).map((o) => [o.id, o]),
    );
    const prepared: SchoolPrepared[] = [];
    let toCreate = 0;
    let toUpdate = 0;
    let unchanged = 0;
    for (const { row, s } of valid) {
      if (dupRows.has(row)) continue;
      const county = counties.get(s.countyCode);
      if (!county) {
        errors.add({
          row,
          column: '所属区县代码',
          value: s.countyCode,
          rule: 'COUNTY_CODE.NOT_FOUND',
          message: '系统中没有此区县代码（GB/T 2260 六位代码）',
        });
        continue;
      }
      if (!can(actor, 'import.schools', county.path)) {
        errors.add({
          row,
          column: '所属区县代码',
          value: s.countyCode,
          rule: 'SCOPE.COUNTY',
          message: `${county.name}不在您的管辖范围内`,
        });
        continue;
      }
      let parent: OrgRow = county;
      if (s.townshipCode || s.townshipName) {
        const t = townships.find(
          (x) =>
            x.county_id === county.id &&
            (s.townshipCode ? x.code === s.townshipCode : x.name === s.townshipName),
        );
        if (!t) {
          errors.add({
            row,
            column: '所属乡镇/街道',
            value: s.townshipCode ?? s.townshipName ?? '',
            rule: 'TOWNSHIP.NOT_FOUND',
            message: `${county.name}没有这个乡镇/街道`,
          });
          continue;
        }
        parent = t;
      }
      const e = existing.get(s.schoolCode);
      if (e && e.kind !== 'school') {
        errors.add({
          row,
          column: '学校标识码',
          value: s.schoolCode,
          rule: 'SCHOOL_CODE.TAKEN',
          message: `该代码已被“${e.name}”（非学校单位）使用`,
        });
        continue;
      }
      if (e && e.county_id !== county.id) {
        errors.add({
          row,
          column: '所属区县代码',
          value: s.countyCode,
          rule: 'SCHOOL.COUNTY_CHANGE',
          message: '学校已登记在另一个区县；跨区县调整学校隶属关系请由市级管理员办理',
        });
        continue;
      }
      const ancestors = county.path
        .split('/')
        .filter(Boolean)
        .map((id) => countyAncestors.get(id));
      const w: SchoolPrepared = {
        row,
        code: s.schoolCode,
        name: s.name,
        namePinyin: pinyinKey(s.name),
        parentId: parent.id,
        parentPath: parent.path,
        depth: parent.depth + 1,
        provinceId: ancestors.find((a) => a?.kind === 'province')?.id ?? null,
        cityId: ancestors.find((a) => a?.kind === 'city')?.id ?? null,
        countyId: county.id,
        stages: s.stages,
        schoolType: s.schoolType,
        locationType: s.locationType,
        groupName: s.group,
      };
      if (!e) toCreate++;
      else if (sameSchool(w, e)) unchanged++;
      else toUpdate++;
      prepared.push(w);
      job.seen.see(w.code, row, orgState(e));
      job.places.set(parent.id, orgState(parent));
    }
    job.schools = prepared;
    return { total, errors, toCreate, toUpdate, unchanged };
  }

  async function runValidation(actor: Actor, id: string, job: ActiveJob, buf: Buffer, fileName: string) {
    try {
      await setState(id, job, { status: 'validating', progress: 0 });
      const r =
        job.kind === 'teachers'
          ? await validateTeachers(actor, id, job, buf, fileName)
          : await validateSchools(actor, id, job, buf, fileName);
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

  /** Rows whose place (school, or county/乡镇) is no longer as the dry run saw it, or out of the actor's scope. */
  async function placesAsSeen(
    actor: Actor,
    job: ActiveJob,
    rows: Array<{ row: number; place: string }>,
    permission: 'import.teachers' | 'import.schools',
    trx: Database,
    lock: boolean,
  ): Promise<number[]> {
    const ids = [...new Set(rows.map((r) => r.place))];
    const places = new Map((await orgRepo.findByIdsIn(ids, trx, { lock })).map((o) => [o.id, o]));
    const stale: number[] = [];
    const outside: number[] = [];
    for (const r of rows) {
      const o = places.get(r.place);
      if (orgState(o) !== job.places.get(r.place)) stale.push(r.row);
      else if (!o || !can(actor, permission, o.path)) outside.push(r.row);
    }
    if (outside.length > 0)
      throw new AppError(
        'FORBIDDEN',
        `第 ${outside.slice(0, 10).join('、')} 行的单位已不在您的管辖范围内，本次导入未写入任何数据`,
        { rows: outside.slice(0, 100), count: outside.length },
      );
    return stale;
  }

  /** The teachers the commit will write, as they are now; refuses (writes nothing) if any changed since. */
  async function teachersAsSeen(
    actor: Actor,
    job: ActiveJob,
    rows: TeacherPrepared[],
    trx: Database,
    lock: boolean,
  ): Promise<Map<string, TeacherRecord>> {
    const ids = rows.map((r) => r.idNumber);
    const existing = await peopleRepo.findByIdNumbers(ids, trx, { lock });
    // a number registered outside the importer's scope: refused without saying that it is registered
    const unavailable = rows.filter((r) => {
      const e = existing.get(r.idNumber);
      return e !== undefined && !can(actor, 'import.teachers', e.org_path);
    });
    if (unavailable.length > 0) throw idNumbersUnavailable(unavailable.map((r) => r.row));
    const byId = new Map(rows.map((r) => [r.idNumber, r]));
    const stale = job.seen.changed(
      ids,
      (k) => teacherState(existing.get(k)),
      (k) => {
        const e = existing.get(k);
        const w = byId.get(k);
        return !!e && !!w && sameTeacher(w, e);
      },
    );
    stale.push(
      ...(await placesAsSeen(
        actor,
        job,
        rows.map((r) => ({ row: r.row, place: r.schoolId })),
        'import.teachers',
        trx,
        lock,
      )),
    );
    if (stale.length > 0)
      throw staleDryRun(
        '教师',
        [...new Set(stale)].sort((a, b) => a - b),
      );
    return existing;
  }

  /** The schools the commit will write, as they are now; refuses (writes nothing) if any changed since. */
  async function schoolsAsSeen(
    actor: Actor,
    job: ActiveJob,
    rows: SchoolPrepared[],
    trx: Database,
    lock: boolean,
  ): Promise<Map<string, OrgRow>> {
    const codes = rows.map((r) => r.code);
    const existing = new Map((await orgRepo.findByCodes(codes, trx, { lock })).map((o) => [o.code ?? '', o]));
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const stale = job.seen.changed(
      codes,
      (k) => orgState(existing.get(k)),
      (k) => {
        const e = existing.get(k);
        const w = byCode.get(k);
        return !!e && !!w && e.kind === 'school' && sameSchool(w, e);
      },
    );
    stale.push(
      ...(await placesAsSeen(
        actor,
        job,
        rows.map((r) => ({ row: r.row, place: r.parentId })),
        'import.schools',
        trx,
        lock,
      )),
    );
    if (stale.length > 0)
      throw staleDryRun(
        '学校',
        [...new Set(stale)].sort((a, b) => a - b),
      );
    return existing;
  }

  async function commitTeachers(
    actor: Actor,
    _id: string,
    job: ActiveJob,
    mode: 'all' | 'valid',
    trx: Database,
  ) {
    const rows = job.teachers.filter((t) => mode === 'all' || !job.errorRowNumbers.has(t.row));
    // hold every teacher and school the commit touches, and write only if they are as the dry run saw them
    const existing = await teachersAsSeen(actor, job, rows, trx, true);
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
    const existing = await schoolsAsSeen(actor, job, rows, trx, true);
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
        if (job.kind === 'teachers') await teachersAsSeen(actor, job, job.teachers.filter(keep), db, false);
        else await schoolsAsSeen(actor, job, job.schools.filter(keep), db, false);
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
