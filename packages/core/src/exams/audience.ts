/**
 * Who sees what of an exam report, as data. Since 2021 compulsory-stage exam results are
 * presented as grades, not scores (SZ-12 "义务教育阶段考试成绩呈现实行等级制"), and score-only league tables
 * are not published (R-002-58 "引导全社会从关注高考、中考成绩，转变到关注学生健康成长上来"). So, by default:
 * - routine (常规) exams of a compulsory stage (primary, junior) are shown to schools, parents and the public as
 *   grade bands (等级 A/B/C/D at configurable cut-offs of the score rate), never with ranks;
 * - a monitoring office (bureau or teacher-development-centre staff holding `exam.diagnose`) sees the full
 *   diagnostics (scores, items, ranks, value-added, warnings) of the schools in its scope;
 * - any group with fewer than `minGroupN` students is suppressed ("—, n < 10") for every audience.
 * A region may override the cut-offs and `minGroupN` per exam (exams.report_settings); the rest is this pack.
 */

export const EXAM_AUDIENCES = ['monitoring', 'school', 'parent', 'public'] as const;
export type ExamAudience = (typeof EXAM_AUDIENCES)[number];
export const EXAM_KINDS = ['routine', 'monitoring'] as const;
export type ExamKind = (typeof EXAM_KINDS)[number];
/** full: every statistic; scores: own numbers without ranks or item diagnostics; grades: grade bands only */
export const REPORT_MODES = ['full', 'scores', 'grades'] as const;
export type ReportMode = (typeof REPORT_MODES)[number];

export interface GradeCut {
  grade: string;
  /** lowest score rate (total / full marks) of the grade, inclusive */
  from: number;
}

export interface AudienceRule {
  /** the mode for routine exams of a compulsory stage */
  compulsoryRoutine: ReportMode;
  /** the mode for everything else (monitoring exams, senior secondary) */
  otherwise: ReportMode;
  ranks: boolean;
  /** numbers of schools other than the audience's own */
  otherSchools: boolean;
  items: boolean;
  valueAdded: boolean;
  warnings: boolean;
}

export interface ExamReportPolicy {
  id: string;
  ruleIds: string[];
  compulsoryStages: string[];
  gradeCuts: GradeCut[];
  minGroupN: number;
  /** early warning of schools (R-002-12 问题预警): core's earlyWarnings over the exams of a cycle */
  warning: {
    metric: 'score_rate' | 'pass_rate' | 'excellent_rate' | 'standardised';
    below: number;
    dropMargin: number;
    minN: number;
  };
  audiences: Record<ExamAudience, AudienceRule>;
  // ---- parents and the public ----
  /** The public summary an office may publish: region aggregates only (see release.ts). */
  publicSummary: PublicSummaryRule;
  /** The parent view: a student's own results behind a per-student access code issued by the school. */
  parentAccess: ParentAccessRule;
}

// ---- parents and the public ----
export interface PublicSummaryRule {
  ruleIds: string[];
  /** the finest unit the public sees: the region (the exam owner) as a whole */
  unit: 'region';
  schoolNames: false;
  /** fewer participating schools than this: the distribution is withheld (one school = its own result) */
  minSchools: number;
}

export interface ParentAccessRule {
  ruleId: string;
  /** characters of a code (from ACCESS_CODE_ALPHABET) */
  codeLength: number;
  /** wrong codes in a row before a student's code is locked */
  maxFailures: number;
  lockMinutes: number;
  /** wrong codes from one client address within `lockMinutes` before it must wait (any student id) */
  maxFailuresPerClient: number;
}

const POLICY_2021: ExamReportPolicy = {
  id: 'exam-report-2021',
  ruleIds: ['SZ-12', 'R-002-58', 'R-002-12'],
  compulsoryStages: ['primary', 'junior'],
  gradeCuts: [
    { grade: 'A', from: 0.85 },
    { grade: 'B', from: 0.7 },
    { grade: 'C', from: 0.6 },
    { grade: 'D', from: 0 },
  ],
  minGroupN: 10,
  warning: { metric: 'score_rate', below: 0.5, dropMargin: 0.05, minN: 10 },
  audiences: {
    monitoring: {
      compulsoryRoutine: 'full',
      otherwise: 'full',
      ranks: true,
      otherSchools: true,
      items: true,
      valueAdded: true,
      warnings: true,
    },
    school: {
      compulsoryRoutine: 'grades',
      otherwise: 'scores',
      ranks: false,
      otherSchools: false,
      items: false,
      valueAdded: false,
      warnings: false,
    },
    parent: {
      compulsoryRoutine: 'grades',
      otherwise: 'grades',
      ranks: false,
      otherSchools: false,
      items: false,
      valueAdded: false,
      warnings: false,
    },
    public: {
      compulsoryRoutine: 'grades',
      otherwise: 'grades',
      ranks: false,
      otherSchools: false,
      items: false,
      valueAdded: false,
      warnings: false,
    },
  },
  // ---- parents and the public ----
  publicSummary: {
    ruleIds: ['SZ-12', 'R-002-58', 'Y-EXAM-PUBLIC'],
    unit: 'region',
    schoolNames: false,
    minSchools: 2,
  },
  parentAccess: {
    ruleId: 'Y-EXAM-PARENT-CODE',
    codeLength: 8,
    maxFailures: 5,
    lockMinutes: 30,
    maxFailuresPerClient: 30,
  },
};

// marked pure so that a bundle taking only the code lists above (the web, through the contracts) leaves it out
export const EXAM_REPORT_POLICY: Readonly<ExamReportPolicy> = /* @__PURE__ */ Object.freeze(POLICY_2021);

/** A region's overrides of the policy for one exam (exams.report_settings); a plain object type, stored as JSON. */
export type ReportSettings = {
  gradeCuts?: GradeCut[];
  minGroupN?: number;
};

export function reportModeFor(
  audience: ExamAudience,
  exam: { kind: ExamKind; stage: string },
  policy: ExamReportPolicy = EXAM_REPORT_POLICY,
): ReportMode {
  const rule = policy.audiences[audience];
  const compulsoryRoutine = exam.kind === 'routine' && policy.compulsoryStages.includes(exam.stage);
  return compulsoryRoutine ? rule.compulsoryRoutine : rule.otherwise;
}

/** Grade cut-offs must descend strictly and end at 0, so every score rate has exactly one grade. */
export function validateGradeCuts(cuts: readonly GradeCut[]): string | null {
  if (cuts.length < 2) return '等级至少两档';
  for (let i = 0; i < cuts.length; i++) {
    const c = cuts[i] as GradeCut;
    if (!(c.from >= 0 && c.from <= 1)) return `等级 ${c.grade} 的下限须在 0 与 1 之间`;
    if (i > 0 && !(c.from < (cuts[i - 1] as GradeCut).from)) return '等级下限须从高到低严格递减';
  }
  if ((cuts[cuts.length - 1] as GradeCut).from !== 0) return '最后一档的下限须为 0';
  if (new Set(cuts.map((c) => c.grade)).size !== cuts.length) return '等级名称不能重复';
  return null;
}

/** How a report names the whole of the region an exam belongs to: 全省 / 全市 / 全区 / 全县. */
export const REGION_SCOPES = ['province', 'city', 'district', 'county'] as const;
export type RegionScope = (typeof REGION_SCOPES)[number];
export const REGION_SCOPE_ZH: Record<RegionScope, string> = {
  province: '全省',
  city: '全市',
  district: '全区',
  county: '全县',
};

/**
 * The scope of an exam owner's aggregate, from the org's kind and name: a city (and a county-level city such as
 * 英德市) is 全市, a 区 全区, a 县 全县, a province 全省; a school or other org owning an exam reads as its county.
 */
export function regionScopeOf(kind: string, name: string): RegionScope {
  if (kind === 'province') return 'province';
  if (kind === 'city' || name.endsWith('市')) return 'city';
  if (name.endsWith('县') || name.endsWith('旗')) return 'county';
  return 'district';
}

/** A grade's band as every page, export and parent letter words it. */
export interface GradeBandLabel {
  grade: string;
  /** '≥ 85%', and for the last grade (whose lower bound is 0) '< 60%': below the grade above it. */
  range: string;
  /** 'A ≥ 85%' … 'D < 60%'. */
  label: string;
}

/** A score rate as a percentage with at most one decimal: 0.85 → '85', 0.725 → '72.5'. */
function ratePercent(rate: number): string {
  return String(Math.round(rate * 1000) / 10);
}

/**
 * The one wording of grade bands from the report settings' cut-offs (SZ-12): every grade but the last reads
 * "≥ its lower bound", the last — whose lower bound is always 0 (validateGradeCuts) — reads "< the bound of the grade
 * above", never "≥ 0%". A single grade (not allowed by the settings) reads "≥ 0%".
 */
export function gradeBandLabels(cuts: readonly GradeCut[]): GradeBandLabel[] {
  return cuts.map((c, i) => {
    const above = cuts[i - 1];
    const range =
      i === cuts.length - 1 && above ? `< ${ratePercent(above.from)}%` : `≥ ${ratePercent(c.from)}%`;
    return { grade: c.grade, range, label: `${c.grade} ${range}` };
  });
}

/** The grade index of a total: the first cut whose lower bound the score rate reaches. */
export function gradeIndex(total: number, fullMarks: number, cuts: readonly GradeCut[]): number {
  const rate = fullMarks > 0 ? total / fullMarks : 0;
  for (let i = 0; i < cuts.length; i++) if (rate >= (cuts[i] as GradeCut).from) return i;
  return cuts.length - 1;
}

export interface GradeCount {
  grade: string;
  count: number;
  /** count / n; null when n = 0 */
  rate: number | null;
}

export function gradeDistribution(
  totals: ArrayLike<number>,
  fullMarks: number,
  cuts: readonly GradeCut[],
): GradeCount[] {
  const counts = new Array<number>(cuts.length).fill(0);
  for (let i = 0; i < totals.length; i++) {
    const g = gradeIndex(totals[i] as number, fullMarks, cuts);
    counts[g] = (counts[g] ?? 0) + 1;
  }
  const n = totals.length;
  return cuts.map((c, i) => ({
    grade: c.grade,
    count: counts[i] ?? 0,
    rate: n === 0 ? null : (counts[i] ?? 0) / n,
  }));
}

/** Whether a group is too small to be shown (n < minGroupN): its numbers are replaced by "—, n < minGroupN". */
export function suppressed(n: number, minGroupN: number): boolean {
  return n < minGroupN;
}
