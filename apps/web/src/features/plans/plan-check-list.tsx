import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { PlanCheckBody } from '@yanxun/contracts';
import { Typography } from 'antd';
import { useI18n } from '../../shared/i18n';
import { RuleRef } from '../../shared/rule-ref';
import { planCheckLabel, planCheckSentence } from './plan-check-words';

const ROW = { display: 'flex', gap: 12, padding: '8px 0', borderBottom: '1px solid #f0f0f0' } as const;

/** Every rule of a plan check with pass/fail, the sentence that says why and (officers, providers) the rule's ⓘ. */
export function PlanCheckList({ checks }: { checks: PlanCheckBody[] }) {
  const { t } = useI18n();
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {checks.map((c) => (
        <li key={c.code} style={ROW} data-testid={`check-${c.code}`} data-passed={c.passed}>
          {c.passed ? (
            <CheckCircleFilled style={{ color: '#389e0d', fontSize: 18, marginTop: 2 }} aria-label="pass" />
          ) : (
            <CloseCircleFilled style={{ color: '#cf1322', fontSize: 18, marginTop: 2 }} aria-label="fail" />
          )}
          <div style={{ minWidth: 0 }}>
            <div>
              <Typography.Text strong>{planCheckLabel(t, c)}</Typography.Text>
              <RuleRef rules={c.ruleId} />
            </div>
            <Typography.Text type={c.passed ? 'secondary' : 'danger'}>
              {planCheckSentence(t, c)}
            </Typography.Text>
          </div>
        </li>
      ))}
    </ul>
  );
}
