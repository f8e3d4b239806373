/**
 * Refusals of the quota features (名额 cascade, nominations, 差额遴选 shortlists, 替训 substitutions) carry, beside
 * their Chinese sentence, `details.reasonCode` and `details.reasonValues` (names, counts, dates), so the web can
 * word them in the user's language. A problem of a list (`details.problems`) carries its own `code` and `values`.
 */
export const QUOTA_REASON_CODES = [
  'QUOTA.FULL',
  'QUOTA.CANDIDATE_CAP',
  'QUOTA.OVER_ALLOCATED',
  'QUOTA.OVER_ALLOCATED_USED',
  'QUOTA.UNDER_ALLOCATED',
  'QUOTA.BELOW_USED',
  'QUOTA.BAD_SEATS',
  'QUOTA.DUPLICATE_CHILD',
  'QUOTA.INVALID',
  'QUOTA.NOT_ALLOCATABLE',
  'QUOTA.NESTED',
  'QUOTA.OTHER_PARENT',
  'QUOTA.NO_PARENT',
  'QUOTA.PULLBACK_PARENT_ONLY',
  'QUOTA.PULLBACK_CLOSED',
  'QUOTA.PULLBACK_UNUSED',
  'QUOTA.NO_CHILDREN',
  'QUOTA.RURAL_OVER',
  'QUOTA.CHANGED',
  'NOMINATION.DUPLICATE',
  'NOMINATION.OUTSIDE_ORG',
  'NOMINATION.INELIGIBLE',
  'NOMINATION.NEEDS_OVERRIDE',
  'NOMINATION.GONE',
  'SHORTLIST.NOT_COMPETITIVE',
  'SHORTLIST.PROVIDER_SELECTING',
  'SHORTLIST.NOT_CANDIDATES',
  'SHORTLIST.OVER_FREE',
  'SHORTLIST.NO_PROVIDER',
  'SHORTLIST.DEADLINE_PASSED',
  'SHORTLIST.PROVIDER_ONLY',
  'SHORTLIST.OWNER_ONLY',
  'SHORTLIST.PROBLEMS',
  'SHORTLIST.OVER_PLACES',
  'SHORTLIST.OVER_TOTAL',
  'SHORTLIST.UNDECIDED',
  'SHORTLIST.EMPTY',
  'SHORTLIST.CONFIRMED',
  'SHORTLIST.SUBMITTED',
  'SHORTLIST.SUBMITTED_ON',
  'SHORTLIST.CANDIDATES_CHANGED',
  'SHORTLIST.QUOTA_SHORT',
  'SHORTLIST.DUPLICATE_RECORD',
  'SHORTLIST.NOT_PROGRAMME_CANDIDATES',
  'SHORTLIST.REASON_REQUIRED',
  'SHORTLIST.ALREADY_CONFIRMED',
  'SHORTLIST.NOT_SUBMITTED',
  'SHORTLIST.CONFIRMED_NO_RETURN',
  'SHORTLIST.NOT_SUBMITTED_RETURN',
  'SUBSTITUTION.OUTSIDE_ORG',
  'SUBSTITUTION.APPROVER_ONLY',
  'SUBSTITUTION.DECIDED',
  'SUBSTITUTION.REASON_REQUIRED',
  'SUBSTITUTION.REPLACED_GONE',
  'SUBSTITUTION.ONLY_SELECTED',
  'SUBSTITUTION.PENDING',
] as const;
export type QuotaReasonCode = (typeof QUOTA_REASON_CODES)[number];

/** What a shortlist refusal could not do any more (`reasonValues.what`). */
export const SHORTLIST_ACTIONS = ['submit', 'submit_result', 'edit_result'] as const;
export type ShortlistAction = (typeof SHORTLIST_ACTIONS)[number];

export type QuotaReasonValues = Record<string, string | number>;

/** The two fields a quota refusal adds to its details. */
export function quotaReason(
  reasonCode: QuotaReasonCode,
  reasonValues: QuotaReasonValues = {},
): { reasonCode: QuotaReasonCode; reasonValues: QuotaReasonValues } {
  return { reasonCode, reasonValues };
}
