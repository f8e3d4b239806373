import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import { hanOutside } from '../../shared/test-utils';
import { claimRefusalWords } from './claim-words';

/** Problems as core's checkClaim writes them (hours/claims.ts), each with its code and values. */
const PROBLEMS = [
  {
    field: 'title',
    code: 'CLAIM.REQUIRED',
    ruleId: 'Y-HOURS-CLAIM-TEXT',
    message: '请填写标题',
    values: { max: 100 },
  },
  {
    field: 'issuer',
    code: 'CLAIM.TOO_LONG',
    ruleId: 'Y-HOURS-CLAIM-TEXT',
    message: '发证/主办单位最多 100 个字，现为 120 个字',
    values: { max: 100, length: 120 },
  },
  {
    field: 'certificateNo',
    code: 'CLAIM.CERTIFICATE_TOO_LONG',
    ruleId: 'Y-HOURS-CLAIM-TEXT',
    message: '证书编号最多 64 个字符',
    values: { max: 64 },
  },
  {
    field: 'startDate',
    code: 'CLAIM.START_INVALID',
    ruleId: 'Y-HOURS-CLAIM-DATES',
    message: '开始日期不是有效日期（年-月-日）',
  },
  {
    field: 'endDate',
    code: 'CLAIM.END_INVALID',
    ruleId: 'Y-HOURS-CLAIM-DATES',
    message: '结束日期不是有效日期（年-月-日）',
  },
  {
    field: 'endDate',
    code: 'CLAIM.END_BEFORE_START',
    ruleId: 'Y-HOURS-CLAIM-DATES',
    message: '结束日期 2026-10-11 早于开始日期 2026-10-12',
    values: { startDate: '2026-10-12', endDate: '2026-10-11' },
  },
  {
    field: 'endDate',
    code: 'CLAIM.IN_FUTURE',
    ruleId: 'Y-HOURS-CLAIM-DATES',
    message: '结束日期 2026-10-21 晚于今天（2026-10-15）：只能申报已经完成的活动',
    values: { endDate: '2026-10-21', today: '2026-10-15' },
  },
  {
    field: 'hoursTenths',
    code: 'CLAIM.HOURS_NOT_POSITIVE',
    ruleId: 'Y-HOURS-AMOUNT',
    message: '申报学时须大于 0（最小 0.1 学时）',
    values: { hoursTenths: 0 },
  },
  {
    field: 'hoursTenths',
    code: 'CLAIM.HOURS_OVER_CAP',
    ruleId: 'Y-HOURS-CLAIM-DAY',
    message: '申报 24.1 学时超过上限：2026-10-12 至 2026-10-12 共 1 天，每天最多 24 学时，最多 24 学时',
    values: {
      hoursTenths: 241,
      days: 1,
      dayMaxTenths: 240,
      maxTenths: 240,
      startDate: '2026-10-12',
      endDate: '2026-10-12',
    },
  },
];

const refusal = (problems: unknown[]) =>
  new ApiError({
    status: 400,
    code: 'VALIDATION_FAILED',
    message: (problems as { message: string }[]).map((p) => p.message).join('；'),
    details: { field: 'title', problems },
  });

describe('a refused 学时 claim in words (Y-HOURS-CLAIM-TEXT, Y-HOURS-CLAIM-DATES, Y-HOURS-AMOUNT, Y-HOURS-CLAIM-DAY)', () => {
  it('every problem code reads in English in en-US, with its values and no rule ID', () => {
    for (const p of PROBLEMS) {
      const en = claimRefusalWords('en-US', refusal([p]));
      expect(hanOutside(en), `${p.code}: ${en}`).toBe('');
      expect(en).not.toMatch(/Y-HOURS/);
    }
    expect(claimRefusalWords('en-US', refusal([PROBLEMS[8]]))).toBe(
      '24.1 h is more than allowed: 2026-10-12 to 2026-10-12 is 1 day(s), at most 24 h a day, 24 h in all',
    );
  });

  it("zh-CN keeps the server's sentence; a code this web does not know reads the generic English message", () => {
    const all = refusal(PROBLEMS);
    expect(claimRefusalWords('zh-CN', all)).toBe(all.message);
    const odd = refusal([{ field: 'title', code: 'CLAIM.NEW', ruleId: 'X', message: '新问题' }]);
    expect(hanOutside(claimRefusalWords('en-US', odd))).toBe('');
  });
});
