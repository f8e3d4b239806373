/**
 * Descriptive statistics on Float64Array, numerically careful: means are sums / n; variances are two-pass
 * (Σ(x − mean)² after the mean is known), so a large common offset does not cancel digits away. Every function
 * answers `null` where the statistic is undefined instead of NaN, so a JSON report never carries NaN.
 */

export function mean(x: ArrayLike<number>): number | null {
  const n = x.length;
  if (n === 0) return null;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i] ?? 0;
  return s / n;
}

/** Sample standard deviation (divisor n − 1); null when n < 2. */
export function sampleSd(x: ArrayLike<number>): number | null {
  const n = x.length;
  if (n < 2) return null;
  const m = mean(x) ?? 0;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (x[i] ?? 0) - m;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1));
}

/** Median of values already sorted ascending: the middle one, or the mean of the two middle ones when n is even. */
export function sortedMedian(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = n >> 1;
  if (n % 2 === 1) return sorted[h] ?? null;
  return ((sorted[h - 1] ?? 0) + (sorted[h] ?? 0)) / 2;
}

export function median(x: ArrayLike<number>): number | null {
  return sortedMedian(Float64Array.from(x).sort());
}

/**
 * Pearson correlation; null when n < 2 or either variable is constant (checked exactly: every value equal,
 * not "variance below some epsilon").
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (n < 2 || y.length !== n) return null;
  const mx = mean(x) ?? 0;
  const my = mean(y) ?? 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let xConst = true;
  let yConst = true;
  const x0 = x[0];
  const y0 = y[0];
  for (let i = 0; i < n; i++) {
    const xi = x[i] ?? 0;
    const yi = y[i] ?? 0;
    if (xi !== x0) xConst = false;
    if (yi !== y0) yConst = false;
    const dx = xi - mx;
    const dy = yi - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (xConst || yConst) return null;
  return sxy / Math.sqrt(sxx * syy);
}
