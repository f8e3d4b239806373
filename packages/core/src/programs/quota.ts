/**
 * Quota cascade arithmetic (名额到校、通知到人, R-004-17): suggested splits of a parent's seats among its
 * children by teacher counts, the check that children never hold more than their parent, and the size of
 * a competitive (差额) shortlist (R-004-59). All integer arithmetic: no floating-point ties.
 */

export interface QuotaUnit {
  id: string;
  /** Teachers in the unit (a whole number ≥ 0). */
  weight: number;
  /** Rural teachers in the unit, for splitting reserved rural seats. */
  ruralWeight?: number;
}

export interface SplitOptions {
  /** Seats of `total` reserved for rural teachers, split first by `ruralWeight`. */
  reservedRural?: number;
}

export interface UnitSeats {
  id: string;
  seats: number;
  /** Of `seats`, how many came from the rural reserve. */
  ruralSeats: number;
}

export interface SplitResult {
  /** In the order the units were given. */
  allocations: UnitSeats[];
  allocated: number;
  /** Seats not placed: the rural reserve when no unit has rural teachers, or everything when all weights are 0. */
  unallocated: number;
}

function requireCount(n: number, label: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${label} must be a whole number ≥ 0: ${n}`);
}

/**
 * Largest-remainder (Hamilton) split of `seats` in proportion to `weights`: each gets ⌊seats·w/W⌋, then
 * the seats left go one each to the largest remainders; equal remainders go to the smaller id first.
 * Returns zeros when all weights are 0.
 */
export function largestRemainder(seats: number, items: Array<{ id: string; weight: number }>): number[] {
  requireCount(seats, 'seats');
  const total = items.reduce((sum, it) => sum + it.weight, 0);
  if (total === 0) return items.map(() => 0);
  const result = items.map((it) => Math.floor((seats * it.weight) / total));
  const remainders = items.map((it, i) => ({ i, id: it.id, rem: (seats * it.weight) % total }));
  let left = seats - result.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => b.rem - a.rem || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of remainders) {
    if (left === 0) break;
    result[r.i] = (result[r.i] ?? 0) + 1;
    left -= 1;
  }
  return result;
}

/**
 * A suggested split of `total` seats among `units`: the reserved rural seats by rural weight, the rest by
 * weight, both by the largest-remainder method. Never allocates more than `total`. Throws a RangeError on
 * negative or fractional numbers, a reserve above the total, or duplicate ids.
 */
export function suggestSplit(total: number, units: QuotaUnit[], options: SplitOptions = {}): SplitResult {
  requireCount(total, 'total');
  const reserved = options.reservedRural ?? 0;
  requireCount(reserved, 'reservedRural');
  if (reserved > total) throw new RangeError(`reservedRural (${reserved}) exceeds total (${total})`);
  const ids = new Set<string>();
  for (const u of units) {
    if (ids.has(u.id)) throw new RangeError(`duplicate unit id: ${u.id}`);
    ids.add(u.id);
    requireCount(u.weight, `weight of ${u.id}`);
    requireCount(u.ruralWeight ?? 0, `ruralWeight of ${u.id}`);
  }
  const rural = largestRemainder(
    reserved,
    units.map((u) => ({ id: u.id, weight: u.ruralWeight ?? 0 })),
  );
  const general = largestRemainder(total - reserved, units);
  const allocations = units.map((u, i) => {
    const r = rural[i] ?? 0;
    return { id: u.id, seats: r + (general[i] ?? 0), ruralSeats: r };
  });
  const allocated = allocations.reduce((sum, a) => sum + a.seats, 0);
  return { allocations, allocated, unallocated: total - allocated };
}

export type QuotaProblemCode =
  | 'QUOTA.OVER_ALLOCATED'
  | 'QUOTA.UNDER_ALLOCATED'
  | 'QUOTA.BAD_SEATS'
  | 'QUOTA.DUPLICATE_CHILD';

export interface QuotaProblem {
  code: QuotaProblemCode;
  ruleId: string;
  severity: 'error' | 'warning';
  /** The child concerned, when the problem is about one child. */
  childId?: string;
  values: Record<string, number | string>;
  message: string;
}

/** R-004-17 名额到校、通知到人，确保足额完成下达的指标. */
export const QUOTA_RULE_ID = 'R-004-17';

/**
 * Problems with children's allocations under a parent's seats: an error when they add up to more than the
 * parent (or a count is not a whole number ≥ 0, or a child appears twice); a warning when seats are left
 * unallocated, since the full quota must be filled (R-004-17).
 */
export function checkAllocation(
  parentSeats: number,
  childAllocations: Array<{ id: string; seats: number }>,
): QuotaProblem[] {
  requireCount(parentSeats, 'parentSeats');
  const problems: QuotaProblem[] = [];
  const seen = new Set<string>();
  let sum = 0;
  for (const child of childAllocations) {
    if (seen.has(child.id)) {
      problems.push({
        code: 'QUOTA.DUPLICATE_CHILD',
        ruleId: QUOTA_RULE_ID,
        severity: 'error',
        childId: child.id,
        values: { childId: child.id },
        message: `下级单位 ${child.id} 重复分配`,
      });
    }
    seen.add(child.id);
    if (!Number.isSafeInteger(child.seats) || child.seats < 0) {
      problems.push({
        code: 'QUOTA.BAD_SEATS',
        ruleId: QUOTA_RULE_ID,
        severity: 'error',
        childId: child.id,
        values: { childId: child.id, seats: child.seats },
        message: `下级单位 ${child.id} 的名额应为非负整数，实为 ${child.seats}`,
      });
      continue;
    }
    sum += child.seats;
  }
  if (sum > parentSeats) {
    problems.push({
      code: 'QUOTA.OVER_ALLOCATED',
      ruleId: QUOTA_RULE_ID,
      severity: 'error',
      values: { parentSeats, allocated: sum, over: sum - parentSeats },
      message: `下级名额合计 ${sum} 个，超过本级名额 ${parentSeats} 个（多 ${sum - parentSeats} 个）`,
    });
  } else if (sum < parentSeats) {
    problems.push({
      code: 'QUOTA.UNDER_ALLOCATED',
      ruleId: QUOTA_RULE_ID,
      severity: 'warning',
      values: { parentSeats, allocated: sum, unused: parentSeats - sum },
      message: `尚有 ${parentSeats - sum} 个名额未分配（本级 ${parentSeats} 个，已分配 ${sum} 个），须足额完成下达的指标`,
    });
  }
  return problems;
}

/** One node of a programme's quota tree, as stored: its own seats and what it passed on, used and waitlisted. */
export interface QuotaNodeCounts {
  orgId: string;
  /** null, or a node not in the list: the node is a root of the tree given. */
  parentOrgId: string | null;
  seats: number;
  /** Passed down to child nodes. */
  allocated: number;
  /** Taken by selected nominations at this node itself. */
  used: number;
  /** Nominations waiting at this node itself. */
  waitlisted: number;
}

/** What a node and every node under it hold together. */
export interface QuotaSubtreeCounts {
  /** Seats taken by selected nominations anywhere in the subtree (已推荐, rolled up). */
  used: number;
  /** Seats of the subtree nobody uses: seats − allocated − used, summed over the subtree. */
  unused: number;
  waitlisted: number;
}

/**
 * The roll-up of a quota tree (R-004-17): a parent's 已推荐 is what its whole subtree uses, not only the
 * nominations made at its own level, so a province whose seats are all passed down and used by schools reads
 * "38 used", not 0. Nodes whose parent is not in the list are roots; each node counts once in every ancestor.
 * For a node whose children hold exactly what it passed on, seats = used + unused of its subtree.
 */
export function rollUpQuotas(nodes: readonly QuotaNodeCounts[]): Map<string, QuotaSubtreeCounts> {
  const byId = new Map(nodes.map((n) => [n.orgId, n]));
  const out = new Map<string, QuotaSubtreeCounts>(
    nodes.map((n) => [n.orgId, { used: 0, unused: 0, waitlisted: 0 }]),
  );
  for (const n of nodes) {
    const own = { used: n.used, unused: n.seats - n.allocated - n.used, waitlisted: n.waitlisted };
    const seen = new Set<string>();
    for (let at: QuotaNodeCounts | undefined = n; at && !seen.has(at.orgId); ) {
      seen.add(at.orgId);
      const sum = out.get(at.orgId) as QuotaSubtreeCounts;
      sum.used += own.used;
      sum.unused += own.unused;
      sum.waitlisted += own.waitlisted;
      at = at.parentOrgId === null ? undefined : byId.get(at.parentOrgId);
    }
  }
  return out;
}

/**
 * Candidates to shortlist for `places` at a competitive ratio of 1:`ratio` (R-004-59): ⌈places × ratio⌉,
 * computed in thousandths so 150 × 1.2 is exactly 180. Throws on a ratio below 1.
 */
export function shortlistSize(places: number, ratio: number): number {
  requireCount(places, 'places');
  if (!Number.isFinite(ratio) || ratio < 1) throw new RangeError(`ratio must be ≥ 1: ${ratio}`);
  const milli = Math.round(ratio * 1000);
  return Math.ceil((places * milli) / 1000);
}
