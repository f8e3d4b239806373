import { describe, expect, it } from 'vitest';
import { DEFAULT_HOUR_RULES } from '../hours/rules';
import { HENAN_2021_PACK } from '../programs/henan-2021';
import { type PolicyPack, pv, type StudioStructure } from '../programs/policy-pack';
import { ruleSources } from '../programs/rule-sources';
import { atLeastShare, atMostShare, communityRulesOf, DEFAULT_COMMUNITY_RULES, percent } from './rules';
import {
  COMMUNITY_KIND_LABELS,
  COMMUNITY_KINDS,
  COMMUNITY_LEVEL_LABELS,
  COMMUNITY_LEVELS,
  MEMBER_ROLE_LABELS,
  MEMBER_ROLES,
  WORKSHOP_CLASS_LABELS,
  WORKSHOP_CLASSES,
} from './types';

const r = DEFAULT_COMMUNITY_RULES;

function henanStudio(code: string): StudioStructure {
  for (const type of HENAN_2021_PACK.projectTypes)
    for (const s of type.studios) if (s.value.code === code) return s.value;
  throw new Error(`no studio ${code}`);
}

describe('kinds, levels and roles carry their Chinese labels', () => {
  it('R3-W01 and seed 002/003/004: every code has its label', () => {
    expect(COMMUNITY_KINDS.map((k) => COMMUNITY_KIND_LABELS[k])).toEqual([
      '名师工作室',
      '名校长工作室',
      '名班主任工作室',
      '乡村首席教师工作室',
      '培训专家工作室',
      '名师网络工作室',
      '教师工作坊',
    ]);
    expect(WORKSHOP_CLASSES.map((c) => WORKSHOP_CLASS_LABELS[c])).toEqual([
      '一类（名师工作室）',
      '二类（年级学科工作坊）',
      '三类（跨学段领域工作坊）',
    ]);
    expect(COMMUNITY_LEVELS.map((l) => COMMUNITY_LEVEL_LABELS[l])).toEqual([
      '省级',
      '市级',
      '县级',
      '镇级',
      '校级',
    ]);
    expect(MEMBER_ROLES.map((x) => MEMBER_ROLE_LABELS[x])).toEqual([
      '主持人',
      '核心成员',
      '正式成员',
      '学员',
      '申报成员',
    ]);
  });
});

describe('the default community rules carry their rule IDs and seed lines', () => {
  it('R3-W02 … R3-W07: core 5–7, members 20–30, 5 areas, 20 % of the team, 7 areas outside 学前/高中/中职', () => {
    const w = r.workshop;
    expect([w.coreMin, w.coreMax].map((v) => [v.value, v.ruleId, v.source])).toEqual([
      [5, 'R3-W02', 'S003:L705'],
      [7, 'R3-W02', 'S003:L705'],
    ]);
    expect([w.formalMin.value, w.formalMax.value, w.formalBase.value, w.formalMin.ruleId]).toEqual([
      20,
      30,
      'team',
      'R3-W03',
    ]);
    expect(w.coreAreasMin).toMatchObject({ value: 5, ruleId: 'R3-W04', source: 'S003:L709-710' });
    expect(w.hostUnitCoreMaxShare).toMatchObject({ value: 0.2, ruleId: 'R3-W05' });
    expect(w.hostUnitShareBase).toMatchObject({ value: 'team', ruleId: 'R3-W05' });
    expect(w.hostUnitShareBase.note).toContain('可改为按核心成员计');
    expect(w.memberAreasMin).toMatchObject({ value: 7, ruleId: 'R3-W07' });
    expect(w.memberAreasExemptStages.value).toEqual(['ece', 'senior', 'voc']);
  });

  it('R3-W06, R3-W08 … R3-W10, R3-W14: rotation, one a month and 7 a year, 1–2 lessons, a forum, 2 years and 1 adjustment', () => {
    const w = r.workshop;
    expect(w.hostingsPerCoreUnitMin).toMatchObject({ value: 1, ruleId: 'R3-W06' });
    expect([w.sessionsPerMonthMin.value, w.sessionsPerYearMin.value, w.sessionsPerYearMin.ruleId]).toEqual([
      1,
      7,
      'R3-W08',
    ]);
    expect(w.sessionMonths.value).toEqual([9, 10, 11, 12, 3, 4, 5, 6]);
    expect([
      w.liveLessonsMin.value,
      w.liveLessonsMax.value,
      w.discussionsMin.value,
      w.liveLessonsMin.ruleId,
    ]).toEqual([1, 2, 1, 'R3-W09']);
    expect(w.readingForumsMin).toMatchObject({ value: 1, ruleId: 'R3-W10' });
    expect([w.registrationYears.value, w.adjustmentsPerYearMax.value, w.registrationYears.ruleId]).toEqual([
      2,
      1,
      'R3-W14',
    ]);
  });

  it('R3-W16 and R3-S02: the 学时 are the hours section’s own values, not copies', () => {
    expect(r.workshop.dayCapTenths).toBe(DEFAULT_HOUR_RULES.categories.workshop?.dayCapTenths);
    expect(r.workshop.yearCapTenths).toBe(DEFAULT_HOUR_RULES.categories.workshop?.yearCapTenths);
    expect([
      r.workshop.dayCapTenths.value,
      r.workshop.yearCapTenths.value,
      r.workshop.dayCapTenths.ruleId,
    ]).toEqual([60, 400, 'R3-W16']);
    expect(r.schoolBased.yearMinTenths).toBe(DEFAULT_HOUR_RULES.categories.school_based?.yearMinTenths);
    expect(r.schoolBased.yearMinTenths).toMatchObject({ value: 240, ruleId: 'R3-S02' });
  });

  it('R3-P01 … R3-P06: team 50, 90 %, 副高 soft, 35 soft / 60 hard, renewal 65, 3-year term', () => {
    const t = r.trainers;
    expect(
      [t.countyTeamMin, t.activeShareMin, t.firstAgeMin, t.firstAgeMax, t.renewalAgeMax, t.termYears].map(
        (v) => [v.value, v.ruleId],
      ),
    ).toEqual([
      [50, 'R3-P01'],
      [0.9, 'R3-P02'],
      [35, 'R3-P04'],
      [60, 'R3-P04'],
      [65, 'R3-P05'],
      [3, 'R3-P06'],
    ]);
    expect(t.titles).toMatchObject({ value: ['prof', 'senior'], ruleId: 'R3-P03', source: 'S003:L816' });
  });

  it('R3-S03, R3-S04: the plan before week 2; the spot-check ratio is a Yanxun default the seed does not give', () => {
    expect(r.schoolBased.planDueBeforeWeek).toMatchObject({ value: 2, ruleId: 'R3-S03' });
    expect(r.schoolBased.planWeekBasis.value).toBe('from_start');
    expect(r.schoolBased.spotCheckRatio).toMatchObject({ value: 0.2, ruleId: 'R3-S04' });
    expect(r.schoolBased.spotCheckRatio.note).toContain('未给比例');
  });

  it('R-004-33, R-004-50, R-004-62: the studio shapes agree with the Henan pack’s studio structures', () => {
    const roles = (code: string) => henanStudio(code).roles.map((x) => [x.min, x.max]);
    const s = r.studios;
    expect(roles('master_online_studio')).toEqual([
      [s.network.hosts.value, s.network.hosts.value],
      [s.network.coreMin.value, s.network.coreMax.value],
      [s.network.menteesMin?.value, s.network.menteesMax?.value],
    ]);
    expect(roles('county_master_studio')).toEqual([
      [s.county.hosts.value, s.county.hosts.value],
      [s.county.coreMin.value, s.county.coreMax.value],
    ]);
    expect(roles('training_expert_studio')).toEqual([
      [s.trainingExpert.hosts.value, s.trainingExpert.hosts.value],
      [s.trainingExpert.coreMin.value, s.trainingExpert.coreMax.value],
    ]);
    expect([s.network.menteesMin?.value, s.network.menteesMax?.value, s.network.hosts.ruleId]).toEqual([
      50,
      100,
      'R-004-33',
    ]);
  });

  it('R-004-24: the subsidy is the Henan pack’s funding value (2 万元), for the subsidised studios of that pack', () => {
    expect(r.studios.subsidyFen).toBe(HENAN_2021_PACK.funding.studioSubsidyFen);
    expect(r.studios.subsidyFen.value).toBe(2_000_000);
    expect(henanStudio('master_online_studio').subsidised).toBe(true);
    expect(henanStudio('training_expert_studio').subsidised).toBe(true);
    expect(henanStudio('county_master_studio').subsidised).toBe(false);
    expect(r.studios.subsidisedKinds.value).toEqual(['master_online_studio', 'training_expert_studio']);
  });

  it('is frozen, and the officers’ rule catalogue lists the rules with their seed lines', () => {
    expect(Object.isFrozen(r.workshop)).toBe(true);
    const by = new Map(ruleSources().map((x) => [x.ruleId, x]));
    expect(by.get('R3-W02')).toMatchObject({ source: 'S003:L705' });
    expect(by.get('R3-W05')?.note).toContain('20%');
    expect(by.get('R3-P04')?.source).toBe('S003:L825-826');
    expect(by.get('R3-S04')?.note).toContain('向上取整');
    expect(by.get('R-004-33')).toBeDefined();
    expect(by.get('R3-P10')?.note).toContain('八项规定');
    expect(by.get('R3-G17')).toMatchObject({ source: 'S003:L204-207' });
  });
});

describe('communityRulesOf', () => {
  it('gives the defaults for a pack without the section', () => {
    expect(communityRulesOf(HENAN_2021_PACK)).toBe(DEFAULT_COMMUNITY_RULES);
  });

  it('gives the pack’s own section: a region that reads R3-W05 on the core', () => {
    const communities = structuredClone(DEFAULT_COMMUNITY_RULES);
    communities.workshop.hostUnitShareBase = pv('core', 'R3-W05', 'S003:L710-711', 'region reading');
    const pack: PolicyPack = { ...HENAN_2021_PACK, communities };
    expect(communityRulesOf(pack).workshop.hostUnitShareBase.value).toBe('core');
  });

  it('R3-W16, R3-S02 and R-004-24 follow the pack’s hours section and funding', () => {
    const hours = structuredClone(DEFAULT_HOUR_RULES);
    hours.categories.workshop = {
      dayCapTenths: pv(50, 'R3-W16', 't'),
      yearCapTenths: pv(300, 'R3-W16', 't'),
    };
    hours.categories.school_based = { yearMinTenths: pv(300, 'R3-S02', 't') };
    const funding = { ...HENAN_2021_PACK.funding, studioSubsidyFen: pv(3_000_000, 'R-004-24', 't') };
    const rules = communityRulesOf({ ...HENAN_2021_PACK, hours, funding });
    expect([
      rules.workshop.dayCapTenths.value,
      rules.workshop.yearCapTenths.value,
      rules.schoolBased.yearMinTenths.value,
      rules.studios.subsidyFen.value,
    ]).toEqual([50, 300, 300, 3_000_000]);
    expect(DEFAULT_COMMUNITY_RULES.workshop.dayCapTenths.value).toBe(60);
  });

  it('shares are compared with the share itself included: 5 of 25 at 20 %, 45 of 50 at 90 %', () => {
    expect(atMostShare(5, 25, 0.2)).toBe(true);
    expect(atMostShare(6, 25, 0.2)).toBe(false);
    expect(atLeastShare(45, 50, 0.9)).toBe(true);
    expect(atLeastShare(44, 50, 0.9)).toBe(false);
    expect(percent(0.875)).toBe('87.5%');
  });
});
