/**
 * R3-W15: "完成参加两年周期并获得优秀工作坊称号的教师可享受推荐骨干教师". A workshop's cycle is its registration (R3-W14:
 * the school year it is for and the next, `registrationYears`); a member completes it when they were on the roster
 * the day it was registered and were still a member on its last day, in a role that takes part (主持人, 核心成员,
 * 正式成员: not 申报成员 nor 学员); the cycle must be over (its last day before `asOf`) and the workshop must hold
 * the 优秀工作坊 title of a calendar year the cycle touches (the December selection of either year, R3-G18).
 */
import {
  DEFAULT_SCHOOL_YEAR_START,
  schoolYearFirstDay,
  schoolYearListLabel,
  schoolYearStarting,
  schoolYearStartYear,
} from '../hours/types';
import { addDays } from '../programs/policy-pack';
import { DEFAULT_COMMUNITY_RULES } from './rules';
import type { CommunityKind, CommunityRules, MemberRole } from './types';

/** The roles that complete a cycle (R3-W15 reading: the members who take part, not applicants or mentees). */
export const BACKBONE_ROLES: readonly MemberRole[] = ['host', 'core', 'formal'];

export interface CycleRegistration {
  firstSchoolYear: string;
  registeredOn: string;
}

export interface CycleMembership {
  memberId: string;
  teacherId: string;
  name: string;
  role: MemberRole;
  joinedOn: string;
  leftOn: string | null;
}

export interface BackboneCandidate {
  memberId: string;
  teacherId: string;
  name: string;
  role: MemberRole;
  /** the cycle's school years, e.g. ['2024-2025', '2025-2026'] */
  schoolYears: string[];
  cycleEnd: string;
  titleYears: number[];
  rule: 'R3-W15';
  /** the sentence for the page (no rule ID in it) */
  message: string;
}

/** A registration's cycle: its school years, first and last day. */
export function registrationCycle(
  firstSchoolYear: string,
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
  schoolYearStart: string = DEFAULT_SCHOOL_YEAR_START,
): { schoolYears: string[]; start: string; end: string } {
  const first = schoolYearStartYear(firstSchoolYear);
  if (first === undefined) throw new RangeError(`not a school year like 2026-2027: ${firstSchoolYear}`);
  const n = rules.workshop.registrationYears.value;
  return {
    schoolYears: Array.from({ length: n }, (_, i) => schoolYearStarting(first + i)),
    start: schoolYearFirstDay(firstSchoolYear, schoolYearStart),
    end: addDays(schoolYearFirstDay(schoolYearStarting(first + n), schoolYearStart), -1),
  };
}

/** R3-W15: the members of a titled workshop who completed a cycle, with the cycle and the title years. */
export function backboneCandidates(input: {
  kind: CommunityKind;
  registrations: readonly CycleRegistration[];
  members: readonly CycleMembership[];
  titleYears: readonly number[];
  asOf: string;
  rules?: CommunityRules;
  schoolYearStart?: string;
}): BackboneCandidate[] {
  if (input.kind !== 'workshop' || input.titleYears.length === 0) return [];
  const rules = input.rules ?? DEFAULT_COMMUNITY_RULES;
  const out = new Map<string, BackboneCandidate>();
  const regs = [...input.registrations].sort((a, b) => b.firstSchoolYear.localeCompare(a.firstSchoolYear));
  for (const reg of regs) {
    const cycle = registrationCycle(reg.firstSchoolYear, rules, input.schoolYearStart);
    if (cycle.end >= input.asOf) continue;
    const fromYear = Number(cycle.start.slice(0, 4));
    const toYear = Number(cycle.end.slice(0, 4));
    const titleYears = input.titleYears.filter((y) => y >= fromYear && y <= toYear).sort();
    if (titleYears.length === 0) continue;
    for (const m of input.members) {
      if (out.has(m.teacherId) || !BACKBONE_ROLES.includes(m.role)) continue;
      if (m.joinedOn > reg.registeredOn || (m.leftOn !== null && m.leftOn <= cycle.end)) continue;
      out.set(m.teacherId, {
        memberId: m.memberId,
        teacherId: m.teacherId,
        name: m.name,
        role: m.role,
        schoolYears: cycle.schoolYears,
        cycleEnd: cycle.end,
        titleYears,
        rule: 'R3-W15',
        message: `完成 ${schoolYearListLabel(cycle.schoolYears)}两年周期，所在工作坊获 ${titleYears.join('、')} 年度优秀工作坊称号，可推荐为骨干教师`,
      });
    }
  }
  return [...out.values()];
}
