/**
 * Exams and teaching-quality monitoring: exams, upload (dry run → all-or-nothing commit),
 * the cached analysis (core), reports by audience (SZ-12, R-002-58), monitoring cycles with a stratified sample,
 * trends and early warnings (R-002-12), indicator systems per 学段 × 学科 (R-002-11).
 */
import { randomBytes } from 'node:crypto';
import type {
  CommitExamUploadRequest,
  CreateExamRequest,
  DrawSampleRequest,
  Exam,
  ExamCycle,
  ExamInputError,
  ExamReport,
  ExamUpload,
  ExamWarning,
  GradeCutPreview,
  IndicatorSystem,
  IndicatorSystemRequest,
  ReportSettings,
  SchoolTrend,
} from '@yanxun/contracts';
import { todayInShanghai } from '@yanxun/core';
import {
  analyzeExam,
  type ClassRef,
  EXAM_REPORT_POLICY,
  type ExamAudience,
  type ExamScores,
  earlyWarnings,
  type GradeCut,
  gradeDistribution,
  type ItemSpec,
  indicator,
  NO_STUDENTS_MESSAGE,
  reportModeFor,
  type SchoolSample,
  sampleStudents,
  stratifiedSchoolSample,
  studentTotals,
  suppressed,
  validateGradeCuts,
  valueAdded,
} from '@yanxun/core/exams';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can, requirePermission, scopeOf } from '../../shared/permissions';
import { sheetAppError } from '../../shared/sheets/app-errors';
import { inProcessSheets } from '../../shared/sheets/in-process';
import type { SheetPool } from '../../shared/sheets/pool';
import { orgForAction } from '../../shared/visibility';
import type { AuditService } from '../audit';
import { buildErrorWorkbook, buildReportWorkbook } from './exams.excel';
import { buildReportPdf } from './exams.pdf';
import { checkRemoval, REMOVAL_CONFIRM_SHARE } from './exams.removal';
import { buildReport, type ExamCache, type SchoolInfo } from './exams.report';
import {
  createExamsRepository,
  type ExamRow,
  type ExamUploadRow,
  INSERT_CHUNK,
  type SchoolOrg,
  type StudentChunk,
} from './exams.repository';
import {
  decodeStaged,
  encodeStaged,
  type StagedRows,
  type StagedSchool,
  scoresArrayLiteral,
  stagedTotals,
} from './exams.staging';

const POLICY = EXAM_REPORT_POLICY;

export interface UploadFile {
  name: string;
  buf: Buffer;
}

export interface UploadFiles {
  scores?: UploadFile;
  items?: UploadFile;
  prior?: UploadFile;
}

/** '/1/5/23/' → ['/1/', '/1/5/', '/1/5/23/'] */
function ancestorPaths(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

const overlaps = (root: string, ownerPath: string) =>
  ownerPath.startsWith(root) || root.startsWith(ownerPath);

function settingsOf(row: ExamRow): ReportSettings {
  return (row.report_settings ?? {}) as ReportSettings;
}

function toExam(row: ExamRow): Exam {
  const items = Array.isArray(row.items) ? (row.items as unknown[]).length : 0;
  return {
    id: row.id,
    name: row.name,
    semester: row.semester,
    stage: row.stage,
    subject: row.subject,
    grade: row.grade,
    fullMarks: row.full_marks,
    kind: row.kind as Exam['kind'],
    examDate: row.exam_date,
    ownerOrgId: row.owner_org_id,
    ownerName: row.owner_name,
    cycleId: row.cycle_id,
    students: row.students,
    absent: row.absent,
    items,
    hasData: items > 0,
    reportSettings: settingsOf(row),
    createdAt: row.created_at.toISOString(),
  };
}

const METRIC_NAME: Record<string, string> = {
  score_rate: '得分率',
  pass_rate: '及格率',
  excellent_rate: '优秀率',
  standardised: '标准分',
};

/** A warning in words, with the values rounded for people (the exact values stay in value/reference). */
export function warningMessage(
  school: string,
  rule: string,
  metric: string,
  value: number,
  reference: number,
  dropMargin: number,
): string {
  const rate = metric !== 'standardised';
  const f = (x: number) => (rate ? `${(x * 100).toFixed(1)}%` : x.toFixed(2));
  const m = METRIC_NAME[metric] ?? metric;
  return rule === 'EW-DROP'
    ? `${school}${m}从 ${f(reference)} 降到 ${f(value)}，降幅超过 ${rate ? `${dropMargin * 100} 个百分点` : dropMargin}（R-002-12 问题预警）`
    : `${school}${m} ${f(value)}，低于预警线 ${f(reference)}（R-002-12 问题预警）`;
}

// ---- upload dry runs ----
/** A dry run can be committed for 2 hours (then it has expired: upload again). */
export const UPLOAD_TTL_MS = 2 * 3600_000;
/** An expired or committed dry run's row (without payload) is kept this long after expiry, to say so. */
export const UPLOAD_RETAIN_MS = 7 * 24 * 3600_000;
/** Errors kept per dry run for the error workbook (the response shows the first 200, and the count). */
export const UPLOAD_ERRORS_KEPT = 1000;
/** Uncommitted dry runs kept per exam; older ones lose their payload (superseded). */
export const UPLOADS_LIVE_PER_EXAM = 10;

export interface ExamsServiceDeps {
  db: Database;
  audit: AuditService;
  /** reads the uploaded sheets within the upload limits (the server: the upload worker pool; else in-process) */
  sheets?: Pick<SheetPool, 'readExam'>;
  /** errors kept per dry run for the error workbook (default UPLOAD_ERRORS_KEPT) */
  maxErrorsKept?: number;
  clock?: () => Date;
  /** how long a dry run can be committed (default UPLOAD_TTL_MS) */
  uploadTtlMs?: number;
  /** core's CSV fast path for score sheets (default on; off = always the general path, for the tests) */
  scoreFastPath?: boolean;
  /** share of an exam's stored students a commit may remove unconfirmed (default REMOVAL_CONFIRM_SHARE) */
  removalConfirmShare?: number;
}

export function createExamsService(deps: ExamsServiceDeps) {
  const { db, audit } = deps;
  const repo = createExamsRepository(db);

  /** The audience of the actor for something owned at `ownerPath`, and the subtrees whose schools it may see. */
  function accessTo(
    actor: Actor,
    ownerPath: string,
    what: string,
  ): { audience: ExamAudience; roots: string[] } {
    const diag = scopeOf(actor, 'exam.diagnose').filter((r) => overlaps(r, ownerPath));
    if (diag.length) return { audience: 'monitoring', roots: diag };
    const read = scopeOf(actor, 'exam.read').filter((r) => overlaps(r, ownerPath));
    if (read.length) return { audience: 'school', roots: read };
    throw notFound(what);
  }

  async function loadExam(actor: Actor, id: string) {
    if (!isId(id)) throw notFound('考试');
    const row = await repo.findExam(id);
    if (!row) throw notFound('考试');
    return { row, access: accessTo(actor, row.owner_path, '考试') };
  }

  /** The org an exam, cycle or indicator system is made for: another county's node reads as not found. */
  async function managedOrg(actor: Actor, orgId: string) {
    requirePermission(actor, 'exam.manage');
    return orgForAction(actor, 'exam.manage', isId(orgId) ? await repo.findOrg(orgId) : undefined, '单位');
  }

  async function loadManaged(actor: Actor, id: string): Promise<ExamRow> {
    const { row } = await loadExam(actor, id);
    requirePermission(actor, 'exam.manage', row.owner_path);
    return row;
  }

  function gradeCutsOf(row: ExamRow): GradeCut[] {
    return settingsOf(row).gradeCuts ?? POLICY.gradeCuts;
  }
  const minGroupNOf = (row: ExamRow) => settingsOf(row).minGroupN ?? POLICY.minGroupN;

  // ---------- analysis cache ----------

  async function computeCache(row: ExamRow): Promise<ExamCache> {
    const items = row.items as ItemSpec[];
    let students = await repo.presentStudents(row.id);
    let notSampled = 0;
    if (row.cycle_id) {
      const cycle = await repo.findCycle(row.cycle_id);
      const sample = cycle?.sample as SchoolSample | null | undefined;
      if (sample) {
        const chosen = new Set(sample.strata.flatMap((s) => s.selected));
        const perSchool = cycle?.students_per_school ?? null;
        const bySchool = new Map<string, string[]>();
        for (const s of students) {
          const l = bySchool.get(s.school_id);
          if (l) l.push(s.student_id);
          else bySchool.set(s.school_id, [s.student_id]);
        }
        const keep = new Set<string>();
        for (const [schoolId, ids] of bySchool) {
          if (!chosen.has(schoolId)) continue;
          const picked = perSchool ? sampleStudents(ids, perSchool, sample.seed, schoolId) : new Set(ids);
          for (const id of picked) keep.add(`${schoolId}|${id}`);
        }
        const before = students.length;
        students = students.filter((s) => keep.has(`${s.school_id}|${s.student_id}`));
        notSampled = before - students.length;
      }
    }
    const m = items.length;
    const n = students.length;
    const schools: string[] = [];
    const schoolIdx = new Map<string, number>();
    const classes: ClassRef[] = [];
    const classIdx = new Map<string, number>();
    const school = new Int32Array(n);
    const klass = new Int32Array(n);
    const rows = new Int32Array(n);
    const scores = new Float64Array(n * m);
    const ids: string[] = new Array(n);
    const prior = new Map<string, number>();
    students.forEach((s, i) => {
      let si = schoolIdx.get(s.school_id);
      if (si === undefined) {
        si = schools.length;
        schools.push(s.school_id);
        schoolIdx.set(s.school_id, si);
      }
      const ck = `${si}|${s.class_name}`;
      let ci = classIdx.get(ck);
      if (ci === undefined) {
        ci = classes.length;
        classes.push({ school: si, name: s.class_name });
        classIdx.set(ck, ci);
      }
      school[i] = si;
      klass[i] = ci;
      rows[i] = s.source_row;
      ids[i] = s.student_id;
      for (let j = 0; j < m; j++) scores[i * m + j] = s.scores[j] ?? 0;
      if (s.prior_score !== null) prior.set(s.student_id, s.prior_score);
    });
    const exam: ExamScores = {
      items,
      fullMarks: items.reduce((a, it) => a + it.maxScore, 0),
      studentIds: ids,
      rows,
      schools,
      school,
      classes,
      klass,
      scores,
      absent: [],
      blankCells: 0,
    };
    const analysis = analyzeExam(exam, { classes: false });
    analysis.absent = row.absent;
    const totals = studentTotals(exam);
    // value-added: the prior scores of the upload, else the previous exam of the cycle (same students)
    if (prior.size === 0 && row.cycle_id) {
      const earlier = (await repo.examsOfCycle(row.cycle_id)).filter((e) => e.items);
      const at = earlier.findIndex((e) => e.id === row.id);
      const prev = at > 0 ? earlier[at - 1] : undefined;
      if (prev) for (const [k, v] of await repo.totalsByStudent(prev.id)) prior.set(k, v);
    }
    let va: ExamCache['va'] = null;
    if (prior.size > 0) {
      const out = valueAdded(totals, ids, school, schools, prior);
      if (out.ok)
        va = {
          matched: out.result.matched,
          slope: out.result.slope,
          intercept: out.result.intercept,
          schools: out.result.schools,
        };
    }
    const cuts = gradeCutsOf(row);
    const bySchoolTotals = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const k = schools[school[i] as number] as string;
      const l = bySchoolTotals.get(k);
      if (l) l.push(totals[i] as number);
      else bySchoolTotals.set(k, [totals[i] as number]);
    }
    const bySchool: Record<string, ReturnType<typeof gradeDistribution>> = {};
    for (const [k, t] of bySchoolTotals) bySchool[k] = gradeDistribution(t, exam.fullMarks, cuts);
    return {
      v: 1,
      gradeCuts: cuts,
      analysis,
      va,
      grades: { overall: gradeDistribution(totals, exam.fullMarks, cuts), bySchool },
      notSampled,
    };
  }

  /** The cached analysis, recomputed when the data (or the grade cut-offs, or the sample) changed. */
  async function cacheOf(row: ExamRow): Promise<ExamCache | null> {
    if (!row.items) return null;
    const stored = await repo.readAnalysis(row.id);
    if (stored?.analysis && stored.analysis_version === stored.data_version)
      return stored.analysis as ExamCache;
    const fresh = await computeCache(row);
    await repo.writeAnalysis(row.id, stored?.data_version ?? row.data_version, fresh);
    return fresh;
  }

  async function schoolInfo(ids: string[]): Promise<Map<string, SchoolInfo & { path: string }>> {
    return new Map(
      (await repo.schoolsByIds(ids)).map((s) => [
        s.id,
        { name: s.name, countyId: s.county_id ?? '', path: s.path },
      ]),
    );
  }

  async function cycleWarnings(cycleId: string): Promise<ExamWarning[]> {
    const exams = (await repo.examsOfCycle(cycleId)).filter((e) => e.items);
    const out: ExamWarning[] = [];
    let previous: Map<string, number> | undefined;
    const cfg = POLICY.warning;
    const allIds = new Set<string>();
    const caches: Array<[ExamRow, ExamCache]> = [];
    for (const e of exams) {
      const c = await cacheOf(e);
      if (!c) continue;
      caches.push([e, c]);
      for (const s of c.analysis.schools) allIds.add(s.school);
    }
    const info = await schoolInfo([...allIds]);
    for (const [e, c] of caches) {
      const fm = c.analysis.fullMarks;
      const minN = Math.max(cfg.minN, minGroupNOf(e));
      for (const w of earlyWarnings(c.analysis.schools, fm, { ...cfg, minN }, previous)) {
        const name = info.get(w.group)?.name ?? w.group;
        out.push({
          rule: w.rule,
          examId: e.id,
          examName: e.name,
          schoolId: w.group,
          school: name,
          metric: w.metric,
          value: w.value,
          reference: w.reference,
          n: w.n,
          message: warningMessage(name, w.rule, w.metric, w.value, w.reference, cfg.dropMargin),
        });
      }
      previous = new Map();
      for (const g of c.analysis.schools) {
        const v = indicator(g, cfg.metric, fm);
        if (v !== null) previous.set(g.school, v);
      }
    }
    return out;
  }

  async function report(actor: Actor, id: string): Promise<ExamReport> {
    const { row, access } = await loadExam(actor, id);
    requirePermission(actor, 'exam.read');
    const cache = await cacheOf(row);
    if (!cache) throw new AppError('NOT_FOUND', '该考试还没有成绩数据');
    const info = await schoolInfo(cache.analysis.schools.map((s) => s.school));
    const visible = (sid: string) => {
      const p = info.get(sid)?.path;
      return p !== undefined && access.roots.some((r) => p.startsWith(r));
    };
    let warnings: ExamWarning[] | undefined;
    if (access.audience === 'monitoring' && row.cycle_id)
      warnings = (await cycleWarnings(row.cycle_id)).filter(
        (w) => w.examId === row.id && visible(w.schoolId),
      );
    return buildReport({
      exam: toExam(row),
      cache,
      audience: access.audience,
      policy: POLICY,
      minGroupN: minGroupNOf(row),
      visible,
      schools: info,
      warnings,
    });
  }

  // ---------- grade cut-off preview (the office's 等级 page) ----------

  /**
   * The grade distribution an exam would show with other cut-offs, without saving them: the same students
   * (sample included) and the same computation as the report (computeCache with the cuts replaced).
   */
  async function previewGradeCuts(actor: Actor, id: string, cuts: GradeCut[]): Promise<GradeCutPreview> {
    const row = await loadManaged(actor, id);
    const bad = validateGradeCuts(cuts);
    if (bad) throw new AppError('VALIDATION_FAILED', `${bad}（SZ-12 等级划分）`, { field: 'gradeCuts' });
    if (!row.items) throw new AppError('NOT_FOUND', '该考试还没有成绩数据');
    const fresh = await computeCache({ ...row, report_settings: { ...settingsOf(row), gradeCuts: cuts } });
    const current = await cacheOf(row);
    const minGroupN = minGroupNOf(row);
    const info = await schoolInfo(fresh.analysis.schools.map((g) => g.school));
    const scope = scopeOf(actor, 'exam.read');
    const small = suppressed(fresh.analysis.students, minGroupN);
    return {
      examId: row.id,
      fullMarks: fresh.analysis.fullMarks,
      gradeCuts: cuts,
      minGroupN,
      n: fresh.analysis.students,
      overall: small ? null : fresh.grades.overall,
      current: small || !current ? null : current.grades.overall,
      schools: fresh.analysis.schools
        .filter((g) => {
          const p = info.get(g.school)?.path;
          return p !== undefined && scope.some((r) => p.startsWith(r));
        })
        .map((g) => {
          const hidden = suppressed(g.total.n, minGroupN);
          return {
            schoolId: g.school,
            school: info.get(g.school)?.name ?? g.school,
            suppressed: hidden,
            n: hidden ? null : g.total.n,
            grades: hidden ? null : (fresh.grades.bySchool[g.school] ?? null),
          };
        })
        .sort((a, b) => a.school.localeCompare(b.school, 'zh-CN')),
    };
  }

  // ---------- upload (dry runs stored in exam_uploads, migration 0011) ----------

  const clock = deps.clock ?? (() => new Date());
  const uploadTtlMs = deps.uploadTtlMs ?? UPLOAD_TTL_MS;
  const scoreFastPath = deps.scoreFastPath ?? true;
  const removalShare = deps.removalConfirmShare ?? REMOVAL_CONFIRM_SHARE;

  const maxErrorsKept = deps.maxErrorsKept ?? UPLOAD_ERRORS_KEPT;
  const sheets = deps.sheets ?? inProcessSheets();

  /** The three sheets read and checked by core in an upload worker, within the upload limits. */
  async function readFiles(
    files: { items: UploadFile; scores: UploadFile; prior?: UploadFile },
    known: Set<string>,
  ) {
    try {
      return await sheets.readExam(files, known, scoreFastPath);
    } catch (err) {
      throw sheetAppError(err);
    }
  }

  /** The rows to write, from a validated sheet whose every school resolved (columnar, see exams.staging.ts). */
  function stageRows(exam: ExamScores, resolved: Map<string, SchoolOrg>, prior: Map<string, number>) {
    const schools: StagedSchool[] = [];
    const schoolAt = new Map<string, number>();
    const indexOf = (key: string): number => {
      const s = resolved.get(key);
      if (!s) throw new Error(`exams: school ${key} passed validation but did not resolve`);
      let k = schoolAt.get(s.id);
      if (k === undefined) {
        k = schools.length;
        schools.push({ id: s.id, countyId: s.county_id ?? s.id, path: s.path });
        schoolAt.set(s.id, k);
      }
      return k;
    };
    const classNames: string[] = [];
    const classAt = new Map<string, number>();
    const classIndex = (name: string): number => {
      let k = classAt.get(name);
      if (k === undefined) {
        k = classNames.length;
        classNames.push(name);
        classAt.set(name, k);
      }
      return k;
    };
    const present = exam.studentIds.length;
    const n = present + exam.absent.length;
    const school = new Int32Array(n);
    const klass = new Int32Array(n);
    const row = new Int32Array(n);
    const priorOf = new Float64Array(n).fill(Number.NaN);
    const studentIds = exam.studentIds.slice();
    const schoolMap = exam.schools.map(indexOf);
    const classMap = exam.classes.map((c) => classIndex(c.name));
    let withPrior = 0;
    for (let i = 0; i < present; i++) {
      school[i] = schoolMap[exam.school[i] as number] as number;
      klass[i] = classMap[exam.klass[i] as number] as number;
      row[i] = exam.rows[i] as number;
      const p = prior.get(studentIds[i] as string);
      if (p !== undefined) {
        priorOf[i] = p;
        withPrior++;
      }
    }
    exam.absent.forEach((a, k) => {
      const i = present + k;
      studentIds.push(a.studentId);
      school[i] = indexOf(a.school);
      klass[i] = classIndex(a.className);
      row[i] = a.row;
    });
    const staged: StagedRows = {
      m: exam.items.length,
      present,
      studentIds,
      classNames,
      schools,
      school,
      klass,
      row,
      prior: priorOf,
      scores:
        exam.scores.length === present * exam.items.length
          ? exam.scores
          : exam.scores.slice(0, present * exam.items.length),
    };
    return { staged, schoolCount: schools.length, withPrior };
  }

  async function upload(actor: Actor, examId: string, files: UploadFiles): Promise<ExamUpload> {
    const row = await loadManaged(actor, examId);
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
    const read = await readFiles({ items: files.items, scores: files.scores, prior: files.prior }, known);
    const errors: ExamInputError[] = [];
    const itemsRead = read.items;
    errors.push(...(itemsRead.errors as ExamInputError[]));
    const items = itemsRead.items;
    const full = items.reduce((a, it) => a + it.maxScore, 0);
    if (itemsRead.errors.length === 0 && Math.abs(full - row.full_marks) > 1e-9)
      errors.push({
        file: 'items',
        row: 1,
        column: 'max_score',
        value: String(full),
        rule: 'FULL_MARKS_MISMATCH',
        message: `各题满分之和为 ${full}，与考试满分 ${row.full_marks} 不一致`,
      });
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
      for (const e of sc.errors as ExamInputError[]) {
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
      errors.push(...(sc.errors as ExamInputError[]));
      exam = sc.errors.length ? null : sc.exam;
    }
    let prior = new Map<string, number>();
    if (read.prior) {
      const p = read.prior;
      errors.push(...(p.errors as ExamInputError[]));
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
    const now = clock();
    const expiresAt = new Date(now.getTime() + uploadTtlMs);
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
      errors: errors.slice(0, maxErrorsKept),
      items,
      payload: ok && staged ? encodeStaged(staged) : null,
    });
    await repo.supersedeUploads(row.id, UPLOADS_LIVE_PER_EXAM);
    return summary;
  }

  /** The stored dry run of this exam made by this account (another account's or exam's is not found). */
  async function uploadOf(
    actor: Actor,
    row: ExamRow,
    uploadId: string,
    opts: { trx?: Database; forUpdate?: boolean; payload?: boolean; errors?: boolean } = {},
  ) {
    const countyId = await repo.regionKeyOf(row.owner_org_id);
    const u = /^[A-Za-z0-9_-]{1,40}$/.test(uploadId)
      ? await repo.findUpload(countyId, uploadId, opts)
      : undefined;
    if (!u || u.exam_id !== row.id || u.account_id !== actor.accountId) throw notFound('上传记录');
    return { u, countyId };
  }

  /** Refuse a dry run that cannot be committed (now): errors, already committed, expired, superseded. */
  function refuseCommit(u: ExamUploadRow, now: Date): void {
    const s = u.summary as ExamUpload;
    if (!s.ok)
      throw new AppError('IMPORT_HAS_ERRORS', `文件有 ${s.errorCount} 处错误，须全部改正后才能写入`, {
        errors: s.errorCount,
      });
    if (u.committed_at)
      throw new AppError(
        'CONFLICT',
        `这次上传已于 ${u.committed_at.toISOString()} 写入，不能重复写入；如需更正成绩，请重新上传并校验`,
        { reason: 'UPLOAD_COMMITTED', committedAt: u.committed_at.toISOString() },
      );
    if (u.expires_at.getTime() <= now.getTime())
      throw new AppError(
        'CONFLICT',
        `这次上传的校验结果已于 ${u.expires_at.toISOString()} 过期（保留 ${Math.round(uploadTtlMs / 60_000)} 分钟），请重新上传并校验`,
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
  async function commit(
    actor: Actor,
    examId: string,
    uploadId: string,
    req: CommitExamUploadRequest = {},
  ): Promise<ExamUpload> {
    const row = await loadManaged(actor, examId);
    const { u: head, countyId } = await uploadOf(actor, row, uploadId);
    refuseCommit(head, clock());
    return db.transaction().execute(async (trx) => {
      await repo.lockExam(row.id, trx);
      const now = clock();
      const u = await repo.findUpload(countyId, uploadId, { trx, forUpdate: true, payload: true });
      if (!u) throw notFound('上传记录');
      refuseCommit(u, now);
      const staged = decodeStaged(u.payload as Uint8Array);
      // a dry run stored before empty sheets were refused must not wipe the exam either
      if (staged.studentIds.length === 0) throw new AppError('FILE_EMPTY', NO_STUDENTS_MESSAGE);
      const removal = await repo.countRemoved(row.id, staged.studentIds, trx);
      checkRemoval(removal, removalShare, req.confirmRemoval);
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
  async function uploadErrors(actor: Actor, examId: string, uploadId: string): Promise<ExamInputError[]> {
    const row = await loadManaged(actor, examId);
    const { u } = await uploadOf(actor, row, uploadId, { errors: true });
    if (u.expires_at.getTime() <= clock().getTime())
      throw new AppError('CONFLICT', '这次上传的校验结果已过期，请重新上传并校验', {
        reason: 'UPLOAD_EXPIRED',
        expiresAt: u.expires_at.toISOString(),
      });
    return (u.errors ?? []) as ExamInputError[];
  }

  return {
    async createExam(actor: Actor, req: CreateExamRequest): Promise<Exam> {
      const org = await managedOrg(actor, req.ownerOrgId);
      if (req.reportSettings?.gradeCuts) {
        const bad = validateGradeCuts(req.reportSettings.gradeCuts);
        if (bad) throw new AppError('VALIDATION_FAILED', bad, { field: 'reportSettings.gradeCuts' });
      }
      let cycleId: string | null = null;
      if (req.cycleId) {
        const c = isId(req.cycleId) ? await repo.findCycle(req.cycleId) : undefined;
        if (!c || !can(actor, 'exam.manage', c.owner_path) || !org.path.startsWith(c.owner_path))
          throw notFound('监测周期');
        cycleId = c.id;
      }
      const id = await db.transaction().execute(async (trx) => {
        const newId = await repo.insertExam(
          {
            name: req.name,
            semester: req.semester,
            stage: req.stage,
            subject: req.subject,
            grade: req.grade,
            fullMarks: req.fullMarks,
            kind: req.kind,
            examDate: req.examDate ?? null,
            ownerOrgId: org.id,
            ownerPath: org.path,
            cycleId,
            reportSettings: req.reportSettings ?? {},
            createdBy: actor.accountId,
          },
          trx,
        );
        await audit.record(
          actor,
          {
            action: 'exam.create',
            entity: 'exam',
            entityId: newId,
            orgId: org.id,
            details: { name: req.name },
          },
          trx,
        );
        return newId;
      });
      return toExam((await repo.findExam(id)) as ExamRow);
    },

    async listExams(actor: Actor, cycleId?: string): Promise<Exam[]> {
      const roots = requirePermission(actor, 'exam.read');
      const ancestors = [...new Set(roots.flatMap(ancestorPaths))];
      return (await repo.listExams(roots, ancestors, cycleId)).map(toExam);
    },

    async getExam(actor: Actor, id: string): Promise<Exam & { audience: ExamAudience; mode: string }> {
      const { row, access } = await loadExam(actor, id);
      return { ...toExam(row), audience: access.audience, mode: reportModeFor(access.audience, toExam(row)) };
    },

    async setReportSettings(actor: Actor, id: string, settings: ReportSettings): Promise<Exam> {
      const row = await loadManaged(actor, id);
      if (settings.gradeCuts) {
        const bad = validateGradeCuts(settings.gradeCuts);
        if (bad) throw new AppError('VALIDATION_FAILED', bad, { field: 'gradeCuts' });
      }
      await repo.setReportSettings(row.id, settings);
      await audit.record(actor, {
        action: 'exam.report_settings',
        entity: 'exam',
        entityId: row.id,
        orgId: row.owner_org_id,
        details: settings,
      });
      return toExam((await repo.findExam(row.id)) as ExamRow);
    },

    upload,
    commit,

    async uploadErrorsWorkbook(actor: Actor, examId: string, uploadId: string) {
      const errors = await uploadErrors(actor, examId, uploadId);
      return { fileName: `成绩校验错误-${examId}.xlsx`, body: await buildErrorWorkbook(errors) };
    },

    report,

    async reportWorkbook(actor: Actor, id: string) {
      const r = await report(actor, id);
      return { fileName: `${r.exam.name}-质量分析.xlsx`, body: await buildReportWorkbook(r) };
    },

    /** The same audience-filtered report as a PDF (A4, Noto Sans SC). */
    async reportPdf(actor: Actor, id: string) {
      const r = await report(actor, id);
      const today = todayInShanghai((deps.clock ?? (() => new Date()))());
      return { fileName: `${r.exam.name}-质量分析.pdf`, body: await buildReportPdf(r, today) };
    },

    previewGradeCuts,

    // ---------- monitoring cycles ----------

    async createCycle(actor: Actor, req: { name: string; semester: string; ownerOrgId: string }) {
      const org = await managedOrg(actor, req.ownerOrgId);
      const id = await repo.insertCycle({ ...req, ownerPath: org.path, createdBy: actor.accountId });
      await audit.record(actor, {
        action: 'exam_cycle.create',
        entity: 'exam_cycle',
        entityId: id,
        orgId: org.id,
      });
      return this.getCycle(actor, id);
    },

    async listCycles(actor: Actor) {
      const roots = requirePermission(actor, 'exam.read');
      const ancestors = [...new Set(roots.flatMap(ancestorPaths))];
      return (await repo.listCycles(roots, ancestors)).map((c) => ({
        id: c.id,
        name: c.name,
        semester: c.semester,
        ownerOrgId: c.owner_org_id,
        ownerName: c.owner_name,
        sampled: c.sample !== null,
      }));
    },

    async getCycle(actor: Actor, id: string): Promise<ExamCycle> {
      if (!isId(id)) throw notFound('监测周期');
      const c = await repo.findCycle(id);
      if (!c) throw notFound('监测周期');
      const access = accessTo(actor, c.owner_path, '监测周期');
      const sample = c.sample as SchoolSample | null;
      return {
        id: c.id,
        name: c.name,
        semester: c.semester,
        ownerOrgId: c.owner_org_id,
        ownerName: c.owner_name,
        exams: (await repo.examsOfCycle(c.id)).map(toExam),
        // which schools are sampled is the monitoring office's business (a school is not told its neighbours')
        sample:
          sample && access.audience === 'monitoring'
            ? { ...sample, studentsPerSchool: c.students_per_school }
            : null,
      };
    },

    async drawSample(actor: Actor, id: string, req: DrawSampleRequest): Promise<ExamCycle> {
      if (!isId(id)) throw notFound('监测周期');
      const c = await repo.findCycle(id);
      if (!c) throw notFound('监测周期');
      accessTo(actor, c.owner_path, '监测周期');
      requirePermission(actor, 'exam.manage', c.owner_path);
      const schools = (await repo.schoolsUnder(c.owner_path)).filter(
        (s) => !req.stage || s.stages.includes(req.stage),
      );
      const sample = stratifiedSchoolSample(
        schools.map((s) => ({ id: s.id, countyId: s.county_id ?? '', location: s.location_type })),
        req.schools,
        req.seed,
      );
      await repo.setSample(c.id, sample, req.studentsPerSchool ?? null);
      await audit.record(actor, {
        action: 'exam_cycle.sample',
        entity: 'exam_cycle',
        entityId: c.id,
        orgId: c.owner_org_id,
        details: { seed: req.seed, schools: sample.size, population: sample.population },
      });
      return this.getCycle(actor, c.id);
    },

    /** Per school, across the exams of a cycle: score rate, pass rate, value-added — or grades where due. */
    async trends(actor: Actor, id: string): Promise<SchoolTrend[]> {
      const cycle = await this.getCycle(actor, id);
      const c = await repo.findCycle(id);
      const access = accessTo(actor, c?.owner_path ?? '', '监测周期');
      const rule = POLICY.audiences[access.audience];
      const exams = (await repo.examsOfCycle(cycle.id)).filter((e) => e.items);
      const caches: Array<[ExamRow, ExamCache]> = [];
      const ids = new Set<string>();
      for (const e of exams) {
        const cache = await cacheOf(e);
        if (!cache) continue;
        caches.push([e, cache]);
        for (const s of cache.analysis.schools) ids.add(s.school);
      }
      const info = await schoolInfo([...ids]);
      const out = new Map<string, SchoolTrend>();
      for (const [e, cache] of caches) {
        const mode = reportModeFor(access.audience, toExam(e));
        const minN = minGroupNOf(e);
        const vaOf = new Map((cache.va?.schools ?? []).map((s) => [s.school, s]));
        for (const g of cache.analysis.schools) {
          const si = info.get(g.school);
          if (!si || !access.roots.some((r) => si.path.startsWith(r))) continue;
          let t = out.get(g.school);
          if (!t) {
            t = { schoolId: g.school, school: si.name, points: [] };
            out.set(g.school, t);
          }
          const small = suppressed(g.total.n, minN);
          const va = vaOf.get(g.school);
          const showVa = !small && rule.valueAdded && mode === 'full' && va && !suppressed(va.n, minN);
          t.points.push({
            examId: e.id,
            examName: e.name,
            examDate: e.exam_date,
            mode,
            suppressed: small,
            n: small ? null : g.total.n,
            scoreRate:
              small || mode === 'grades' || g.total.mean === null
                ? null
                : g.total.mean / cache.analysis.fullMarks,
            passRate: small || mode === 'grades' ? null : g.total.passRate,
            va: showVa ? va.va : null,
            vaLow: showVa ? va.ciLow : null,
            vaHigh: showVa ? va.ciHigh : null,
            grades: small ? null : (cache.grades.bySchool[g.school] ?? null),
          });
        }
      }
      return [...out.values()].sort((a, b) => a.school.localeCompare(b.school, 'zh-CN'));
    },

    /** Early warnings (R-002-12) of the schools in the monitoring office's scope, over the cycle's exams. */
    async warnings(actor: Actor, id: string): Promise<ExamWarning[]> {
      if (!isId(id)) throw notFound('监测周期');
      const c = await repo.findCycle(id);
      if (!c) throw notFound('监测周期');
      const access = accessTo(actor, c.owner_path, '监测周期');
      if (access.audience !== 'monitoring')
        throw new AppError('FORBIDDEN', '预警信息仅向监测部门提供（R-002-58）', {
          permission: 'exam.diagnose',
        });
      const all = await cycleWarnings(c.id);
      const info = await schoolInfo([...new Set(all.map((w) => w.schoolId))]);
      return all.filter((w) => {
        const p = info.get(w.schoolId)?.path;
        return p !== undefined && access.roots.some((r) => p.startsWith(r));
      });
    },

    // ---------- indicator systems (R-002-11) ----------

    async listIndicators(actor: Actor, ownerOrgId: string): Promise<IndicatorSystem[]> {
      if (!isId(ownerOrgId)) throw notFound('单位');
      const org = await repo.findOrg(ownerOrgId);
      if (!org) throw notFound('单位');
      accessTo(actor, org.path, '单位');
      return (await repo.listIndicators(org.id)).map((r) => {
        const indicators = r.indicators as IndicatorSystem['indicators'];
        return {
          id: r.id,
          ownerOrgId: r.owner_org_id,
          stage: r.stage,
          subject: r.subject,
          indicators,
          weightTotal: indicators.reduce((a, i) => a + i.weight, 0),
          updatedAt: r.updated_at.toISOString(),
        };
      });
    },

    async putIndicators(actor: Actor, req: IndicatorSystemRequest): Promise<IndicatorSystem[]> {
      const org = await managedOrg(actor, req.ownerOrgId);
      const names = req.indicators.map((i) => i.name);
      if (new Set(names).size !== names.length)
        throw new AppError('VALIDATION_FAILED', '指标名称不能重复', { field: 'indicators' });
      await repo.upsertIndicators({
        ownerOrgId: org.id,
        ownerPath: org.path,
        stage: req.stage,
        subject: req.subject,
        indicators: req.indicators,
        updatedBy: actor.accountId,
      });
      await audit.record(actor, {
        action: 'exam_indicators.put',
        entity: 'exam_indicator_system',
        orgId: org.id,
        details: { stage: req.stage, subject: req.subject, count: req.indicators.length },
      });
      return this.listIndicators(actor, org.id);
    },
  };
}

export type ExamsService = ReturnType<typeof createExamsService>;
