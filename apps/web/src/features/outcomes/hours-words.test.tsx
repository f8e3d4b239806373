import { cleanup, screen } from '@testing-library/react';
import type { HoursEntry, HoursRequirement, HoursStanding } from '@yanxun/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { type Lang, type MessageKey, type Params, translate } from '../../shared/i18n';
import { hanOutside, renderWithApp } from '../../shared/test-utils';
import { HoursStandingView } from './hours-standing';
import { cycleSentence, notCountedSentence, requirementSentence } from './hours-words';

afterEach(() => cleanup());

const tOf = (lang: Lang) => (key: MessageKey, params?: Params) => translate(lang, key, params);

const entry = (
  notCounted: HoursEntry['notCounted'],
  category: HoursEntry['category'] = 'workshop',
): HoursEntry => ({
  id: '1',
  programmeId: null,
  programmeTitle: null,
  classId: null,
  hoursTenths: 61,
  category,
  schoolYear: '2026-2027',
  occurredOn: '2026-10-10',
  source: 'activity',
  ruleId: 'R3-W16',
  postedAt: '2026-10-10T00:00:00Z',
  reversedAt: null,
  reverseReason: null,
  countedTenths: 60,
  notCounted,
});

/** What core writes (lines.ts) beside the codes: the zh-CN sentences must stay these. */
const DAY = {
  code: 'DAY_CAP',
  ruleId: 'R3-W16',
  values: { dayCapTenths: 60, days: 1, limitTenths: 60, amountTenths: 61, notCountedTenths: 1 },
};
const DAY_ZH = '工作坊每天最多计 6 学时：1 天最多计 6 学时，本条 6.1 学时中 0.1 学时不计入。';
const YEAR = {
  code: 'YEAR_CAP',
  ruleId: 'R3-W16',
  values: { yearCapTenths: 400, schoolYear: '2026-2027', countedBeforeTenths: 360, notCountedTenths: 20 },
};
const YEAR_ZH = '工作坊每学年最多计 40 学时：2026—2027 学年此前已计 36 学时，本条 6 学时中 2 学时不计入。';

const cycle: HoursStanding['cycle'] = {
  schoolYears: ['2026-2027', '2027-2028', '2028-2029', '2029-2030', '2030-2031'],
  firstDay: '2026-09-01',
  lastDay: '2031-08-31',
  targetTenths: 3600,
  targetRuleId: 'Y-HOURS-CYCLE',
  countedTenths: 1200,
  behindTenths: 2400,
  expectedTenths: 720,
  onTrack: true,
  onTrackRuleId: 'Y-HOURS-ON-TRACK',
  shortOfExpectedTenths: 0,
  elapsedYears: 1,
  message:
    '本周期（2026—2027 至 2030—2031 学年）应完成 360 学时，已计 120 学时，还差 240 学时；已过 1 个学年，按进度此时应有 72 学时，进度达标。',
};

const requirement = (r: Partial<HoursRequirement>): HoursRequirement => ({
  code: 'CATEGORY_YEAR_MIN',
  ruleId: 'R3-S02',
  schoolYear: '2026-2027',
  category: 'school_based',
  requiredTenths: 240,
  countedTenths: 239,
  met: false,
  status: 'in_progress',
  behindTenths: 1,
  message: '2026—2027 学年校本研修应完成 24 学时，已计 23.9 学时，还差 0.1 学时（学年未结束）。',
  ...r,
});

const researcher = requirement({
  code: 'YEAR_MIN',
  ruleId: 'R-002-19',
  category: null,
  requiredTenths: 900,
  countedTenths: 899,
  status: 'not_met',
  groupName: '教研员',
  message: '2026—2027 学年教研员培训学时应不少于 90 学时，已计 89.9 学时，还差 0.1 学时。',
});

describe('学时 not counted, in words (R3-W16 day and year caps)', () => {
  it('zh-CN reads what core writes; en-US reads English, for each cap and both together', () => {
    const one = entry({ tenths: 1, message: DAY_ZH, ruleId: 'R3-W16', values: DAY.values, reasons: [DAY] });
    expect(notCountedSentence(tOf('zh-CN'), 'zh-CN', one)).toBe(DAY_ZH);
    const year = entry({
      tenths: 20,
      message: YEAR_ZH,
      ruleId: 'R3-W16',
      values: YEAR.values,
      reasons: [YEAR],
    });
    expect(notCountedSentence(tOf('zh-CN'), 'zh-CN', { ...year, hoursTenths: 60 })).toBe(YEAR_ZH);
    for (const e of [one, year]) {
      const en = notCountedSentence(tOf('en-US'), 'en-US', e);
      expect(hanOutside(en), en).toBe('');
      expect(en).not.toMatch(/R3-W16/);
    }
    expect(notCountedSentence(tOf('en-US'), 'en-US', one)).toContain('at most 6 h count per day');
  });

  it("an unknown reason code keeps the server's sentence", () => {
    const odd = entry({
      tenths: 1,
      message: '新的原因',
      ruleId: 'X',
      values: {},
      reasons: [{ ...DAY, code: 'NEW' }],
    });
    expect(notCountedSentence(tOf('en-US'), 'en-US', odd)).toBe('新的原因');
  });
});

describe('the hours standing in words (Y-HOURS-CYCLE, R3-S02, R-002-19)', () => {
  it('zh-CN: the cycle and the requirements read exactly what core writes', () => {
    expect(cycleSentence(tOf('zh-CN'), 'zh-CN', cycle)).toBe(cycle.message);
    expect(cycleSentence(tOf('zh-CN'), 'zh-CN', { ...cycle, elapsedYears: 0, expectedTenths: 0 })).toBe(
      '本周期（2026—2027 至 2030—2031 学年）应完成 360 学时，已计 120 学时，还差 240 学时；周期内尚无结束的学年。',
    );
    expect(requirementSentence(tOf('zh-CN'), 'zh-CN', requirement({}))).toBe(requirement({}).message);
    expect(requirementSentence(tOf('zh-CN'), 'zh-CN', researcher)).toBe(researcher.message);
    const met = requirement({ countedTenths: 240, met: true, status: 'met', behindTenths: 0 });
    expect(requirementSentence(tOf('zh-CN'), 'zh-CN', met)).toBe(
      '2026—2027 学年校本研修应完成 24 学时，已计 24 学时，已达到。',
    );
  });

  it('en-US: the standing shows no Chinese outside the group name, no rule in the words', async () => {
    const standing: HoursStanding = {
      asOf: '2027-03-15',
      cycle,
      requirements: [requirement({}), researcher],
      years: [
        {
          schoolYear: '2026-2027',
          countedTenths: 1200,
          notCountedTenths: 20,
          categories: [{ category: 'workshop', countedTenths: 400, notCountedTenths: 20 }],
        },
      ],
    };
    renderWithApp(<HoursStandingView standing={standing} />, { lang: 'en-US' });
    const text = (await screen.findByTestId('hours-standing')).textContent;
    expect(hanOutside(text, '教研员')).toBe('');
    expect(text).toContain('on track');
    expect(text).not.toMatch(/R3-S02|R-002-19|Y-HOURS/);
  });
});
