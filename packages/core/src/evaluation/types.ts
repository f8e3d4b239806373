/**
 * The vocabulary of point rubrics (评价标准): a tree of indicators (一级 → 二级 → items) with declared points,
 * evaluation forms, responsible departments, evidence, deductions, vetoes and merged score cells; grade bands and
 * the normalisation an officer chooses where a rubric's declared and item points disagree. Pure data: the
 * built-in rubrics are in `builtin-rubrics.ts`, the arithmetic in `units.ts`, `check.ts` and `score.ts`.
 */
import type { PolicyValue } from '../programs/policy-value';

/** How an item is evaluated (评价形式), as the seeds print it. */
export const EVALUATION_FORMS = [
  'review_documents',
  'review_archives',
  'site_visit',
  'review_materials',
] as const;
export type EvaluationForm = (typeof EVALUATION_FORMS)[number];

export const EVALUATION_FORM_LABELS: Record<EvaluationForm, string> = {
  review_documents: '查阅资料',
  review_archives: '查看档案',
  site_visit: '实地查看',
  review_materials: '查看资料',
};

/**
 * A deduction (扣分) within the scored unit that holds the node: `points` per counted case, never below `floor`
 * (R3-B03: 1 point per person-time; the floor 0 is a reading). Without a floor the unit may go below 0, and
 * `checkRubric` warns.
 */
export interface DeductionRule {
  per: 'person_time';
  points: number;
  floor?: number;
  /** The cases that count (少报、缺培、未结业 …), each a reason an entry may name. */
  reasons: readonly { code: string; label: string }[];
  ruleId: string;
  source: string;
  note?: string;
}

/**
 * A veto (一票否决): when an entry reports the condition broken, `fail` puts the subject in the lowest band whatever
 * its points (the points stay shown), `zero` sets the total to 0. `enabled` false keeps the text but not the veto.
 */
export interface VetoRule {
  id: string;
  label: string;
  effect: 'fail' | 'zero';
  enabled: boolean;
  ruleId: string;
  source: string;
  note?: string;
}

/**
 * A node of a rubric. Depth 1 is the 一级 indicator (B and C's 项目), depth 2 the 二级 indicator (A) or the item
 * (B, C), depth 3 A's numbered descriptions. `points` may be absent below a node that has them (A's descriptions):
 * that node is then scored holistically (`units.ts`).
 */
export interface RubricNode {
  id: string;
  /** The indicator's name (一级/二级); absent for an item known only by its text. */
  title?: string;
  /** 指标描述 / 标准, as the seed prints it. */
  text?: string;
  points?: number;
  form?: EvaluationForm;
  /** 责任科室 (may be several; empty where the seed names none). */
  departments: readonly string[];
  /** What the evidence must show (资料), in words. */
  evidence: readonly string[];
  deduction?: DeductionRule;
  veto?: VetoRule;
  /**
   * The live metric (a key of the server's registry) that measures what this node asks: a campaign binds it to the
   * node's scored unit by default. On the unit's own node a share-type reading suggests the unit's score; on one
   * numbered description of a holistic indicator it shows its numbers only (Y-EVAL-LIVE-PART).
   */
  metric?: string;
  /** The merged score cell the node shares (`Rubric.scoreGroups`); the node then has no points of its own. */
  scoreGroup?: string;
  /** Seed and lines. */
  source: string;
  note?: string;
  children?: readonly RubricNode[];
}

/** Several items scored in one merged cell (Rubric B items 5+6 → 10 points, 7+8 → 20). */
export interface ScoreGroup {
  id: string;
  title: string;
  points: number;
  form?: EvaluationForm;
  source: string;
  note?: string;
}

export const GRADE_BAND_CODES = ['excellent', 'good', 'pass', 'fail'] as const;
export type GradeBandCode = (typeof GRADE_BAND_CODES)[number];

/** A grade band: reached at `minPercent` % of the maximum or more. */
export interface GradeBand {
  code: GradeBandCode;
  label: string;
  minPercent: number;
}

/**
 * How a total is read where the points disagree:
 * - `item_points`: the maximum is the sum of the scored units' points;
 * - `declared`: each 一级 indicator counts at most its declared points and the maximum is the declared total;
 * - `scale_to_100`: the item-point score ÷ the item-point maximum × 100.
 */
export const NORMALISATIONS = ['item_points', 'declared', 'scale_to_100'] as const;
export type Normalisation = (typeof NORMALISATIONS)[number];

export const NORMALISATION_LABELS: Record<Normalisation, string> = {
  item_points: '按各项分值合计计满分',
  declared: '按标注分值计满分（各项目不超过标注分值）',
  scale_to_100: '折算为百分制',
};

export interface Rubric {
  id: string;
  title: string;
  /**
   * The region (issuer) the title begins with: '济源示范区' for the built-ins; a clone puts its owner's name in
   * its place (`cloneRubricTitle`) and keeps that name here.
   */
  region?: string;
  /** Seed and lines. */
  source: string;
  version: string;
  /** The total the document states, where it states one; else the sum of the 一级 indicators' points. */
  declaredTotal?: number;
  nodes: readonly RubricNode[];
  scoreGroups: readonly ScoreGroup[];
  bands: PolicyValue<readonly GradeBand[]>;
  normalisation: PolicyValue<Normalisation>;
  note?: string;
}

/** What `checkRubric` reports: a plain Chinese message, where (node id path) and the numbers. */
export interface RubricFinding {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  path: string;
  values: Record<string, unknown>;
}
