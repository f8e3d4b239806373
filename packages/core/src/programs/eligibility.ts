/**
 * Whether a teacher may be nominated for a project type under a policy pack, with every rule checked,
 * its values and a Chinese message, so the nominating school sees why. Soft rules ("原则上") that fail
 * need a recorded override with a reason instead of making the teacher ineligible.
 * The checks: the track's own rules in eligibility-track.ts, the integrity bar and overlapping programmes in
 * eligibility-bars.ts; the types in eligibility-check.ts.
 */
import { membershipPriorities } from '../communities/priorities';
import { communityRulesOf } from '../communities/rules';
import { isValidIsoDate } from '../dates';
import { integrityCheck, overlapCheck } from './eligibility-bars';
import type {
  EligibilityCandidate,
  EligibilityCheck,
  EligibilityContext,
  EligibilityOverride,
  EligibilityResult,
} from './eligibility-check';
import { trackChecks } from './eligibility-track';
import { findProjectType, findTrack, type PolicyPack } from './policy-pack';

export { integrityBar } from './eligibility-bars';
export type {
  CheckValue,
  EligibilityCandidate,
  EligibilityCheck,
  EligibilityContext,
  EligibilityOverride,
  EligibilityResult,
  EnrolledProgramme,
  IntegrityRecord,
} from './eligibility-check';

function applyOverrides(checks: EligibilityCheck[], overrides: EligibilityOverride[]): EligibilityCheck[] {
  return checks.map((check) => {
    if (check.passed || !check.soft) return check;
    const o = overrides.find((x) => x.ruleId === check.ruleId && x.reason.trim() !== '');
    if (!o) return check;
    const by = o.by ?? null;
    return {
      ...check,
      passed: true,
      values: { ...check.values, override: true, overrideReason: o.reason.trim() },
      message: `${check.message}；已例外通过，理由：${o.reason.trim()}`,
      override: { reason: o.reason.trim(), by },
    };
  });
}

/**
 * Evaluate a candidate for a project type (and track) of a pack. Throws a RangeError when the project
 * type or track does not exist in the pack, or the context dates are not calendar dates.
 */
export function evaluateEligibility(
  pack: PolicyPack,
  projectTypeCode: string,
  candidate: EligibilityCandidate,
  context: EligibilityContext,
): EligibilityResult {
  const type = findProjectType(pack, projectTypeCode);
  if (!type) throw new RangeError(`政策包 ${pack.id} 中没有项目类型"${projectTypeCode}"`);
  const track = findTrack(type, context.trackCode);
  if (!track) throw new RangeError(`项目类型"${type.name}"中没有参训对象类别"${context.trackCode ?? ''}"`);
  const { referenceDate: ref, programme } = context;
  for (const [label, d] of [
    ['referenceDate', ref],
    ['programme.startDate', programme.startDate],
    ['programme.endDate', programme.endDate],
  ] as const) {
    if (!isValidIsoDate(d)) throw new RangeError(`${label} is not a YYYY-MM-DD calendar date: ${d}`);
  }

  const raw = trackChecks(pack, track, candidate, ref);
  raw.push(integrityCheck(pack, type, track, candidate, programme.startDate));
  const overlap = overlapCheck(pack, candidate, programme);
  if (overlap) raw.push(overlap);
  const checks = applyOverrides(raw, context.overrides ?? []);

  const failed = checks.filter((c) => !c.passed);
  const flags = new Set(candidate.flags ?? []);
  const priorityRule = track.eligibility.priorities;
  const priorities = [
    ...(priorityRule
      ? priorityRule.value
          .filter((p) => flags.has(p.code))
          .map((p) => ({ ruleId: priorityRule.ruleId, code: p.code, label: p.label }))
      : []),
    // what membership earns (R3-W12, R3-P12), by the programme's level
    ...membershipPriorities(communityRulesOf(pack), type.level.value, [...flags]),
  ];
  return {
    projectTypeCode: type.code,
    trackCode: track.code,
    referenceDate: ref,
    eligible: failed.length === 0,
    needsOverride: failed.length > 0 && failed.every((c) => c.soft),
    checks,
    priorities,
  };
}
