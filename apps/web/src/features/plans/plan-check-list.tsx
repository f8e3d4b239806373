import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { PlanCheckBody } from '@yanxun/contracts';
import { Typography } from 'antd';
import { RuleRef } from '../../shared/rule-ref';

const ROW = { display: 'flex', gap: 12, padding: '8px 0', borderBottom: '1px solid #f0f0f0' } as const;

/** Every rule of a plan check with pass/fail, the sentence that says why and (officers, providers) the rule's ⓘ. */
export function PlanCheckList({ checks }: { checks: PlanCheckBody[] }) {
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
              <Typography.Text strong>{c.label}</Typography.Text>
              <RuleRef rules={c.ruleId} />
            </div>
            <Typography.Text type={c.passed ? 'secondary' : 'danger'}>{c.message}</Typography.Text>
          </div>
        </li>
      ))}
    </ul>
  );
}
