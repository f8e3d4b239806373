import { describe, expect, it } from 'vitest';
import { RUBRIC_A, RUBRIC_C } from './builtin-rubrics';
import { aggregateItem, aggregateRaters, DEFAULT_RATER_SETTINGS } from './raters';
import { type RubricEntry, scoreRubric } from './score';
import type { Rubric } from './types';
import { rubricUnits } from './units';

const item = { id: 'B11', max: 10 };
const rate = (...scores: number[]) => scores.map((score, i) => ({ raterId: `r${i + 1}`, score }));

describe('aggregateItem (Y-EVAL-RATERS)', () => {
  it('Y-EVAL-RATERS: fewer than 5 raters: the plain mean, rounded once to one decimal half up, with range and standard deviation', () => {
    const a = aggregateItem(item, rate(7, 8, 8.5));
    expect(a).toMatchObject({ trimmed: false, dropped: [], range: 1.5, finalSource: 'mean' });
    expect(a.mean).toBeCloseTo(7.8333, 4);
    expect(a.final).toBe(7.8);
    expect(a.sd).toBe(0.62);
    expect(a.how).toBe('3 位评委评分平均 7.83，保留一位小数 7.8；极差 1.5，标准差 0.62');
    expect(aggregateItem(item, rate(7, 8)).final).toBe(7.5);
    expect(aggregateItem(item, rate(7.1, 7.2)).final).toBe(7.2);
  });

  it('Y-EVAL-RATERS: from 5 raters: drops one highest and one lowest (4 raters are not trimmed)', () => {
    const five = aggregateItem(item, rate(2, 7, 8, 9, 10));
    expect([five.trimmed, five.dropped, five.final]).toEqual([true, ['r1', 'r5'], 8]);
    expect(five.range).toBe(8);
    const four = aggregateItem(item, rate(2, 7, 8, 9));
    expect([four.trimmed, four.final]).toEqual([false, 6.5]);
    const setting = { ...DEFAULT_RATER_SETTINGS, trimFrom: { ...DEFAULT_RATER_SETTINGS.trimFrom, value: 4 } };
    expect(aggregateItem(item, rate(2, 7, 8, 9), { settings: setting }).final).toBe(7.5);
  });

  it("Y-EVAL-OUTLIER: 20 % of the item's points from the others' median: exactly 2 of 10 is not flagged, 2.1 is", () => {
    expect(aggregateItem(item, rate(5, 5, 7)).outliers).toEqual([]);
    expect(aggregateItem(item, rate(5, 5, 7.1)).outliers).toEqual([
      { raterId: 'r3', score: 7.1, othersMedian: 5, distance: 2.1, threshold: 2 },
    ]);
    expect(aggregateItem(item, rate(5, 5, 2.9)).outliers.map((o) => o.raterId)).toEqual(['r3']);
    expect(aggregateItem(item, rate(5, 5, 3)).outliers).toEqual([]);
    // An even number of others: their median is the mean of the middle two (5, 5, 6, 6 → 5.5).
    expect(aggregateItem(item, rate(5, 5, 6, 6, 7.5)).outliers).toEqual([]);
    expect(
      aggregateItem(item, rate(5, 5, 6, 6, 7.6)).outliers.map((o) => [o.raterId, o.othersMedian]),
    ).toEqual([['r5', 5.5]]);
  });

  it('Y-EVAL-OUTLIER: two raters are never flagged (no "other" majority); the spread shows the disagreement', () => {
    const a = aggregateItem(item, rate(1, 10));
    expect([a.outliers, a.range]).toEqual([[], 9]);
  });

  it('Y-EVAL-MODERATION: an explicit value with a reason overrides the mean; without a reason or out of range it is refused', () => {
    const m = aggregateItem(item, rate(5, 5, 9), {
      moderation: { value: 6, reason: '合议：佐证材料不全', by: 'chair' },
    });
    expect([m.final, m.finalSource, m.rules]).toEqual([
      6,
      'moderated',
      ['Y-EVAL-RATERS', 'Y-EVAL-OUTLIER', 'Y-EVAL-MODERATION'],
    ]);
    expect(m.how).toContain('合议改为 6（合议：佐证材料不全）');
    expect(() => aggregateItem(item, rate(5), { moderation: { value: 6, reason: '  ' } })).toThrow(
      RangeError,
    );
    expect(() => aggregateItem(item, rate(5), { moderation: { value: 10.5, reason: '理由' } })).toThrow(
      RangeError,
    );
  });

  it("Y-EVAL-RATERS: refuses a rater's score out of range, no ratings, or a rater twice", () => {
    expect(() => aggregateItem(item, rate(11))).toThrow(RangeError);
    expect(() => aggregateItem(item, rate(-1))).toThrow(RangeError);
    expect(() => aggregateItem(item, [])).toThrow(RangeError);
    expect(() => aggregateItem(item, [...rate(5), ...rate(6)])).toThrow('有评委重复评分');
  });
});

function full(
  rubric: Rubric,
  overrides: RubricEntry['units'] = {},
  vetoes?: RubricEntry['vetoes'],
): RubricEntry {
  const units = Object.fromEntries(rubricUnits(rubric).units.map((u) => [u.id, { score: u.max }]));
  return { units: { ...units, ...overrides }, ...(vetoes ? { vetoes } : {}) };
}

describe('aggregateRaters: a subject scored by several experts', () => {
  it('R3-B03 deductions are applied per rater before the mean; the final entry scores like any entry', () => {
    const agg = aggregateRaters(RUBRIC_A, [
      {
        raterId: 'e1',
        entry: full(RUBRIC_A, { 'A2.2': { deductions: [{ reason: 'ineligible', count: 2 }] } }),
      },
      { raterId: 'e2', entry: full(RUBRIC_A, { 'A2.2': { score: 11 } }) },
    ]);
    const a22 = agg.items.find((i) => i.unitId === 'A2.2');
    expect(a22?.ratings).toEqual([
      { raterId: 'e1', score: 10 },
      { raterId: 'e2', score: 11 },
    ]);
    expect(a22?.final).toBe(10.5);
    expect(scoreRubric(RUBRIC_A, agg.entry).score).toBe(98.5);
  });

  it('Y-EVAL-VETO-C5: a veto any rater raises stands unless moderation clears it with a reason', () => {
    const raters = [
      { raterId: 'e1', entry: full(RUBRIC_C, {}, { 'C5-ethics': true }) },
      { raterId: 'e2', entry: full(RUBRIC_C) },
    ];
    const raised = aggregateRaters(RUBRIC_C, raters);
    expect(raised.vetoes).toEqual([{ id: 'C5-ethics', raisedBy: ['e1'] }]);
    expect(scoreRubric(RUBRIC_C, raised.entry).band.label).toBe('不合格');
    const cleared = aggregateRaters(RUBRIC_C, raters, {
      vetoClearances: { 'C5-ethics': { reason: '经核查系误报' } },
    });
    expect(scoreRubric(RUBRIC_C, cleared.entry).band.label).toBe('优秀');
    expect(() =>
      aggregateRaters(RUBRIC_C, raters, { vetoClearances: { 'C5-ethics': { reason: '' } } }),
    ).toThrow(RangeError);
  });

  it("Y-EVAL-MODERATION: a rater's invalid entry is refused; moderation of an unknown unit is refused", () => {
    expect(() =>
      aggregateRaters(RUBRIC_C, [{ raterId: 'e1', entry: full(RUBRIC_C, { C1: { score: 6 } }) }]),
    ).toThrow(RangeError);
    expect(() =>
      aggregateRaters(RUBRIC_C, [{ raterId: 'e1', entry: full(RUBRIC_C) }], {
        moderations: { C99: { value: 1, reason: 'x' } },
      }),
    ).toThrow(RangeError);
  });
});
