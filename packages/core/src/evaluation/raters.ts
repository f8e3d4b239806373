/**
 * Several experts score the same subject: per scored unit the mean (or, from five raters, the trimmed mean), the
 * spread, the raters far from the others, and the final score, which an explicit moderation with a reason
 * overrides. A rater's unit score is the unit's score after that rater's deductions (`scoreUnits`).
 */
import { type PolicyValue, pv } from '../programs/policy-value';
import { divHalfUp, fmt, fromTenths, toTenths } from './arithmetic';
import { type RubricEntry, type ScoreOptions, scoreUnits } from './score';
import type { Rubric } from './types';
import { rubricUnits } from './units';

export interface RaterSettings {
  /** From this many raters the highest and the lowest score are dropped before the mean. */
  trimFrom: PolicyValue<number>;
  /** A rater is flagged when further than this share of the unit's points from the others' median. */
  outlierShare: PolicyValue<number>;
  /** Fewer raters than this: no outlier flags (with two raters neither is "the" outlier; the spread shows it). */
  outlierMinRaters: PolicyValue<number>;
}

export const DEFAULT_RATER_SETTINGS: RaterSettings = {
  trimFrom: pv(
    5,
    'Y-EVAL-RATERS',
    'issue 14',
    '5 位及以上评委评分时去掉一个最高分和一个最低分后取平均；不足 5 位取平均',
  ),
  outlierShare: pv(
    0.2,
    'Y-EVAL-OUTLIER',
    'issue 14',
    '某评委的评分与其他评委评分中位数之差超过该项满分的 20% 时标记为离群（恰为 20% 不标记）',
  ),
  outlierMinRaters: pv(3, 'Y-EVAL-OUTLIER', 'issue 14', '3 位及以上评委才标记离群'),
};

export interface RaterScore {
  raterId: string;
  score: number;
}

/** An explicit final value set in moderation (合议); the reason is required. */
export interface Moderation {
  value: number;
  reason: string;
  by?: string;
}

/** Moderation's decision that a veto a rater raised does not stand; the reason is required. */
export interface VetoClearance {
  reason: string;
  by?: string;
}

export interface OutlierFlag {
  raterId: string;
  score: number;
  othersMedian: number;
  distance: number;
  threshold: number;
}

export interface ItemAggregate {
  unitId: string;
  max: number;
  ratings: RaterScore[];
  /** The mean of the scores counted, unrounded. */
  mean: number;
  /** That mean to one decimal, half up (what the item scores before a moderation). */
  meanRounded: number;
  trimmed: boolean;
  /** The raters whose scores the trimmed mean dropped (lowest, highest). */
  dropped: string[];
  /** max − min of all the scores. */
  range: number;
  /** The population standard deviation of all the scores, two decimals. */
  sd: number;
  outliers: OutlierFlag[];
  moderation?: Moderation;
  final: number;
  finalSource: 'mean' | 'moderated';
  how: string;
  rules: string[];
}

/** Twice the median, in tenths (so an even count's median stays an integer). */
function twiceMedianT(sortedT: readonly number[]): number {
  const n = sortedT.length;
  const mid = Math.floor(n / 2);
  const a = sortedT[mid] ?? 0;
  return n % 2 === 1 ? 2 * a : (sortedT[mid - 1] ?? 0) + a;
}

export function aggregateItem(
  unit: { id: string; max: number },
  ratings: readonly RaterScore[],
  options: { settings?: RaterSettings; moderation?: Moderation } = {},
): ItemAggregate {
  const settings = options.settings ?? DEFAULT_RATER_SETTINGS;
  if (ratings.length === 0) throw new RangeError(`评分单元 ${unit.id} 没有评委评分`);
  const ids = new Set(ratings.map((r) => r.raterId));
  if (ids.size !== ratings.length) throw new RangeError(`评分单元 ${unit.id} 有评委重复评分`);
  const maxT = toTenths(unit.max, `评分单元 ${unit.id} 的满分`);
  const scored = ratings.map((r) => {
    const t = toTenths(r.score, `评委 ${r.raterId} 的评分`);
    if (t < 0 || t > maxT)
      throw new RangeError(`评委 ${r.raterId} 对 ${unit.id} 的评分 ${r.score} 不在 0–${unit.max} 分之间`);
    return { raterId: r.raterId, t };
  });
  // Sorted by score, ties by rater id, so which equal score is dropped does not depend on input order.
  const sorted = [...scored].sort((a, b) => a.t - b.t || (a.raterId < b.raterId ? -1 : 1));
  const n = sorted.length;
  const trimmed = n >= settings.trimFrom.value;
  const counted = trimmed ? sorted.slice(1, -1) : sorted;
  const dropped = trimmed ? [sorted[0]?.raterId ?? '', sorted[n - 1]?.raterId ?? ''] : [];
  const sumT = counted.reduce((s, x) => s + x.t, 0);
  const meanT = divHalfUp(sumT, counted.length);
  const mean = sumT / counted.length / 10;

  const allMean = scored.reduce((s, x) => s + x.t, 0) / n / 10;
  const sd = Math.round(Math.sqrt(scored.reduce((s, x) => s + (x.t / 10 - allMean) ** 2, 0) / n) * 100) / 100;
  const range = fromTenths((sorted[n - 1]?.t ?? 0) - (sorted[0]?.t ?? 0));

  const outliers: OutlierFlag[] = [];
  const thresholdT = settings.outlierShare.value * maxT;
  if (n >= settings.outlierMinRaters.value)
    for (const x of scored) {
      const others = scored.filter((o) => o.raterId !== x.raterId).map((o) => o.t);
      const m2 = twiceMedianT(others.sort((a, b) => a - b));
      const distance2 = Math.abs(2 * x.t - m2);
      if (distance2 > 2 * thresholdT + 1e-6)
        outliers.push({
          raterId: x.raterId,
          score: fromTenths(x.t),
          othersMedian: m2 / 20,
          distance: distance2 / 20,
          threshold: thresholdT / 10,
        });
    }

  const rules = [settings.trimFrom.ruleId, settings.outlierShare.ruleId];
  let how = trimmed
    ? `${n} 位评委，去掉最高分和最低分后 ${counted.length} 个评分平均 ${fmt(mean)}`
    : `${n} 位评委评分平均 ${fmt(mean)}`;
  how += `，保留一位小数 ${fmt(fromTenths(meanT))}；极差 ${fmt(range)}，标准差 ${fmt(sd)}`;
  if (outliers.length > 0)
    how += `；离群：${outliers.map((o) => `${o.raterId}（${fmt(o.score)}）`).join('、')}`;

  const moderation = options.moderation;
  if (moderation) {
    const v = toTenths(moderation.value, '合议分');
    if (v < 0 || v > maxT) throw new RangeError(`合议分 ${moderation.value} 不在 0–${unit.max} 分之间`);
    if (moderation.reason.trim() === '') throw new RangeError(`评分单元 ${unit.id} 的合议分须写明理由`);
    rules.push('Y-EVAL-MODERATION');
    how += `；合议改为 ${fmt(moderation.value)}（${moderation.reason.trim()}）`;
  }
  return {
    unitId: unit.id,
    max: unit.max,
    ratings: scored.map((x) => ({ raterId: x.raterId, score: fromTenths(x.t) })),
    mean,
    meanRounded: fromTenths(meanT),
    trimmed,
    dropped,
    range,
    sd,
    outliers,
    ...(moderation ? { moderation } : {}),
    final: moderation ? moderation.value : fromTenths(meanT),
    finalSource: moderation ? 'moderated' : 'mean',
    how,
    rules,
  };
}

export interface RaterEntry {
  raterId: string;
  entry: RubricEntry;
}

export interface SubjectAggregate {
  items: ItemAggregate[];
  /** The vetoes any rater raised, with who raised them, and whether moderation cleared them. */
  vetoes: { id: string; raisedBy: string[]; cleared?: VetoClearance }[];
  /** The final scores as one entry, for `scoreRubric`. */
  entry: RubricEntry;
}

/**
 * A subject's scores from several raters: each rater's entry is scored unit by unit (refused with its problems as
 * `scoreRubric` would), then aggregated per unit. A veto any rater raises stands unless moderation clears it with
 * a reason (`vetoClearances`): a veto is a finding of fact, not an average.
 */
export function aggregateRaters(
  rubric: Rubric,
  raters: readonly RaterEntry[],
  options: {
    settings?: RaterSettings;
    moderations?: Readonly<Record<string, Moderation>>;
    vetoClearances?: Readonly<Record<string, VetoClearance>>;
    score?: ScoreOptions;
  } = {},
): SubjectAggregate {
  const { units, vetoes } = rubricUnits(rubric);
  for (const id of Object.keys(options.moderations ?? {}))
    if (!units.some((u) => u.id === id)) throw new RangeError(`评价标准中没有评分单元 ${id}`);
  const lines = raters.map((r) => ({
    raterId: r.raterId,
    lines: scoreUnits(rubric, r.entry, options.score),
  }));
  const items = units.map((u) => {
    const ratings = lines.flatMap((r) => {
      const line = r.lines.find((l) => l.unitId === u.id);
      return line && !line.missing ? [{ raterId: r.raterId, score: line.score }] : [];
    });
    const moderation = options.moderations?.[u.id];
    return aggregateItem(u, ratings, {
      ...(options.settings ? { settings: options.settings } : {}),
      ...(moderation ? { moderation } : {}),
    });
  });
  const vetoLines = vetoes.map((v) => {
    const raisedBy = raters.filter((r) => r.entry.vetoes?.[v.id] === true).map((r) => r.raterId);
    const cleared = options.vetoClearances?.[v.id];
    if (cleared && cleared.reason.trim() === '') throw new RangeError(`撤销否决项 ${v.label} 须写明理由`);
    return { id: v.id, raisedBy, ...(cleared ? { cleared } : {}) };
  });
  return {
    items,
    vetoes: vetoLines,
    entry: {
      units: Object.fromEntries(items.map((i) => [i.unitId, { score: i.final }])),
      vetoes: Object.fromEntries(vetoLines.map((v) => [v.id, v.raisedBy.length > 0 && !v.cleared])),
    },
  };
}
