/**
 * The 五育 comprehensive evaluation (CD-24): a school's scores on five dimensions 德智体美劳, weighted 20 % each by
 * default (editable, summing to 100 %), give a weighted score and a band; the sensitivity view says whether moving
 * one dimension's weight by ±10 % would change the band (Y-EVAL-SENSITIVITY).
 */
import { type PolicyValue, pv } from '../programs/policy-value';
import { fmt, roundOneDecimal } from './arithmetic';
import { bandOf } from './score';
import { DEFAULT_GRADE_BANDS } from './settings';
import type { GradeBand } from './types';

export const FIVE_DIMENSIONS = ['moral', 'intellectual', 'physical', 'aesthetic', 'labour'] as const;
export type FiveDimension = (typeof FIVE_DIMENSIONS)[number];

export const FIVE_DIMENSION_LABELS: Record<FiveDimension, string> = {
  moral: '德',
  intellectual: '智',
  physical: '体',
  aesthetic: '美',
  labour: '劳',
};

export type FiveWeights = Readonly<Record<FiveDimension, number>>;
/** A school's score on each dimension, 0–100. */
export type FiveScores = Readonly<Record<FiveDimension, number>>;

export const DEFAULT_FIVE_WEIGHTS: PolicyValue<FiveWeights> = pv(
  { moral: 0.2, intellectual: 0.2, physical: 0.2, aesthetic: 0.2, labour: 0.2 },
  'CD-24',
  'S001:L141',
  '“从德、智、体、美、劳五个维度……每个维度赋予 20%的权重”；权重可改，合计须为 100%',
);

const SUM_TOLERANCE = 1e-9;

function percent(w: number): string {
  return `${fmt(Math.round(w * 10000) / 100)}%`;
}

/** Refuses weights outside 0–1 or not summing to 100 %, and scores outside 0–100. */
export function checkFiveWeights(weights: FiveWeights): void {
  for (const d of FIVE_DIMENSIONS) {
    const w = weights[d];
    if (!Number.isFinite(w) || w < 0 || w > 1)
      throw new RangeError(`${FIVE_DIMENSION_LABELS[d]}的权重须在 0–100% 之间：${w}`);
  }
  const sum = FIVE_DIMENSIONS.reduce((s, d) => s + weights[d], 0);
  if (Math.abs(sum - 1) > SUM_TOLERANCE)
    throw new RangeError(`五个维度的权重合计须为 100%，现为 ${percent(sum)}`);
}

function checkScores(scores: FiveScores): void {
  for (const d of FIVE_DIMENSIONS) {
    const s = scores[d];
    if (!Number.isFinite(s) || s < 0 || s > 100)
      throw new RangeError(`${FIVE_DIMENSION_LABELS[d]}的得分须在 0–100 之间：${s}`);
  }
}

export interface WeightedScore {
  /** Σ weight × score, one decimal, half up; the band is read from it. */
  score: number;
  exact: number;
  band: GradeBand;
  lines: { dimension: FiveDimension; label: string; score: number; weight: number; contribution: number }[];
  how: string;
  rule: string;
}

export function weightedScore(
  scores: FiveScores,
  weights: FiveWeights = DEFAULT_FIVE_WEIGHTS.value,
  bands: readonly GradeBand[] = DEFAULT_GRADE_BANDS.value,
): WeightedScore {
  checkFiveWeights(weights);
  checkScores(scores);
  const lines = FIVE_DIMENSIONS.map((d) => ({
    dimension: d,
    label: FIVE_DIMENSION_LABELS[d],
    score: scores[d],
    weight: weights[d],
    contribution: weights[d] * scores[d],
  }));
  const exact = lines.reduce((s, l) => s + l.contribution, 0);
  const score = roundOneDecimal(exact);
  const band = bandOf(score, bands);
  const terms = lines.map((l) => `${l.label} ${fmt(l.score)} × ${percent(l.weight)}`).join(' + ');
  return {
    score,
    exact,
    band,
    lines,
    how: `${terms} = ${fmt(score)}（保留一位小数，四舍五入），${band.label}`,
    rule: 'CD-24',
  };
}

/**
 * The weights after moving `dimension`'s by `shift` (clamped to 0–100 %), the others rescaled in proportion so the
 * five still sum to 100 %; when the others were all 0 they share what is left equally.
 */
export function shiftWeight(weights: FiveWeights, dimension: FiveDimension, shift: number): FiveWeights {
  const target = Math.min(1, Math.max(0, weights[dimension] + shift));
  const others = FIVE_DIMENSIONS.filter((d) => d !== dimension);
  const rest = others.reduce((s, d) => s + weights[d], 0);
  const out = { ...weights, [dimension]: target };
  for (const d of others)
    out[d] = rest > 0 ? (weights[d] * (1 - target)) / rest : (1 - target) / others.length;
  return out;
}

export interface SensitivityShift {
  weight: number;
  weights: FiveWeights;
  score: number;
  band: GradeBand;
  bandChanged: boolean;
}

export interface SensitivityLine {
  dimension: FiveDimension;
  label: string;
  up: SensitivityShift;
  down: SensitivityShift;
  /** Either move changes the band. */
  changesBand: boolean;
  how: string;
}

/**
 * Y-EVAL-SENSITIVITY: for each dimension, its weight moved by +delta and −delta (percentage points of the total by
 * default: 20 % → 30 % and 10 %; `mode: 'relative'` moves it by delta of itself: 20 % → 22 % and 18 %), the others
 * renormalised in proportion; whether the band changes, with the new score.
 */
export function sensitivity(
  scores: FiveScores,
  weights: FiveWeights = DEFAULT_FIVE_WEIGHTS.value,
  delta = 0.1,
  options: { bands?: readonly GradeBand[]; mode?: 'points' | 'relative' } = {},
): {
  base: WeightedScore;
  dimensions: SensitivityLine[];
  delta: number;
  mode: 'points' | 'relative';
  rule: string;
} {
  if (!Number.isFinite(delta) || delta < 0 || delta > 1)
    throw new RangeError(`权重变动幅度须在 0–100% 之间：${delta}`);
  const bands = options.bands ?? DEFAULT_GRADE_BANDS.value;
  const mode = options.mode ?? 'points';
  const base = weightedScore(scores, weights, bands);
  const dimensions = FIVE_DIMENSIONS.map((d): SensitivityLine => {
    const step = mode === 'points' ? delta : weights[d] * delta;
    const at = (shift: number): SensitivityShift => {
      const w = shiftWeight(weights, d, shift);
      const r = weightedScore(scores, w, bands);
      return {
        weight: w[d],
        weights: w,
        score: r.score,
        band: r.band,
        bandChanged: r.band.code !== base.band.code,
      };
    };
    const up = at(step);
    const down = at(-step);
    const label = FIVE_DIMENSION_LABELS[d];
    return {
      dimension: d,
      label,
      up,
      down,
      changesBand: up.bandChanged || down.bandChanged,
      how:
        `${label}权重 ${percent(up.weight)}：${fmt(up.score)}（${up.band.label}）；` +
        `${percent(down.weight)}：${fmt(down.score)}（${down.band.label}）`,
    };
  });
  return { base, dimensions, delta, mode, rule: 'Y-EVAL-SENSITIVITY' };
}
