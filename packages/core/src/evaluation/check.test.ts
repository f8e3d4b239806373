import { describe, expect, it } from 'vitest';
import { RUBRIC_A } from './builtin-rubrics';
import { checkRubric } from './check';
import { DEFAULT_GRADE_BANDS } from './settings';
import type { Rubric, RubricNode } from './types';

const item = (id: string, points?: number, extra: Partial<RubricNode> = {}): RubricNode => ({
  id,
  text: `标准 ${id}`,
  ...(points === undefined ? {} : { points }),
  departments: [],
  evidence: [],
  source: 'test',
  ...extra,
});

function rubric(nodes: RubricNode[], extra: Partial<Rubric> = {}): Rubric {
  return {
    id: 'r',
    title: '测试标准',
    source: 'test',
    version: '1',
    nodes,
    scoreGroups: [],
    bands: DEFAULT_GRADE_BANDS,
    normalisation: { value: 'item_points', ruleId: 'Y-EVAL-NORMALISE', source: 'test' },
    ...extra,
  };
}

const section = (id: string, points: number | undefined, children: RubricNode[]): RubricNode => ({
  id,
  title: `项目 ${id}`,
  ...(points === undefined ? {} : { points }),
  departments: [],
  evidence: [],
  source: 'test',
  children,
});

const codes = (r: Rubric) => checkRubric(r).map((f) => [f.severity, f.code, f.path]);

describe('checkRubric', () => {
  it('Y-EVAL-CHECK: a consistent rubric has no findings', () => {
    expect(checkRubric(rubric([section('S1', 10, [item('i1', 4), item('i2', 6)])]))).toEqual([]);
  });

  it('Y-EVAL-NORMALISE: a section whose items differ from its points is a warning with both numbers (either way)', () => {
    const more = checkRubric(rubric([section('S1', 10, [item('i1', 4), item('i2', 7)])]));
    expect(more[0]).toMatchObject({
      severity: 'warning',
      code: 'SECTION_SUM_MISMATCH',
      path: 'S1',
      values: { declared: 10, sum: 11 },
    });
    expect(codes(rubric([section('S1', 10, [item('i1', 4), item('i2', 5)])]))).toEqual([
      ['warning', 'SECTION_SUM_MISMATCH', 'S1'],
      ['warning', 'TOTAL_MISMATCH', 'r'],
    ]);
  });

  it('Y-EVAL-NORMALISE: a stated total that the sections do not reach is a warning, and so are the items against it', () => {
    expect(codes(rubric([section('S1', 10, [item('i1', 10)])], { declaredTotal: 100 }))).toEqual([
      ['warning', 'DECLARED_TOTAL_MISMATCH', 'r'],
      ['warning', 'TOTAL_MISMATCH', 'r'],
    ]);
  });

  it('Y-EVAL-CHECK: negative points are an error (item, group, deduction)', () => {
    const r = rubric([section('S1', 5, [item('i1', -5), item('i2', 10)])]);
    expect(codes(r)).toContainEqual(['error', 'NEGATIVE_POINTS', 'S1 › i1']);
    const g = rubric([section('S1', -3, [item('i1', undefined, { scoreGroup: 'g' })])], {
      scoreGroups: [{ id: 'g', title: '合并格', points: -3, source: 'test' }],
    });
    expect(codes(g)).toContainEqual(['error', 'NEGATIVE_POINTS', '合并评分格 g']);
  });

  it('R3-B03: a deduction without a floor is a warning; with a floor it is not', () => {
    const deduction = {
      per: 'person_time' as const,
      points: 1,
      reasons: [],
      ruleId: 'R3-B03',
      source: 'test',
    };
    expect(codes(rubric([section('S1', 12, [item('i1', 12, { deduction })])]))).toEqual([
      ['warning', 'DEDUCTION_WITHOUT_FLOOR', 'S1 › i1'],
    ]);
    expect(
      checkRubric(rubric([section('S1', 12, [item('i1', 12, { deduction: { ...deduction, floor: 0 } })])])),
    ).toEqual([]);
  });

  it('Y-EVAL-CHECK: an empty indicator is an error', () => {
    expect(codes(rubric([section('S1', 10, [])]))).toContainEqual(['error', 'EMPTY_INDICATOR', 'S1']);
    expect(codes(rubric([section('S1', 10, [{ ...item('i1', 10), text: undefined }])]))).toContainEqual([
      'error',
      'EMPTY_INDICATOR',
      'S1 › i1',
    ]);
  });

  it('Y-EVAL-CHECK: a duplicate id is an error (nodes, and a group named like a node)', () => {
    expect(codes(rubric([section('S1', 10, [item('i1', 5), item('i1', 5)])]))).toEqual([
      ['error', 'DUPLICATE_ID', 'S1 › i1'],
    ]);
    const r = rubric(
      [
        section('S1', 10, [
          item('i1', undefined, { scoreGroup: 'S1' }),
          item('i2', undefined, { scoreGroup: 'S1' }),
        ]),
      ],
      {
        scoreGroups: [{ id: 'S1', title: '合并格', points: 10, source: 'test' }],
      },
    );
    expect(codes(r)).toEqual([['error', 'DUPLICATE_ID', '合并评分格 S1']]);
  });

  it('Y-EVAL-HOLISTIC: an item without points beside scored items, not in a merged cell, is an error', () => {
    expect(codes(rubric([section('S1', 10, [item('i1', 10), item('i2')])]))).toEqual([
      ['error', 'ITEM_UNSCORED', 'S1 › i2'],
    ]);
  });

  it('Y-EVAL-MERGED: a merged cell split over two sections, unknown, empty, or with a member of its own points', () => {
    const groups = [{ id: 'g', title: '合并格', points: 10, source: 'test' }];
    const split = rubric(
      [
        section('S1', 5, [item('i1', undefined, { scoreGroup: 'g' })]),
        section('S2', 5, [item('i2', undefined, { scoreGroup: 'g' })]),
      ],
      { scoreGroups: groups },
    );
    expect(codes(split)).toContainEqual(['error', 'GROUP_SPLIT', '合并评分格 g']);
    expect(codes(rubric([section('S1', 10, [item('i1', 10)])], { scoreGroups: groups }))).toEqual([
      ['error', 'GROUP_EMPTY', '合并评分格 g'],
    ]);
    expect(
      codes(rubric([section('S1', 10, [item('i1', undefined, { scoreGroup: 'x' }), item('i2', 10)])])),
    ).toEqual([['error', 'GROUP_UNKNOWN', 'S1 › i1']]);
    expect(
      codes(
        rubric(
          [
            section('S1', 10, [
              item('i1', 4, { scoreGroup: 'g' }),
              item('i2', undefined, { scoreGroup: 'g' }),
            ]),
          ],
          { scoreGroups: groups },
        ),
      ),
    ).toContainEqual(['error', 'GROUP_ITEM_POINTS', 'S1 › i1']);
  });

  it('Y-EVAL-BANDS: bands without a 0 % floor are an error; the default bands are fine', () => {
    const bands = {
      ...DEFAULT_GRADE_BANDS,
      value: DEFAULT_GRADE_BANDS.value.filter((b) => b.minPercent > 0),
    };
    expect(codes({ ...RUBRIC_A, bands })).toEqual([['error', 'BANDS', RUBRIC_A.id]]);
  });
});
