/**
 * The trainer pool (教师培训者团队, S003 附件): who may be appointed or renewed (R3-P03 … R3-P05), a term's end
 * (R3-P06), the annual assessment's consequence (R3-P09), the reasons a membership is revoked in term (R3-P10), and
 * a county's trainer team: its size and how many take an active part (R3-P01, R3-P02).
 */
import { ageOn } from '../dates';
import { addDays, addYears } from '../programs/policy-pack';
import { atLeastShare, DEFAULT_COMMUNITY_RULES, percent } from './rules';
import type { CommunityFinding, CommunityRules } from './types';

export interface TrainerCandidate {
  id: string;
  name: string;
  birthDate: string;
  /** A `TITLES` code ('senior' 高级教师 …), or null when not recorded. */
  titleCode?: string | null;
}

export type AppointmentKind = 'first' | 'renewal';

/** An officer's acceptance of a soft rule's warning for one candidate (R3-P03, R3-P04's "一般不低于 35 周岁"). */
export interface TrainerOverride {
  rule: string;
  by: string;
  reason: string;
}

export interface TrainerFinding extends CommunityFinding {
  /** The override that accepts this warning; errors (hard rules) are never overridden. */
  overriddenBy?: TrainerOverride;
}

export interface TrainerEligibility {
  kind: AppointmentKind;
  asOf: string;
  age: number;
  /** `ineligible`: a hard rule fails; `needs_override`: a soft rule's warning has no override yet. */
  outcome: 'eligible' | 'needs_override' | 'ineligible';
  findings: TrainerFinding[];
}

/**
 * Whether a person may be appointed (`first`) or renewed (`renewal`) to the trainer pool on `asOf`. First
 * appointment: at most 60 (hard: 60 passes, 61 fails), at least 35 as a rule (under 35 is a warning), and 副高级 or
 * above as a rule (a warning). Renewal: at most 65 (hard). A warning is accepted by an override naming its rule;
 * an override never accepts an error.
 */
export function trainerEligibility(
  person: TrainerCandidate,
  kind: AppointmentKind,
  asOf: string,
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
  overrides: readonly TrainerOverride[] = [],
): TrainerEligibility {
  const t = rules.trainers;
  const age = ageOn(person.birthDate, asOf);
  const out: TrainerFinding[] = [];
  if (kind === 'first') {
    if (age > t.firstAgeMax.value)
      out.push({
        rule: t.firstAgeMax.ruleId,
        severity: 'error',
        message: `${person.name}现年 ${age} 周岁，初聘不得超过 ${t.firstAgeMax.value} 周岁`,
        values: { age, max: t.firstAgeMax.value, birthDate: person.birthDate, asOf },
      });
    if (age < t.firstAgeMin.value)
      out.push({
        rule: t.firstAgeMin.ruleId,
        severity: 'warning',
        message: `${person.name}现年 ${age} 周岁，初聘一般不低于 ${t.firstAgeMin.value} 周岁，需审定同意`,
        values: { age, min: t.firstAgeMin.value, birthDate: person.birthDate, asOf },
      });
    const title = person.titleCode ?? null;
    if (title === null || !t.titles.value.includes(title))
      out.push({
        rule: t.titles.ruleId,
        severity: 'warning',
        message: `${person.name}${title === null ? '未登记职称' : '的职称不是副高级以上'}，原则上应具有副高级以上职称，需审定同意`,
        values: { titleCode: title, titles: t.titles.value },
      });
  } else if (age > t.renewalAgeMax.value) {
    out.push({
      rule: t.renewalAgeMax.ruleId,
      severity: 'error',
      message: `${person.name}现年 ${age} 周岁，续聘不得超过 ${t.renewalAgeMax.value} 周岁`,
      values: { age, max: t.renewalAgeMax.value, birthDate: person.birthDate, asOf },
    });
  }
  const findings = out.map((f) => {
    const o = f.severity === 'warning' ? overrides.find((x) => x.rule === f.rule) : undefined;
    return o ? { ...f, overriddenBy: o } : f;
  });
  const outcome = findings.some((f) => f.severity === 'error')
    ? 'ineligible'
    : findings.some((f) => !f.overriddenBy)
      ? 'needs_override'
      : 'eligible';
  return { kind, asOf, age, outcome, findings };
}

/**
 * R3-P06: a term's last day: the day before the third anniversary of the appointment (appointed 2026-09-01 →
 * 2029-08-31; appointed on 29 February, the anniversary in a common year is 1 March, so the term ends 28 February).
 */
export function trainerTermEnd(
  appointedOn: string,
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
): { lastDay: string; rule: string } {
  const years = rules.trainers.termYears;
  return { lastDay: addDays(addYears(appointedOn, years.value), -1), rule: years.ruleId };
}

/** R3-P09: the annual assessment by 教师教育科: 合格 → renewed; 不合格 → 辞聘 or 解聘 (released). */
export function assessmentOutcome(result: 'pass' | 'fail'): {
  action: 'renew' | 'release';
  rule: string;
  message: string;
} {
  return result === 'pass'
    ? { action: 'renew', rule: 'R3-P09', message: '年度考核合格，予以续聘（续聘仍须符合年龄条件）' }
    : { action: 'release', rule: 'R3-P09', message: '年度考核不合格，予以辞聘或解聘' };
}

/** R3-P10: the four reasons a member is removed within the term. */
export const REVOCATION_REASONS = ['conduct_code', 'duties', 'discipline', 'criminal'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

export const REVOCATION_REASON_LABELS: Record<RevocationReason, string> = {
  conduct_code: '违反新时代教师职业行为准则',
  duties: '未按规定履行职责',
  discipline: '违反八项规定等纪律要求',
  criminal: '被司法机关刑事处罚',
};

export function isRevocationReason(code: string): code is RevocationReason {
  return (REVOCATION_REASONS as readonly string[]).includes(code);
}

/** R3-P10: a revocation for one of the four reasons ends the membership on the day it is decided. */
export function revokeMembership(
  reason: RevocationReason,
  decidedOn: string,
): { endsOn: string; rule: string; message: string } {
  return {
    endsOn: decidedOn,
    rule: 'R3-P10',
    message: `因${REVOCATION_REASON_LABELS[reason]}，自 ${decidedOn} 起撤销培训者团队成员资格`,
  };
}

export interface TeamStanding {
  size: number;
  /** Team members who took an active part in 国培, 县级计划 or 校本研修 projects. */
  active: number;
  /** active ÷ size, or null for an empty team. */
  activeShare: number | null;
  findings: CommunityFinding[];
}

/**
 * R3-P01 / R3-P02: a county's trainer team has at least 50 members, and at least 90 % of them take an active part
 * (45 of 50 passes, 44 does not). Participants who are not on the team do not count; each member counts once.
 */
export function countyTeamStanding(
  team: readonly string[],
  participants: readonly string[],
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
): TeamStanding {
  const t = rules.trainers;
  const members = new Set(team);
  const active = new Set(participants.filter((id) => members.has(id))).size;
  const size = members.size;
  const out: CommunityFinding[] = [];
  if (size < t.countyTeamMin.value)
    out.push({
      rule: t.countyTeamMin.ruleId,
      severity: 'error',
      message: `县级教师培训师队伍 ${size} 人，少于 ${t.countyTeamMin.value} 人`,
      values: { size, min: t.countyTeamMin.value },
    });
  const share = t.activeShareMin.value;
  if (size > 0 && !atLeastShare(active, size, share))
    out.push({
      rule: t.activeShareMin.ruleId,
      severity: 'error',
      message: `培训师参与项目发挥作用的有 ${active} 人，占 ${percent(active / size)}，低于 ${percent(share)}`,
      values: { active, size, min: share },
    });
  return { size, active, activeShare: size > 0 ? active / size : null, findings: out };
}
