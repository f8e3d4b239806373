/**
 * Who a studio or workshop is made of: the workshop's core and formal members, their areas and the host unit's
 * share (R3-W02 … R3-W07), the "1 + N (+ M)" studios of seed 004 (R-004-33, R-004-50, R-004-62), a member whose
 * school moved, the studio subsidy (R-004-24), a studio's reach (R3-B07), pairings (R3-B05/B06, R3-G20).
 */
import { atMostShare, COMMUNITY_RULE_SCHOOL, DEFAULT_COMMUNITY_RULES, percent } from './rules';
import {
  COMMUNITY_KIND_LABELS,
  COMMUNITY_LEVEL_LABELS,
  type Community,
  type CommunityFinding,
  type CommunityMember,
  type CommunityRules,
  type SchoolRef,
  type StudioShapeRules,
} from './types';

/** The area a school counts as for R3-W04 / R3-W07: its 中心校 if it is under one, else itself. */
export function areaOf(school: SchoolRef): string {
  return school.centralSchoolId ?? school.id;
}

function names(members: readonly CommunityMember[]): string[] {
  return members.map((m) => m.name);
}

function list(items: readonly string[]): string {
  return items.join('、');
}

/** Whether `m` counts as a core member of a workshop (the host too, if the pack says so). */
function isCore(m: CommunityMember, hostCountsAsCore: boolean): boolean {
  return m.role === 'core' || (m.role === 'host' && hostCountsAsCore);
}

/** The distinct areas of `members`' schools that are in `bySchool`. */
function areasOf(members: readonly CommunityMember[], bySchool: ReadonlyMap<string, SchoolRef>): string[] {
  const areas = new Set<string>();
  for (const m of members) {
    const school = bySchool.get(m.schoolId);
    if (school) areas.add(areaOf(school));
  }
  return [...areas].sort();
}

/**
 * The composition of a 教师工作坊 (R3-W02 … R3-W07): core 5–7, formal total 20–30, core from ≥ 5 areas, the host
 * unit's core ≤ 20 % of the team (or of the core, per the pack), 申报成员 from ≥ 7 areas unless the workshop's stage
 * is outside compulsory education. `members` is the roster (current members, or the registration's list with its
 * applicants); a member whose school is not in `schools` is an error of its own and counts in no area. Studios
 * have their own shapes (`checkNetworkStudio`, `checkCountyStudio`): for them this returns nothing.
 */
export function checkComposition(
  community: Community,
  members: readonly CommunityMember[],
  schools: readonly SchoolRef[],
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
): CommunityFinding[] {
  if (community.kind !== 'workshop') return [];
  const w = rules.workshop;
  const out: CommunityFinding[] = [];
  const bySchool = new Map(schools.map((s) => [s.id, s]));
  const hostAsCore = w.hostCountsAsCore.value;

  const unknown = members.filter((m) => !bySchool.has(m.schoolId));
  if (unknown.length > 0)
    out.push({
      code: 'COMM.SCHOOL_UNKNOWN',
      rule: COMMUNITY_RULE_SCHOOL,
      severity: 'error',
      message: `成员${list(names(unknown))}的所在学校不在学校名单中，无法判断其所在区域`,
      values: { members: names(unknown), schoolIds: unknown.map((m) => m.schoolId) },
    });

  const core = members.filter((m) => isCore(m, hostAsCore));
  const team = members.length;
  if (core.length < w.coreMin.value || core.length > w.coreMax.value)
    out.push({
      code: 'COMM.WORKSHOP_CORE',
      rule: w.coreMin.ruleId,
      severity: 'error',
      message: `核心成员 ${core.length} 人，应为 ${w.coreMin.value}～${w.coreMax.value} 人`,
      values: { core: core.length, min: w.coreMin.value, max: w.coreMax.value, hostCountsAsCore: hostAsCore },
    });

  const formal = w.formalBase.value === 'team' ? team : team - core.length;
  if (formal < w.formalMin.value || formal > w.formalMax.value)
    out.push({
      code: 'COMM.WORKSHOP_FORMAL',
      rule: w.formalMin.ruleId,
      severity: 'error',
      message: `${w.formalBase.value === 'team' ? '成员总数' : '核心成员以外的成员'} ${formal} 人，应为 ${w.formalMin.value}～${w.formalMax.value} 人`,
      values: { formal, min: w.formalMin.value, max: w.formalMax.value, base: w.formalBase.value },
    });

  const coreAreas = areasOf(core, bySchool);
  if (coreAreas.length < w.coreAreasMin.value)
    out.push({
      code: 'COMM.CORE_AREAS',
      rule: w.coreAreasMin.ruleId,
      severity: 'error',
      message: `核心成员只来自 ${coreAreas.length} 个不同区域的学校，至少应有 ${w.coreAreasMin.value} 个（中心校与其下辖小学算同一区域）`,
      values: { areas: coreAreas.length, min: w.coreAreasMin.value, areaIds: coreAreas },
    });

  const hostCore = core.filter((m) => m.schoolId === community.hostSchoolId);
  const base = w.hostUnitShareBase.value === 'team' ? team : core.length;
  const share = w.hostUnitCoreMaxShare.value;
  if (!atMostShare(hostCore.length, base, share)) {
    const allowed = Math.floor(share * base + 1e-9);
    out.push({
      code: 'COMM.HOST_UNIT_SHARE',
      rule: w.hostUnitCoreMaxShare.ruleId,
      severity: 'error',
      message: `主持单位的核心成员 ${hostCore.length} 人，超过${w.hostUnitShareBase.value === 'team' ? '团队总数' : '核心成员数'} ${base} 人的 ${percent(share)}（最多 ${allowed} 人）`,
      values: { hostUnitCore: hostCore.length, base, baseKind: w.hostUnitShareBase.value, share, allowed },
    });
  }

  const exempt = community.stage !== undefined && w.memberAreasExemptStages.value.includes(community.stage);
  if (!exempt) {
    const others = members.filter((m) => m.role === 'formal' || m.role === 'applicant');
    const areas = areasOf(others, bySchool);
    if (areas.length < w.memberAreasMin.value)
      out.push({
        code: 'COMM.MEMBER_AREAS',
        rule: w.memberAreasMin.ruleId,
        severity: 'error',
        message: `申报成员只来自 ${areas.length} 个不同区域的学校，至少应有 ${w.memberAreasMin.value} 个`,
        values: { areas: areas.length, min: w.memberAreasMin.value, areaIds: areas },
      });
  }
  return out;
}

/**
 * A studio's "1 + N (+ M)": exactly `hosts` 主持人, N members (core and formal together) within the range, and M
 * 学员 within theirs when the shape has mentees. Applicants are not members yet and are not counted.
 */
export function checkStudioShape(
  members: readonly CommunityMember[],
  shape: StudioShapeRules,
  label: string,
  studio = '',
): CommunityFinding[] {
  const out: CommunityFinding[] = [];
  const hosts = members.filter((m) => m.role === 'host').length;
  const core = members.filter((m) => m.role === 'core' || m.role === 'formal').length;
  const mentees = members.filter((m) => m.role === 'mentee').length;
  if (hosts !== shape.hosts.value)
    out.push({
      code: 'COMM.STUDIO_HOSTS',
      rule: shape.hosts.ruleId,
      severity: 'error',
      message: `${label}应有 ${shape.hosts.value} 名主持人，实有 ${hosts} 名`,
      values: { hosts, required: shape.hosts.value, studio },
    });
  if (core < shape.coreMin.value || core > shape.coreMax.value) {
    const range =
      shape.coreMin.value === shape.coreMax.value
        ? `${shape.coreMin.value} 名`
        : `${shape.coreMin.value}～${shape.coreMax.value} 名`;
    out.push({
      code: 'COMM.STUDIO_MEMBERS',
      rule: shape.coreMin.ruleId,
      severity: 'error',
      message: `${label}应有成员 ${range}，实有 ${core} 名`,
      values: { core, min: shape.coreMin.value, max: shape.coreMax.value, studio },
    });
  }
  const lo = shape.menteesMin;
  const hi = shape.menteesMax;
  if ((lo && mentees < lo.value) || (hi && mentees > hi.value))
    out.push({
      code: 'COMM.STUDIO_MENTEES',
      rule: (lo ?? hi)?.ruleId ?? shape.hosts.ruleId,
      severity: 'error',
      message: `${label}应有学员 ${lo?.value ?? 0}～${hi?.value ?? '不限'} 名，实有 ${mentees} 名`,
      values: { mentees, min: lo?.value ?? null, max: hi?.value ?? null, studio },
    });
  return out;
}

/** 名师网络工作室: 1 名师 + 10 骨干教师培育对象 + 50~100 新入职教师 (R-004-33). */
export function checkNetworkStudio(
  members: readonly CommunityMember[],
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
): CommunityFinding[] {
  return checkStudioShape(
    members,
    rules.studios.network,
    COMMUNITY_KIND_LABELS.master_online_studio,
    'master_online_studio',
  );
}

/** 县域名师名校长名班主任工作室: 1 + 10 (R-004-50). */
export function checkCountyStudio(
  members: readonly CommunityMember[],
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
): CommunityFinding[] {
  return checkStudioShape(members, rules.studios.county, '县域工作室', 'county_studio');
}

/** 培训专家工作室: 1 培训专家 + 10 省级培训师 (R-004-62). */
export function checkTrainingExpertStudio(
  members: readonly CommunityMember[],
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
): CommunityFinding[] {
  return checkStudioShape(
    members,
    rules.studios.trainingExpert,
    COMMUNITY_KIND_LABELS.training_expert_studio,
    'training_expert_studio',
  );
}

const findingKey = (f: CommunityFinding) => `${f.rule}\u0000${JSON.stringify(f.values)}`;

/** What a member's move to another school breaks in a workshop's composition. */
export interface MoveCheck {
  memberId: string;
  fromSchoolId: string;
  toSchoolId: string;
  /** True when the move breaks a rule (or makes a broken one worse): the membership needs a decision. */
  flagged: boolean;
  /** The findings the roster has after the move and did not have before, each saying whose move it was. */
  findings: CommunityFinding[];
}

/**
 * A member whose school changed (调动): the workshop's composition with the member at the new school, compared
 * with before. A rule the move breaks (e.g. the core now spans 4 areas, or the host unit has too many core members)
 * is flagged with the member's name, not kept silently; findings the roster already had are not laid on the move.
 */
export function checkMembershipAfterMove(
  community: Community,
  members: readonly CommunityMember[],
  schools: readonly SchoolRef[],
  move: { memberId: string; toSchoolId: string },
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
): MoveCheck {
  const member = members.find((m) => m.id === move.memberId);
  if (!member) throw new RangeError(`not a member of ${community.id}: ${move.memberId}`);
  const before = new Set(checkComposition(community, members, schools, rules).map(findingKey));
  const moved = members.map((m) => (m.id === move.memberId ? { ...m, schoolId: move.toSchoolId } : m));
  const school = schools.find((s) => s.id === move.toSchoolId)?.name ?? move.toSchoolId;
  const findings = checkComposition(community, moved, schools, rules)
    .filter((f) => !before.has(findingKey(f)))
    .map((f) => ({
      ...f,
      message: `${member.name}调至${school}后，${f.message}`,
      values: { ...f.values, movedMember: member.name, toSchoolId: move.toSchoolId, toSchool: school },
    }));
  return {
    memberId: member.id,
    fromSchoolId: member.schoolId,
    toSchoolId: move.toSchoolId,
    flagged: findings.length > 0,
    findings,
  };
}

/** The R-004-24 "师带徒" subsidy a studio receives (fen): the pack's amount for the subsidised kinds, else 0. */
export function studioSubsidyFen(
  community: Community,
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
): { fen: number; rule: string } {
  const s = rules.studios;
  const subsidised = s.subsidisedKinds.value.includes(community.kind);
  return { fen: subsidised ? s.subsidyFen.value : 0, rule: s.subsidyFen.ruleId };
}

/** R3-B07: a 三名 studio leads at least 5 teachers (班主任 or 校长) a year. */
export function checkStudioReach(
  teachersLed: number,
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
): CommunityFinding[] {
  const min = rules.studios.ledPerYearMin;
  if (teachersLed >= min.value) return [];
  return [
    {
      code: 'COMM.STUDIO_REACH',
      rule: min.ruleId,
      severity: 'error',
      message: `本年度引领教师 ${teachersLed} 名，少于 ${min.value} 名`,
      values: { teachersLed, min: min.value },
    },
  ];
}

/** R3-B05 (教师发展学校) / R3-B06 (示范校): each helps 1–3 schools of its region. */
export function checkPairedSchools(
  paired: number,
  unit: 'dev_school' | 'demo_school',
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
): CommunityFinding[] {
  const { pairedSchoolsMin: lo, pairedSchoolsMax: hi } = rules.studios;
  if (paired >= lo.value && paired <= hi.value) return [];
  const who = unit === 'dev_school' ? '教师发展学校' : '校本研修示范校';
  return [
    {
      code: 'COMM.PAIRED_SCHOOLS',
      rule: unit === 'dev_school' ? 'R3-B05' : 'R3-B06',
      severity: 'error',
      message: `${who}帮扶带动 ${paired} 所学校，应为 ${lo.value}～${hi.value} 所`,
      values: { paired, min: lo.value, max: hi.value, unit },
    },
  ];
}

/** R3-G20: a two-way pair is a 市级 studio with a 镇级 workshop. */
export function checkTwoWayPair(
  studio: Community,
  workshop: Community,
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
): CommunityFinding[] {
  const { pairStudioLevel: sl, pairWorkshopLevel: wl } = rules.studios;
  const ok =
    studio.kind !== 'workshop' &&
    studio.level === sl.value &&
    workshop.kind === 'workshop' &&
    workshop.level === wl.value;
  if (ok) return [];
  return [
    {
      code: 'COMM.TWO_WAY_PAIR',
      rule: sl.ruleId,
      severity: 'error',
      message: `双向协作应为${COMMUNITY_LEVEL_LABELS[sl.value]}工作室与${COMMUNITY_LEVEL_LABELS[wl.value]}工作坊结对，现为${COMMUNITY_LEVEL_LABELS[studio.level]}${COMMUNITY_KIND_LABELS[studio.kind]}与${COMMUNITY_LEVEL_LABELS[workshop.level]}${COMMUNITY_KIND_LABELS[workshop.kind]}`,
      values: {
        studioLevel: studio.level,
        workshopLevel: workshop.level,
        studioKind: studio.kind,
        workshopKind: workshop.kind,
        requiredStudioLevel: sl.value,
        requiredWorkshopLevel: wl.value,
      },
    },
  ];
}
