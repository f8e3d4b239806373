import { cleanup, screen } from '@testing-library/react';
import { checkRubricDocument, type RubricDocument, type RubricFindingBody } from '@yanxun/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n';
import { hanOutside, renderWithApp } from '../../../shared/test-utils';
import { rubricFindingSentence } from './rubric-finding-words';
import { RubricFindings } from './rubric-findings';

afterEach(cleanup);

const zh = (key: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
  translate('zh-CN', key, p);
const en = (key: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
  translate('en-US', key, p);

const base = { departments: [], evidence: [], source: '' };
const leaf = (id: string, extra: Record<string, unknown>) => ({ ...base, id, text: `内容${id}`, ...extra });
const deduction = (points: number, floor?: number) => ({
  per: 'person_time' as const,
  points,
  ...(floor === undefined ? {} : { floor }),
  reasons: [{ code: 'late', label: '迟报' }],
  ruleId: 'R3-B03',
  source: '',
});

/** A rubric broken in every way core's checkRubric names. */
const broken: RubricDocument = {
  id: 'broken',
  title: '试用评价标准',
  source: '',
  version: '1',
  declaredTotal: 100,
  nodes: [
    {
      ...base,
      id: 'S1',
      title: '制度建设',
      points: 10,
      children: [
        leaf('A1', { points: 5 }),
        leaf('A1', { points: 1 }),
        leaf('A2', { points: -1 }),
        leaf('A3', { points: 1.25 }),
        { ...base, id: 'A4' },
        { ...base, id: 'A5', title: '空指标', children: [] },
        leaf('A6', { points: 2, deduction: deduction(1) }),
        leaf('A7', { points: 2, deduction: deduction(-2, 0) }),
        leaf('A8', { scoreGroup: 'G9' }),
        leaf('A9', {}),
      ],
    },
    {
      ...base,
      id: 'S2',
      title: '过程管理',
      points: 10,
      children: [leaf('B1', { scoreGroup: 'G1', points: 3 }), leaf('B2', { scoreGroup: 'G1' })],
    },
    { ...base, id: 'S3', title: '成果', points: 10, children: [leaf('C1', { scoreGroup: 'G1' })] },
    {
      ...base,
      id: 'S4',
      title: '保障',
      points: 10,
      children: [
        leaf('D1', { scoreGroup: 'G3', deduction: deduction(1, 0) }),
        leaf('D2', { scoreGroup: 'G3', deduction: deduction(2, 0) }),
      ],
    },
  ],
  scoreGroups: [
    { id: 'G1', title: '合并一', points: 5, source: '' },
    { id: 'G2', title: '合并二', points: -1, source: '' },
    { id: 'G3', title: '合并三', points: 5, source: '' },
  ],
  bands: { value: [{ code: 'pass', label: '合格', minPercent: 60 }], ruleId: 'Y-EVAL-BANDS', source: '' },
  normalisation: { value: 'item_points', ruleId: 'Y-EVAL-B-TOTAL', source: '' },
};

const FINDINGS = checkRubricDocument(broken);
const CODES = [
  'DUPLICATE_ID',
  'NEGATIVE_POINTS',
  'POINTS_PRECISION',
  'EMPTY_INDICATOR',
  'DEDUCTION_WITHOUT_FLOOR',
  'SECTION_SUM_MISMATCH',
  'GROUP_EMPTY',
  'GROUP_SPLIT',
  'GROUP_ITEM_POINTS',
  'DEDUCTION_TWICE',
  'GROUP_UNKNOWN',
  'ITEM_UNSCORED',
  'DECLARED_TOTAL_MISMATCH',
  'TOTAL_MISMATCH',
  'BANDS',
];

/** The rubric's own names in a finding: indicator and merged-cell titles, IDs, texts. */
const dataOf = (f: RubricFindingBody) =>
  ['label', 'groupTitle', 'id', 'node', 'group'].flatMap((k) => {
    const v = f.values[k];
    return typeof v === 'string' ? [v] : [];
  });

describe('rubric validation (core checkRubric, Y-EVAL-ROUNDING, Y-EVAL-MERGED) in words', () => {
  it('the broken rubric raises every code core has, both variants of the ones with two', () => {
    expect([...new Set(FINDINGS.map((f) => f.code))].sort()).toEqual([...CODES].sort());
    expect(FINDINGS.filter((f) => f.code === 'EMPTY_INDICATOR')).toHaveLength(2);
    expect(FINDINGS.filter((f) => f.code === 'NEGATIVE_POINTS').length).toBeGreaterThanOrEqual(3);
  });

  it.each(FINDINGS.map((f) => [`${f.code} ${f.path}`, f] as const))(
    'zh-CN says exactly what core says: %s',
    (_, f) => {
      expect(rubricFindingSentence(zh, f)).toBe(f.message);
    },
  );

  it.each(FINDINGS.map((f) => [`${f.code} ${f.path}`, f] as const))(
    'en-US has no Chinese outside names: %s',
    (_, f) => {
      expect(hanOutside(rubricFindingSentence(en, f), ...dataOf(f))).toBe('');
    },
  );

  it('a code not worded here keeps core text', () => {
    const f = FINDINGS[0] as RubricFindingBody;
    expect(rubricFindingSentence(en, { ...f, code: 'NEW_CHECK' })).toBe(f.message);
  });

  it('the editor lists them in English in en-US', () => {
    renderWithApp(<RubricFindings findings={FINDINGS} refusal={null} rubricId={broken.id} />, {
      lang: 'en-US',
    });
    expect(screen.getByText('The ID A1 is used more than once', { exact: false })).toBeTruthy();
  });
});
