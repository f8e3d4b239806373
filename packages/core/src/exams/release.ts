/**
 * What parents and the public may see of an exam, as pure functions over the policy data of
 * audience.ts (EXAM_REPORT_POLICY.audiences.parent / .public, .publicSummary, .parentAccess):
 * - the public summary: the region's aggregate only — participation and the grade-band distribution (SZ-12),
 *   never a school name, a school's numbers or a rank (R-002-58); withheld for small groups (n < minGroupN) and
 *   when fewer than `minSchools` schools took part (one school's "region" result is that school's result);
 * - the parent view: one student's own results, per exam (= per subject), as grade bands (SZ-12) — a raw score
 *   only where the audience rule's mode for that exam is not `grades`, and never a rank (R-002-58);
 * - the per-student access code: an unambiguous alphabet, entered with or without spaces or dashes.
 */
import {
  EXAM_REPORT_POLICY,
  type ExamKind,
  type ExamReportPolicy,
  type GradeCount,
  type GradeCut,
  gradeIndex,
  type ReportMode,
  reportModeFor,
  suppressed,
} from './audience';

export interface PublicSummaryInput {
  exam: { kind: ExamKind; stage: string };
  /** students who sat the exam (in the analysis) */
  n: number;
  absent: number;
  /** schools that took part */
  schools: number;
  /** the exam's overall grade distribution with its cut-offs */
  grades: readonly GradeCount[];
  gradeCuts: readonly GradeCut[];
  minGroupN: number;
  /** the region's rates (only shown where the public rule's mode is not `grades`) */
  rates?: { scoreRate: number | null; passRate: number | null; excellentRate: number | null };
}

export interface PublicSummaryBody {
  policyId: string;
  ruleIds: string[];
  mode: ReportMode;
  participation: { students: number; absent: number; rate: number | null; schools: number };
  /** null: shown; otherwise why the distribution is withheld */
  withheld: null | { reason: 'small_group' | 'few_schools'; ruleId: string; limit: number };
  grades: GradeCount[] | null;
  gradeCuts: GradeCut[];
  rates: { scoreRate: number | null; passRate: number | null; excellentRate: number | null } | null;
  notes: string[];
}

/**
 * Why results are shown as grades: SZ-12 for routine exams of a compulsory stage; otherwise the audience rule of the
 * policy (e.g. the public sees grade bands of a senior-secondary exam too), which is not SZ-12. Plain words for
 * parents and the public; the rule IDs travel in `ruleIds`.
 */
function gradesNote(exam: { kind: ExamKind; stage: string }, policy: ExamReportPolicy, verb: string): string {
  return exam.kind === 'routine' && policy.compulsoryStages.includes(exam.stage)
    ? `义务教育阶段考试成绩以等级呈现，不${verb}分数与排名`
    : `成绩以等级呈现，不${verb}分数与排名`;
}

/** The region-level summary the public may see; nothing in it names or numbers a school. */
export function publicSummary(
  input: PublicSummaryInput,
  policy: ExamReportPolicy = EXAM_REPORT_POLICY,
): PublicSummaryBody {
  const pub = policy.publicSummary;
  const mode = reportModeFor('public', input.exam, policy);
  const total = input.n + input.absent;
  const notes: string[] = [];
  if (mode === 'grades') notes.push(gradesNote(input.exam, policy, '公布'));
  notes.push('只公布全区域汇总结果，不公布任何学校的名称、成绩或排名');
  let withheld: PublicSummaryBody['withheld'] = null;
  if (suppressed(input.n, input.minGroupN))
    withheld = { reason: 'small_group', ruleId: 'Y-EXAM-PUBLIC', limit: input.minGroupN };
  else if (input.schools < pub.minSchools)
    withheld = { reason: 'few_schools', ruleId: 'Y-EXAM-PUBLIC', limit: pub.minSchools };
  if (withheld?.reason === 'small_group') notes.push(`参考人数少于 ${input.minGroupN}，不公布等级分布`);
  if (withheld?.reason === 'few_schools')
    notes.push(`参考学校少于 ${pub.minSchools} 所，汇总结果即单校结果，不公布等级分布`);
  return {
    policyId: policy.id,
    ruleIds: pub.ruleIds,
    mode,
    participation: {
      students: input.n,
      absent: input.absent,
      rate: total === 0 ? null : input.n / total,
      schools: input.schools,
    },
    withheld,
    grades: withheld ? null : input.grades.map((g) => ({ ...g })),
    gradeCuts: input.gradeCuts.map((c) => ({ ...c })),
    // ranks are never part of a public summary, whatever rule.ranks says (R-002-58)
    rates: withheld || mode === 'grades' ? null : (input.rates ?? null),
    notes,
  };
}

export interface ParentExamInput {
  examId: string;
  name: string;
  semester: string;
  stage: string;
  subject: string;
  /** 年级 */
  gradeLevel: string;
  kind: ExamKind;
  examDate: string | null;
  fullMarks: number;
  absent: boolean;
  total: number | null;
  gradeCuts: readonly GradeCut[];
}

export interface ParentExamEntry {
  examId: string;
  name: string;
  semester: string;
  stage: string;
  subject: string;
  gradeLevel: string;
  examDate: string | null;
  mode: ReportMode;
  absent: boolean;
  /** the grade band (等级) of the student's total; null when absent */
  grade: string | null;
  /** the grade bands of the exam, highest first, with their lower bounds (score rate) */
  gradeCuts: GradeCut[];
  /** the raw total: only where the parent rule's mode for this exam is not `grades` */
  score: number | null;
  fullMarks: number | null;
}

/** One student's own results as the parent audience may see them. There is no rank field at all (R-002-58). */
export function parentResults(
  inputs: readonly ParentExamInput[],
  policy: ExamReportPolicy = EXAM_REPORT_POLICY,
): { entries: ParentExamEntry[]; notes: string[]; ruleIds: string[] } {
  const entries = inputs.map((e): ParentExamEntry => {
    const mode = reportModeFor('parent', { kind: e.kind, stage: e.stage }, policy);
    const present = !e.absent && e.total !== null;
    const g = present ? gradeIndex(e.total as number, e.fullMarks, e.gradeCuts) : -1;
    const showScore = present && mode !== 'grades';
    return {
      examId: e.examId,
      name: e.name,
      semester: e.semester,
      stage: e.stage,
      subject: e.subject,
      gradeLevel: e.gradeLevel,
      examDate: e.examDate,
      mode,
      absent: !present,
      grade: present ? ((e.gradeCuts[g] as GradeCut | undefined)?.grade ?? null) : null,
      gradeCuts: e.gradeCuts.map((c) => ({ ...c })),
      score: showScore ? e.total : null,
      fullMarks: showScore ? e.fullMarks : null,
    };
  });
  const notes: string[] = [];
  const graded = inputs.find((_, i) => entries[i]?.mode === 'grades');
  if (graded) notes.push(gradesNote({ kind: graded.kind, stage: graded.stage }, policy, '提供'));
  notes.push('本页只显示您孩子本人的结果，不提供排名');
  return { entries, notes, ruleIds: ['SZ-12', 'R-002-58', policy.parentAccess.ruleId] };
}

/** 31 characters without 0/O, 1/I/L: read aloud and typed on a phone without mix-ups. */
export const ACCESS_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * A code of `length` characters from random bytes (rejection sampling: bytes ≥ 248 = 8 × 31 are skipped, so
 * every character is equally likely). Returns null when the bytes run out (give more bytes).
 */
export function accessCodeFromBytes(bytes: Uint8Array, length: number): string | null {
  const n = ACCESS_CODE_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = '';
  for (let i = 0; i < bytes.length && out.length < length; i++) {
    const b = bytes[i] as number;
    if (b < limit) out += ACCESS_CODE_ALPHABET[b % n];
  }
  return out.length === length ? out : null;
}

/** What a parent typed → the code as issued: upper case, without spaces and dashes; null if it cannot be one. */
export function normaliseAccessCode(input: string, length: number): string | null {
  const s = input.toUpperCase().replace(/[\s\-－—_]/g, '');
  if (s.length !== length) return null;
  for (const ch of s) if (!ACCESS_CODE_ALPHABET.includes(ch)) return null;
  return s;
}

/** ABCD2345 → ABCD-2345 (halves), for the printed list. */
export function formatAccessCode(code: string): string {
  const h = Math.ceil(code.length / 2);
  return `${code.slice(0, h)}-${code.slice(h)}`;
}
