/**
 * The annual selection's policy (R3-G18, R3-S06): a candidate drawn from a campaign's ranking is eligible when its
 * band is one of the policy's bands; the eligible ones are pre-checked in rank order up to the most awards. Tied
 * candidates (one rank) are pre-checked together or not at all: a tie that straddles the maximum is left to the
 * officer, who decides it with a reason, rather than broken by the order of names.
 */

export interface SelectionPolicy {
  /** band codes a candidate must be in (e.g. ['excellent']) */
  eligibleBands: readonly string[];
  /** the most awards; null: no maximum */
  maxAwards: number | null;
}

export interface RankedCandidate {
  rank: number;
  band: string;
}

export interface PreselectedCandidate<T> {
  candidate: T;
  eligible: boolean;
  preselected: boolean;
}

export function isEligible(policy: SelectionPolicy, band: string): boolean {
  return policy.eligibleBands.includes(band);
}

/** Every candidate with whether it is eligible and pre-checked, in the given order. */
export function preselect<T extends RankedCandidate>(
  candidates: readonly T[],
  policy: SelectionPolicy,
): PreselectedCandidate<T>[] {
  const eligibleRanks = new Map<number, number>();
  for (const c of candidates)
    if (isEligible(policy, c.band)) eligibleRanks.set(c.rank, (eligibleRanks.get(c.rank) ?? 0) + 1);
  const chosen = new Set<number>();
  let count = 0;
  for (const rank of [...eligibleRanks.keys()].sort((a, b) => a - b)) {
    const n = eligibleRanks.get(rank) ?? 0;
    if (policy.maxAwards !== null && count + n > policy.maxAwards) break;
    chosen.add(rank);
    count += n;
  }
  return candidates.map((c) => {
    const eligible = isEligible(policy, c.band);
    return { candidate: c, eligible, preselected: eligible && chosen.has(c.rank) };
  });
}

/** Why a set of decisions breaks the policy, in words (empty: it keeps it). */
export function selectionProblems(
  selected: readonly { name: string; eligible: boolean; bandLabel: string | null }[],
  policy: SelectionPolicy,
): { code: 'NOT_ELIGIBLE' | 'OVER_MAXIMUM'; message: string; values: Record<string, unknown> }[] {
  const out: ReturnType<typeof selectionProblems> = [];
  const outside = selected.filter((s) => !s.eligible);
  if (outside.length > 0)
    out.push({
      code: 'NOT_ELIGIBLE',
      message: `${outside.map((s) => `${s.name}（${s.bandLabel ?? '无等次'}）`).join('、')}不在本次评选可入选的等次内`,
      values: { names: outside.map((s) => s.name), eligibleBands: policy.eligibleBands },
    });
  if (policy.maxAwards !== null && selected.length > policy.maxAwards)
    out.push({
      code: 'OVER_MAXIMUM',
      message: `本次评选最多 ${policy.maxAwards} 个名额，已选 ${selected.length} 个`,
      values: { maxAwards: policy.maxAwards, selected: selected.length },
    });
  return out;
}
