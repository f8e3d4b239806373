/**
 * A school's 五育 scores from its indicator values, pure: each indicator normalised to 0–100 as the framework says
 * (against a target, or between a minimum and a maximum, in the indicator's direction), an element the mean of its
 * indicators with a value, a dimension the mean of its elements with a score (one decimal, half up); then core's
 * `weightedScore` and `sensitivity` (CD-24, Y-EVAL-BANDS, Y-EVAL-SENSITIVITY). A dimension without any value
 * leaves the school unscored, named in `missing`.
 */
import type {
  FiveEduDimension,
  FiveEduFrameworkBody,
  FiveEduIndicator,
  FiveEduNormalise,
  FiveEduSchoolResult,
  FiveEduWeights,
} from '@yanxun/contracts';
import {
  FIVE_DIMENSION_LABELS,
  FIVE_DIMENSIONS,
  type FiveWeights,
  sensitivity,
  weightedScore,
} from '@yanxun/core';

const round1 = (x: number) => Math.floor(x * 10 + 0.5 + 1e-9) / 10;
const clamp = (x: number) => Math.min(100, Math.max(0, x));

/** One raw value on 0–100 (one decimal): higher-is-better or lower-is-better, by target or by min–max. */
export function normalise(
  value: number,
  direction: FiveEduIndicator['direction'],
  n: FiveEduNormalise,
): number {
  if (n.method === 'min_max') {
    const span = n.max - n.min;
    if (span <= 0) return value >= n.max ? 100 : 0;
    const share = direction === 'higher' ? (value - n.min) / span : (n.max - value) / span;
    return round1(clamp(share * 100));
  }
  if (direction === 'higher') return round1(clamp((value / n.target) * 100));
  return round1(value <= n.target ? 100 : clamp((n.target / value) * 100));
}

/** Percent weights (20) → core's fractions (0.2). */
export const asFractions = (w: FiveEduWeights): FiveWeights => ({
  moral: w.moral / 100,
  intellectual: w.intellectual / 100,
  physical: w.physical / 100,
  aesthetic: w.aesthetic / 100,
  labour: w.labour / 100,
});

const mean = (xs: number[]) => (xs.length === 0 ? null : round1(xs.reduce((s, x) => s + x, 0) / xs.length));

export interface DimensionScores {
  dimensions: Record<FiveEduDimension, number | null>;
  elements: FiveEduSchoolResult['elements'];
}

/** Indicator → element → dimension, from one school's values by indicator code. */
export function dimensionScores(
  body: FiveEduFrameworkBody,
  values: ReadonlyMap<string, number>,
): DimensionScores {
  const dimensions = {} as Record<FiveEduDimension, number | null>;
  const elements: FiveEduSchoolResult['elements'] = [];
  for (const d of FIVE_DIMENSIONS) {
    const dim = body.dimensions.find((x) => x.dimension === d);
    const scores: number[] = [];
    for (const e of dim?.elements ?? []) {
      const xs = e.indicators.flatMap((i) => {
        const v = values.get(i.code);
        return v === undefined ? [] : [normalise(v, i.direction, i.normalise)];
      });
      const score = mean(xs);
      elements.push({ dimension: d, code: e.code, name: e.name, score });
      if (score !== null) scores.push(score);
    }
    dimensions[d] = mean(scores);
  }
  return { dimensions, elements };
}

const band = (b: { code: string; label: string }) => ({ code: b.code, label: b.label });

/** The weighted score, band and sensitivity of one school's dimension scores, or why there is none. */
export function schoolScore(
  dims: Record<FiveEduDimension, number | null>,
  weights: FiveEduWeights,
): Pick<FiveEduSchoolResult, 'score' | 'band' | 'how' | 'missing' | 'sensitivity' | 'bandMayChange'> {
  const missing = FIVE_DIMENSIONS.filter((d) => dims[d] === null).map((d) => FIVE_DIMENSION_LABELS[d]);
  if (missing.length > 0)
    return {
      score: null,
      band: null,
      how: `${missing.join('、')}尚无指标数据，暂不计算总分`,
      missing,
      sensitivity: [],
      bandMayChange: false,
    };
  const scores = {
    moral: dims.moral ?? 0,
    intellectual: dims.intellectual ?? 0,
    physical: dims.physical ?? 0,
    aesthetic: dims.aesthetic ?? 0,
    labour: dims.labour ?? 0,
  };
  const s = sensitivity(scores, asFractions(weights));
  const pct = (w: number) => Math.round(w * 10000) / 100;
  return {
    score: s.base.score,
    band: band(s.base.band),
    how: s.base.how,
    missing,
    sensitivity: s.dimensions.map((l) => ({
      dimension: l.dimension,
      upWeight: pct(l.up.weight),
      upScore: l.up.score,
      upBand: band(l.up.band),
      downWeight: pct(l.down.weight),
      downScore: l.down.score,
      downBand: band(l.down.band),
      changesBand: l.changesBand,
    })),
    bandMayChange: s.dimensions.some((l) => l.changesBand),
  };
}

/** A district's dimension means over its scored schools (each school counts once), weighted and banded. */
export function districtScore(
  schools: readonly Record<FiveEduDimension, number | null>[],
  weights: FiveEduWeights,
): {
  dimensions: Record<FiveEduDimension, number | null>;
  score: number | null;
  band: { code: string; label: string } | null;
} {
  const scored = schools.filter((s) => FIVE_DIMENSIONS.every((d) => s[d] !== null));
  const dimensions = {} as Record<FiveEduDimension, number | null>;
  for (const d of FIVE_DIMENSIONS) dimensions[d] = mean(scored.map((s) => s[d] ?? 0));
  if (scored.length === 0) return { dimensions, score: null, band: null };
  const r = weightedScore(
    {
      moral: dimensions.moral ?? 0,
      intellectual: dimensions.intellectual ?? 0,
      physical: dimensions.physical ?? 0,
      aesthetic: dimensions.aesthetic ?? 0,
      labour: dimensions.labour ?? 0,
    },
    asFractions(weights),
  );
  return { dimensions, score: r.score, band: band(r.band) };
}
