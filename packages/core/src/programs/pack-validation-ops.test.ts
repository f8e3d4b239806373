/**
 * validatePack on the class-operation (classOps), completion and KPI-target sections and the R-004-10 /
 * R-004-15 deadline offsets they must agree with. Boundaries on both sides.
 */
import { describe, expect, it } from 'vitest';
import { HENAN_2021_PACK } from './henan-2021';
import { PROJECT_COUNTY_KPI_TARGETS } from './kpi';
import { type PackProblem, validatePack } from './pack-validation';
import type { PolicyPack } from './policy-pack';

function pack(): PolicyPack {
  const p = structuredClone(HENAN_2021_PACK) as PolicyPack;
  p.kpiTargets = structuredClone(PROJECT_COUNTY_KPI_TARGETS);
  return p;
}

function ops(p: PolicyPack): NonNullable<PolicyPack['classOps']> {
  if (!p.classOps) throw new Error('setup: the Henan pack has classOps');
  return p.classOps;
}

function completion(p: PolicyPack): NonNullable<PolicyPack['completion']> {
  if (!p.completion) throw new Error('setup: the Henan pack has completion rules');
  return p.completion;
}

function only(problems: PackProblem[]): PackProblem {
  expect(problems).toHaveLength(1);
  const [first] = problems;
  if (!first) throw new Error('no problem');
  return first;
}

describe('validatePack: class operations (Y-004-DUE-SOON, Y-004-QR-ROTATE, Y-004-CHECKIN-OPEN)', () => {
  it('the Henan pack with the R3-B02 KPI targets has no problem', () => {
    expect(validatePack(pack())).toEqual([]);
  });

  it('Y-004-DUE-SOON: 0 and 60 days pass; −1 and 61 are refused', () => {
    for (const ok of [0, 60]) {
      const p = pack();
      ops(p).dueSoonDays.value = ok;
      expect(validatePack(p)).toEqual([]);
    }
    for (const bad of [-1, 61]) {
      const p = pack();
      ops(p).dueSoonDays.value = bad;
      expect(only(validatePack(p))).toMatchObject({
        code: 'PACK.BAD_NUMBER',
        ruleId: 'Y-004-DUE-SOON',
        path: 'classOps.dueSoonDays',
      });
    }
  });

  it('Y-004-QR-ROTATE: rotation 10…600 s and 0…2 grace windows', () => {
    const cases: Array<[number, number, boolean]> = [
      [10, 1, true],
      [600, 2, true],
      [9, 1, false],
      [601, 1, false],
      [30, 3, false],
      [30, -1, false],
    ];
    for (const [seconds, grace, ok] of cases) {
      const p = pack();
      ops(p).checkinRotationSeconds.value = seconds;
      ops(p).checkinGraceWindows.value = grace;
      const problems = validatePack(p);
      if (ok) expect(problems).toEqual([]);
      else expect(only(problems).ruleId).toBe('Y-004-QR-ROTATE');
    }
  });

  it('Y-004-CHECKIN-OPEN: negative days are refused', () => {
    const p = pack();
    ops(p).checkinOpensDaysBefore.value = -1;
    expect(only(validatePack(p))).toMatchObject({
      code: 'PACK.BAD_NUMBER',
      ruleId: 'Y-004-CHECKIN-OPEN',
      path: 'classOps.checkinOpensDaysBefore',
    });
  });

  it('Y-004-CHECKIN-OPEN vs R-004-10: check-in may open on the notice due date (start − 10), not before', () => {
    const p = pack();
    ops(p).checkinOpensDaysBefore.value = 10;
    expect(validatePack(p)).toEqual([]);
    ops(p).checkinOpensDaysBefore.value = 11;
    const problem = only(validatePack(p));
    expect(problem).toMatchObject({
      code: 'PACK.CLASS_OPS',
      ruleId: 'Y-004-CHECKIN-OPEN',
      path: 'classOps.checkinOpensDaysBefore',
    });
    expect(problem.message).toBe('开班前 11 天开放签到，早于《报到通知书》的报送期限（开班前 10 天）');
    // a later notice (start − 12) makes the same opening day fine again
    p.deadlines.registrationNotice.value = { ...p.deadlines.registrationNotice.value, offsetDays: -12 };
    expect(validatePack(p)).toEqual([]);
  });

  it('a pack without a classOps section is not checked for it (the defaults apply)', () => {
    const { classOps: _omit, ...rest } = pack();
    expect(validatePack(rest as PolicyPack)).toEqual([]);
  });
});

describe('validatePack: class deadlines R-004-10, R-004-11, R-004-15 (offset days)', () => {
  it('R-004-11 timetable: 0 days before the start passes, 1 day after is refused; 366 passes, 367 is refused', () => {
    const p = pack();
    p.deadlines.timetable.value = { ...p.deadlines.timetable.value, offsetDays: 0 };
    expect(validatePack(p)).toEqual([]);
    p.deadlines.timetable.value = { ...p.deadlines.timetable.value, offsetDays: 1 };
    expect(only(validatePack(p))).toMatchObject({
      code: 'PACK.DEADLINE_DIRECTION',
      ruleId: 'R-004-11',
      path: 'deadlines.timetable.offsetDays',
    });
    p.deadlines.timetable.value = { ...p.deadlines.timetable.value, offsetDays: -366 };
    expect(validatePack(p)).toEqual([]);
    p.deadlines.timetable.value = { ...p.deadlines.timetable.value, offsetDays: -367 };
    expect(only(validatePack(p))).toMatchObject({ code: 'PACK.BAD_NUMBER', ruleId: 'R-004-11' });
  });

  it('R-004-15 final reports: after the end; a negative offset is refused', () => {
    const p = pack();
    p.deadlines.finalReports.value = { ...p.deadlines.finalReports.value, offsetDays: -1 };
    const problems = validatePack(p);
    expect(problems.map((x) => x.ruleId)).toContain('R-004-15');
  });

  it('R-004-14: a negative number of bulletins is refused, 0 passes', () => {
    const p = pack();
    p.deadlines.bulletinsMin.value = 0;
    expect(validatePack(p)).toEqual([]);
    p.deadlines.bulletinsMin.value = -1;
    expect(only(validatePack(p))).toMatchObject({ ruleId: 'R-004-14', path: 'deadlines.bulletinsMin' });
  });
});

describe('validatePack: completion (Y-004-ATTEND-MIN … Y-004-CERT-NO)', () => {
  it('Y-004-ATTEND-MIN: 0 % and 100 % pass; −1 % and 101 % are refused', () => {
    for (const [n, ok] of [
      [0, true],
      [100, true],
      [-1, false],
      [101, false],
    ] as const) {
      const p = pack();
      completion(p).minAttendancePct.value = n;
      const problems = validatePack(p);
      if (ok) expect(problems).toEqual([]);
      else
        expect(only(problems)).toMatchObject({
          ruleId: 'Y-004-ATTEND-MIN',
          path: 'completion.minAttendancePct',
        });
    }
  });

  it('Y-004-OUTCOME-PASS: a pass score of 100 passes, 101 is refused', () => {
    const p = pack();
    completion(p).outcomePassScore.value = 100;
    expect(validatePack(p)).toEqual([]);
    completion(p).outcomePassScore.value = 101;
    expect(only(validatePack(p)).ruleId).toBe('Y-004-OUTCOME-PASS');
  });

  it('Y-004-OUTCOME-DUE vs R-004-15: outcomes due on the final-report day pass, a day later is refused', () => {
    const p = pack();
    completion(p).outcomeDueDaysAfterEnd.value = 30;
    expect(validatePack(p)).toEqual([]);
    completion(p).outcomeDueDaysAfterEnd.value = 31;
    const problem = only(validatePack(p));
    expect(problem).toMatchObject({
      code: 'PACK.COMPLETION',
      ruleId: 'Y-004-OUTCOME-DUE',
      path: 'completion.outcomeDueDaysAfterEnd',
    });
    // the final reports' deadline is named in words; rule IDs stay out of the sentence
    expect(problem.message).toContain('晚于总结材料的报送期限（结业后 30 天）');
    expect(problem.message).not.toContain('R-004-15');
    completion(p).outcomeDueDaysAfterEnd.value = -1;
    expect(only(validatePack(p)).code).toBe('PACK.BAD_NUMBER');
  });

  it('Y-004-CERT-NO: 3…9 digits', () => {
    for (const [n, ok] of [
      [3, true],
      [9, true],
      [2, false],
      [10, false],
    ] as const) {
      const p = pack();
      completion(p).certificateSeqDigits.value = n;
      const problems = validatePack(p);
      if (ok) expect(problems).toEqual([]);
      else expect(only(problems).ruleId).toBe('Y-004-CERT-NO');
    }
  });

  it('Y-004-LEAVE-COUNT and Y-004-HOURS: an unknown reading is refused', () => {
    const p = pack();
    (completion(p).approvedLeave as { value: string }).value = 'sometimes';
    (completion(p).partialHours as { value: string }).value = 'all';
    expect(validatePack(p).map((x) => [x.code, x.ruleId])).toEqual([
      ['PACK.BAD_SETTING', 'Y-004-LEAVE-COUNT'],
      ['PACK.BAD_SETTING', 'Y-004-HOURS'],
    ]);
  });

  it('a non-number attendance share is refused with the rule, not a crash', () => {
    const p = pack();
    (completion(p).minAttendancePct as { value: unknown }).value = 'eighty';
    expect(only(validatePack(p))).toMatchObject({ ruleId: 'Y-004-ATTEND-MIN', code: 'PACK.BAD_NUMBER' });
  });
});

describe('validatePack: KPI targets (R3-B02) are shares 0…1', () => {
  it('0 and 1 pass; −0.01, 1.01 and a non-number are refused with the rule', () => {
    for (const [n, ok] of [
      [0, true],
      [1, true],
      [-0.01, false],
      [1.01, false],
      ['95%', false],
    ] as const) {
      const p = pack();
      const t = p.kpiTargets?.completionRate;
      if (!t) throw new Error('setup');
      (t as { value: unknown }).value = n;
      const problems = validatePack(p);
      if (ok) expect(problems).toEqual([]);
      else
        expect(only(problems)).toMatchObject({
          code: 'PACK.SHARE_RANGE',
          ruleId: 'R3-B02',
          path: 'kpiTargets.completionRate',
        });
    }
  });
});
