import { Alert } from 'antd';
import { isApiError } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import type { Lang } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n';
import { ReasonWithRule, RuleRef } from '../../shared/rule-ref';

export interface RuleProblem {
  ruleId: string;
  message: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The text of a refusal of the programme API. Its messages say the numbers in words
 * ("名额超出：下级名额合计 95 个，超过本级名额 90 个"), so they are shown as they are; only errors without a
 * server message fall back to the generic text of the code. The rule is in details.ruleId (ruleOfError).
 */
export function ruleErrorText(error: unknown, lang: Lang): string {
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
      ? [{ ruleId: String(p.ruleId ?? ''), message: p.message }]
      : [],
  );
}

/** A refusal with the rule it names and, when the server lists them, every problem. */
export function RuleErrorAlert({ error, showProblems = true }: { error: unknown; showProblems?: boolean }) {
  const { t, lang } = useI18n();
  const problems = showProblems ? ruleProblemsOf(error) : [];
  const requestId = isApiError(error) ? error.requestId : null;
  const title = ruleErrorText(error, lang);
  const items = problems.filter((p) => !title.includes(p.message));
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
