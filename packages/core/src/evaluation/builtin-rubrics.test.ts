import { describe, expect, it } from 'vitest';
import { RUBRIC_A, RUBRIC_B, RUBRIC_C } from './builtin-rubrics';
import { checkRubric } from './check';
import { EVALUATION_FORM_LABELS, type Rubric } from './types';
import { rubricUnits, walkRubric } from './units';

function table(rubric: Rubric) {
  return rubricUnits(rubric).units.map((u) => [
    u.id,
    u.max,
    u.form ? EVALUATION_FORM_LABELS[u.form] : undefined,
  ]);
}

describe('Rubric A (S003 附件 4, Y-EVAL-HOLISTIC)', () => {
  it('Y-EVAL-NORMALISE: 5 一级 indicators of 8/20/40/12/20 = 100 points, 16 二级 indicators, no warnings and no errors', () => {
    expect(RUBRIC_A.nodes.map((n) => [n.title, n.points])).toEqual([
      ['组织领导', 8],
      ['项目县“国培计划”项目组织实施', 20],
      ['项目县教师发展支持服务体系建设', 40],
      ['保障措施', 12],
      ['实施效果', 20],
    ]);
    expect(checkRubric(RUBRIC_A)).toEqual([]);
  });

  it('declares its live items (R3-B03, R3-P01/P02, R3-B01, R3-B07; Rubric B’s R3-B09): whole on A3.3, one description of A2.2, A3.4 and A5.2 (Y-EVAL-LIVE-PART)', () => {
    expect(rubricUnits(RUBRIC_A).units.flatMap((u) => (u.metrics ?? []).map((m) => [u.id, m]))).toEqual([
      ['A2.2', { key: 'selection_quality_deduction', nodeId: 'A2.2a', whole: false }],
      ['A3.3', { key: 'trainer_team', nodeId: 'A3.3', whole: true }],
      ['A3.4', { key: 'studio_ratio', nodeId: 'A3.4b', whole: false }],
      ['A5.2', { key: 'studio_reach', nodeId: 'A5.2c', whole: false }],
    ]);
    // R3-B09: B12 has points of its own, so its live item suggests the whole unit
    expect(rubricUnits(RUBRIC_B).units.flatMap((u) => (u.metrics ?? []).map((m) => [u.id, m]))).toEqual([
      ['B12', { key: 'school_training_budget', nodeId: 'B12', whole: true }],
    ]);
  });

  it('Y-EVAL-HOLISTIC: each 二级 indicator is one scored unit with its points; its numbered descriptions have none', () => {
    expect(table(RUBRIC_A).map(([id, max]) => [id, max])).toEqual([
      ['A1.1', 3],
      ['A1.2', 5],
      ['A2.1', 4],
      ['A2.2', 12],
      ['A2.3', 4],
      ['A3.1', 10],
      ['A3.2', 8],
      ['A3.3', 5],
      ['A3.4', 12],
      ['A3.5', 5],
      ['A4.1', 4],
      ['A4.2', 5],
      ['A4.3', 3],
      ['A5.1', 8],
      ['A5.2', 6],
      ['A5.3', 6],
    ]);
    const units = rubricUnits(RUBRIC_A).units;
    expect(units.reduce((s, u) => s + u.max, 0)).toBe(100);
    expect(units.find((u) => u.id === 'A2.2')).toMatchObject({
      kind: 'indicator',
      nodeIds: ['A2.2', 'A2.2a', 'A2.2b', 'A2.2c'],
      departments: ['教师教育科', '教师进修学校'],
    });
    const items = walkRubric(RUBRIC_A).filter((w) => w.node.text !== undefined);
    expect(items).toHaveLength(25);
    expect(items.filter((w) => w.depth === 3).every((w) => w.node.points === undefined)).toBe(true);
  });

  it('R3-B03: A2.2a carries the −1 per person-time deduction, floored at 0, and it applies to A2.2', () => {
    const unit = rubricUnits(RUBRIC_A).units.find((u) => u.id === 'A2.2');
    expect(unit?.deduction).toMatchObject({ per: 'person_time', points: 1, floor: 0, ruleId: 'R3-B03' });
    expect(unit?.deduction?.reasons.map((r) => r.label)).toEqual([
      '少报',
      '缺培',
      '未结业',
      '学员不符合遴选条件',
    ]);
  });

  it('Y-EVAL-HOLISTIC: texts, departments and sources as transcribed (spot checks, incl. the restored A3.3)', () => {
    const byId = new Map(walkRubric(RUBRIC_A).map((w) => [w.node.id, w.node]));
    expect(byId.get('A3.3')?.text).toBe(
      '建成一支不少于50人的县级教师培训师队伍，建立支持县级教师培训师队伍专业发展、作用发挥的常态化、长效机制。县级教师培训师队伍参与“国培计划”“县级计划”和校本研修等项目中发挥作用的比例不低于90%。',
    );
    expect(byId.get('A1.2b')?.departments).toEqual(['综合科', '办公室', '人事科', '各相关职能科室']);
    expect(byId.get('A4.2')?.departments).toEqual(['财审科', '教师教育科']);
    expect(byId.get('A5.2c')?.departments).toEqual(['教师进修学校', '教育科']);
    expect(byId.get('A3.5')?.evidence).toEqual(['制度', '方案', '案例', '效果']);
    expect(byId.get('A2.2a')?.source).toBe('S003:L375-378');
  });
});

describe('Rubric B (S003 附件 5, Y-EVAL-MERGED, Y-EVAL-B-TOTAL)', () => {
  it('Y-EVAL-MERGED: items with their points and forms; 5+6 and 7+8 are one merged cell each; items total 100', () => {
    expect(table(RUBRIC_B)).toEqual([
      ['B1', 5, '查阅资料'],
      ['B2', 5, '查阅资料'],
      ['B3', 5, '查阅资料'],
      ['B4', 5, '查阅资料'],
      ['B5+6', 10, '查阅资料'],
      ['B7+8', 20, '查看档案'],
      ['B9', 5, '查看档案'],
      ['B10', 10, '查阅资料'],
      ['B11', 15, '查阅资料'],
      ['B12', 5, '查看档案'],
      ['B13', 5, '查看档案'],
      ['B14', 5, '查看资料'],
      ['B15', 5, '实地查看'],
    ]);
    expect(rubricUnits(RUBRIC_B).units.find((u) => u.id === 'B7+8')?.nodeIds).toEqual(['B7', 'B8']);
    expect(walkRubric(RUBRIC_B).filter((w) => w.depth === 2)).toHaveLength(15);
  });

  it('Y-EVAL-B-TOTAL: warns exactly: 成果呈现 25 against 20, and items 100 against the declared 95', () => {
    expect(checkRubric(RUBRIC_B)).toEqual([
      {
        severity: 'warning',
        code: 'SECTION_SUM_MISMATCH',
        message: '「成果呈现」标注 20 分，所列各项合计 25 分',
        path: 'B-S3',
        values: { declared: 20, sum: 25, difference: 5, label: '成果呈现' },
      },
      {
        severity: 'warning',
        code: 'TOTAL_MISMATCH',
        message: '各项分值合计 100 分，标注总分 95 分，需选择按哪个满分计分',
        path: RUBRIC_B.id,
        values: { itemTotal: 100, declared: 95 },
      },
    ]);
  });
});

describe('Rubric C (S003 附件 6, Y-EVAL-C-TOTAL, Y-EVAL-VETO-C5)', () => {
  it('Y-EVAL-VETO-C5: 11 items with their points and forms; items total 90', () => {
    expect(table(RUBRIC_C)).toEqual([
      ['C1', 5, '查阅资料'],
      ['C2', 5, '查阅资料'],
      ['C3', 10, '查阅资料'],
      ['C4', 15, '查阅资料'],
      ['C5', 5, '查看档案'],
      ['C6', 5, '查看档案'],
      ['C7', 10, '查阅资料'],
      ['C8', 10, '查阅资料'],
      ['C9', 15, '查看档案'],
      ['C10', 5, '查看档案'],
      ['C11', 5, '查看资料'],
    ]);
    expect(rubricUnits(RUBRIC_C).vetoes.map((v) => [v.id, v.effect, v.enabled])).toEqual([
      ['C5-ethics', 'fail', true],
    ]);
  });

  it('Y-EVAL-C-TOTAL: warns exactly: 日常研修 35 against 40, 保障落实 25 against 30, items 90 against 100', () => {
    expect(checkRubric(RUBRIC_C).map((f) => [f.severity, f.code, f.path, f.values])).toEqual([
      [
        'warning',
        'SECTION_SUM_MISMATCH',
        'C-S2',
        { declared: 40, sum: 35, difference: -5, label: '日常研修' },
      ],
      [
        'warning',
        'SECTION_SUM_MISMATCH',
        'C-S4',
        { declared: 30, sum: 25, difference: -5, label: '保障落实' },
      ],
      ['warning', 'TOTAL_MISMATCH', RUBRIC_C.id, { itemTotal: 90, declared: 100 }],
    ]);
    expect(checkRubric(RUBRIC_C)[2]?.message).toBe(
      '各项分值合计 90 分，标注总分 100 分，需选择按哪个满分计分',
    );
  });
});
