import { describe, expect, it } from 'vitest';
import { HENAN_2021_PACK } from './henan-2021';
import { clonePackForYear } from './pack-clone';
import { type PackProblem, validatePack } from './pack-validation';
import type { PolicyPack, ProjectTrack, ProjectType } from './policy-pack';

function editable(): PolicyPack {
  return structuredClone(HENAN_2021_PACK);
}

function typeAt(pack: PolicyPack, i: number): ProjectType {
  const t = pack.projectTypes[i];
  if (!t) throw new Error(`no project type ${i}`);
  return t;
}

function trackAt(pack: PolicyPack, i: number, j = 0): ProjectTrack {
  const t = typeAt(pack, i).tracks[j];
  if (!t) throw new Error(`no track ${i}/${j}`);
  return t;
}

function only(problems: PackProblem[]): PackProblem {
  expect(problems).toHaveLength(1);
  const [p] = problems;
  if (!p) throw new Error('no problem');
  return p;
}

const P3 = 2; // 省级教师培训师高端研修项目

describe('validatePack', () => {
  it('R-004-61: days per year × cycle years must equal the total days when both are given', () => {
    const pack = editable();
    const track = trackAt(pack, P3);
    if (!track.centralizedDaysPerYear) throw new Error('setup');
    track.centralizedDaysPerYear.value = 26;
    const p = only(validatePack(pack));
    expect(p).toMatchObject({
      code: 'PACK.DAYS_TOTAL_MISMATCH',
      ruleId: 'R-004-61',
      path: 'projectTypes[2].tracks[0].centralizedDaysTotal',
    });
    expect(p.message).toBe('每年集中培训 26 天 × 培训周期 2 年 = 52 天，与集中培训总天数 50 天不一致');
  });

  it('R-004-61: a cycle of 3 years contradicts 25 days/year and 50 in total', () => {
    const pack = editable();
    typeAt(pack, P3).cycleYears.value = 3;
    expect(only(validatePack(pack)).code).toBe('PACK.DAYS_TOTAL_MISMATCH');
  });

  it('R-004-56: a minimum age above the maximum age', () => {
    const pack = editable();
    const age = trackAt(pack, P3).eligibility.age;
    if (!age) throw new Error('setup');
    age.min = { value: 46, ruleId: 'Y-TEST', source: 'test' };
    expect(only(validatePack(pack))).toMatchObject({
      code: 'PACK.AGE_RANGE',
      ruleId: 'R-004-56',
      path: 'projectTypes[2].tracks[0].eligibility.age',
    });
    age.min.value = 45; // equal is possible: only 45-year-olds
    expect(validatePack(pack)).toEqual([]);
  });

  it('R-004-59: a competitive ratio below 1:1 is impossible; 1:1 is allowed', () => {
    const pack = editable();
    const ratio = typeAt(pack, P3).competitiveRatio;
    if (!ratio) throw new Error('setup');
    ratio.value = 0.9;
    expect(only(validatePack(pack))).toMatchObject({ code: 'PACK.RATIO_BELOW_ONE', ruleId: 'R-004-59' });
    ratio.value = 1;
    expect(validatePack(pack)).toEqual([]);
  });

  it('R-004-59 shortlist: the owner-confirms setting is a yes/no, and only on a competitive project type', () => {
    const pack = editable();
    const type = typeAt(pack, P3);
    const setting = type.shortlistSelection?.ownerConfirms;
    if (!setting) throw new Error('setup');
    (setting as { value: unknown }).value = 'yes';
    expect(only(validatePack(pack))).toMatchObject({
      code: 'PACK.SHORTLIST_SETTING',
      ruleId: 'R-004-59',
      path: expect.stringContaining('shortlistSelection.ownerConfirms'),
    });
    setting.value = false;
    expect(validatePack(pack)).toEqual([]);
    delete type.competitiveRatio;
    expect(only(validatePack(pack))).toMatchObject({ code: 'PACK.SHORTLIST_SETTING' });
  });

  it('R-004-22…24: negative or fractional money in fen', () => {
    const pack = editable();
    pack.funding.centralizedPerPersonDayFen.value = -40_000;
    pack.funding.studioSubsidyFen.value = 2_000_000.5;
    const problems = validatePack(pack);
    expect(problems.map((p) => [p.code, p.ruleId, p.path])).toEqual([
      ['PACK.BAD_NUMBER', 'R-004-22', 'funding.centralizedPerPersonDayFen'],
      ['PACK.BAD_NUMBER', 'R-004-24', 'funding.studioSubsidyFen'],
    ]);
    // the officer edits 元, so the message says 元 (-40 000 fen = -400 元), not fen
    expect(problems[0]?.message).toContain('实为 -400 元');
    expect(problems[1]?.message).toContain('实为 20000.005 元');
  });

  it('online 学时 and the day↔学时 conversion are reported in 学时, not tenths', () => {
    const pack = editable();
    pack.design.dayHoursTenths.value = 0;
    const track = pack.projectTypes[4]?.tracks[0];
    if (track?.onlineHoursTenths) track.onlineHoursTenths.value = -300;
    const messages = validatePack(pack).map((p) => p.message);
    expect(messages).toEqual([
      '1 天折合学时应不少于 0.1 学时（精确到 0.1 学时），实为 0 学时',
      '网络研修学时应不小于 0（精确到 0.1 学时），实为 -30 学时',
    ]);
  });

  it('R-004-10: a deadline that must be before the start cannot be after it; start − 0 is allowed', () => {
    const pack = editable();
    pack.deadlines.registrationNotice.value.offsetDays = 10;
    expect(only(validatePack(pack))).toMatchObject({
      code: 'PACK.DEADLINE_DIRECTION',
      ruleId: 'R-004-10',
      path: 'deadlines.registrationNotice.offsetDays',
      message: '《报到通知书》报送时间应在开班日期之前，但设为开班日期后 10 天',
    });
    pack.deadlines.registrationNotice.value.offsetDays = 0;
    // check-in must then not open before the start either (Y-004-CHECKIN-OPEN vs R-004-10)
    if (pack.classOps) pack.classOps.checkinOpensDaysBefore.value = 0;
    expect(validatePack(pack)).toEqual([]);
  });

  it('R-004-15: reports due after the end cannot be set before it', () => {
    const pack = editable();
    pack.deadlines.finalReports.value.offsetDays = -1;
    expect(only(validatePack(pack))).toMatchObject({ code: 'PACK.DEADLINE_DIRECTION', ruleId: 'R-004-15' });
  });

  it('R-004-05: a project practical share below the 50% floor; 50% itself passes; above 100% is impossible', () => {
    const pack = editable();
    const t = typeAt(pack, 0);
    t.practicalShareMinPct = { value: 49, ruleId: 'Y-TEST', source: 'test' };
    expect(only(validatePack(pack))).toMatchObject({
      code: 'PACK.PRACTICAL_SHARE',
      ruleId: 'R-004-05',
      path: 'projectTypes[0].practicalShareMinPct',
      message: '实践性课程比例下限 49% 低于全省要求的 50%',
    });
    t.practicalShareMinPct.value = 50;
    expect(validatePack(pack)).toEqual([]);
    pack.design.practicalShareMinPct.value = 120;
    expect(validatePack(pack).map((p) => p.path)).toContain('design.practicalShareMinPct');
  });

  it('duplicate project-type codes', () => {
    const pack = editable();
    typeAt(pack, 4).code = typeAt(pack, 0).code;
    expect(only(validatePack(pack))).toMatchObject({
      code: 'PACK.DUPLICATE_PROJECT_CODE',
      path: 'projectTypes[4].code',
      message: '项目类型代码"backbone_cultivation"重复',
    });
  });

  it('a value without a rule ID or source', () => {
    const pack = editable();
    pack.integrityBan.years.ruleId = '';
    pack.funding.onlinePerPersonHourFen.source = ' ';
    expect(validatePack(pack).map((p) => [p.code, p.path])).toEqual([
      ['PACK.RULE_REF_MISSING', 'funding.onlinePerPersonHourFen'],
      ['PACK.RULE_REF_MISSING', 'integrityBan.years'],
    ]);
  });

  it('R-004-08/18: absolute deadlines must be real dates in the pack year', () => {
    const pack = editable();
    pack.deadlines.applicationDue.value = '2021-02-30';
    pack.deadlines.selectionDue.value = '2022-07-30';
    expect(validatePack(pack).map((p) => [p.code, p.ruleId])).toEqual([
      ['PACK.BAD_DATE', 'R-004-08'],
      ['PACK.DATE_OUTSIDE_YEAR', 'R-004-18'],
    ]);
  });

  it('R-004-20: a ban of 0 years or with no kinds', () => {
    const pack = editable();
    pack.integrityBan.years.value = 0;
    pack.integrityBan.kinds.value = [];
    expect(validatePack(pack).map((p) => p.code)).toEqual(['PACK.BAD_NUMBER', 'PACK.EMPTY_LIST']);
  });

  it('R-004-04: compulsory topics listed twice', () => {
    const pack = editable();
    pack.design.compulsoryTopics.value.push('师德师风');
    expect(only(validatePack(pack))).toMatchObject({ code: 'PACK.DUPLICATE_ITEM', ruleId: 'R-004-04' });
  });

  it('R-004-33: a studio role with min above max; an outcome pointing at a missing track', () => {
    const pack = editable();
    const studio = typeAt(pack, 0).studios[0];
    const role = studio?.value.roles[2];
    if (!role) throw new Error('setup');
    role.min = 101;
    const outcome = typeAt(pack, 0).outcomes[0];
    if (!outcome) throw new Error('setup');
    outcome.value.trackCode = 'ghost';
    expect(validatePack(pack).map((p) => [p.code, p.ruleId])).toEqual([
      ['PACK.UNKNOWN_TRACK', 'R-004-35'],
      ['PACK.STUDIO_RANGE', 'R-004-33'],
    ]);
  });

  it('R-004-72: an empty list of allowed location types makes nobody eligible', () => {
    const pack = editable();
    const loc = trackAt(pack, 4).eligibility.schoolLocationTypes;
    if (!loc) throw new Error('setup');
    loc.value = [];
    expect(only(validatePack(pack))).toMatchObject({ code: 'PACK.EMPTY_LIST', ruleId: 'R-004-72' });
  });

  describe('R-004-40…50 county support system', () => {
    function county(pack: PolicyPack) {
      const cs = typeAt(pack, 1).countySystem;
      if (!cs) throw new Error('setup');
      return cs;
    }

    it('R-004-46: 2 primary + 2 secondary must make the 4 development schools', () => {
      const pack = editable();
      county(pack).devSchoolsPrimary.value = 3;
      expect(only(validatePack(pack))).toMatchObject({ code: 'PACK.COUNTY_SYSTEM', ruleId: 'R-004-46' });
    });

    it('R-004-49: leaders 6 + 2 + 2 must equal the 10 studios', () => {
      const pack = editable();
      county(pack).studioLeaders.value.masterTeachers = 7;
      expect(only(validatePack(pack))).toMatchObject({ code: 'PACK.COUNTY_SYSTEM', ruleId: 'R-004-49' });
    });

    it('R-004-44: 4×3 + 10×1 = 22 members must fit in the team of 50; 22 fits, 21 does not', () => {
      const pack = editable();
      county(pack).trainingTeamSize.value = 22;
      expect(validatePack(pack)).toEqual([]);
      county(pack).trainingTeamSize.value = 21;
      expect(only(validatePack(pack))).toMatchObject({ code: 'PACK.COUNTY_SYSTEM', ruleId: 'R-004-44' });
    });

    it('R-004-49/50: 100 young members = 10 studios × 10 members', () => {
      const pack = editable();
      county(pack).youngMembers.value = 90;
      expect(only(validatePack(pack)).message).toBe(
        '10 个工作室 × 每室 10 名成员 = 100 人，与青年骨干总数 90 人不一致',
      );
    });
  });
});

describe('clonePackForYear', () => {
  it('bumps year and version, keeps every rule ID, value and code, and leaves the original alone', () => {
    const next = clonePackForYear(HENAN_2021_PACK, 2022);
    expect(next).toMatchObject({
      id: 'henan-2022',
      year: 2022,
      version: 2,
      status: 'draft',
      derivedFrom: { id: 'henan-2021', version: 1 },
    });
    expect(next.title).toContain('2022 年');
    expect(HENAN_2021_PACK.year).toBe(2021);
    const ids = (p: PolicyPack) => JSON.stringify(p).match(/"ruleId":"[^"]+"/g);
    expect(ids(next)).toEqual(ids(HENAN_2021_PACK));
    expect(next.projectTypes.map((t) => t.code)).toEqual(HENAN_2021_PACK.projectTypes.map((t) => t.code));
    expect(next.funding).toEqual(HENAN_2021_PACK.funding);
  });

  it('moves the absolute deadlines into the new year, marked for checking, so the clone validates', () => {
    const next = clonePackForYear(HENAN_2021_PACK, 2022);
    expect(next.deadlines.applicationDue.value).toBe('2022-07-30');
    expect(next.deadlines.selectionDue.value).toBe('2022-07-30');
    expect(next.deadlines.classDatesDue.value).toBe('2022-08-10');
    expect(next.deadlines.classDatesDue.note).toBe('由 2021 年版顺延 1 年，请按 2022 年通知核对');
    expect(validatePack(next)).toEqual([]);
  });

  it('the clone is editable and independent of the built-in pack', () => {
    const next = clonePackForYear(HENAN_2021_PACK, 2022);
    next.funding.centralizedPerPersonDayFen.value = 45_000;
    expect(HENAN_2021_PACK.funding.centralizedPerPersonDayFen.value).toBe(40_000);
    expect(clonePackForYear(next, 2023).version).toBe(3);
    expect(() => clonePackForYear(HENAN_2021_PACK, 2022.5)).toThrow(RangeError);
  });
});
