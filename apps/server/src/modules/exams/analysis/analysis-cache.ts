/**
 * The analysis of an exam as its reports use it (core `analyzeExam` over the stored present students, the cycle's
 * sample applied, value-added from the prior scores or the cycle's previous exam, grade distributions by the
 * exam's cut-offs), cached on the exam row and recomputed when the data, the cut-offs or the sample changed.
 */
import {
  analyzeExam,
  type ClassRef,
  type ExamAnalysis,
  type ExamScores,
  type GradeCount,
  type GradeCut,
  gradeDistribution,
  type ItemSpec,
  type SchoolSample,
  type SchoolValueAdded,
  sampleStudents,
  studentTotals,
  valueAdded,
} from '@yanxun/core/exams';
import type { ExamsContext } from '../context';
import { gradeCutsOf } from '../exam-access';
import type { ExamRow } from '../exams/exams.repository';

/** The cached analysis, as stored in `exams.analysis` (JSON). */
export interface ExamCache {
  v: 1;
  gradeCuts: GradeCut[];
  analysis: ExamAnalysis;
  va: { matched: number; slope: number; intercept: number; schools: SchoolValueAdded[] } | null;
  grades: { overall: GradeCount[]; bySchool: Record<string, GradeCount[]> };
  /** students left out by the cycle's sample (0 when the cycle has none) */
  notSampled: number;
}

export interface SchoolInfo {
  name: string;
  countyId: string;
}

export async function computeCache(ctx: ExamsContext, row: ExamRow): Promise<ExamCache> {
  const { repo } = ctx;
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
    // the exam's declared full marks, which an upload's items must add up to (FULL_MARKS_MISMATCH): score bands,
    // rates and grades are all taken against the 满分 the report shows
    fullMarks: row.full_marks,
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
export async function cacheOf(ctx: ExamsContext, row: ExamRow): Promise<ExamCache | null> {
  const { repo } = ctx;
  if (!row.items) return null;
  const stored = await repo.readAnalysis(row.id);
  if (stored?.analysis && stored.analysis_version === stored.data_version)
    return stored.analysis as ExamCache;
  const fresh = await computeCache(ctx, row);
  await repo.writeAnalysis(row.id, stored?.data_version ?? row.data_version, fresh);
  return fresh;
}

export async function schoolInfo(
  ctx: ExamsContext,
  ids: string[],
): Promise<Map<string, SchoolInfo & { path: string }>> {
  return new Map(
    (await ctx.repo.schoolsByIds(ids)).map((s) => [
      s.id,
      { name: s.name, countyId: s.county_id ?? '', path: s.path },
    ]),
  );
}
