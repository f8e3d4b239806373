import type { ComplianceTeacher } from '@yanxun/contracts';
import { describe, expect, it } from 'vitest';
import { type Lang, type MessageKey, type Params, translate } from '../../shared/i18n';
import { hanOutside } from '../../shared/test-utils';
import { complianceSentence } from './compliance-words';

const tOf = (lang: Lang) => (key: MessageKey, params?: Params) => translate(lang, key, params);

const teacher = (over: Partial<ComplianceTeacher>): ComplianceTeacher => ({
  teacherId: '501',
  name: '王芳',
  schoolId: '71',
  schoolName: '清城区第一中学',
  groupName: '',
  cycleCountedTenths: 365,
  expectedTenths: 720,
  shortOfExpectedTenths: 355,
  targetTenths: 3600,
  onTrack: false,
  yearCountedTenths: 0,
  yearPaceTenths: 0,
  yearOnPace: true,
  categories: [{ category: 'school_based', countedTenths: 20, paceTenths: 64 }],
  schoolYear: '2027-2028',
  message: '',
  ...over,
});

/** Rows and the sentence core's complianceMessage writes for them (Y-HOURS-ON-TRACK, R3-S02, R-002-19). */
const CASES: [ComplianceTeacher, string][] = [
  [
    teacher({}),
    '本周期已计 36.5 学时，按进度应有 72 学时，落后 35.5 学时；2027—2028 学年校本研修已计 2 学时，按进度应有 6.4 学时。',
  ],
  [
    teacher({
      onTrack: true,
      cycleCountedTenths: 800,
      yearCountedTenths: 100,
      yearPaceTenths: 240,
      categories: [{ category: 'school_based', countedTenths: 80, paceTenths: 64 }],
    }),
    '本周期已计 80 学时，进度达标；2027—2028 学年已计 10 学时，按进度应有 24 学时。',
  ],
  [teacher({ onTrack: true, cycleCountedTenths: 800, categories: [] }), '本周期已计 80 学时，进度达标。'],
];

describe('学时达标: a teacher’s standing in words (Y-HOURS-ON-TRACK, R3-S02, R-002-19)', () => {
  it('zh-CN reads what core writes', () => {
    for (const [r, zh] of CASES) expect(complianceSentence(tOf('zh-CN'), 'zh-CN', r)).toBe(zh);
  });

  it('en-US reads English, no Han, no rule ID', () => {
    for (const [r] of CASES) {
      const en = complianceSentence(tOf('en-US'), 'en-US', r);
      expect(hanOutside(en), en).toBe('');
      expect(en).not.toMatch(/Y-HOURS|R3-S02|R-002-19/);
    }
    expect(complianceSentence(tOf('en-US'), 'en-US', CASES[0]?.[0] ?? teacher({}))).toContain(
      '35.5 h behind',
    );
  });

  it("a row without its school year (an older server) keeps the server's text", () => {
    const old = teacher({ schoolYear: undefined, message: '本周期已计 36.5 学时。' });
    expect(complianceSentence(tOf('en-US'), 'en-US', old)).toBe('本周期已计 36.5 学时。');
  });
});
