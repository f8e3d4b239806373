import { describe, expect, it } from 'vitest';
import { DEFAULT_HOUR_RULES } from '../hours/rules';
import { HENAN_2021_PACK } from '../programs/henan-2021';
import { validatePack } from '../programs/pack-validation';
import { type PolicyPack, pv } from '../programs/policy-pack';
import { DEFAULT_COMMUNITY_RULES } from './rules';
import type { CommunityRules } from './types';

const problemsOf = (communities: CommunityRules, changes: Partial<PolicyPack> = {}) =>
  validatePack({ ...HENAN_2021_PACK, ...changes, communities }).filter((p) =>
    p.path.startsWith('communities.'),
  );

const copy = () => structuredClone(DEFAULT_COMMUNITY_RULES) as CommunityRules;

describe('a pack’s communities section is checked like the rest of the pack', () => {
  it('the defaults pass; a pack without the section passes', () => {
    expect(problemsOf(DEFAULT_COMMUNITY_RULES)).toEqual([]);
    expect(validatePack(HENAN_2021_PACK).filter((p) => p.path.startsWith('communities.'))).toEqual([]);
  });

  it('R3-W02, R3-W04: a minimum above its maximum, and 8 areas from at most 7 core members, are refused with the rule', () => {
    const c = copy();
    c.workshop.coreMin = pv(8, 'R3-W02', 'S003:L705');
    c.workshop.coreAreasMin = pv(8, 'R3-W04', 'S003:L709-710');
    const problems = problemsOf(c);
    expect(problems.map((p) => [p.code, p.ruleId, p.path])).toEqual([
      ['PACK.COMMUNITIES', 'R3-W02', 'communities.workshop.coreMin'],
      ['PACK.COMMUNITIES', 'R3-W04', 'communities.workshop.coreAreasMin'],
    ]);
    expect(problems[0]?.message).toBe('核心成员数的下限 8 高于上限 7');
    // equal bounds pass
    const edge = copy();
    edge.workshop.coreMin = pv(7, 'R3-W02', 'S003:L705');
    edge.workshop.coreAreasMin = pv(7, 'R3-W04', 'S003:L709-710');
    expect(problemsOf(edge)).toEqual([]);
  });

  it('R3-W05, R3-P02, R3-S04: shares must be within 0–1 (1 itself passes)', () => {
    const c = copy();
    c.workshop.hostUnitCoreMaxShare = pv(20, 'R3-W05', 'S003:L710-711');
    c.trainers.activeShareMin = pv(-0.1, 'R3-P02', 'S003:L437-438');
    c.schoolBased.spotCheckRatio = pv(1, 'R3-S04', 'issue 13');
    expect(problemsOf(c).map((p) => p.path)).toEqual([
      'communities.workshop.hostUnitCoreMaxShare',
      'communities.trainers.activeShareMin',
    ]);
  });

  it('R3-W07, R3-W08, R3-P03, R3-P05: unknown stages and titles, month 13, ages out of order are refused', () => {
    const c = copy();
    c.workshop.memberAreasExemptStages = pv(['senior', 'college'], 'R3-W07', 'S003:L712-713');
    c.workshop.sessionMonths = pv([9, 13], 'R3-W08', 'S003:L714-715');
    c.trainers.titles = pv(['senior', 'dean'], 'R3-P03', 'S003:L816');
    c.trainers.firstAgeMax = pv(66, 'R3-P04', 'S003:L825-826');
    expect(problemsOf(c).map((p) => [p.ruleId, p.message])).toEqual([
      ['R3-W07', '学段"college"不存在'],
      ['R3-W08', '集中研修月份应为 1～12 且不重复，实为 9、13'],
      ['R3-P03', '职称"dean"不存在'],
      ['R3-P05', '续聘年龄上限 65 低于初聘年龄上限 66'],
    ]);
  });

  it('R3-W16, R3-S02, R-004-24: a copy that disagrees with the hours section or the funding is refused', () => {
    const c = copy();
    c.workshop.yearCapTenths = pv(500, 'R3-W16', 'S003:L745-746');
    c.schoolBased.yearMinTenths = pv(300, 'R3-S02', 'S003:L594-595');
    c.studios.subsidyFen = pv(1_000_000, 'R-004-24', 'S004:L39-41');
    expect(problemsOf(c).map((p) => [p.ruleId, p.message])).toEqual([
      ['R3-W16', '工作坊每学年最多学时为 50 学时，与学时规则的 40 学时不一致'],
      ['R-004-24', '工作室补助 10000 元与经费标准的 20000 元不一致'],
      ['R3-S02', '校本研修每学年学时为 30 学时，与学时规则的 24 学时不一致'],
    ]);
    // the same values in the hours section and funding: consistent, accepted
    const hours = structuredClone(DEFAULT_HOUR_RULES);
    hours.categories.workshop = { ...hours.categories.workshop, yearCapTenths: pv(500, 'R3-W16', 't') };
    hours.categories.school_based = { yearMinTenths: pv(300, 'R3-S02', 't') };
    const funding = { ...HENAN_2021_PACK.funding, studioSubsidyFen: pv(1_000_000, 'R-004-24', 't') };
    expect(problemsOf(c, { hours, funding })).toEqual([]);
  });

  it('a value without its rule ID is refused like any pack value', () => {
    const c = copy();
    c.review.selectionMonth = { value: 12, ruleId: '', source: 'S003:L207-210' };
    expect(problemsOf(c).map((p) => [p.code, p.path])).toEqual([
      ['PACK.RULE_REF_MISSING', 'communities.review.selectionMonth'],
    ]);
  });
});
