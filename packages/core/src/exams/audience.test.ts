import { describe, expect, it } from 'vitest';
import {
  EXAM_REPORT_POLICY,
  gradeBandLabels,
  gradeDistribution,
  gradeIndex,
  regionScopeOf,
  reportModeFor,
  suppressed,
  validateGradeCuts,
} from './audience';

describe('exam report policy (SZ-12, R-002-58)', () => {
  it('SZ-12: compulsory-stage routine exams go to schools as grade bands, others as scores', () => {
    expect(reportModeFor('school', { kind: 'routine', stage: 'primary' })).toBe('grades');
    expect(reportModeFor('school', { kind: 'routine', stage: 'junior' })).toBe('grades');
    expect(reportModeFor('school', { kind: 'routine', stage: 'senior' })).toBe('scores');
    expect(reportModeFor('school', { kind: 'monitoring', stage: 'junior' })).toBe('scores');
    expect(reportModeFor('public', { kind: 'monitoring', stage: 'senior' })).toBe('grades');
    expect(reportModeFor('monitoring', { kind: 'routine', stage: 'primary' })).toBe('full');
  });

  it('R-002-58: ranks are hidden from school, parent and public audiences', () => {
    expect(EXAM_REPORT_POLICY.audiences.school.ranks).toBe(false);
    expect(EXAM_REPORT_POLICY.audiences.parent.ranks).toBe(false);
    expect(EXAM_REPORT_POLICY.audiences.public.ranks).toBe(false);
    expect(EXAM_REPORT_POLICY.audiences.monitoring.ranks).toBe(true);
  });

  it('SZ-12 one wording of the grade bands: "≥" down to the last grade, which reads "< the bound above", never "≥ 0%"', () => {
    const labels = gradeBandLabels(EXAM_REPORT_POLICY.gradeCuts);
    expect(labels.map((l) => l.label)).toEqual(['A ≥ 85%', 'B ≥ 70%', 'C ≥ 60%', 'D < 60%']);
    expect(labels.at(-1)).toEqual({ grade: 'D', range: '< 60%', label: 'D < 60%' });
    // a region's own cut-offs, with a decimal bound: 72.5 % and the last below it
    const own = gradeBandLabels([
      { grade: '优秀', from: 0.9 },
      { grade: '良好', from: 0.725 },
      { grade: '待提高', from: 0 },
    ]);
    expect(own.map((l) => l.label)).toEqual(['优秀 ≥ 90%', '良好 ≥ 72.5%', '待提高 < 72.5%']);
  });

  it("a report names its region's whole: 全省, 全市 (also a county-level 市), 全区, 全县", () => {
    expect(regionScopeOf('province', '广东省')).toBe('province');
    expect(regionScopeOf('city', '清远市')).toBe('city');
    expect(regionScopeOf('county', '英德市')).toBe('city');
    expect(regionScopeOf('county', '清城区')).toBe('district');
    expect(regionScopeOf('county', '佛冈县')).toBe('county');
  });

  it('grades by score rate, boundaries on both sides of each cut', () => {
    const cuts = EXAM_REPORT_POLICY.gradeCuts;
    expect(gradeIndex(85, 100, cuts)).toBe(0);
    expect(gradeIndex(84.99, 100, cuts)).toBe(1);
    expect(gradeIndex(70, 100, cuts)).toBe(1);
    expect(gradeIndex(69.5, 100, cuts)).toBe(2);
    expect(gradeIndex(60, 100, cuts)).toBe(2);
    expect(gradeIndex(59.9, 100, cuts)).toBe(3);
    expect(gradeIndex(0, 100, cuts)).toBe(3);
    const d = gradeDistribution([100, 85, 70, 60, 10], 100, cuts);
    expect(d.map((g) => g.count)).toEqual([2, 1, 1, 1]);
    expect(d[0]?.rate).toBe(0.4);
    expect(gradeDistribution([], 100, cuts)[0]?.rate).toBeNull();
  });

  it('grade cut-offs must descend and end at 0', () => {
    expect(validateGradeCuts(EXAM_REPORT_POLICY.gradeCuts)).toBeNull();
    expect(
      validateGradeCuts([
        { grade: 'A', from: 0.6 },
        { grade: 'B', from: 0.7 },
        { grade: 'C', from: 0 },
      ]),
    ).not.toBeNull();
    expect(
      validateGradeCuts([
        { grade: 'A', from: 0.6 },
        { grade: 'B', from: 0.1 },
      ]),
    ).not.toBeNull();
  });

  it('small groups are suppressed below n = 10 (9 suppressed, 10 shown)', () => {
    expect(suppressed(9, EXAM_REPORT_POLICY.minGroupN)).toBe(true);
    expect(suppressed(10, EXAM_REPORT_POLICY.minGroupN)).toBe(false);
  });
});
