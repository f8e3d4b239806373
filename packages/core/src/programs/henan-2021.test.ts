import { describe, expect, it } from 'vitest';
import { HENAN_2021_PACK } from './henan-2021';
import { validatePack } from './pack-validation';
import { findProjectType, findTrack, type PolicyValue, type ProjectType } from './policy-pack';

const pack = HENAN_2021_PACK;

function type(code: string): ProjectType {
  const t = findProjectType(pack, code);
  if (!t) throw new Error(`no project type ${code}`);
  return t;
}

function track(typeCode: string, trackCode?: string) {
  const t = findTrack(type(typeCode), trackCode);
  if (!t) throw new Error(`no track ${trackCode}`);
  return t;
}

function brief(v: PolicyValue<unknown> | undefined): [unknown, string, string] | undefined {
  return v && [v.value, v.ruleId, v.source];
}

function allPolicyValues(node: unknown, out: Array<PolicyValue<unknown>> = []): Array<PolicyValue<unknown>> {
  if (node !== null && typeof node === 'object') {
    if ('ruleId' in node && 'source' in node && 'value' in node) out.push(node as PolicyValue<unknown>);
    for (const child of Object.values(node)) allPolicyValues(child, out);
  }
  return out;
}

describe('Henan 2021 pack (seed 004)', () => {
  it('is valid: validatePack finds no problem', () => {
    expect(validatePack(pack)).toEqual([]);
  });

  it('is frozen so nobody edits the built-in pack in place', () => {
    expect(Object.isFrozen(pack)).toBe(true);
    expect(Object.isFrozen(type('trainer_advanced').tracks[0]?.eligibility.age?.max)).toBe(true);
  });

  it('every value names a rule ID and a seed line (or the issue for Yanxun rules)', () => {
    const values = allPolicyValues(pack);
    expect(values.length).toBeGreaterThan(80);
    for (const v of values) {
      expect(v.ruleId).toMatch(/^(R-004-\d{2}|Y-004-[A-Z0-9-]+)$/);
      expect(v.source).toMatch(/^(S004:L\d+(-\d+)?(,L\d+)?|issue 3)$/);
    }
  });

  it('R-004-01 five project types, all 省培 (provincial)', () => {
    expect(pack.projectTypes.map((t) => t.name)).toEqual([
      '省级骨干教师培育项目',
      '县域教师发展支持服务体系建设项目',
      '省级教师培训师高端研修项目',
      '市县级教师培训机构骨干教师培育项目',
      '乡村骨干教师素质提升培训项目',
    ]);
    expect(new Set(pack.projectTypes.map((t) => t.level.value))).toEqual(new Set(['provincial']));
  });

  it('R-004-04 twelve compulsory topics as asynchronous online modules; R-004-05 practical ≥ 50%', () => {
    expect(pack.design.compulsoryTopics.value).toHaveLength(12);
    expect(pack.design.compulsoryTopics.value).toContain('预防校园欺凌');
    expect(pack.design.compulsoryTopicsDelivery.value).toBe('async_online');
    expect(brief(pack.design.practicalShareMinPct)).toEqual([50, 'R-004-05', 'S004:L20']);
  });

  it('R-004-08…15 deadlines', () => {
    const d = pack.deadlines;
    expect(brief(d.applicationDue)).toEqual(['2021-07-30', 'R-004-08', 'S004:L22-24']);
    expect(brief(d.selectionDue)).toEqual(['2021-07-30', 'R-004-18', 'S004:L37']);
    expect(brief(d.classDatesDue)).toEqual(['2021-08-10', 'R-004-09', 'S004:L24-26']);
    expect(d.registrationNotice.value).toEqual({ anchor: 'class_start', offsetDays: -10, mustBe: 'before' });
    expect(d.registrationNotice.ruleId).toBe('R-004-10');
    expect(d.timetable.value.offsetDays).toBe(-5);
    expect(d.timetable.ruleId).toBe('R-004-11');
    expect(brief(d.bulletinsMin)).toEqual([3, 'R-004-14', 'S004:L30']);
    expect(d.finalReports.value).toEqual({ anchor: 'class_end', offsetDays: 30, mustBe: 'after' });
    expect(d.finalReportItems.value).toHaveLength(3);
  });

  it('R-004-22…24 funding standards in fen', () => {
    expect(brief(pack.funding.centralizedPerPersonDayFen)).toEqual([40_000, 'R-004-22', 'S004:L39']);
    expect(brief(pack.funding.onlinePerPersonHourFen)).toEqual([300, 'R-004-23', 'S004:L39']);
    expect(brief(pack.funding.studioSubsidyFen)).toEqual([2_000_000, 'R-004-24', 'S004:L39-41']);
  });

  it('R-004-20 integrity ban: 3 years for 未参训/被劝退/未结业, provincial centralised programmes', () => {
    const ban = pack.integrityBan;
    expect(brief(ban.years)).toEqual([3, 'R-004-20', 'S004:L37']);
    expect(ban.kinds.value).toEqual(['no_show', 'dismissed', 'not_completed']);
    expect(ban.appliesToLevels.value).toEqual(['provincial']);
    expect(ban.centralizedOnly.value).toBe(true);
    expect(ban.anniversary.value).toBe('allowed');
  });

  it('project 1 省级骨干教师培育: R-004-29/30 days and 学时, R-004-33 studio 1+10+50~100, R-004-35…37 outcomes', () => {
    const t = type('backbone_cultivation');
    expect(brief(t.cycleYears)).toEqual([1, 'R-004-30', 'S004:L75-77']);
    expect(brief(track('backbone_cultivation', 'backbone').centralizedDaysTotal)).toEqual([
      15,
      'R-004-29',
      'S004:L73',
    ]);
    expect(track('backbone_cultivation', 'backbone').onlineHoursTenths?.value).toBe(600);
    expect(track('backbone_cultivation', 'new_teacher').onlineHoursTenths?.value).toBe(500);
    expect(track('backbone_cultivation', 'new_teacher').practiceYears?.value).toBe(1);
    const studio = t.studios[0];
    expect(studio?.ruleId).toBe('R-004-33');
    expect(studio?.value.roles.map((r) => [r.role, r.min, r.max])).toEqual([
      ['master', 1, 1],
      ['backbone', 10, 10],
      ['new_teacher', 50, 100],
    ]);
    expect(studio?.value.subsidised).toBe(true);
    expect(t.outcomes.map((o) => [o.ruleId, o.value.trackCode, o.value.mode, o.value.items.length])).toEqual([
      ['R-004-35', 'backbone', 'all', 2],
      ['R-004-36', 'new_teacher', 'all', 1],
      ['R-004-37', 'master', 'all', 1],
    ]);
    expect(t.outcomes[0]?.value.items[0]?.parts).toEqual(['教学设计', '课堂教学实录', '教学反思']);
  });

  it('project 2 县域体系: R-004-39 13 counties, R-004-40…53 team 50, 4 schools 2+2, 10 studios 6/2/2, 1+10, 2 years', () => {
    const t = type('county_system');
    const cs = t.countySystem;
    if (!cs) throw new Error('no county system');
    expect(cs.projectCounties.value).toHaveLength(13);
    expect(cs.projectCounties.value).toContain('兰考县');
    expect(brief(cs.trainingTeamSize)).toEqual([50, 'R-004-40', 'S004:L96-98']);
    expect(cs.trainingTeamDomains.value).toHaveLength(5);
    expect([cs.devSchools.value, cs.devSchoolsPrimary.value, cs.devSchoolsSecondary.value]).toEqual([
      4, 2, 2,
    ]);
    expect([cs.teamMinPerDevSchool.value, cs.teamMinPerStudio.value]).toEqual([3, 1]);
    expect(cs.studioLeaders.value).toEqual({ masterTeachers: 6, masterPrincipals: 2, masterHeadTeachers: 2 });
    expect(cs.youngMembers.value).toBe(100);
    expect(brief(t.cycleYears)).toEqual([2, 'R-004-42', 'S004:L100']);
    expect(track('county_system', 'county_team').centralizedDaysTotal?.value).toBe(30);
    expect(track('county_system', 'county_team').onlineHoursTenths?.value).toBe(1200);
    expect(t.studios[0]?.value.roles.map((r) => r.max)).toEqual([1, 10]);
    expect(t.outcomes.map((o) => o.value.owner)).toEqual(['provider', 'county', 'dev_school', 'studio']);
  });

  it('R-004-41 4 schools and 10 studios per county, R-004-43 1 university + 4 schools + 10 teams, R-004-50 1+10, R-004-32 studio hosts attested', () => {
    const cs = type('county_system').countySystem;
    if (!cs) throw new Error('no county system');
    expect(brief(cs.devSchools)).toEqual([4, 'R-004-41', 'S004:L98']);
    expect(brief(cs.studios)).toEqual([10, 'R-004-41', 'S004:L98']);
    expect(brief(cs.pairing)).toEqual([
      { universities: 1, qualitySchools: 4, provincialTeams: 10 },
      'R-004-43',
      'S004:L101',
    ]);
    const studio = type('county_system').studios[0];
    expect([studio?.ruleId, studio?.value.roles.map((r) => [r.role, r.min, r.max])]).toEqual([
      'R-004-50',
      [
        ['leader', 1, 1],
        ['member', 10, 10],
      ],
    ]);
    const host = track('backbone_cultivation', 'master').eligibility.attestations;
    expect(host?.ruleId).toBe('R-004-32');
    expect(host?.value.map((a) => a.code)).toEqual(['provincial_master']);
  });

  it('R-004-53 outcomes of the county support system: the provider 1 case; the county 1 report + 1 plan; each development school and each studio 1 case + 1 summary report', () => {
    const outcomes = type('county_system').outcomes;
    expect(outcomes.map((o) => [o.ruleId, o.value.owner, o.value.mode])).toEqual([
      ['R-004-53', 'provider', 'all'],
      ['R-004-53', 'county', 'all'],
      ['R-004-53', 'dev_school', 'all'],
      ['R-004-53', 'studio', 'all'],
    ]);
    const items = (owner: string) =>
      outcomes.find((o) => o.value.owner === owner)?.value.items.map((i) => [i.code, i.count]);
    expect(items('provider')).toEqual([['county_system_case', 1]]);
    expect(items('county')).toEqual([
      ['county_system_report', 1],
      ['county_system_plan', 1],
    ]);
    for (const owner of ['dev_school', 'studio'])
      expect(items(owner)).toEqual([
        ['practice_case', 1],
        ['summary_report', 1],
      ]);
  });

  it('project 3 培训师: R-004-55 ≥3 years, R-004-56 ≤45 soft, R-004-58 150, R-004-59 1:1.2, R-004-60/61 25×2=50, R-004-62 1+10, R-004-64', () => {
    const t = type('trainer_advanced');
    const e = track('trainer_advanced').eligibility;
    expect(brief(e.minTrainingWorkYears)).toEqual([3, 'R-004-55', 'S004:L128']);
    expect(brief(e.age?.max)).toEqual([45, 'R-004-56', 'S004:L128']);
    expect(e.age?.soft.value).toBe(true);
    expect(e.attestations?.ruleId).toBe('R-004-57');
    expect(brief(t.traineeTotal)).toEqual([150, 'R-004-58', 'S004:L128']);
    expect(brief(t.competitiveRatio)).toEqual([1.2, 'R-004-59', 'S004:L128-130']);
    expect(brief(track('trainer_advanced').centralizedDaysPerYear)).toEqual([25, 'R-004-60', 'S004:L138']);
    expect(brief(track('trainer_advanced').centralizedDaysTotal)).toEqual([50, 'R-004-61', 'S004:L141']);
    expect(track('trainer_advanced').onlineHoursBasis?.value).toBe('per_year');
    expect(t.studios[0]?.ruleId).toBe('R-004-62');
    expect(t.outcomes[1]?.value.mode).toBe('any');
    expect(t.outcomes[1]?.ruleId).toBe('R-004-64');
  });

  it('project 4 机构骨干: R-004-66 ≥3 years, R-004-67 priority, R-004-68 ≤45 soft and 200, R-004-69 20 days + 100 学时, R-004-71 any-of reading', () => {
    const t = type('institution_backbone');
    const tr = track('institution_backbone');
    expect(brief(tr.eligibility.minTrainingWorkYears)).toEqual([3, 'R-004-66', 'S004:L151']);
    expect(tr.eligibility.priorities?.ruleId).toBe('R-004-67');
    expect(brief(tr.eligibility.age?.max)).toEqual([45, 'R-004-68', 'S004:L155']);
    expect(brief(t.traineeTotal)).toEqual([200, 'R-004-68', 'S004:L155']);
    expect(brief(tr.centralizedDaysTotal)).toEqual([20, 'R-004-69', 'S004:L161']);
    expect(tr.onlineHoursTenths?.value).toBe(1000);
    expect(t.competitiveRatio).toBeUndefined();
    expect(t.outcomes[0]?.ruleId).toBe('R-004-71');
    expect(t.outcomes[0]?.value.mode).toBe('any');
    expect(t.outcomes[0]?.value.items).toHaveLength(3);
    expect(t.outcomes[0]?.note).toMatch(/^解读/);
  });

  it('project 5 乡村骨干: R-004-72 乡镇 school, 教龄 ≥5, backbone; R-004-73 15 days; R-004-74 30 学时; R-004-75 示范课', () => {
    const tr = track('rural_backbone');
    expect(brief(tr.eligibility.schoolLocationTypes)).toEqual([['town', 'rural'], 'R-004-72', 'S004:L167']);
    expect(brief(tr.eligibility.minTeachingYears)).toEqual([5, 'R-004-72', 'S004:L167']);
    expect(tr.eligibility.backboneLevels?.value).toHaveLength(7);
    expect(brief(tr.centralizedDaysTotal)).toEqual([15, 'R-004-73', 'S004:L173']);
    expect(brief(tr.onlineHoursTenths)).toEqual([300, 'R-004-74', 'S004:L175']);
    expect(type('rural_backbone').outcomes[0]?.value.items[0]?.name).toBe('高质量示范课');
  });

  it('ambiguous clauses carry their reading as a note (R-004-05, -10, -14, -20, -56, -60, -71, -72)', () => {
    const notes = [
      pack.design.practicalShareBasis,
      pack.deadlines.registrationNotice,
      pack.deadlines.bulletinsBasis,
      pack.integrityBan.anniversary,
      pack.settings.referenceDate,
      track('trainer_advanced').onlineHoursBasis,
      type('institution_backbone').outcomes[0],
      track('rural_backbone').eligibility.schoolLocationTypes,
    ].map((v) => v?.note ?? '');
    for (const n of notes) expect(n).toMatch(/^解读：/);
  });
});
