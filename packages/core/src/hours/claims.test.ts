import { describe, expect, it } from 'vitest';
import { HENAN_2021_PACK } from '../programs/henan-2021';
import { addDays, pv } from '../programs/policy-pack';
import {
  type ClaimInput,
  certificateKey,
  checkClaim,
  claimDays,
  claimRulesOf,
  DEFAULT_CLAIM_RULES,
  evidenceNameMatches,
  isReviewOverdue,
  reviewDueOn,
} from './claims';
import { DEFAULT_HOUR_RULES, hourRulesOf } from './rules';
import { CLAIM_KIND_LABELS, CLAIM_KINDS } from './types';

const R = DEFAULT_CLAIM_RULES;
const TODAY = '2026-10-20';
const ok: ClaimInput = {
  title: '省级骨干教师高级研修',
  issuer: '河南省教育厅',
  certificateNo: 'HN-2026-001',
  startDate: '2026-10-10',
  endDate: '2026-10-11',
  hoursTenths: 160,
};
const problems = (over: Partial<ClaimInput>) => checkClaim({ ...ok, ...over }, TODAY, R);

describe('claim rule values', () => {
  it('Y-HOURS-CLAIM-DEADLINE: school 15 days, county 15 days, a Yanxun default the seeds do not state', () => {
    expect(R.schoolReviewDays).toMatchObject({ value: 15, ruleId: 'Y-HOURS-CLAIM-DEADLINE' });
    expect(R.countyReviewDays).toMatchObject({ value: 15, ruleId: 'Y-HOURS-CLAIM-DEADLINE' });
    expect(R.schoolReviewDays.note).toContain('种子文件未规定');
    expect(R.dayMaxTenths).toMatchObject({ value: 240, ruleId: 'Y-HOURS-CLAIM-DAY' });
  });

  it('claimRulesOf: defaults for a pack without claims; a pack overrides one value, keeps the others', () => {
    expect(claimRulesOf(DEFAULT_HOUR_RULES)).toEqual(R);
    expect(claimRulesOf(hourRulesOf(HENAN_2021_PACK))).toEqual(R);
    const own = claimRulesOf({ claims: { schoolReviewDays: pv(10, 'Y-HOURS-CLAIM-DEADLINE', 'pack') } });
    expect(own.schoolReviewDays.value).toBe(10);
    expect(own.countyReviewDays.value).toBe(15);
  });

  it('every kind has its Chinese label', () => {
    expect(CLAIM_KINDS.map((k) => CLAIM_KIND_LABELS[k])).toEqual([
      '校外培训',
      '论文',
      '讲座',
      '竞赛',
      '其他',
    ]);
  });
});

describe('checkClaim', () => {
  it('a good claim has no problem', () => {
    expect(checkClaim(ok, TODAY, R)).toEqual([]);
  });

  it('Y-HOURS-CLAIM-DAY: 24 学时 for a one-day claim passes, 24.1 is refused naming the days and the limit', () => {
    expect(problems({ startDate: '2026-10-10', endDate: '2026-10-10', hoursTenths: 240 })).toEqual([]);
    const p = problems({ startDate: '2026-10-10', endDate: '2026-10-10', hoursTenths: 241 });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ field: 'hoursTenths', ruleId: 'Y-HOURS-CLAIM-DAY' });
    expect(p[0]?.message).toContain('共 1 天，每天最多 24 学时');
  });

  it('Y-HOURS-CLAIM-DAY: over three days 72 passes, 72.1 not', () => {
    expect(problems({ startDate: '2026-10-01', endDate: '2026-10-03', hoursTenths: 720 })).toEqual([]);
    expect(
      problems({ startDate: '2026-10-01', endDate: '2026-10-03', hoursTenths: 721 })[0]?.values,
    ).toMatchObject({ days: 3, maxTenths: 720 });
  });

  it('Y-HOURS-AMOUNT: 0, negative or a fraction of a tenth is refused; 0.1 passes', () => {
    for (const h of [0, -10, 1.5])
      expect(problems({ hoursTenths: h })).toEqual([
        expect.objectContaining({ field: 'hoursTenths', ruleId: 'Y-HOURS-AMOUNT' }),
      ]);
    expect(problems({ hoursTenths: 1 })).toEqual([]);
  });

  it('Y-HOURS-CLAIM-DATES: the end before the start is refused; the same day passes', () => {
    expect(problems({ startDate: '2026-10-11', endDate: '2026-10-10' })).toEqual([
      expect.objectContaining({ field: 'endDate', ruleId: 'Y-HOURS-CLAIM-DATES' }),
    ]);
    expect(problems({ startDate: '2026-10-11', endDate: '2026-10-11', hoursTenths: 80 })).toEqual([]);
  });

  it('Y-HOURS-CLAIM-DATES: today passes, tomorrow is the future', () => {
    expect(problems({ startDate: TODAY, endDate: TODAY, hoursTenths: 80 })).toEqual([]);
    const p = problems({ startDate: TODAY, endDate: '2026-10-21', hoursTenths: 80 });
    expect(p).toEqual([expect.objectContaining({ field: 'endDate', ruleId: 'Y-HOURS-CLAIM-DATES' })]);
    expect(p[0]?.message).toContain('晚于今天');
  });

  it('Y-HOURS-CLAIM-DATES: not a calendar day', () => {
    expect(problems({ startDate: '2026-02-30' })).toEqual([
      expect.objectContaining({ field: 'startDate', ruleId: 'Y-HOURS-CLAIM-DATES' }),
    ]);
  });

  it('Y-HOURS-CLAIM-TEXT: a title of 200 characters passes, 201 is refused; an empty issuer is refused', () => {
    expect(problems({ title: '研'.repeat(200) })).toEqual([]);
    const p = problems({ title: '研'.repeat(201) });
    expect(p).toEqual([expect.objectContaining({ field: 'title', ruleId: 'Y-HOURS-CLAIM-TEXT' })]);
    expect(p[0]?.message).toBe('标题最多 200 个字，现为 201 个字');
    expect(problems({ issuer: '  ' })).toEqual([expect.objectContaining({ field: 'issuer' })]);
    expect(problems({ certificateNo: 'x'.repeat(101) })).toEqual([
      expect.objectContaining({ field: 'certificateNo' }),
    ]);
  });
});

describe('deadlines (Y-HOURS-CLAIM-DEADLINE)', () => {
  it('submitted on 10-01 with 15 days: due 10-16; 10-16 is not overdue, 10-17 is', () => {
    const due = reviewDueOn('2026-10-01', R.schoolReviewDays.value);
    expect(due).toBe('2026-10-16');
    expect(isReviewOverdue(due, '2026-10-16')).toBe(false);
    expect(isReviewOverdue(due, '2026-10-17')).toBe(true);
  });

  it('days across a month and a leap day', () => {
    expect(addDays('2028-02-20', 15)).toBe('2028-03-06');
    expect(claimDays('2028-02-28', '2028-03-01')).toBe(3);
    expect(claimDays('2026-10-10', '2026-10-10')).toBe(1);
  });
});

describe('duplicates and evidence names', () => {
  it('Y-HOURS-CLAIM-DUPLICATE: the certificate key ignores spaces, width and case; none without a number', () => {
    expect(certificateKey('河南省 教育厅', 'hn-2026 001')).toBe(
      certificateKey('河南省教育厅', 'ＨＮ-2026001'),
    );
    expect(certificateKey('河南省教育厅', 'A1')).not.toBe(certificateKey('河南省教育厅', 'A2'));
    expect(certificateKey('河南省教育厅', '  ')).toBeUndefined();
    expect(certificateKey('河南省教育厅', null)).toBeUndefined();
  });

  it('Y-HOURS-CLAIM-EVIDENCE: the name must say what the content is', () => {
    expect(evidenceNameMatches('证书.PDF', 'pdf')).toBe(true);
    expect(evidenceNameMatches('证书.pdf', 'png')).toBe(false);
    expect(evidenceNameMatches('photo.jpeg', 'jpg')).toBe(true);
    expect(evidenceNameMatches('photo.jpg', 'jpg')).toBe(true);
    expect(evidenceNameMatches('scan', 'png')).toBe(false);
  });
});
