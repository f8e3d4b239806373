/**
 * Y-EVAL-ROUNDING: points are kept as whole tenths (one decimal, as score sheets write them), so sums and
 * deductions are exact. An input with a finer fraction is refused, not rounded. The only rounding is where a
 * division makes one: a scaled score, a percentage, a mean; each is rounded once, to one decimal, half up, and the
 * result says so.
 */

/** Whole tenths of `x`, or undefined when `x` is not a finite number with at most one decimal. */
export function tenthsOf(x: number): number | undefined {
  if (!Number.isFinite(x)) return undefined;
  const t = Math.round(x * 10);
  return Math.abs(t - x * 10) < 1e-6 ? t : undefined;
}

/** Whole tenths of `x`; a RangeError naming `what` when it has a finer fraction. */
export function toTenths(x: number, what: string): number {
  const t = tenthsOf(x);
  if (t === undefined) throw new RangeError(`${what} 须为最多一位小数的数：${x}`);
  return t;
}

export function fromTenths(t: number): number {
  return t / 10;
}

/** a ÷ b rounded half up to a whole number, for integers a ≥ 0 and b > 0 (exact: integer arithmetic). */
export function divHalfUp(a: number, b: number): number {
  if (b <= 0) throw new RangeError(`divisor must be positive: ${b}`);
  const sign = a < 0 ? -1 : 1;
  const q = Math.floor((2 * Math.abs(a) + b) / (2 * b));
  return sign * q;
}

/** A floating value rounded half up to one decimal (for values that are not whole tenths, e.g. weighted means). */
export function roundOneDecimal(x: number): number {
  const sign = x < 0 ? -1 : 1;
  return (sign * Math.floor(Math.abs(x) * 10 + 0.5 + 1e-9)) / 10;
}

/** A number as a score sheet prints it: no trailing ".0". */
export function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100);
}
