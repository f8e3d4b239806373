import { describe, expect, it } from 'vitest';
import { divHalfUp } from './arithmetic';
import { RUBRIC_A, RUBRIC_B, RUBRIC_C } from './builtin-rubrics';
import { checkEntry, type RubricEntry, scoreRubric } from './score';
import type { Rubric, RubricNode } from './types';
import { rubricUnits } from './units';

/** Every unit at full points, then the overrides. */
function entry(
  rubric: Rubric,
  overrides: RubricEntry['units'] = {},
  vetoes?: RubricEntry['vetoes'],
): RubricEntry {
  const units = Object.fromEntries(rubricUnits(rubric).units.map((u) => [u.id, { score: u.max }]));
  return { units: { ...units, ...overrides }, ...(vetoes ? { vetoes } : {}) };
}

const underReported = (count: number) => ({ deductions: [{ reason: 'under_reported', count }] });

describe('scoreRubric: Rubric A', () => {
  it('Y-EVAL-HOLISTIC: full marks: 100 of 100, 优秀', () => {
    const r = scoreRubric(RUBRIC_A, entry(RUBRIC_A));
    expect([r.score, r.max, r.percent, r.band.label]).toEqual([100, 100, 100, '优秀']);
    expect(r.sections.map((s) => [s.id, s.score, s.declared])).toEqual([
      ['A1', 8, 8],
      ['A2', 20, 20],
      ['A3', 40, 40],
      ['A4', 12, 12],
      ['A5', 20, 20],
    ]);
  });

  it('R3-B03: the 12-point indicator with 11, 12, 13 person-times deducted scores 1, 0, 0 (floor 0, nothing spills over)', () => {
    const at = (n: number) => scoreRubric(RUBRIC_A, entry(RUBRIC_A, { 'A2.2': underReported(n) }));
    expect([11, 12, 13].map((n) => at(n).units.find((u) => u.unitId === 'A2.2')?.score)).toEqual([1, 0, 0]);
    expect([11, 12, 13].map((n) => at(n).score)).toEqual([89, 88, 88]);
    const line = at(13).units.find((u) => u.unitId === 'A2.2');
    expect(line).toMatchObject({ deducted: 13, floor: 0, rules: ['R3-B03', 'Y-EVAL-HOLISTIC'] });
    expect(line?.how).toBe(
      '满分 12 − 扣分 13（少报 13 人次，每人次 1 分） = -1，扣至 0 分为止；得 0 / 12 分',
    );
  });

  it("R3-B03: reasons add up, and deductions start from the rater's score when one is given", () => {
    const e = entry(RUBRIC_A, {
      'A2.2': {
        score: 10,
        deductions: [
          { reason: 'missed_training', count: 2 },
          { reason: 'ineligible', count: 1 },
        ],
      },
    });
    const line = scoreRubric(RUBRIC_A, e).units.find((u) => u.unitId === 'A2.2');
    expect([line?.raw, line?.deducted, line?.score]).toEqual([10, 3, 7]);
    expect(line?.deductions.map((d) => d.label)).toEqual(['缺培', '学员不符合遴选条件']);
  });

  it('Y-EVAL-BANDS: 90 is 优秀 and 89.9 良好; 80 良好 and 79.9 合格; 60 合格 and 59.9 不合格', () => {
    const lose = (points: number) => {
      // A3.1 (10), A3.4 (12), A2.2 (12), A5.1 (8): take the loss from as many as needed.
      let left = Math.round(points * 10);
      const o: Record<string, { score: number }> = {};
      for (const [id, max] of [
        ['A3.1', 10],
        ['A3.4', 12],
        ['A2.2', 12],
        ['A5.1', 8],
      ] as const) {
        const take = Math.min(left, max * 10);
        o[id] = { score: (max * 10 - take) / 10 };
        left -= take;
      }
      return scoreRubric(RUBRIC_A, entry(RUBRIC_A, o));
    };
    expect([10, 10.1, 20, 20.1, 40, 40.1].map((x) => [lose(x).score, lose(x).band.label])).toEqual([
      [90, '优秀'],
      [89.9, '良好'],
      [80, '良好'],
      [79.9, '合格'],
      [60, '合格'],
      [59.9, '不合格'],
    ]);
  });

  it("Y-EVAL-ROUNDING: refuses a score above the unit's points, below 0, or finer than 0.1, naming the unit", () => {
    expect(() => scoreRubric(RUBRIC_A, entry(RUBRIC_A, { 'A1.1': { score: 3.1 } }))).toThrow(
      new RangeError('「市级工作」满分 3 分，得分 3.1 超出'),
    );
    expect(() => scoreRubric(RUBRIC_A, entry(RUBRIC_A, { 'A1.1': { score: -0.1 } }))).toThrow(RangeError);
    expect(checkEntry(RUBRIC_A, entry(RUBRIC_A, { 'A1.1': { score: 2.55 } })).map((p) => p.code)).toEqual([
      'SCORE_PRECISION',
    ]);
    expect(scoreRubric(RUBRIC_A, entry(RUBRIC_A, { 'A1.1': { score: 0 } })).score).toBe(97);
  });

  it('Y-EVAL-CHECK: lists every problem of an entry: unknown unit, unscored unit, a deduction where there is no rule or an odd count', () => {
    const e = entry(RUBRIC_A, {
      'A1.2a': { score: 2 },
      'A1.1': underReported(1),
      'A2.2': { deductions: [{ reason: 'late', count: 1.5 }] },
      'A5.3': undefined,
    });
    expect(checkEntry(RUBRIC_A, e).map((p) => [p.code, p.unitId])).toEqual([
      ['NO_DEDUCTION_RULE', 'A1.1'],
      ['DEDUCTION_REASON', 'A2.2'],
      ['DEDUCTION_COUNT', 'A2.2'],
      ['UNIT_NOT_SCORED', 'A5.3'],
      ['UNKNOWN_UNIT', 'A1.2a'],
    ]);
  });

  it('Y-EVAL-CHECK: an unscored unit counts 0 only when the caller says so (a self-evaluation in progress)', () => {
    const e = entry(RUBRIC_A, { 'A5.3': undefined });
    expect(() => scoreRubric(RUBRIC_A, e)).toThrow('「县级教师培训生态」尚未评分');
    const r = scoreRubric(RUBRIC_A, e, { missing: 'zero' });
    expect([r.score, r.units.find((u) => u.unitId === 'A5.3')?.missing]).toEqual([94, true]);
  });
});

describe('scoreRubric: Rubric B (Y-EVAL-MERGED, Y-EVAL-B-TOTAL)', () => {
  it('Y-EVAL-MERGED: the merged cells take one score each (5+6 up to 10, 7+8 up to 20); an item inside one cannot be scored alone', () => {
    const r = scoreRubric(RUBRIC_B, entry(RUBRIC_B, { 'B5+6': { score: 7.5 }, 'B7+8': { score: 20 } }));
    expect(r.units.find((u) => u.unitId === 'B5+6')).toMatchObject({ kind: 'group', score: 7.5, max: 10 });
    expect(r.score).toBe(97.5);
    expect(() => scoreRubric(RUBRIC_B, entry(RUBRIC_B, { 'B7+8': { score: 20.5 } }))).toThrow(RangeError);
    expect(checkEntry(RUBRIC_B, entry(RUBRIC_B, { B5: { score: 5 } })).map((p) => p.code)).toEqual([
      'UNKNOWN_UNIT',
    ]);
  });

  it('Y-EVAL-B-TOTAL: item_points (default): 100 is the maximum and 成果呈现 counts 25', () => {
    const r = scoreRubric(RUBRIC_B, entry(RUBRIC_B));
    expect([r.score, r.max, r.normalisation.value, r.normalisation.ruleId]).toEqual([
      100,
      100,
      'item_points',
      'Y-EVAL-B-TOTAL',
    ]);
    expect(r.sections.find((s) => s.id === 'B-S3')).toMatchObject({ score: 25, counted: 25, capped: false });
  });

  it('Y-EVAL-B-TOTAL: declared: 成果呈现 counts at most 20 and the maximum is 95; under 20 nothing is capped', () => {
    const full = scoreRubric(RUBRIC_B, entry(RUBRIC_B), { normalisation: 'declared' });
    expect([full.score, full.max, full.percent, full.band.label]).toEqual([95, 95, 100, '优秀']);
    expect(full.sections.find((s) => s.id === 'B-S3')).toMatchObject({
      score: 25,
      counted: 20,
      capped: true,
    });
    expect(full.normalisation).toMatchObject({ value: 'declared', source: 'officer' });
    const low = scoreRubric(RUBRIC_B, entry(RUBRIC_B, { B11: { score: 10 } }), { normalisation: 'declared' });
    expect(low.sections.find((s) => s.id === 'B-S3')).toMatchObject({
      score: 20,
      counted: 20,
      capped: false,
    });
    expect([low.score, low.percent]).toEqual([95, 100]);
    const lower = scoreRubric(RUBRIC_B, entry(RUBRIC_B, { B11: { score: 9 } }), {
      normalisation: 'declared',
    });
    expect([lower.score, lower.percent]).toEqual([94, 98.9]);
  });
});

describe('scoreRubric: Rubric C (Y-EVAL-C-TOTAL, Y-EVAL-VETO-C5)', () => {
  const eighty = entry(RUBRIC_C, { C9: { score: 5 } });

  it('Y-EVAL-C-TOTAL: each normalisation: scale_to_100 (default) 80 of 90 → 88.9; item_points 80 / 90; declared 80 / 100', () => {
    const scaled = scoreRubric(RUBRIC_C, eighty);
    expect([scaled.itemScore, scaled.itemMax, scaled.score, scaled.max, scaled.band.label]).toEqual([
      80,
      90,
      88.9,
      100,
      '良好',
    ]);
    expect(scaled.how).toContain('80 ÷ 90 × 100 = 88.9（保留一位小数，四舍五入）');
    const items = scoreRubric(RUBRIC_C, eighty, { normalisation: 'item_points' });
    expect([items.score, items.max, items.percent, items.band.label]).toEqual([80, 90, 88.9, '良好']);
    const declared = scoreRubric(RUBRIC_C, eighty, { normalisation: 'declared' });
    expect([declared.score, declared.max, declared.percent, declared.band.label]).toEqual([
      80,
      100,
      80,
      '良好',
    ]);
    expect(scoreRubric(RUBRIC_C, entry(RUBRIC_C)).score).toBe(100);
    expect(scoreRubric(RUBRIC_C, entry(RUBRIC_C), { normalisation: 'declared' }).percent).toBe(90);
  });

  it('Y-EVAL-ROUNDING: scale_to_100 rounds once, half up: 81 of 90 is 90.0 (优秀), 80.9 of 90 is 89.9 (良好)', () => {
    expect(scoreRubric(RUBRIC_C, entry(RUBRIC_C, { C9: { score: 6 } })).band.label).toBe('优秀');
    const r = scoreRubric(RUBRIC_C, entry(RUBRIC_C, { C9: { score: 5.9 } }));
    expect([r.score, r.band.label]).toEqual([89.9, '良好']);
    expect([divHalfUp(5, 10), divHalfUp(4, 10), divHalfUp(15, 10), divHalfUp(-5, 10)]).toEqual([1, 0, 2, -1]);
  });

  it('Y-EVAL-VETO-C5: the C5 veto: an ethics violation makes the workshop 不合格 with its points still shown; disabled, it does not', () => {
    const vetoed = scoreRubric(RUBRIC_C, entry(RUBRIC_C, {}, { 'C5-ethics': true }));
    expect([vetoed.score, vetoed.band.label]).toEqual([100, '不合格']);
    expect(vetoed.vetoes).toEqual([
      {
        id: 'C5-ethics',
        label: '团队成员有违反师德现象',
        effect: 'fail',
        enabled: true,
        triggered: true,
        rule: 'Y-EVAL-VETO-C5',
      },
    ]);
    expect(scoreRubric(RUBRIC_C, entry(RUBRIC_C, {}, { 'C5-ethics': false })).band.label).toBe('优秀');
    const off = withVeto(RUBRIC_C, { enabled: false });
    expect(scoreRubric(off, entry(off, {}, { 'C5-ethics': true })).band.label).toBe('优秀');
    const zero = withVeto(RUBRIC_C, { effect: 'zero' });
    const z = scoreRubric(zero, entry(zero, {}, { 'C5-ethics': true }));
    expect([z.score, z.percent, z.band.label]).toEqual([0, 0, '不合格']);
    expect(checkEntry(RUBRIC_C, entry(RUBRIC_C, {}, { nope: true })).map((p) => p.code)).toEqual([
      'UNKNOWN_VETO',
    ]);
  });
});

function withVeto(rubric: Rubric, change: { enabled?: boolean; effect?: 'fail' | 'zero' }): Rubric {
  const patch = (n: RubricNode): RubricNode => ({
    ...n,
    ...(n.veto ? { veto: { ...n.veto, ...change } } : {}),
    ...(n.children ? { children: n.children.map(patch) } : {}),
  });
  return { ...rubric, nodes: rubric.nodes.map(patch) };
}
