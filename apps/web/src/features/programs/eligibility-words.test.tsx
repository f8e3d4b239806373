import { cleanup, screen, waitFor } from '@testing-library/react';
import type { CodeTables, EligibilityCheckBody, EligibilityResultBody } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { hanOutside, renderWithApp } from '../../shared/test-utils';
import { EligibilityResultView } from './eligibility-result';

const tables: CodeTables = {
  locationTypes: [
    { code: 'urban', name: '城区', nameEn: 'Urban' },
    { code: 'town', name: '镇区', nameEn: 'Town' },
    { code: 'rural', name: '乡村', nameEn: 'Rural' },
  ],
  backbone: [{ code: 'county', name: '县级骨干教师', nameEn: 'County-level key teacher' }],
  titles: [
    { code: 'prof', name: '正高级教师', nameEn: 'Professor-level teacher' },
    { code: 'senior', name: '高级教师', nameEn: 'Senior teacher' },
    { code: 'first', name: '一级教师', nameEn: 'First-grade teacher' },
  ],
};

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return { ...actual, api: { ...actual.api, codes: vi.fn() } };
});
vi.mocked(api.codes).mockResolvedValue(tables);

afterEach(cleanup);

const ref = '2027-07-30';
/** Checks as core's evaluateEligibility words them (eligibility-track.ts, eligibility-bars.ts). */
const checks: EligibilityCheckBody[] = [
  {
    code: 'age',
    ruleId: 'R-004-56',
    label: '年龄',
    passed: false,
    soft: true,
    values: { age: 46, min: null, max: 45, referenceDate: ref },
    message: '2027-07-30 时年龄 46 周岁，超过原则上不超过 45 周岁的要求，需填写理由例外审批',
  },
  {
    code: 'training_years',
    ruleId: 'R-004-55',
    label: '从事教师培训工作年限',
    passed: false,
    soft: false,
    values: { years: 3, min: 5, startYear: 2024 },
    message: '2024 年起从事教师培训工作，至 2027-07-30 计 3 年，不足 5 年以上的要求',
  },
  {
    code: 'teaching_years',
    ruleId: 'R-004-72',
    label: '教龄',
    passed: true,
    soft: false,
    values: { years: 10, min: 5, teachingStartDate: '2016-09-01' },
    message: '2016-09-01 起任教，至 2027-07-30 教龄满 10 年，符合 5 年以上的要求',
  },
  {
    code: 'location_type',
    ruleId: 'R-004-72',
    label: '学校城乡类型',
    passed: false,
    soft: false,
    values: { locationType: 'urban', allowed: 'town,rural' },
    message: '所在学校为城区学校，不符合（须为镇区、乡村学校）',
  },
  {
    code: 'backbone',
    ruleId: 'R-004-72',
    label: '骨干教师',
    passed: true,
    soft: false,
    values: { backbone: 'county', allowed: 'county' },
    message: '县级骨干教师，符合（须为县级骨干教师之一）',
  },
  {
    code: 'title',
    ruleId: 'R-004-73',
    label: '职称',
    passed: false,
    soft: false,
    values: { title: 'first', allowed: 'senior,prof' },
    message: '职称一级教师，不符合（须为高级教师、正高级教师之一）',
  },
  {
    code: 'integrity',
    ruleId: 'R-004-20',
    label: '培训诚信档案',
    passed: false,
    soft: false,
    values: {
      applies: true,
      years: 3,
      recordDate: '2025-09-01',
      kind: 'no_show',
      programmeStart: '2027-08-10',
      barEndsOn: '2028-08-31',
      allowedFrom: '2028-09-01',
    },
    message:
      '2025-09-01 有"无特殊情况未参训"记录，3 年内（至 2028-08-31）不得参加省级组织的集中培训项目，2028-09-01 起方可参加（本项目 2027-08-10 开班）',
  },
  {
    code: 'overlap',
    ruleId: 'R-004-21',
    label: '同期参训',
    passed: false,
    soft: false,
    values: {
      programmeStart: '2027-08-10',
      programmeEnd: '2027-08-20',
      otherProgrammeId: '5',
      otherProgrammeName: '2027 年国培示范项目',
      otherStart: '2027-08-15',
      otherEnd: '2027-08-25',
    },
    message:
      '已参加"2027 年国培示范项目"（2027-08-15 至 2027-08-25），与本项目（2027-08-10 至 2027-08-20）时间重叠',
  },
];

const overridden: EligibilityCheckBody = {
  ...(checks[0] as EligibilityCheckBody),
  passed: true,
  values: { age: 46, min: null, max: 45, referenceDate: ref, override: true, overrideReason: '学科带头人' },
  override: { reason: '学科带头人', by: '王老师' },
  message:
    '2027-07-30 时年龄 46 周岁，超过原则上不超过 45 周岁的要求，需填写理由例外审批；已例外通过，理由：学科带头人',
};

function result(list: EligibilityCheckBody[]): EligibilityResultBody {
  const failed = list.filter((c) => !c.passed);
  return {
    projectTypeCode: 'provincial_backbone',
    trackCode: 'main',
    referenceDate: ref,
    eligible: failed.length === 0,
    needsOverride: failed.length > 0 && failed.every((c) => c.soft),
    checks: list,
    priorities: [],
  };
}

describe('eligibility checks in words from their code and values', () => {
  it('zh-CN: every sentence as core wrote it', async () => {
    renderWithApp(<EligibilityResultView result={result(checks)} teacherName="李华" />);
    await waitFor(() =>
      expect(screen.getAllByTestId('elig-sentence').map((e) => e.textContent)).toEqual(
        checks.map((c) => c.message),
      ),
    );
    cleanup();
    renderWithApp(<EligibilityResultView result={result([overridden])} teacherName="李华" />);
    expect(screen.getByTestId('elig-sentence').textContent).toBe(overridden.message);
  });

  it('en-US: no Chinese outside the names that are data; labels and the verdict’s list in English too', async () => {
    renderWithApp(<EligibilityResultView result={result(checks)} teacherName="Li" />, { lang: 'en-US' });
    await waitFor(() => expect(screen.getAllByTestId('elig-sentence')[3]?.textContent).toContain('Urban'));
    const en = screen.getAllByTestId('elig-sentence').map((e) => e.textContent ?? '');
    expect(en).toEqual([
      'Aged 46 on 2027-07-30, above the maximum of 45 that applies in principle; an exception needs a written reason',
      'In teacher-training work since 2024: 3 years by 2027-07-30, fewer than the 5 required',
      'Teaching since 2016-09-01: 10 full years by 2027-07-30, at least 5 required',
      'The school is Urban: does not meet the requirement (must be Town, Rural)',
      'County-level key teacher: meets the requirement (must be one of County-level key teacher)',
      'Title First-grade teacher: does not meet the requirement (must be one of Senior teacher, Professor-level teacher)',
      'A "no-show" record on 2025-09-01: barred from centralised provincial programmes for 3 years (until 2028-08-31), may attend again from 2028-09-01 (this programme starts 2027-08-10)',
      'Already in "2027 年国培示范项目" (2027-08-15 to 2027-08-25), which overlaps this programme (2027-08-10 to 2027-08-20)',
    ]);
    for (const s of en) expect(hanOutside(s, '2027 年国培示范项目')).toBe('');
    // the verdict's list of failed conditions: names and sentences in English, the rule ID only in the ⓘ
    for (const f of screen.getAllByTestId('elig-failed')) {
      expect(hanOutside(f.textContent, '2027 年国培示范项目')).toBe('');
      expect(f.textContent).not.toMatch(/R-004/);
    }
  });

  it('en-US: an exception granted reads in English but for the reason the officer wrote', () => {
    renderWithApp(<EligibilityResultView result={result([overridden])} />, { lang: 'en-US' });
    const s = screen.getByTestId('elig-sentence').textContent;
    expect(s).toBe(
      'Aged 46 on 2027-07-30, above the maximum of 45 that applies in principle; an exception needs a written reason; passed by exception, reason: 学科带头人',
    );
    expect(hanOutside(s, '学科带头人')).toBe('');
  });

  it('a check without a code (stored before codes were sent) keeps the server’s text', async () => {
    const { code: _omit, ...old } = checks[1] as EligibilityCheckBody;
    renderWithApp(<EligibilityResultView result={result([old])} />, { lang: 'en-US' });
    await waitFor(() => expect(vi.mocked(api.codes)).toHaveBeenCalled());
    expect(screen.getByTestId('elig-sentence').textContent).toBe(old.message);
  });
});
