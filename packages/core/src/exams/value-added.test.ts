/** Value-added (增值评价): z-scores over students with both scores, OLS, mean residual ± 1.96 sd/√n. */
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

describe('valueAdded: how students are matched to prior scores does not change the result', () => {
  it('sorted ids (merge), unsorted ids (hash index), a Map or lists, a repeated student id: same as Map look-ups', () => {
    let a = 3;
    const rnd = () => {
      a = (a * 1103515245 + 12345) % 2147483648;
      return a / 2147483648;
    };
    const n = 400;
    const ids = Array.from({ length: n }, (_, i) => `s${String(i).padStart(4, '0')}`);
    const totals = Array.from({ length: n }, () => Math.floor(rnd() * 100));
    const school = Array.from({ length: n }, (_, i) => i % 7);
    const schools = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    // prior for 90 % of the students, plus ids of students not in the sheet
    const prior: [string, number][] = [];
    for (let i = 0; i < n; i++) if (rnd() < 0.9) prior.push([ids[i] ?? '', 30 + rnd() * 50]);
    prior.push(['s9999', 50], ['r0001', 40]);
    prior.sort((x, y) => (x[0] < y[0] ? -1 : 1));
    /** the definition: each student looks up its prior score */
    const reference = (studentIds: string[], t: number[], sc: number[]) => {
      const map = new Map(prior);
      const rows = studentIds.flatMap((id, i) => (map.has(id) ? [i] : []));
      return valueAdded(
        rows.map((i) => t[i] ?? 0),
        rows.map((i) => studentIds[i] ?? ''),
        rows.map((i) => sc[i] ?? 0),
        schools,
        map,
      );
    };
    const list = { ids: prior.map((p) => p[0]), scores: Float64Array.from(prior, (p) => p[1]) };
    const sorted = valueAdded(totals, ids, school, schools, list);
    const expected = reference(ids, totals, school);
    if (!sorted.ok || !expected.ok) throw new Error('not ok');
    expect(sorted.result.schools).toEqual(expected.result.schools);
    expect(sorted.result).toMatchObject({ matched: expected.result.matched, priorUnused: 2 });
    expect(valueAdded(totals, ids, school, schools, new Map(prior))).toEqual(sorted);
    // students out of order: the prior list is matched through the hash index
    const perm = Array.from({ length: n }, (_, i) => (i * 37) % n);
    const pIds = perm.map((i) => ids[i] ?? '');
    const pTot = perm.map((i) => totals[i] ?? 0);
    const pSch = perm.map((i) => school[i] ?? 0);
    const shuffled = valueAdded(pTot, pIds, pSch, schools, list);
    const shuffledRef = reference(pIds, pTot, pSch);
    if (!shuffled.ok || !shuffledRef.ok) throw new Error('not ok');
    expect(shuffled.result.schools).toEqual(shuffledRef.result.schools);
    // the prior list out of order too
    const rev = { ids: [...list.ids].reverse(), scores: Float64Array.from(list.scores).reverse() };
    expect(valueAdded(pTot, pIds, pSch, schools, rev)).toEqual(shuffled);
    // a repeated student id: every row of it gets the prior score (Map semantics)
    const dupIds = [...ids.slice(0, 10), ids[0] ?? ''];
    const dup = valueAdded(totals.slice(0, 11), dupIds, school.slice(0, 11), schools, list);
    if (!dup.ok) throw new Error('not ok');
    const m = new Map(prior);
    expect(dup.result.matched).toBe(dupIds.filter((id) => m.has(id)).length);
  });
});
