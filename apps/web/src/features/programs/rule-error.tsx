import type { EligibilityCheckBody } from '@yanxun/contracts';
import { Alert } from 'antd';
import { isApiError } from '../../shared/api';
import { useCodes } from '../../shared/codes';
import { errorMessage } from '../../shared/error-messages';
import type { Lang } from '../../shared/i18n';
import { translate, useI18n } from '../../shared/i18n';
import { ReasonWithRule, RuleRef } from '../../shared/rule-ref';
import { checkSentence } from './eligibility-words';
import { quotaProblemSentence, quotaReasonSentence } from './quota-words';

export interface RuleProblem {
  ruleId: string;
  message: string;
  code?: unknown;
  values?: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The text of a refusal of the programme API. A quota refusal is worded from its `reasonCode` and values
 * (quota-words.ts); other messages say the numbers in words ("名额超出：下级名额合计 95 个，超过本级名额 90 个"), so
 * they are shown as they are; only errors without a server message fall back to the generic text of the code.
 * The rule is in details.ruleId (ruleOfError).
 */
export function ruleErrorText(error: unknown, lang: Lang): string {
  const worded = isApiError(error)
    ? quotaReasonSentence((key, params) => translate(lang, key, params), error.details)
    : undefined;
  if (worded) return worded;
  if (
    isApiError(error) &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 401 &&
    error.message
  ) {
    return error.message;
  }
  return errorMessage(error, lang);
}

/** The rule a refusal names in its details (details.ruleId), for the officers' ⓘ. */
export function ruleOfError(error: unknown): string | null {
  if (!isApiError(error) || !isRecord(error.details)) return null;
  return typeof error.details.ruleId === 'string' ? error.details.ruleId : null;
}

/** `details.problems` (quota and pack refusals) and `details.failed` (eligibility) as rule + message. */
export function ruleProblemsOf(error: unknown): RuleProblem[] {
  if (!isApiError(error) || !isRecord(error.details)) return [];
  const list = Array.isArray(error.details.problems)
    ? error.details.problems
    : Array.isArray(error.details.failed)
      ? error.details.failed
      : [];
  return list.flatMap((p: unknown) =>
    isRecord(p) && typeof p.message === 'string'
      ? [{ ruleId: String(p.ruleId ?? ''), message: p.message, code: p.code, values: p.values }]
      : [],
  );
}

/** The eligibility result a refused nomination carries (details.eligibility). */
function eligibilityChecksOf(
  error: unknown,
): { result: { checks: EligibilityCheckBody[]; referenceDate: string } } | undefined {
  if (!isApiError(error) || !isRecord(error.details) || !isRecord(error.details.eligibility))
    return undefined;
  const e = error.details.eligibility;
  if (!Array.isArray(e.checks) || typeof e.referenceDate !== 'string') return undefined;
  return { result: { checks: e.checks as EligibilityCheckBody[], referenceDate: e.referenceDate } };
}

/** A refusal with the rule it names and, when the server lists them, every problem. */
export function RuleErrorAlert({ error, showProblems = true }: { error: unknown; showProblems?: boolean }) {
  const { t, lang } = useI18n();
  const codes = useCodes();
  const problems = showProblems ? ruleProblemsOf(error) : [];
  const requestId = isApiError(error) ? error.requestId : null;
  const title = ruleErrorText(error, lang);
  const checks = eligibilityChecksOf(error);
  // a failed eligibility check in words by its code; a quota problem by its code; else the server's text
  const wordOf = (p: RuleProblem, i: number): string => {
    const check = checks?.result.checks.filter((c) => !c.passed)[i];
    if (check && check.ruleId === p.ruleId && !p.code)
      return checkSentence(t, lang, check, checks?.result.referenceDate ?? '', codes.data);
    return quotaProblemSentence(t, p);
  };
  const titleCode = isApiError(error) && isRecord(error.details) ? error.details.reasonCode : undefined;
  const items = problems
    .map((p, i) => ({ ...p, message: wordOf(p, i) }))
    .filter((p) => !title.includes(p.message) && !(p.code && p.code === titleCode));
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={<ReasonWithRule reason={title} rules={ruleOfError(error)} />}
      data-testid="rule-error"
      description={
        items.length > 0 || requestId ? (
          <>
            {items.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {items.map((p) => (
                  <li key={`${p.ruleId}-${p.message}`}>
                    {p.message}
                    <RuleRef rules={p.ruleId} />
                  </li>
                ))}
              </ul>
            ) : null}
            {requestId ? (
              <div style={{ fontSize: 12, opacity: 0.7 }}>
                {t('common.requestId')}: {requestId}
              </div>
            ) : null}
          </>
        ) : undefined
      }
    />
  );
}
