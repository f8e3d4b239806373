/**
 * The monitoring sample of the 五育 evaluation (CD-25: 30 000 students and 1 500 principals/teachers a year in
 * Chengdu; TL-14: at least 5 % of all schools' students): a stratified draw, reproducible from its seed. Within
 * each stratum the members are ranked by the seeded hash the 校本研修 spot check uses (`seeded-hash.ts`), so the
 * same seed and the same population give the same sample in whatever order the list comes.
 */
import { type PolicyValue, pv } from '../programs/policy-value';
import { seededOrder } from '../seeded-hash';

/** TL-14's floor, the default share when a plan gives none. */
export const DEFAULT_SAMPLE_RATIO: PolicyValue<number> = pv(
  0.05,
  'TL-14',
  'S001:L531',
  '“在全市所有学校抽取不少于总量5%的样本”：未另定比例时每层按 5% 抽取，向上取整（有成员的层至少 1 个）',
);

export type DrawSize = { ratio: number } | { perStratum: Readonly<Record<string, number>> };

export interface StratumDraw {
  key: string;
  population: number;
  /** How many the plan asked for (before capping at the stratum's size). */
  asked: number;
  count: number;
  picks: string[];
  note: string;
}

export interface StratifiedDraw {
  /** Strata in key order. */
  strata: StratumDraw[];
  /** Every pick, stratum by stratum, in draw order. */
  picks: string[];
  population: number;
  count: number;
  seed: string;
  rule: string;
}

/**
 * Draws from each stratum either ⌈n × ratio⌉ members (at least 1 from a non-empty stratum when the ratio is above
 * 0) or the number the plan sets for it (all of them when the stratum is smaller; a stratum the plan does not name
 * gives none). Members are told apart by `id`; the same id twice counts once, and the same id in two strata is
 * refused.
 */
export function stratifiedDraw<T extends { id: string }>(
  population: readonly T[],
  stratumOf: ((member: T) => string) | keyof T,
  size: DrawSize,
  seed: string,
  rule = 'CD-25',
): StratifiedDraw {
  const keyOf = typeof stratumOf === 'function' ? stratumOf : (m: T) => String(m[stratumOf]);
  if ('ratio' in size && (!Number.isFinite(size.ratio) || size.ratio < 0 || size.ratio > 1))
    throw new RangeError(`抽样比例须在 0–1 之间：${size.ratio}`);
  if ('perStratum' in size)
    for (const [key, n] of Object.entries(size.perStratum))
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`分层「${key}」的抽样数须为非负整数：${n}`);

  const strata = new Map<string, Set<string>>();
  const stratumOfId = new Map<string, string>();
  for (const m of population) {
    const key = keyOf(m);
    const known = stratumOfId.get(m.id);
    if (known !== undefined && known !== key)
      throw new RangeError(`成员 ${m.id} 同时属于分层「${known}」和「${key}」`);
    stratumOfId.set(m.id, key);
    const ids = strata.get(key) ?? new Set<string>();
    ids.add(m.id);
    strata.set(key, ids);
  }

  const keys = [...strata.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const draws = keys.map((key): StratumDraw => {
    const ids = [...(strata.get(key) ?? [])];
    const n = ids.length;
    const asked =
      'ratio' in size
        ? n === 0 || size.ratio === 0
          ? 0
          : Math.ceil(n * size.ratio - 1e-9)
        : (size.perStratum[key] ?? 0);
    const count = Math.min(n, asked);
    const picks = seededOrder(ids, seed).slice(0, count);
    const note =
      'ratio' in size
        ? `共 ${n} 人（所），按 ${Math.round(size.ratio * 10000) / 100}% 抽取（向上取整）${count} 个`
        : asked > n
          ? `计划抽取 ${asked} 个，本层只有 ${n} 个，全部抽取`
          : `按计划抽取 ${count} 个`;
    return { key, population: n, asked, count, picks, note };
  });
  return {
    strata: draws,
    picks: draws.flatMap((d) => d.picks),
    population: stratumOfId.size,
    count: draws.reduce((s, d) => s + d.count, 0),
    seed,
    rule,
  };
}
