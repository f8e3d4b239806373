/**
 * definitions on hand-computed cases (R-002-13 质量分析): totals, 一分三率, 27 % discrimination with
 * ties, corrected item–total r, alpha, bands, 超均率, standardised scores, label score rates.
 */
import { describe, expect, it } from 'vitest';
import {
  analyzeExam,
  analyzeSubset,
  bandsEvery,
  orderByTotalDesc,
  prepareExam,
  scoreBands,
  studentTotals,
} from './analysis';
import { readItemSheet, readScoreSheet } from './parse';
import { examOf } from './test-helpers';

// totals 10, 7, 7, 3, 1 (n = 5, odd); full marks 10
const FIVE = examOf(
  [5, 5],
  [
    ['s1', 'A', '1', 5, 5],
    ['s2', 'A', '1', 3, 4],
    ['s3', 'B', '1', 4, 3],
    ['s4', 'B', '2', 1, 2],
    ['s5', 'B', '2', 0, 1],
  ],
);

describe('totals and 一分三率', () => {
  const a = analyzeExam(FIVE);
  it('n, mean, sample sd, median (odd n), max, min', () => {
    expect(a.students).toBe(5);
    expect(a.overall.total).toMatchObject({ n: 5, mean: 5.6, median: 7, max: 10, min: 1 });
    expect(a.overall.total.sd).toBeCloseTo(Math.sqrt(51.2 / 4), 14);
  });

  it('rates as fractions: excellent ≥ 85 %, pass ≥ 60 %, low < 40 % of full marks', () => {
    expect(a.overall.total.excellentRate).toBe(0.2); // 10
    expect(a.overall.total.passRate).toBe(0.6); // 10, 7, 7
    expect(a.overall.total.lowRate).toBe(0.4); // 3, 1
  });

  it('thresholds are inclusive at the boundary for excellent and pass, exclusive for low', () => {
    // full 10: 8.5 is excellent, 6 passes, 5.5 does not, 4 is not low, 3.5 is
    const e = examOf(
      [10],
      [
        ['a', 'S', '1', 8.5],
        ['b', 'S', '1', 6],
        ['c', 'S', '1', 5.5],
        ['d', 'S', '1', 4],
        ['e', 'S', '1', 3.5],
      ],
    );
    const t = analyzeExam(e).overall.total;
    expect(t.excellentRate).toBe(1 / 5);
    expect(t.passRate).toBe(2 / 5);
    expect(t.lowRate).toBe(1 / 5);
    const custom = analyzeExam(e, { thresholds: { excellent: 0.6, pass: 0.4, low: 0.55 } }).overall.total;
    expect(custom.excellentRate).toBe(2 / 5);
    expect(custom.passRate).toBe(4 / 5);
    expect(custom.lowRate).toBe(2 / 5);
  });

  it('median of an even n is the mean of the two middle totals', () => {
    const e = examOf(
      [10],
      [
        ['a', 'S', '1', 9],
        ['b', 'S', '1', 2],
        ['c', 'S', '1', 4],
        ['d', 'S', '1', 5],
      ],
    );
    expect(analyzeExam(e).overall.total.median).toBe(4.5);
  });
});

describe('items', () => {
  const a = analyzeExam(FIVE);
  it('difficulty = mean / max', () => {
    expect(a.overall.items.map((i) => i.difficulty)).toEqual([2.6 / 5, 3 / 5]);
  });

  it('27 % rule: ⌊0.27 · 5⌋ = 1 student in each group (s1 upper, s5 lower)', () => {
    expect(a.overall.items[0]?.discrimination27).toBe(1); // (5 − 0) / 5
    expect(a.overall.items[1]?.discrimination27).toBeCloseTo(0.8, 15); // (5 − 1) / 5
  });

  it('corrected item–total r: with two items it is the correlation of the two items', () => {
    // Σdxdy = 12, Σdx² = 17.2, Σdy² = 10
    expect(a.overall.items[0]?.itemTotalR).toBeCloseTo(12 / Math.sqrt(172), 14);
    expect(a.overall.items[1]?.itemTotalR).toBeCloseTo(12 / Math.sqrt(172), 14);
  });

  it("Cronbach's alpha = k/(k−1)·(1 − Σ var item / var total)", () => {
    expect(a.overall.alpha).toBeCloseTo(2 * (1 - (4.3 + 2.5) / 12.8), 14); // 0.9375
  });

  it('ties in the 27 % rule keep input order: of two equal top totals the first is upper, of two equal bottom totals the last is lower', () => {
    const e = examOf(
      [5, 5],
      [
        ['s1', 'S', '1', 5, 0],
        ['s2', 'S', '1', 0, 5],
        ['s3', 'S', '1', 2, 0],
        ['s4', 'S', '1', 0, 2],
      ],
    );
    const items = analyzeExam(e).overall.items;
    // n = 4 → 1 per group: upper s1, lower s4
    expect(items[0]?.discrimination27).toBe(1); // (5 − 0) / 5
    expect(items[1]?.discrimination27).toBe(-0.4); // (0 − 2) / 5
  });

  it('⌊0.27 n⌋ = 27 for n = 100 and 26 for n = 99', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [`s${i}`, 'S', '1', i % 2 === 0 ? 1 : 0]);
    // totals alternate 1,0,…: sorted, the upper group is all 1s and the lower all 0s either way
    expect(analyzeExam(examOf([1], rows(100))).overall.items[0]?.discrimination27).toBe(1);
    // n = 99 has 50 ones and 49 zeros: still 26 of each at the ends
    expect(analyzeExam(examOf([1], rows(99))).overall.items[0]?.discrimination27).toBe(1);
    // n = 4: 2 ones, 2 zeros → groups of 1
    expect(analyzeExam(examOf([1], rows(4))).overall.items[0]?.discrimination27).toBe(1);
  });

  it('n < 4: the 27 % groups are empty and discrimination is null', () => {
    const e = examOf(
      [5, 5],
      [
        ['a', 'S', '1', 1, 2],
        ['b', 'S', '1', 3, 4],
        ['c', 'S', '1', 5, 1],
      ],
    );
    const items = analyzeExam(e).overall.items;
    expect(items.map((i) => i.discrimination27)).toEqual([null, null]);
    expect(items[0]?.difficulty).toBe(9 / 15);
  });

  it('a constant item has a null correlation; alpha still counts it (variance 0)', () => {
    const e = examOf(
      [5, 5, 5],
      [
        ['a', 'S', '1', 2, 1, 0],
        ['b', 'S', '1', 2, 3, 1],
        ['c', 'S', '1', 2, 5, 5],
        ['d', 'S', '1', 2, 0, 2],
      ],
    );
    const o = analyzeExam(e).overall;
    expect(o.items[0]?.itemTotalR).toBeNull();
    expect(o.items[0]?.discrimination27).toBe(0);
    // items 2 and 3: rest of item 2 = 2 + item 3, so r = corr(item2, item3)
    const x = [1, 3, 5, 0];
    const y = [0, 1, 5, 2];
    const mx = 9 / 4;
    const my = 2;
    const sxy = x.reduce((s, v, i) => s + (v - mx) * ((y[i] ?? 0) - my), 0);
    const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
    const syy = y.reduce((s, v) => s + (v - my) ** 2, 0);
    expect(o.items[1]?.itemTotalR).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 14);
    const totalVar = [3, 6, 12, 4].reduce((s, v) => s + (v - 25 / 4) ** 2, 0) / 3;
    expect(o.alpha).toBeCloseTo(1.5 * (1 - (0 + sxx / 3 + syy / 3) / totalVar), 14);
  });

  it('constancy is exact: 0.1 for everyone is constant although its computed mean is not 0.1', () => {
    // 0.1 + 0.1 + 0.1 = 0.30000000000000004, so Σ (x − mean)² is ~1e−33, not 0: still a constant item
    const e = examOf(
      [1, 5],
      [
        ['a', 'S', '1', 0.1, 1],
        ['b', 'S', '1', 0.1, 3],
        ['c', 'S', '1', 0.1, 4],
      ],
    );
    const o = analyzeExam(e).overall;
    expect(o.items[0]?.itemTotalR).toBeNull();
    // values 1e−9 apart are not constant
    const near = examOf(
      [1, 5],
      [
        ['a', 'S', '1', 0.5, 1],
        ['b', 'S', '1', 0.500000001, 3],
        ['c', 'S', '1', 0.5, 4],
      ],
    );
    expect(analyzeExam(near).overall.items[0]?.itemTotalR).not.toBeNull();
  });

  it('one student: sd, alpha and correlations are null, median is the total', () => {
    const o = analyzeExam(examOf([5, 5], [['a', 'S', '1', 1, 2]])).overall;
    expect(o.total).toMatchObject({ n: 1, mean: 3, sd: null, median: 3, max: 3, min: 3 });
    expect(o.alpha).toBeNull();
    expect(o.items.map((i) => i.itemTotalR)).toEqual([null, null]);
  });

  it('every student with the same total: alpha null', () => {
    const o = analyzeExam(
      examOf(
        [5, 5],
        [
          ['a', 'S', '1', 1, 2],
          ['b', 'S', '1', 2, 1],
        ],
      ),
    ).overall;
    expect(o.alpha).toBeNull();
    expect(o.items[0]?.itemTotalR).toBe(-1);
  });

  it('knowledge-point and ability-level score rates: Σ item means / Σ item max scores', () => {
    const { items } = readItemSheet({
      records: [
        ['item_id', 'max_score', 'type', 'knowledge_point', 'ability_level'],
        ['Q1', '4', '客观', '函数', '理解'],
        ['Q2', '6', 'subjective', '函数、几何', '应用'],
      ],
    });
    const { exam } = readScoreSheet(
      {
        records: [
          ['student_id', 'school', 'class', 'Q1', 'Q2'],
          ['a', 'S', '1', '4', '3'],
          ['b', 'S', '1', '2', '6'],
        ],
      },
      items,
    );
    if (!exam) throw new Error('exam');
    const o = analyzeExam(exam).overall;
    expect(o.knowledgePoints).toEqual([
      { label: '函数', itemIds: ['Q1', 'Q2'], maxScore: 10, scoreRate: (3 + 4.5) / 10 },
      { label: '几何', itemIds: ['Q2'], maxScore: 6, scoreRate: 4.5 / 6 },
    ]);
    expect(o.abilityLevels.map((l) => [l.label, l.scoreRate])).toEqual([
      ['理解', 3 / 4],
      ['应用', 4.5 / 6],
    ]);
  });
});

describe('schools and classes', () => {
  const a = analyzeExam(FIVE);
  it('per school: the same statistics, 超均率 and standardised score of the mean', () => {
    const A = a.schools[0];
    expect(A?.school).toBe('A');
    expect(A?.total).toMatchObject({ n: 2, mean: 8.5, median: 8.5, passRate: 1 });
    expect(A?.aboveMeanRate).toBeCloseTo((8.5 - 5.6) / 5.6, 14);
    expect(A?.standardised).toBeCloseTo((8.5 - 5.6) / Math.sqrt(12.8), 14);
    const B = a.schools[1];
    expect(B?.total).toMatchObject({ n: 3, mean: 11 / 3, max: 7, min: 1 });
    expect(B?.aboveMeanRate).toBeLessThan(0);
  });

  it('classes are school + class: class 1 of A and class 1 of B are two classes', () => {
    expect(a.classes.map((c) => [c.name, c.total.n])).toEqual([
      ['A / 1', 2],
      ['B / 1', 1],
      ['B / 2', 2],
    ]);
  });

  it('groupItems false: each group keeps exactly its totals and standing, without item statistics', () => {
    const lean = analyzeExam(FIVE, { groupItems: false });
    expect(lean.overall).toEqual(a.overall);
    for (const [mine, full] of [
      [lean.schools, a.schools],
      [lean.classes, a.classes],
    ] as const) {
      expect(mine.map((g) => [g.name, g.total, g.aboveMeanRate, g.standardised])).toEqual(
        full.map((g) => [g.name, g.total, g.aboveMeanRate, g.standardised]),
      );
      for (const g of mine)
        expect([g.alpha, g.items, g.knowledgePoints, g.abilityLevels]).toEqual([null, [], [], []]);
    }
    expect(a.schools[0]?.items).toHaveLength(2);
  });

  it("the caller's totals are used as given, and must be one per present student", () => {
    const given = analyzeExam(FIVE, { totals: studentTotals(FIVE) });
    expect(given).toEqual(a);
    expect(() => analyzeExam(FIVE, { totals: new Float64Array(4) })).toThrow(RangeError);
  });
});

describe('score bands', () => {
  it('every 10 points; the last band ends at full marks and includes it', () => {
    const bands = bandsEvery([0, 9.5, 10, 20, 25], 25);
    expect(bands.map((b) => [b.from, b.to, b.count])).toEqual([
      [0, 10, 2],
      [10, 20, 1],
      [20, 25, 2],
    ]);
    expect(bands[0]?.rate).toBe(0.4);
  });

  it('bands are built from full marks: 100 ends at 90–100; a stub under half a band (102) folds into 90–102', () => {
    expect(
      bandsEvery([100], 100)
        .map((b) => b.label)
        .slice(-2),
    ).toEqual(['80–90', '90–100']);
    const odd = bandsEvery([89.5, 90, 101, 102], 102);
    expect(odd.map((b) => [b.from, b.to])).toHaveLength(10);
    expect(odd.at(-1)).toMatchObject({ label: '90–102', from: 90, to: 102, count: 3 });
    expect(odd.at(-2)).toMatchObject({ label: '80–90', count: 1 });
    // half a band or more stays a band of its own (105: 100–105), as 25 keeps 20–25 above
    expect(bandsEvery([105], 105).at(-1)).toMatchObject({ label: '100–105', count: 1 });
    expect(bandsEvery([3], 4).map((b) => b.label)).toEqual(['0–4']);
  });

  it('custom edges with labels; totals outside the edges are in no band', () => {
    const bands = scoreBands([50, 60, 71.5, 72, 120], [60, 72, 96, 120], ['D', 'C', 'B']);
    expect(bands.map((b) => [b.label, b.count])).toEqual([
      ['D', 2],
      ['C', 1],
      ['B', 1],
    ]);
    expect(() => scoreBands([1], [5, 5])).toThrow(RangeError);
  });

  it('the analysis carries the 10-point bands and the custom ones', () => {
    const a = analyzeExam(FIVE, { customBands: { edges: [0, 6, 10] } });
    // full marks 10: one band [0, 10]
    expect(a.bands10.map((b) => [b.from, b.to, b.count])).toEqual([[0, 10, 5]]);
    expect(a.customBands?.map((b) => b.count)).toEqual([2, 3]); // [0, 6): 3, 1; [6, 10]: 10, 7, 7
  });
});

describe('the fast ways give the same numbers (docs/PERFORMANCE.md section 5)', () => {
  function seeded(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('order by total: the counting sort equals the comparison sort (ties in input order)', () => {
    const rnd = seeded(7);
    const comparison = (totals: Float64Array, idx: Uint32Array) =>
      Uint32Array.from(idx).sort((a, b) => (totals[b] ?? 0) - (totals[a] ?? 0) || a - b);
    const cases: Record<string, (i: number) => number> = {
      'whole points': () => Math.floor(rnd() * 40),
      'half points': () => Math.floor(rnd() * 80) / 2,
      'tenths (not all on a binary grid)': () => Math.floor(rnd() * 400) / 10,
      'sums of tenths (0.1 + 0.2 …)': () => 0.1 * Math.floor(rnd() * 5) + 0.2 * Math.floor(rnd() * 5),
      'negative and −0': (i) => (i % 7 === 0 ? -0 : Math.floor(rnd() * 20) - 10),
      'wide spread (comparison sort)': () => Math.floor(rnd() * 1e9),
      'any double': () => rnd() * 100,
    };
    for (const [name, f] of Object.entries(cases)) {
      const totals = Float64Array.from({ length: 500 }, (_, i) => f(i));
      const idx = Uint32Array.from({ length: 300 }, (_, k) => k + Math.floor(k / 3)); // a subset, ascending
      expect([name, Array.from(orderByTotalDesc(totals, idx))]).toEqual([
        name,
        Array.from(comparison(totals, idx)),
      ]);
    }
  });

  it('27 % groups of whole scores added in row order equal the sums in the order of totals', () => {
    const rnd = seeded(5);
    const rows = Array.from({ length: 300 }, (_, i) => [
      `s${i}`,
      i % 2 ? '一中' : '二中',
      '1班',
      Math.floor(rnd() * 6),
      Math.floor(rnd() * 11),
      Math.floor(rnd() * 4),
    ]);
    const exam = examOf([5, 10, 3], rows);
    const prep = prepareExam(exam);
    expect(prep.wholeScores).toBe(true);
    const totals = studentTotals(exam);
    for (const idx of [
      Uint32Array.from({ length: 300 }, (_, i) => i),
      Uint32Array.from({ length: 150 }, (_, k) => 2 * k + 1),
    ]) {
      const rowOrder = analyzeSubset(exam, totals, idx, undefined, undefined, prep);
      const totalOrder = analyzeSubset(exam, totals, idx, undefined, undefined, {
        ...prep,
        wholeScores: false,
      });
      expect(rowOrder).toEqual(totalOrder);
    }
    expect(Array.from(prep.mark).every((b) => b === 0)).toBe(true); // the scratch is left clean
    // a half point anywhere: not whole
    expect(prepareExam(examOf([5], [['a', 'S', '1', 2.5]])).wholeScores).toBe(false);
  });

  it("a school's statistics do not depend on whether its rows come together (views) or not (gathered)", () => {
    const rnd = seeded(11);
    const rows = Array.from({ length: 240 }, (_, i) => [
      `s${String(i).padStart(3, '0')}`,
      ['一中', '二中', '三中'][i % 3] ?? '',
      `${1 + (i % 4)}班`,
      Math.floor(rnd() * 6),
      Math.floor(rnd() * 21) / 2,
      Math.round(rnd() * 30) / 10,
    ]);
    const together = [...rows].sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    const a = analyzeExam(examOf([5, 10, 3], rows));
    const b = analyzeExam(examOf([5, 10, 3], together));
    const strip = (g: { name: string; total: object; alpha: number | null; items: object[] }) => ({
      name: g.name,
      total: g.total,
      alpha: g.alpha,
      items: g.items,
    });
    expect(b.schools.map(strip)).toEqual(a.schools.map(strip));
    expect(b.classes.map(strip)).toEqual(a.classes.map(strip));
  });
});
