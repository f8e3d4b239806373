import { describe, expect, it } from 'vitest';
import {
  type EligibilityCandidate,
  type EligibilityCheck,
  type EligibilityContext,
  type EligibilityResult,
  evaluateEligibility,
  integrityBar,
} from './eligibility';
import { HENAN_2021_PACK } from './henan-2021';
import { type PolicyPack, resolveReferenceDate } from './policy-pack';

const pack = HENAN_2021_PACK;
const programme = { id: 'prog-2021-p3-1', startDate: '2021-08-20', endDate: '2021-09-03' };
const ctx: EligibilityContext = { referenceDate: resolveReferenceDate(pack, programme), programme };

/** A teacher who meets every rule of projects 3 and 4 (training-work candidates). */
function trainer(over: Partial<EligibilityCandidate> = {}): EligibilityCandidate {
  return {
    birthDate: '1980-05-01',
    teachingStartDate: '2002-09-01',
    trainingStartYear: 2015,
    backbone: null,
    rolesHeld: ['researcher'],
    title: 'senior',
    stage: 'junior',
    schoolLocationType: 'urban',
    enrolments: [],
    integrityRecords: [],
    attestations: ['healthy', 'devoted_to_training', 'training_expertise', 'grassroots_training_expertise'],
    ...over,
  };
}

/** A teacher who meets every rule of project 5 (乡村骨干). */
function ruralTeacher(over: Partial<EligibilityCandidate> = {}): EligibilityCandidate {
  return trainer({ backbone: 'county', schoolLocationType: 'rural', rolesHeld: [], ...over });
}

function check(result: EligibilityResult, label: string): EligibilityCheck {
  const c = result.checks.find((x) => x.label === label);
  if (!c) throw new Error(`no check ${label} in ${result.checks.map((x) => x.label).join(',')}`);
  return c;
}

describe('evaluateEligibility: a fully eligible candidate', () => {
  it('passes every check of project 3 and says why, with the reference date 2021-07-30 (selection deadline)', () => {
    const r = evaluateEligibility(pack, 'trainer_advanced', trainer(), ctx);
    expect(r).toMatchObject({
      eligible: true,
      needsOverride: false,
      trackCode: 'trainer',
      referenceDate: '2021-07-30',
    });
    expect(r.checks.map((c) => [c.ruleId, c.label, c.passed])).toEqual([
      ['R-004-56', '年龄', true],
      ['R-004-55', '从事教师培训工作年限', true],
      ['R-004-55', '岗位', true],
      ['R-004-57', '资格条件确认', true],
      ['R-004-20', '培训诚信档案', true],
      ['Y-004-OVERLAP', '同期参训', true],
    ]);
  });

  it('throws on an unknown project type or track; finds a type by its other name', () => {
    expect(() => evaluateEligibility(pack, 'nope', trainer(), ctx)).toThrow(RangeError);
    expect(() =>
      evaluateEligibility(pack, 'trainer_advanced', trainer(), { ...ctx, trackCode: 'x' }),
    ).toThrow(RangeError);
    expect(evaluateEligibility(pack, '乡村教师素质提升培训', ruralTeacher(), ctx).projectTypeCode).toBe(
      'rural_backbone',
    );
  });
});

describe('R-004-56 / R-004-68 age ≤ 45 in principle (soft), on the cut-off date', () => {
  it('R-004-56 45 on the cut-off date passes (46th birthday the next day)', () => {
    const r = evaluateEligibility(pack, 'trainer_advanced', trainer({ birthDate: '1975-07-31' }), ctx);
    expect(check(r, '年龄')).toMatchObject({
      passed: true,
      soft: true,
      values: { age: 45, max: 45, referenceDate: '2021-07-30' },
    });
    expect(r.eligible).toBe(true);
  });

  it('R-004-56 46 on the cut-off date (birthday that day) needs an override, not ineligible', () => {
    const r = evaluateEligibility(pack, 'trainer_advanced', trainer({ birthDate: '1975-07-30' }), ctx);
    const age = check(r, '年龄');
    expect(age).toMatchObject({
      code: 'age',
      ruleId: 'R-004-56',
      passed: false,
      soft: true,
      values: { age: 46, max: 45 },
    });
    expect(age.message).toBe('2021-07-30 时年龄 46 周岁，超过原则上不超过 45 周岁的要求，需填写理由例外审批');
    expect(r).toMatchObject({ eligible: false, needsOverride: true });
  });

  it('R-004-68 project 4 uses its own rule ID for the same soft limit', () => {
    const r = evaluateEligibility(pack, 'institution_backbone', trainer({ birthDate: '1975-07-30' }), ctx);
    expect(check(r, '年龄').ruleId).toBe('R-004-68');
    expect(r.needsOverride).toBe(true);
  });

  it('R-004-56 an override with a reason turns the soft failure into a pass that records the override', () => {
    const r = evaluateEligibility(pack, 'trainer_advanced', trainer({ birthDate: '1975-07-30' }), {
      ...ctx,
      overrides: [
        { ruleId: 'R-004-56', reason: '省级培训专家工作室核心成员，经处务会同意', by: 'officer-7' },
      ],
    });
    const age = check(r, '年龄');
    expect(age.passed).toBe(true);
    expect(age.override).toEqual({ reason: '省级培训专家工作室核心成员，经处务会同意', by: 'officer-7' });
    expect(age.values).toMatchObject({ age: 46, override: true });
    expect(r).toMatchObject({ eligible: true, needsOverride: false });
  });

  it('R-004-56 an override without a reason changes nothing', () => {
    const r = evaluateEligibility(pack, 'trainer_advanced', trainer({ birthDate: '1975-07-30' }), {
      ...ctx,
      overrides: [{ ruleId: 'R-004-56', reason: '  ' }],
    });
    expect(r).toMatchObject({ eligible: false, needsOverride: true });
  });

  it('R-004-56 the cut-off date is a setting: on the class start (2021-08-20) the same teacher is 46', () => {
    const byStart: PolicyPack = structuredClone(pack);
    byStart.settings.referenceDate.value = { kind: 'class_start' };
    const ref = resolveReferenceDate(byStart, programme);
    const r = evaluateEligibility(byStart, 'trainer_advanced', trainer({ birthDate: '1975-08-01' }), {
      ...ctx,
      referenceDate: ref,
    });
    expect(check(r, '年龄').values.age).toBe(46);
    expect(
      evaluateEligibility(pack, 'trainer_advanced', trainer({ birthDate: '1975-08-01' }), ctx).eligible,
    ).toBe(true);
  });

  it('R-004-55 overrides cannot lift a hard rule, and a hard failure beside a soft one is not "needs override"', () => {
    const r = evaluateEligibility(
      pack,
      'trainer_advanced',
      trainer({ birthDate: '1975-07-30', trainingStartYear: 2020 }),
      {
        ...ctx,
        overrides: [{ ruleId: 'R-004-55', reason: '特殊人才' }],
      },
    );
    expect(check(r, '从事教师培训工作年限').passed).toBe(false);
    expect(r).toMatchObject({ eligible: false, needsOverride: false });
  });
});

describe('R-004-55 / R-004-66 ≥ 3 years in training work', () => {
  it('R-004-55 started 2018: 3 years in 2021 passes; started 2019: 2 years fails', () => {
    const ok = evaluateEligibility(pack, 'trainer_advanced', trainer({ trainingStartYear: 2018 }), ctx);
    expect(check(ok, '从事教师培训工作年限')).toMatchObject({
      passed: true,
      values: { years: 3, min: 3, startYear: 2018 },
    });
    const no = evaluateEligibility(pack, 'trainer_advanced', trainer({ trainingStartYear: 2019 }), ctx);
    expect(check(no, '从事教师培训工作年限')).toMatchObject({
      passed: false,
      soft: false,
      values: { years: 2 },
    });
    expect(no).toMatchObject({ eligible: false, needsOverride: false });
  });

  it('R-004-66 no recorded start year fails with a message', () => {
    const r = evaluateEligibility(pack, 'institution_backbone', trainer({ trainingStartYear: null }), ctx);
    expect(check(r, '从事教师培训工作年限')).toMatchObject({
      ruleId: 'R-004-66',
      passed: false,
      message: '未登记从事教师培训工作的起始年份',
    });
  });

  it('R-004-55 the stricter counting setting needs 2017 for 3 full years', () => {
    const strict: PolicyPack = structuredClone(pack);
    strict.settings.trainingYearsCounting.value = 'full_years_only';
    expect(
      evaluateEligibility(strict, 'trainer_advanced', trainer({ trainingStartYear: 2018 }), ctx).eligible,
    ).toBe(false);
    expect(
      evaluateEligibility(strict, 'trainer_advanced', trainer({ trainingStartYear: 2017 }), ctx).eligible,
    ).toBe(true);
  });

  it('R-004-55 a role outside chief expert / training manager / instructor fails', () => {
    const r = evaluateEligibility(pack, 'trainer_advanced', trainer({ rolesHeld: ['homeroom'] }), ctx);
    expect(check(r, '岗位')).toMatchObject({
      ruleId: 'R-004-55',
      passed: false,
      values: { rolesHeld: 'homeroom', matched: null },
    });
    expect(check(r, '岗位').message).toContain('班主任');
    expect(
      evaluateEligibility(pack, 'trainer_advanced', trainer({ rolesHeld: ['chief_expert'] }), ctx).eligible,
    ).toBe(true);
  });

  it('R-004-44 the county team accepts a 名师 by backbone level when no role matches', () => {
    const r = evaluateEligibility(pack, 'county_system', trainer({ rolesHeld: [], backbone: 'master' }), ctx);
    expect(check(r, '岗位')).toMatchObject({ passed: true, values: { matched: 'master' } });
  });

  it('R-004-57 unconfirmed qualitative conditions fail and are named', () => {
    const r = evaluateEligibility(pack, 'trainer_advanced', trainer({ attestations: ['healthy'] }), ctx);
    expect(check(r, '资格条件确认')).toMatchObject({
      passed: false,
      values: { missing: 'devoted_to_training,training_expertise' },
    });
  });

  it('R-004-67 priority flags are reported and never refuse', () => {
    const r = evaluateEligibility(
      pack,
      'institution_backbone',
      trainer({ flags: ['songjiao_2021_lead'] }),
      ctx,
    );
    expect(r.priorities).toEqual([
      {
        ruleId: 'R-004-67',
        code: 'songjiao_2021_lead',
        label: expect.stringContaining('国培送教下乡精准培训项目'),
      },
    ]);
    expect(evaluateEligibility(pack, 'institution_backbone', trainer(), ctx).priorities).toEqual([]);
  });
});

describe('R-004-72 乡镇 school, 教龄 ≥ 5, backbone', () => {
  it('R-004-72 教龄 4 years 364 days fails; exactly 5 years on the cut-off date passes', () => {
    const short = evaluateEligibility(
      pack,
      'rural_backbone',
      ruralTeacher({ teachingStartDate: '2016-07-31' }),
      ctx,
    );
    expect(check(short, '教龄')).toMatchObject({
      ruleId: 'R-004-72',
      passed: false,
      values: { years: 4, min: 5 },
    });
    expect(short.eligible).toBe(false);
    const exact = evaluateEligibility(
      pack,
      'rural_backbone',
      ruralTeacher({ teachingStartDate: '2016-07-30' }),
      ctx,
    );
    expect(check(exact, '教龄')).toMatchObject({ passed: true, values: { years: 5 } });
    expect(exact.eligible).toBe(true);
  });

  it('R-004-72 a 城区 school fails; 镇区 and 乡村 pass; unknown fails', () => {
    const urban = evaluateEligibility(
      pack,
      'rural_backbone',
      ruralTeacher({ schoolLocationType: 'urban' }),
      ctx,
    );
    expect(check(urban, '学校城乡类型')).toMatchObject({
      passed: false,
      values: { locationType: 'urban', allowed: 'town,rural' },
    });
    expect(check(urban, '学校城乡类型').message).toBe('所在学校为城区学校，不符合（须为镇区、乡村学校）');
    expect(
      evaluateEligibility(pack, 'rural_backbone', ruralTeacher({ schoolLocationType: 'town' }), ctx).eligible,
    ).toBe(true);
    expect(
      evaluateEligibility(pack, 'rural_backbone', ruralTeacher({ schoolLocationType: null }), ctx).eligible,
    ).toBe(false);
  });

  it('R-004-72 no backbone level fails; a school-level backbone passes', () => {
    const r = evaluateEligibility(pack, 'rural_backbone', ruralTeacher({ backbone: null }), ctx);
    expect(check(r, '骨干教师')).toMatchObject({ passed: false, message: '未认定骨干教师' });
    expect(
      evaluateEligibility(pack, 'rural_backbone', ruralTeacher({ backbone: 'school' }), ctx).eligible,
    ).toBe(true);
  });

  it('title and stage lists, when a pack sets them, are checked with their values', () => {
    const custom: PolicyPack = structuredClone(pack);
    const track = custom.projectTypes[4]?.tracks[0];
    if (!track) throw new Error('setup');
    track.eligibility.titles = { value: ['senior', 'prof'], ruleId: 'Y-TEST-T', source: 'test' };
    track.eligibility.stages = { value: ['primary', 'junior'], ruleId: 'Y-TEST-S', source: 'test' };
    const r = evaluateEligibility(
      custom,
      'rural_backbone',
      ruralTeacher({ title: 'first', stage: 'junior' }),
      ctx,
    );
    expect(check(r, '职称')).toMatchObject({ ruleId: 'Y-TEST-T', passed: false, values: { title: 'first' } });
    expect(check(r, '职称').message).toBe('职称一级教师，不符合（须为高级教师、正高级教师之一）');
    expect(check(r, '学段').passed).toBe(true);
  });
});

describe('R-004-20 integrity ban: a standing record bars provincial centralised programmes for 3 years', () => {
  it('R-004-20 a record exactly 3 years before the class start no longer bars (anniversary allowed)', () => {
    const r = evaluateEligibility(
      pack,
      'trainer_advanced',
      trainer({ integrityRecords: [{ date: '2018-08-20', kind: 'dismissed', standing: true }] }),
      ctx,
    );
    expect(check(r, '培训诚信档案').passed).toBe(true);
    expect(r.eligible).toBe(true);
  });

  it('R-004-20 a record one day later still bars, and says the date the bar ends', () => {
    const r = evaluateEligibility(
      pack,
      'trainer_advanced',
      trainer({ integrityRecords: [{ date: '2018-08-21', kind: 'not_completed', standing: true }] }),
      ctx,
    );
    const c = check(r, '培训诚信档案');
    expect(c).toMatchObject({
      ruleId: 'R-004-20',
      passed: false,
      soft: false,
      values: {
        recordDate: '2018-08-21',
        kind: 'not_completed',
        allowedFrom: '2021-08-21',
        barEndsOn: '2021-08-20',
        programmeStart: '2021-08-20',
      },
    });
    expect(c.message).toBe(
      '2018-08-21 有"未结业"记录，3 年内（至 2021-08-20）不得参加省级组织的集中培训项目，2021-08-21 起方可参加（本项目 2021-08-20 开班）',
    );
    expect(r).toMatchObject({ eligible: false, needsOverride: false });
  });

  it('R-004-20 with the "anniversary barred" setting, the anniversary itself is still barred', () => {
    const strict: PolicyPack = structuredClone(pack);
    strict.integrityBan.anniversary.value = 'barred';
    const r = evaluateEligibility(
      strict,
      'trainer_advanced',
      trainer({ integrityRecords: [{ date: '2018-08-20', kind: 'no_show', standing: true }] }),
      ctx,
    );
    expect(check(r, '培训诚信档案').values.allowedFrom).toBe('2021-08-21');
  });

  it('R-004-20 the latest bar is reported when there are several; revoked records do not count', () => {
    const r = evaluateEligibility(
      pack,
      'trainer_advanced',
      trainer({
        integrityRecords: [
          { date: '2019-03-01', kind: 'no_show', standing: true },
          { date: '2020-06-01', kind: 'dismissed', standing: true },
          { date: '2021-01-01', kind: 'dismissed', standing: false },
        ],
      }),
      ctx,
    );
    expect(check(r, '培训诚信档案').values.allowedFrom).toBe('2023-06-01');
    const revoked = trainer({
      integrityRecords: [{ date: '2021-01-01', kind: 'dismissed', standing: false }],
    });
    expect(evaluateEligibility(pack, 'trainer_advanced', revoked, ctx).eligible).toBe(true);
  });

  it('R-004-20 online-only tracks (新入职教师 50 学时) are not centralised training and are not barred', () => {
    const banned = trainer({
      integrityRecords: [{ date: '2021-01-01', kind: 'dismissed', standing: true }],
      attestations: ['new_teacher'],
    });
    const r = evaluateEligibility(pack, 'backbone_cultivation', banned, { ...ctx, trackCode: 'new_teacher' });
    expect(check(r, '培训诚信档案')).toMatchObject({ passed: true, values: { applies: false } });
    const backbone = evaluateEligibility(
      pack,
      'backbone_cultivation',
      { ...banned, attestations: ['provincial_backbone_candidate'] },
      ctx,
    );
    expect(check(backbone, '培训诚信档案').passed).toBe(false);
  });
});

describe('Y-004-OVERLAP no enrolment in another programme at the same time', () => {
  const other = (startDate: string, endDate: string, programmeId = 'prog-other') => ({
    programmeId,
    programmeName: '2021 年国培示范项目',
    startDate,
    endDate,
  });

  it('every check names what it is about by a code the web words it from, whatever its rule ID', () => {
    const r = evaluateEligibility(
      pack,
      'trainer_advanced',
      trainer({ enrolments: [other('2021-08-10', '2021-08-20')] }),
      ctx,
    );
    const byLabel = Object.fromEntries(r.checks.map((c) => [c.label, c.code]));
    expect(byLabel).toMatchObject({ 年龄: 'age', 培训诚信档案: 'integrity', 同期参训: 'overlap' });
    expect(r.checks.every((c) => typeof c.code === 'string' && c.code.length > 0)).toBe(true);
  });

  it('a programme ending on our first day overlaps; one ending the day before does not', () => {
    const clash = evaluateEligibility(
      pack,
      'trainer_advanced',
      trainer({ enrolments: [other('2021-08-10', '2021-08-20')] }),
      ctx,
    );
    expect(check(clash, '同期参训')).toMatchObject({
      code: 'overlap',
      ruleId: 'Y-004-OVERLAP',
      passed: false,
      values: {
        otherProgrammeId: 'prog-other',
        otherProgrammeName: '2021 年国培示范项目',
        otherStart: '2021-08-10',
        otherEnd: '2021-08-20',
      },
    });
    expect(check(clash, '同期参训').message).toContain('2021 年国培示范项目');
    expect(
      evaluateEligibility(
        pack,
        'trainer_advanced',
        trainer({ enrolments: [other('2021-08-10', '2021-08-19')] }),
        ctx,
      ).eligible,
    ).toBe(true);
  });

  it('a programme starting on our last day overlaps; the day after does not', () => {
    expect(
      evaluateEligibility(
        pack,
        'trainer_advanced',
        trainer({ enrolments: [other('2021-09-03', '2021-09-10')] }),
        ctx,
      ).eligible,
    ).toBe(false);
    expect(
      evaluateEligibility(
        pack,
        'trainer_advanced',
        trainer({ enrolments: [other('2021-09-04', '2021-09-10')] }),
        ctx,
      ).eligible,
    ).toBe(true);
  });

  it('the same programme is not an overlap with itself', () => {
    const r = evaluateEligibility(
      pack,
      'trainer_advanced',
      trainer({ enrolments: [other('2021-08-20', '2021-09-03', programme.id)] }),
      ctx,
    );
    expect(r.eligible).toBe(true);
  });
});

describe('R-004-20 integrityBar: the bar counts from the record date', () => {
  it('anniversary allowed: barred to the day before the third anniversary, allowed from it', () => {
    expect(integrityBar(pack, '2018-09-01')).toEqual({
      ruleId: 'R-004-20',
      years: 3,
      lastBarredDay: '2021-08-31',
      allowedFrom: '2021-09-01',
    });
  });
  it('29 February records end on 1 March of the common year', () => {
    expect(integrityBar(pack, '2020-02-29').allowedFrom).toBe('2023-03-01');
  });
});
