/** The shapes of the classical exam analysis (R-002-13 质量分析) and its default thresholds. */

/** 一分三率 thresholds as fractions of full marks: excellent ≥ 0.85, pass ≥ 0.60, low < 0.40 by default. */
export interface ExamThresholds {
  excellent: number;
  pass: number;
  low: number;
}

export const DEFAULT_EXAM_THRESHOLDS: Readonly<ExamThresholds> = Object.freeze({
  excellent: 0.85,
  pass: 0.6,
  low: 0.4,
});

/** The 27 % rule: the upper and lower groups are the first and last ⌊27 n / 100⌋ students by total. */
export const DISCRIMINATION_GROUP_PERCENT = 27;

export interface TotalStats {
  n: number;
  /** null when n = 0 */
  mean: number | null;
  /** sample sd (n − 1); null when n < 2 */
  sd: number | null;
  median: number | null;
  max: number | null;
  min: number | null;
  /** fractions 0..1 of the n students; null when n = 0 */
  excellentRate: number | null;
  passRate: number | null;
  lowRate: number | null;
}

export interface ItemStats {
  itemId: string;
  maxScore: number;
  mean: number | null;
  /** mean / max; null when n = 0 */
  difficulty: number | null;
  /** (mean of upper 27 % − mean of lower 27 %) / max; null when ⌊0.27 n⌋ = 0, i.e. n < 4 */
  discrimination27: number | null;
  /** Pearson of the item with (total − item); null when n < 2 or either is constant over the students */
  itemTotalR: number | null;
}

export interface ScoreBand {
  label: string;
  /** lower bound, inclusive */
  from: number;
  /** upper bound: exclusive, except for the last band which includes it */
  to: number;
  count: number;
  /** count / n; null when n = 0 */
  rate: number | null;
}

export interface LabelRate {
  label: string;
  itemIds: string[];
  maxScore: number;
  /** Σ item means / Σ item max scores; null when n = 0 */
  scoreRate: number | null;
}

export interface SubsetAnalysis {
  total: TotalStats;
  /** Cronbach's alpha; null when fewer than 2 items, n < 2, or every student has the same total */
  alpha: number | null;
  items: ItemStats[];
  knowledgePoints: LabelRate[];
  abilityLevels: LabelRate[];
}

export interface GroupAnalysis extends SubsetAnalysis {
  /** school name, or "school / class" for a class */
  name: string;
  school: string;
  className: string | null;
  /** 超均率 = (group mean − overall mean) / overall mean; null when a mean is null or the overall mean is 0 */
  aboveMeanRate: number | null;
  /** standardised score = (group mean − overall mean) / overall sd; null when undefined or sd = 0 */
  standardised: number | null;
}

export interface ExamAnalysis {
  students: number;
  absent: number;
  blankCells: number;
  fullMarks: number;
  thresholds: ExamThresholds;
  overall: SubsetAnalysis;
  bands10: ScoreBand[];
  customBands: ScoreBand[] | null;
  schools: GroupAnalysis[];
  classes: GroupAnalysis[];
}

export interface AnalyzeOptions {
  thresholds?: ExamThresholds;
  /** Custom band edges, ascending, e.g. [0, 60, 72, 84, 96, 108, 120]; labels optional (one per band). */
  customBands?: { edges: number[]; labels?: string[] };
  /** Per-school analysis (default true). */
  schools?: boolean;
  /** Per-class analysis (default true; the CLI asks for it only with --full, its JSON has no classes). */
  classes?: boolean;
  /**
   * Item statistics, alpha and score rates of each school and class (default true). With false each group gets
   * its totals only (`items`, `knowledgePoints` and `abilityLevels` empty, `alpha` null): all the CLI's JSON
   * reads of a group without --full, at a fraction of the cost (no sweep over the group's item scores).
   */
  groupItems?: boolean;
  /** The students' totals (`studentTotals(exam)`) when the caller has them already. */
  totals?: Float64Array;
}
