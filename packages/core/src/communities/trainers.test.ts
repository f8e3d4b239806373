import { describe, expect, it } from 'vitest';
import {
  assessmentOutcome,
  countyTeamStanding,
  isRevocationReason,
  REVOCATION_REASON_LABELS,
  REVOCATION_REASONS,
  revokeMembership,
  type TrainerCandidate,
  trainerEligibility,
  trainerTermEnd,
} from './trainers';

const AS_OF = '2026-09-01';
const person = (birthDate: string, titleCode: string | null = 'senior'): TrainerCandidate => ({
  id: 'p1',
  name: '王老师',
  birthDate,
  titleCode,
});

describe('trainer pool: who may be appointed (R3-P03, R3-P04) or renewed (R3-P05)', () => {
  it('R3-P04: 60 on the day may be appointed for the first time; 61 may not (a hard rule)', () => {
    expect(trainerEligibility(person('1966-09-01'), 'first', AS_OF)).toMatchObject({
      age: 60,
      outcome: 'eligible',
      findings: [],
    });
    expect(trainerEligibility(person('1965-09-02'), 'first', AS_OF).outcome).toBe('eligible'); // 60, a day short of 61
    const old = trainerEligibility(person('1965-09-01'), 'first', AS_OF);
    expect(old).toMatchObject({ age: 61, outcome: 'ineligible' });
    expect(old.findings).toEqual([
      expect.objectContaining({
        rule: 'R3-P04',
        severity: 'error',
        message: '王老师现年 61 周岁，初聘不得超过 60 周岁',
        values: expect.objectContaining({ age: 61, max: 60 }),
      }),
    ]);
  });

  it('R3-P04: 35 passes; 34 is a warning an override accepts, and an override never accepts 61', () => {
    expect(trainerEligibility(person('1991-09-01'), 'first', AS_OF).findings).toEqual([]);
    const young = trainerEligibility(person('1991-09-02'), 'first', AS_OF);
    expect(young).toMatchObject({ age: 34, outcome: 'needs_override' });
    expect(young.findings.map((f) => [f.rule, f.severity])).toEqual([['R3-P04', 'warning']]);
    const override = { rule: 'R3-P04', by: 'officer-1', reason: '学科紧缺，经教体局审定' };
    const accepted = trainerEligibility(person('1991-09-02'), 'first', AS_OF, undefined, [override]);
    expect(accepted.outcome).toBe('eligible');
    expect(accepted.findings[0]?.overriddenBy).toEqual(override);
    const old = trainerEligibility(person('1965-09-01'), 'first', AS_OF, undefined, [override]);
    expect(old.outcome).toBe('ineligible');
    expect(old.findings[0]?.overriddenBy).toBeUndefined();
  });

  it('R3-P03: 高级 and 正高级 pass; 一级 or no title recorded is a warning (soft, "原则上")', () => {
    expect(trainerEligibility(person('1980-01-01', 'prof'), 'first', AS_OF).findings).toEqual([]);
    const first = trainerEligibility(person('1980-01-01', 'first'), 'first', AS_OF);
    expect(first.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['R3-P03', 'warning', '王老师的职称不是副高级以上，原则上应具有副高级以上职称，需审定同意'],
    ]);
    expect(trainerEligibility(person('1980-01-01', null), 'first', AS_OF).findings[0]?.message).toContain(
      '未登记职称',
    );
    const both = trainerEligibility(person('1995-01-01', 'first'), 'first', AS_OF, undefined, [
      { rule: 'R3-P03', by: 'o', reason: 'r' },
    ]);
    expect(both.outcome).toBe('needs_override'); // R3-P04's warning still open
  });

  it('R3-P05: renewal at 65 passes, at 66 fails; renewal does not ask for 35 or the title again', () => {
    expect(trainerEligibility(person('1961-09-01', 'first'), 'renewal', AS_OF)).toMatchObject({
      age: 65,
      outcome: 'eligible',
    });
    const old = trainerEligibility(person('1960-09-01'), 'renewal', AS_OF);
    expect(old.findings.map((f) => [f.rule, f.message])).toEqual([
      ['R3-P05', '王老师现年 66 周岁，续聘不得超过 65 周岁'],
    ]);
    expect(old.outcome).toBe('ineligible');
  });
});

describe('terms, assessment and revocation (R3-P06, R3-P09, R3-P10)', () => {
  it('R3-P06: a 3-year term ends the day before the third anniversary; 29 February → 28 February', () => {
    expect(trainerTermEnd('2026-09-01')).toEqual({ lastDay: '2029-08-31', rule: 'R3-P06' });
    expect(trainerTermEnd('2028-02-29').lastDay).toBe('2031-02-28');
  });

  it('R3-P09: 合格 → renewed, 不合格 → released', () => {
    expect(assessmentOutcome('pass')).toMatchObject({ action: 'renew', rule: 'R3-P09' });
    expect(assessmentOutcome('fail')).toMatchObject({
      action: 'release',
      rule: 'R3-P09',
      message: '年度考核不合格，予以辞聘或解聘',
    });
  });

  it('R3-P10: four reasons, each with its label; a revocation ends the membership the day it is decided', () => {
    expect(REVOCATION_REASONS.map((r) => REVOCATION_REASON_LABELS[r])).toEqual([
      '违反新时代教师职业行为准则',
      '未按规定履行职责',
      '违反八项规定等纪律要求',
      '被司法机关刑事处罚',
    ]);
    expect(isRevocationReason('criminal')).toBe(true);
    expect(isRevocationReason('late')).toBe(false);
    expect(revokeMembership('discipline', '2027-03-05')).toEqual({
      endsOn: '2027-03-05',
      rule: 'R3-P10',
      message: '因违反八项规定等纪律要求，自 2027-03-05 起撤销培训者团队成员资格',
    });
  });
});

describe('a county’s trainer team (R3-P01, R3-P02)', () => {
  const team = (n: number) => Array.from({ length: n }, (_, i) => `t${i + 1}`);

  it('R3-P01: 49 members is short, 50 passes', () => {
    expect(countyTeamStanding(team(49), team(49)).findings.map((f) => [f.rule, f.message])).toEqual([
      ['R3-P01', '县级教师培训师队伍 49 人，少于 50 人'],
    ]);
    expect(countyTeamStanding(team(50), team(50)).findings).toEqual([]);
  });

  it('R3-P02: 45 of 50 active (90 %) passes, 44 (88 %) does not; outsiders and repeats do not count', () => {
    expect(countyTeamStanding(team(50), team(45))).toMatchObject({
      active: 45,
      activeShare: 0.9,
      findings: [],
    });
    const short = countyTeamStanding(team(50), [...team(44), 't1', 'outsider']);
    expect(short.active).toBe(44);
    expect(short.findings).toEqual([
      expect.objectContaining({
        rule: 'R3-P02',
        message: '培训师参与项目发挥作用的有 44 人，占 88%，低于 90%',
      }),
    ]);
    expect(countyTeamStanding([], []).activeShare).toBeNull();
  });
});
