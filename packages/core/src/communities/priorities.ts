/**
 * What membership earns in nominations (R3-W12, R3-P12): a workshop member's priority for 国培 and 省培, a
 * trainer's for 国培, 省培 and 市培. A priority is shown, never a reason to refuse; the flags say which memberships
 * the candidate holds (the server derives them from the records, not from the nominator).
 */
import type { EligibilityResult } from '../programs/eligibility-check';
import type { PolicyValue } from '../programs/policy-value';
import type { CommunityRules, MembershipPriority } from './types';

/** The priorities a pack's communities rules grant. */
export function membershipPriorityRules(rules: CommunityRules): PolicyValue<MembershipPriority>[] {
  return [rules.workshop.memberPriority, rules.trainers.priority];
}

/** The priorities a candidate holding `flags` has on a nomination to a programme of `level`. */
export function membershipPriorities(
  rules: CommunityRules,
  level: string,
  flags: readonly string[],
): EligibilityResult['priorities'] {
  return membershipPriorityRules(rules)
    .filter((p) => p.value.levels.includes(level) && flags.includes(p.value.code))
    .map((p) => ({ ruleId: p.ruleId, code: p.value.code, label: p.value.label }));
}
