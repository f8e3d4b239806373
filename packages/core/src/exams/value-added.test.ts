/** Value-added (增值评价, issue 4): z-scores over students with both scores, OLS, mean residual ± 1.96 sd/√n. */
import { describe, expect, it } from 'vitest';
import { valueAdded } from './value-added';

describe('valueAdded', () => {
  it('hand-computed: prior 0,0,2,2 and current 0,2,2,4 → r = 1/√2, residuals ∓√6/4', () => {
    // zx = ∓√3/2, zy = (−2, 0, 0, 2)/√(8/3); e = zy − r·zx = (−1, 1, −1, 1)·√6/4
    const out = valueAdded(
      [0, 2, 2, 4],
      ['a', 'b', 'c', 'd'],
      [0, 1, 0, 1],
      ['A', 'B'],
      new Map([
        ['a', 0],
        ['b', 0],
        ['c', 2],
        ['d', 2],
      ]),
    );
    if (!out.ok) throw new Error(out.message);
    expect(out.result.slope).toBeCloseTo(Math.SQRT1_2, 14);
    expect(out.result.intercept).toBeCloseTo(0, 14);
    const [A, B] = out.result.schools;
    expect(A?.school).toBe('A');
    expect(A?.va).toBeCloseTo(-Math.sqrt(6) / 4, 14);
    // both residuals equal → sd 0 → the interval is the point
    expect(A?.ciLow).toBeCloseTo(A?.va ?? 0, 14);
    expect(A?.ciHigh).toBeCloseTo(A?.va ?? 0, 14);
    expect(B?.va).toBeCloseTo(Math.sqrt(6) / 4, 14);
  });

  it('interval = va ± 1.96 · sd / √n of the school residuals; a school of one has no interval', () => {
    const out = valueAdded(
      [10, 20, 30, 45, 50],
      ['a', 'b', 'c', 'd', 'e'],
      [0, 0, 0, 1, 1],
      ['A', 'B', 'C'],
      new Map([
        ['a', 1],
        ['b', 2],
        ['c', 4],
        ['d', 3],
        ['e', 5],
      ]),
    );
    if (!out.ok) throw new Error(out.message);
    expect(out.result.schools.map((s) => s.school)).toEqual(['A', 'B']); // C has nobody
    const sumVa = out.result.schools.reduce((s, x) => s + x.va * x.n, 0);
    expect(sumVa).toBeCloseTo(0, 12); // residuals of an OLS with intercept sum to 0
    const A = out.result.schools[0];
    if (!A || A.ciLow === null || A.ciHigh === null) throw new Error('A');
    expect((A.ciHigh - A.ciLow) / 2).toBeGreaterThan(0);
    const one = valueAdded(
      [1, 2, 4],
      ['a', 'b', 'c'],
      [0, 0, 1],
      ['A', 'B'],
      new Map([
        ['a', 1],
        ['b', 3],
        ['c', 2],
      ]),
    );
    if (!one.ok) throw new Error(one.message);
    expect(one.result.schools[1]).toMatchObject({ school: 'B', n: 1, ciLow: null, ciHigh: null });
  });

  it('only students with both scores count; priors of unknown students are counted as unused', () => {
    const out = valueAdded(
      [1, 2, 3, 9],
      ['a', 'b', 'c', 'd'],
      [0, 0, 0, 0],
      ['A'],
      new Map([
        ['a', 1],
        ['b', 2],
        ['c', 4],
        ['zz', 5],
      ]),
    );
    if (!out.ok) throw new Error(out.message);
    expect(out.result).toMatchObject({ matched: 3, withoutPrior: 1, priorUnused: 1 });
  });

  it('refuses fewer than 3 matched students and constant scores', () => {
    expect(valueAdded([1, 2], ['a', 'b'], [0, 0], ['A'], new Map([['a', 1]]))).toMatchObject({
      ok: false,
      reason: 'TOO_FEW_STUDENTS',
    });
    const c = valueAdded(
      [1, 2, 3],
      ['a', 'b', 'c'],
      [0, 0, 0],
      ['A'],
      new Map([
        ['a', 5],
        ['b', 5],
        ['c', 5],
      ]),
    );
    expect(c).toMatchObject({ ok: false, reason: 'CONSTANT_SCORES' });
  });
});
