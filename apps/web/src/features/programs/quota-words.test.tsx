import { cleanup, screen } from '@testing-library/react';
import { QUOTA_REASON_CODES } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/api';
import { type Lang, type MessageKey, type Params, translate } from '../../shared/i18n';
import { hanOutside, renderWithApp } from '../../shared/test-utils';
import { quotaProblemSentence, quotaReasonSentence } from './quota-words';
import { RuleErrorAlert } from './rule-error';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return { ...actual, api: { codes: vi.fn(async () => ({})), ruleSources: vi.fn(async () => []) } };
});

afterEach(() => cleanup());

const tOf = (lang: Lang) => (key: MessageKey, params?: Params) => translate(lang, key, params);
const NAMES = ['清城区', '张三', '英德市', '华南师大', '清远市教育局'];

/** Every value any quota sentence names (names are data and may stay Chinese). */
const ALL_VALUES = {
  org: '清城区',
  teacher: '张三',
  child: '英德市',
  provider: '华南师大',
  owner: '清远市教育局',
  orgId: '42',
  childId: '43',
  ids: '7、8',
  id: '7',
  labels: '年龄',
  what: 'edit_result',
  deadline: '2027-05-01',
  submittedOn: '2027-04-20',
  seats: 12,
  ratio: 1.5,
  cap: 18,
  candidates: 18,
  allocated: 13,
  available: 12,
  over: 1,
  used: 2,
  unused: 3,
  parentSeats: 12,
  requested: 4,
  reservedRural: 20,
  free: 5,
  selected: 6,
  places: 5,
  undecided: 2,
  count: 2,
};

const eligibility = {
  referenceDate: '2021-08-01',
  checks: [
    {
      code: 'age',
      ruleId: 'R-004-56',
      label: '年龄',
      passed: false,
      soft: true,
      values: {},
      message: '',
    },
    {
      code: 'title',
      ruleId: 'R-004-58',
      label: '职称',
      passed: true,
      soft: false,
      values: {},
      message: '',
    },
  ],
};

const details = (reasonCode: string, extra: Record<string, unknown> = {}) => ({
  reasonCode,
  eligibility,
  reasonValues: ALL_VALUES,
  problems: [
    {
      code: 'SHORTLIST.OVER_PLACES',
      values: ALL_VALUES,
      message: '清城区名额 5 个，确定入选 6 人，超出 1 人，入选不得超过名额',
    },
    { code: 'SHORTLIST.UNDECIDED', values: ALL_VALUES, message: '清城区还有 2 名候选人未确定是否入选' },
  ],
  ...extra,
});

describe('quota refusals in words (R-004-17 quota, R-004-59 shortlist, R-004-18 selection deadline)', () => {
  it('every code the server can send reads in English in en-US: no Han outside the names, no rule ID', () => {
    for (const code of QUOTA_REASON_CODES) {
      const s = quotaReasonSentence(tOf('en-US'), details(code));
      expect(s, code).toBeDefined();
      expect(hanOutside(s, ...NAMES), `${code}: ${s}`).toBe('');
      expect(s).not.toMatch(/R-004-\d+|\{\w+\}/);
    }
  });

  it('zh-CN reads exactly what the server says', () => {
    const zh = (code: string, values: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      quotaReasonSentence(tOf('zh-CN'), { reasonCode: code, reasonValues: values, ...extra });
    expect(zh('QUOTA.FULL', { org: '清城区' })).toBe('清城区的名额已满，可选择进入候补名单');
    expect(zh('QUOTA.OVER_ALLOCATED', { allocated: 13, available: 12, over: 1 })).toBe(
      '名额超出：下级名额合计 13 个，超过本级名额 12 个（多 1 个）',
    );
    expect(
      zh('QUOTA.OVER_ALLOCATED_USED', { allocated: 13, available: 10, over: 3, seats: 12, used: 2 }),
    ).toBe('名额超出：下级名额合计 13 个，超过本级名额 10 个（多 3 个）（本级名额 12 个，其中已推荐 2 个）');
    expect(zh('QUOTA.CANDIDATE_CAP', { org: '清城区', seats: 2, ratio: 1.5, cap: 3, candidates: 3 })).toBe(
      '清城区本项目名额 2 个，按 1:1.5 差额遴选最多推荐 3 名候选人，已推荐 3 名',
    );
    expect(zh('SHORTLIST.DEADLINE_PASSED', { deadline: '2027-05-01', what: 'submit_result' })).toBe(
      '遴选已于 2027-05-01 截止，不能再提交遴选结果；如需延期，请项目主办单位修改遴选截止日期',
    );
    expect(zh('SHORTLIST.SUBMITTED_ON', { what: 'submit', submittedOn: '2027-04-20' })).toBe(
      '遴选结果已于 2027-04-20 提交，等待项目主办单位确认，不能重复提交或再提交；如需修改，请主办单位退回',
    );
    expect(zh('SHORTLIST.NOT_CANDIDATES', { ids: '7、8', org: '清城区' })).toBe(
      '推荐记录 7、8 不是清城区的候选人',
    );
    expect(zh('SHORTLIST.PROBLEMS', { count: 2 }, { problems: details('x').problems })).toBe(
      '遴选结果有 2 处问题：清城区名额 5 个，确定入选 6 人，超出 1 人，入选不得超过名额；清城区还有 2 名候选人未确定是否入选',
    );
  });

  it('a refused nomination names the failed conditions by their codes (R-004-56 age)', () => {
    const d = { reasonCode: 'NOMINATION.NEEDS_OVERRIDE', reasonValues: { labels: '年龄' }, eligibility };
    expect(quotaReasonSentence(tOf('zh-CN'), d)).toBe(
      '该教师年龄不符合"原则上"的要求，须填写例外理由后方可推荐',
    );
    const en = quotaReasonSentence(tOf('en-US'), d);
    expect(en).toContain('Age');
    expect(hanOutside(en)).toBe('');
  });

  it("an unknown code, or a missing value, keeps the server's text", () => {
    expect(quotaReasonSentence(tOf('en-US'), { reasonCode: 'QUOTA.FROM_THE_FUTURE' })).toBeUndefined();
    expect(quotaReasonSentence(tOf('en-US'), { reasonCode: 'QUOTA.FULL', reasonValues: {} })).toBeUndefined();
    expect(quotaProblemSentence(tOf('en-US'), { code: 'X', values: {}, message: '原文' })).toBe('原文');
  });

  it('the refusal alert in en-US: over quota in English, the rule only in the ⓘ', async () => {
    const error = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '名额超出：下级名额合计 13 个，超过本级名额 12 个（多 1 个）',
      details: {
        ruleId: 'R-004-17',
        problems: [
          {
            code: 'QUOTA.OVER_ALLOCATED',
            ruleId: 'R-004-17',
            values: { parentSeats: 12, allocated: 13, over: 1 },
            message: '下级名额合计 13 个，超过本级名额 12 个（多 1 个）',
          },
          {
            code: 'QUOTA.BELOW_USED',
            ruleId: 'R-004-17',
            values: { child: '英德市', seats: 1, allocated: 0, used: 2 },
            message: '英德市已下达 0 个、已推荐 2 个名额，不能减到 1 个',
          },
        ],
        reasonCode: 'QUOTA.OVER_ALLOCATED',
        reasonValues: { allocated: 13, available: 12, over: 1 },
      },
    });
    renderWithApp(<RuleErrorAlert error={error} />, { lang: 'en-US' });
    const text = (await screen.findByTestId('rule-error')).textContent;
    expect(hanOutside(text, '英德市')).toBe('');
    expect(text).toContain('Over quota');
    expect(text).not.toContain('R-004-17');
    cleanup();
    renderWithApp(<RuleErrorAlert error={error} />, { lang: 'zh-CN' });
    const zh = (await screen.findByTestId('rule-error')).textContent;
    expect(zh).toContain('名额超出：下级名额合计 13 个，超过本级名额 12 个（多 1 个）');
    expect(zh).toContain('英德市已下达 0 个、已推荐 2 个名额，不能减到 1 个');
  });
});
