import { describe, expect, it } from 'vitest';
import { EXAM_REPORT_POLICY, type ExamReportPolicy, gradeDistribution } from './audience';
import {
  ACCESS_CODE_ALPHABET,
  accessCodeFromBytes,
  formatAccessCode,
  normaliseAccessCode,
  type ParentExamInput,
  parentResults,
  publicSummary,
} from './release';

const cuts = EXAM_REPORT_POLICY.gradeCuts;
const base = {
  exam: { kind: 'routine' as const, stage: 'junior' },
  absent: 2,
  gradeCuts: cuts,
  minGroupN: 10,
  rates: { scoreRate: 0.7, passRate: 0.8, excellentRate: 0.2 },
};

describe('public summary (SZ-12, R-002-58, Y-EXAM-PUBLIC)', () => {
  it('SZ-12/R-002-58: participation and the grade distribution only; no rates in grade mode', () => {
    const totals = [95, 88, 75, 72, 65, 61, 50, 40, 30, 90];
    const s = publicSummary({ ...base, n: 10, schools: 3, grades: gradeDistribution(totals, 100, cuts) });
    expect(s.withheld).toBeNull();
    expect(s.mode).toBe('grades');
    expect(s.grades?.map((g) => g.count)).toEqual([3, 2, 2, 3]);
    expect(s.participation).toEqual({ students: 10, absent: 2, rate: 10 / 12, schools: 3 });
    expect(s.rates).toBeNull();
    expect(s.ruleIds).toEqual(['SZ-12', 'R-002-58', 'Y-EXAM-PUBLIC']);
    // nothing in it is a rank or a school
    expect(JSON.stringify(s)).not.toMatch(/rank|school"/i);
  });

  it('withholds the distribution below minGroupN (9 withheld, 10 shown)', () => {
    const grades = gradeDistribution(new Array(9).fill(80), 100, cuts);
    expect(publicSummary({ ...base, n: 9, schools: 3, grades }).withheld).toMatchObject({
      reason: 'small_group',
      limit: 10,
    });
    expect(publicSummary({ ...base, n: 9, schools: 3, grades }).grades).toBeNull();
    const ten = gradeDistribution(new Array(10).fill(80), 100, cuts);
    expect(publicSummary({ ...base, n: 10, schools: 3, grades: ten }).grades).not.toBeNull();
  });

  it('Y-EXAM-PUBLIC: one school is no region (1 school withheld, 2 shown)', () => {
    const grades = gradeDistribution(new Array(20).fill(80), 100, cuts);
    expect(publicSummary({ ...base, n: 20, schools: 1, grades }).withheld?.reason).toBe('few_schools');
    expect(publicSummary({ ...base, n: 20, schools: 2, grades }).withheld).toBeNull();
  });

  it('SZ-12 is said for a compulsory-stage routine exam only: a senior exam in grade bands gets the R-002-58 words', () => {
    const grades = gradeDistribution(new Array(20).fill(80), 100, cuts);
    const junior = publicSummary({ ...base, n: 20, schools: 2, grades });
    expect(junior.notes[0]).toBe('义务教育阶段考试成绩以等级呈现，不公布分数与排名');
    // plain words for the public: the rule IDs are in ruleIds, never in a note
    expect(junior.notes.join()).not.toMatch(/SZ-12|R-002-58/);
    const senior = publicSummary({
      ...base,
      exam: { ...base.exam, stage: 'senior' },
      n: 20,
      schools: 2,
      grades,
    });
    expect(senior.mode).toBe('grades');
    expect(senior.notes[0]).not.toContain('义务教育阶段');
    expect(senior.notes[0]).toBe('成绩以等级呈现，不公布分数与排名');
  });

  it('a policy that gives the public scores for senior exams shows region rates, still no ranks', () => {
    const grades = gradeDistribution(new Array(20).fill(80), 100, cuts);
    const policy: ExamReportPolicy = {
      ...EXAM_REPORT_POLICY,
      audiences: {
        ...EXAM_REPORT_POLICY.audiences,
        public: { ...EXAM_REPORT_POLICY.audiences.public, otherwise: 'scores' },
      },
    };
    const senior = publicSummary(
      { ...base, exam: { kind: 'routine', stage: 'senior' }, n: 20, schools: 3, grades },
      policy,
    );
    expect(senior.mode).toBe('scores');
    expect(senior.rates).toEqual(base.rates);
    const junior = publicSummary({ ...base, n: 20, schools: 3, grades }, policy);
    expect(junior.rates).toBeNull();
  });
});

describe('parent view (SZ-12, R-002-58)', () => {
  const exam = (over: Partial<ParentExamInput>): ParentExamInput => ({
    examId: '1',
    name: '七年级数学期末',
    semester: '2026-2027-1',
    stage: 'junior',
    subject: 'math',
    gradeLevel: '七年级',
    kind: 'routine',
    examDate: null,
    fullMarks: 120,
    absent: false,
    total: 102,
    gradeCuts: cuts,
    ...over,
  });

  it('SZ-12: a compulsory-stage routine exam gives the grade band only (102/120 = 85 % → A; 101.9 → B)', () => {
    const r = parentResults([exam({}), exam({ examId: '2', total: 101.9 })]);
    expect(r.entries.map((e) => e.grade)).toEqual(['A', 'B']);
    expect(r.entries[0]).toMatchObject({ mode: 'grades', score: null, fullMarks: null, absent: false });
    expect(r.ruleIds).toContain('SZ-12');
    expect(JSON.stringify(r)).not.toMatch(/rank/i);
  });

  it('absent is 缺考, not a D', () => {
    const r = parentResults([exam({ absent: true, total: null })]);
    expect(r.entries[0]).toMatchObject({ absent: true, grade: null, score: null });
  });

  it('configurable per the audience rules: a policy giving parents scores for senior exams shows the total', () => {
    const policy: ExamReportPolicy = {
      ...EXAM_REPORT_POLICY,
      audiences: {
        ...EXAM_REPORT_POLICY.audiences,
        parent: { ...EXAM_REPORT_POLICY.audiences.parent, otherwise: 'scores' },
      },
    };
    const r = parentResults([exam({ stage: 'senior' }), exam({ examId: '2' })], policy);
    expect(r.entries[0]).toMatchObject({ mode: 'scores', score: 102, fullMarks: 120, grade: 'A' });
    expect(r.entries[1]).toMatchObject({ mode: 'grades', score: null });
  });
});

describe('access codes (Y-EXAM-PARENT-CODE)', () => {
  it('codes use the 31-character alphabet, uniformly (bytes ≥ 248 skipped)', () => {
    expect(ACCESS_CODE_ALPHABET).toHaveLength(31);
    expect(ACCESS_CODE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(accessCodeFromBytes(Uint8Array.from([0, 30, 31, 247, 248, 255, 1, 2, 3, 4]), 8)).toBe('A9A9BCDE');
    expect(accessCodeFromBytes(Uint8Array.from([0, 1, 2]), 8)).toBeNull();
  });

  it('what a parent types is normalised; wrong lengths and letters are not codes', () => {
    expect(normaliseAccessCode('abcd-2345', 8)).toBe('ABCD2345');
    expect(normaliseAccessCode(' ABCD 2345 ', 8)).toBe('ABCD2345');
    expect(normaliseAccessCode('ABCD234', 8)).toBeNull();
    expect(normaliseAccessCode('ABCD2340', 8)).toBeNull();
    expect(formatAccessCode('ABCD2345')).toBe('ABCD-2345');
  });
});
