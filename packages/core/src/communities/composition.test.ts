import { describe, expect, it } from 'vitest';
import {
  checkComposition,
  checkCountyStudio,
  checkMembershipAfterMove,
  checkNetworkStudio,
  checkPairedSchools,
  checkStudioReach,
  checkTrainingExpertStudio,
  checkTwoWayPair,
  studioSubsidyFen,
} from './composition';
import { DEFAULT_COMMUNITY_RULES } from './rules';
import type { Community, CommunityMember, CommunityRules, MemberRole, SchoolRef } from './types';

// Schools: the host school h, nine schools a1…a9 each its own area, and a 中心校 c with its primaries p1, p2.
const SCHOOLS: SchoolRef[] = [
  { id: 'h', name: '主持学校' },
  ...Array.from({ length: 9 }, (_, i) => ({ id: `a${i + 1}`, name: `学校${i + 1}` })),
  { id: 'c', name: '某镇中心校' },
  { id: 'p1', name: '某镇一小', centralSchoolId: 'c' },
  { id: 'p2', name: '某镇二小', centralSchoolId: 'c' },
];

const WORKSHOP: Community = {
  id: 'w1',
  name: '初中数学工作坊',
  kind: 'workshop',
  level: 'city',
  workshopClass: 'class_2',
  hostSchoolId: 'h',
  stage: 'junior',
};

let seq = 0;
function member(role: MemberRole, schoolId: string): CommunityMember {
  seq += 1;
  return { id: `m${seq}`, name: `教师${seq}`, role, schoolId };
}

/** Host at h and core at `coreSchools`; `formal` formal members spread over a1…a7 (7 areas). */
function roster(
  coreSchools: string[],
  formal: number,
  formalSchools = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'],
) {
  return [
    member('host', 'h'),
    ...coreSchools.map((s) => member('core', s)),
    ...Array.from({ length: formal }, (_, i) =>
      member('formal', formalSchools[i % formalSchools.length] ?? 'a1'),
    ),
  ];
}

const withWorkshop = (changes: Partial<CommunityRules['workshop']>): CommunityRules => ({
  ...DEFAULT_COMMUNITY_RULES,
  workshop: { ...DEFAULT_COMMUNITY_RULES.workshop, ...changes },
});
const rulesOf = (members: CommunityMember[], rules?: CommunityRules, community = WORKSHOP) =>
  checkComposition(community, members, SCHOOLS, rules).map((f) => f.rule);

describe('a workshop’s composition (R3-W02 … R3-W07)', () => {
  it('a workshop of 5 core from 5 areas and 20 members from 7 areas passes', () => {
    expect(checkComposition(WORKSHOP, roster(['a1', 'a2', 'a3', 'a4'], 20), SCHOOLS)).toEqual([]);
  });

  it('R3-W02: 4 core members is an error, 5 and 7 pass, 8 is an error (the host counts as core)', () => {
    expect(rulesOf(roster(['a1', 'a2', 'a3'], 21))).toContain('R3-W02');
    expect(rulesOf(roster(['a1', 'a2', 'a3', 'a4'], 20))).not.toContain('R3-W02');
    expect(rulesOf(roster(['a1', 'a2', 'a3', 'a4', 'a5', 'a6'], 20))).not.toContain('R3-W02');
    const eight = checkComposition(WORKSHOP, roster(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'], 20), SCHOOLS);
    expect(eight.find((f) => f.rule === 'R3-W02')).toMatchObject({
      severity: 'error',
      message: '核心成员 8 人，应为 5～7 人',
      values: { core: 8, min: 5, max: 7 },
    });
  });

  it('R3-W02: with the host not counted as core, host + 4 core is 4 core members', () => {
    const rules = withWorkshop({
      hostCountsAsCore: { ...DEFAULT_COMMUNITY_RULES.workshop.hostCountsAsCore, value: false },
    });
    expect(rulesOf(roster(['a1', 'a2', 'a3', 'a4'], 20), rules)).toContain('R3-W02');
    expect(rulesOf(roster(['a1', 'a2', 'a3', 'a4', 'a5'], 20), rules)).not.toContain('R3-W02');
  });

  it('R3-W03: the team total 19 is an error, 20 and 30 pass, 31 is an error (base: the whole team)', () => {
    const core = ['a1', 'a2', 'a3', 'a4'];
    expect(rulesOf(roster(core, 14))).toContain('R3-W03');
    expect(rulesOf(roster(core, 15))).not.toContain('R3-W03');
    expect(rulesOf(roster(core, 25))).not.toContain('R3-W03');
    expect(
      checkComposition(WORKSHOP, roster(core, 26), SCHOOLS).find((f) => f.rule === 'R3-W03'),
    ).toMatchObject({
      message: '成员总数 31 人，应为 20～30 人',
      values: { formal: 31, base: 'team' },
    });
  });

  it('R3-W03: on the non-core base, 19 members besides the core is an error and 20 passes', () => {
    const rules = withWorkshop({
      formalBase: { ...DEFAULT_COMMUNITY_RULES.workshop.formalBase, value: 'non_core' },
    });
    expect(rulesOf(roster(['a1', 'a2', 'a3', 'a4'], 19), rules)).toContain('R3-W03');
    expect(rulesOf(roster(['a1', 'a2', 'a3', 'a4'], 20), rules)).not.toContain('R3-W03');
  });

  it('R3-W04: a 中心校 and its primaries are one area: core at h, a1, a2, c, p1 is 4 areas; p1 → a3 makes 5', () => {
    const four = checkComposition(WORKSHOP, roster(['a1', 'a2', 'c', 'p1'], 20), SCHOOLS);
    expect(four.find((f) => f.rule === 'R3-W04')).toMatchObject({
      severity: 'error',
      values: { areas: 4, min: 5, areaIds: ['a1', 'a2', 'c', 'h'] },
    });
    expect(rulesOf(roster(['a1', 'a2', 'p2', 'p1'], 20))).toContain('R3-W04');
    expect(rulesOf(roster(['a1', 'a2', 'c', 'a3'], 20))).not.toContain('R3-W04');
  });

  it('R3-W05: the host unit’s core is at most 20 % of the team: 5 of 25 passes, 6 of 25 is an error', () => {
    // host + 4 core at h, the fifth … seventh core elsewhere; 25 members in all
    const five = roster(['h', 'h', 'h', 'h', 'a1', 'a2'], 18);
    expect(five).toHaveLength(25);
    expect(rulesOf(five)).not.toContain('R3-W05');
    const six = roster(['h', 'h', 'h', 'h', 'h', 'a2'], 18);
    expect(checkComposition(WORKSHOP, six, SCHOOLS).find((f) => f.rule === 'R3-W05')).toMatchObject({
      message: '主持单位的核心成员 6 人，超过团队总数 25 人的 20%（最多 5 人）',
      values: { hostUnitCore: 6, base: 25, allowed: 5 },
    });
  });

  it('R3-W05: on the core base, 1 host-unit core member of 5 passes and 2 is an error', () => {
    const rules = withWorkshop({
      hostUnitShareBase: { ...DEFAULT_COMMUNITY_RULES.workshop.hostUnitShareBase, value: 'core' },
    });
    expect(rulesOf(roster(['a1', 'a2', 'a3', 'a4'], 20), rules)).not.toContain('R3-W05');
    expect(rulesOf(roster(['h', 'a2', 'a3', 'a4'], 20), rules)).toContain('R3-W05');
  });

  it('R3-W07: members beside the core from 6 areas is an error, 7 passes; a senior-high workshop is exempt', () => {
    const six = roster(['a1', 'a2', 'a3', 'a4'], 20, ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect(checkComposition(WORKSHOP, six, SCHOOLS).find((f) => f.rule === 'R3-W07')).toMatchObject({
      message: '申报成员只来自 6 个不同区域的学校，至少应有 7 个',
    });
    expect(rulesOf(roster(['a1', 'a2', 'a3', 'a4'], 20))).not.toContain('R3-W07');
    expect(rulesOf(six, undefined, { ...WORKSHOP, stage: 'senior' })).not.toContain('R3-W07');
    // applicants count like formal members; p1 and p2 are the one area c
    const applicants = roster(['a1', 'a2', 'a3', 'a4'], 20, ['a1', 'a2', 'a3', 'a4', 'a5', 'p1', 'p2']).map(
      (m) => (m.role === 'formal' ? { ...m, role: 'applicant' as const } : m),
    );
    expect(rulesOf(applicants)).toContain('R3-W07');
  });

  it('Y-COMM-SCHOOL: a member whose school is unknown is named; a studio is not judged by the workshop rules', () => {
    const members = [...roster(['a1', 'a2', 'a3', 'a4'], 19), member('formal', 'nowhere')];
    const f = checkComposition(WORKSHOP, members, SCHOOLS).find((x) => x.rule === 'Y-COMM-SCHOOL');
    expect(f?.values.schoolIds).toEqual(['nowhere']);
    expect(
      checkComposition({ ...WORKSHOP, kind: 'master_teacher_studio' }, members.slice(0, 3), SCHOOLS),
    ).toEqual([]);
  });
});

describe('a member whose school moved', () => {
  it('R3-W04: a core member moving into an area the core already has is flagged, with the name and school', () => {
    const members = roster(['a1', 'a2', 'a3', 'a4'], 20);
    const mover = members[4];
    if (!mover) throw new Error('fixture');
    const check = checkMembershipAfterMove(WORKSHOP, members, SCHOOLS, {
      memberId: mover.id,
      toSchoolId: 'a1',
    });
    expect(check.flagged).toBe(true);
    expect(check.findings.map((f) => f.rule)).toEqual(['R3-W04']);
    expect(check.findings[0]?.message).toMatch(new RegExp(`^${mover.name}调至学校1后，核心成员只来自 4 个`));
    expect(check).toMatchObject({ fromSchoolId: 'a4', toSchoolId: 'a1' });
  });

  it('R3-W05: core members moving into the host school past 20 % are flagged; a formal member moving within the areas is not', () => {
    const members = roster(['h', 'h', 'h', 'h', 'a1', 'a2'], 18);
    const core = members.find((m) => m.role === 'core' && m.schoolId === 'a1');
    const formal = members.find((m) => m.role === 'formal' && m.schoolId === 'a3');
    if (!core || !formal) throw new Error('fixture');
    expect(
      checkMembershipAfterMove(WORKSHOP, members, SCHOOLS, {
        memberId: core.id,
        toSchoolId: 'h',
      }).findings.map((f) => f.rule),
    ).toContain('R3-W05');
    expect(
      checkMembershipAfterMove(WORKSHOP, members, SCHOOLS, { memberId: formal.id, toSchoolId: 'a4' }),
    ).toMatchObject({
      flagged: false,
      findings: [],
    });
  });

  it('a rule the roster already broke is not laid on the move', () => {
    const members = roster(['a1', 'a2', 'a3'], 21); // 4 core: R3-W02 already
    const formal = members.find((m) => m.role === 'formal');
    if (!formal) throw new Error('fixture');
    const check = checkMembershipAfterMove(WORKSHOP, members, SCHOOLS, {
      memberId: formal.id,
      toSchoolId: 'a2',
    });
    expect(check.flagged).toBe(false);
  });
});

function studio(hosts: number, core: number, mentees: number): CommunityMember[] {
  return [
    ...Array.from({ length: hosts }, () => member('host', 'h')),
    ...Array.from({ length: core }, () => member('core', 'a1')),
    ...Array.from({ length: mentees }, () => member('mentee', 'a2')),
  ];
}

describe('studios of seed 004', () => {
  it('R-004-33: 名师网络工作室 1 + 10 + 50~100: 50 and 100 mentees pass, 49 and 101 are errors', () => {
    expect(checkNetworkStudio(studio(1, 10, 50))).toEqual([]);
    expect(checkNetworkStudio(studio(1, 10, 100))).toEqual([]);
    expect(checkNetworkStudio(studio(1, 10, 49))).toEqual([
      expect.objectContaining({ rule: 'R-004-33', message: '名师网络工作室应有学员 50～100 名，实有 49 名' }),
    ]);
    expect(checkNetworkStudio(studio(1, 10, 101)).map((f) => f.values.mentees)).toEqual([101]);
  });

  it('R-004-33: 9 or 11 backbone members and 0 or 2 hosts are errors', () => {
    expect(checkNetworkStudio(studio(1, 9, 60)).map((f) => f.message)).toEqual([
      '名师网络工作室应有成员 10 名，实有 9 名',
    ]);
    expect(checkNetworkStudio(studio(1, 11, 60))).toHaveLength(1);
    expect(checkNetworkStudio(studio(0, 10, 60)).map((f) => f.values.hosts)).toEqual([0]);
    expect(checkNetworkStudio(studio(2, 10, 60))).toHaveLength(1);
  });

  it('R-004-50 and R-004-62: county and training-expert studios are 1 + 10 (core and formal together)', () => {
    const county = [member('host', 'h'), ...Array.from({ length: 5 }, () => member('core', 'a1'))];
    county.push(...Array.from({ length: 5 }, () => member('formal', 'a2')));
    expect(checkCountyStudio(county)).toEqual([]);
    expect(checkCountyStudio([...county, member('formal', 'a3')]).map((f) => f.rule)).toEqual(['R-004-50']);
    expect(checkTrainingExpertStudio(studio(1, 10, 0))).toEqual([]);
    expect(checkTrainingExpertStudio(studio(1, 9, 0)).map((f) => f.rule)).toEqual(['R-004-62']);
  });

  it('R-004-24: 2 万元 for a 名师网络工作室 or 培训专家工作室; none for a county studio or a workshop', () => {
    const online: Community = { ...WORKSHOP, kind: 'master_online_studio', level: 'province' };
    expect(studioSubsidyFen(online)).toEqual({ fen: 2_000_000, rule: 'R-004-24' });
    expect(studioSubsidyFen({ ...online, kind: 'training_expert_studio' }).fen).toBe(2_000_000);
    expect(studioSubsidyFen({ ...online, kind: 'master_teacher_studio', level: 'county' }).fen).toBe(0);
    expect(studioSubsidyFen(WORKSHOP).fen).toBe(0);
  });

  it('R3-B07: a studio leading 4 teachers a year is short, 5 passes', () => {
    expect(checkStudioReach(4)).toEqual([
      expect.objectContaining({ rule: 'R3-B07', message: '本年度引领教师 4 名，少于 5 名' }),
    ]);
    expect(checkStudioReach(5)).toEqual([]);
  });

  it('R3-B05 / R3-B06: helping 0 or 4 schools is an error, 1 and 3 pass', () => {
    expect(checkPairedSchools(0, 'dev_school').map((f) => f.rule)).toEqual(['R3-B05']);
    expect(checkPairedSchools(1, 'dev_school')).toEqual([]);
    expect(checkPairedSchools(3, 'demo_school')).toEqual([]);
    expect(checkPairedSchools(4, 'demo_school').map((f) => f.rule)).toEqual(['R3-B06']);
  });

  it('R3-G20: a city studio pairs with a town workshop; a county studio does not', () => {
    const cityStudio: Community = { ...WORKSHOP, kind: 'master_teacher_studio', level: 'city' };
    const townWorkshop: Community = { ...WORKSHOP, level: 'town' };
    expect(checkTwoWayPair(cityStudio, townWorkshop)).toEqual([]);
    expect(checkTwoWayPair({ ...cityStudio, level: 'county' }, townWorkshop)[0]?.message).toBe(
      '双向协作应为市级工作室与镇级工作坊结对，现为县级名师工作室与镇级教师工作坊',
    );
    expect(checkTwoWayPair(cityStudio, { ...townWorkshop, level: 'school' }).map((f) => f.rule)).toEqual([
      'R3-G20',
    ]);
  });
});
