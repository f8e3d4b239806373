import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { PlanCheckBody } from '@yanxun/contracts';
import { List, Typography } from 'antd';
import { RuleRef } from '../../shared/rule-ref';

/** Every rule of a plan check with pass/fail, the sentence that says why and (officers, providers) the rule's ⓘ. */
export function PlanCheckList({ checks }: { checks: PlanCheckBody[] }) {
  return (
    <List
      size="small"
      dataSource={checks}
      renderItem={(c) => (
        <List.Item data-testid={`check-${c.code}`} data-passed={c.passed}>
          <List.Item.Meta
            avatar={
              c.passed ? (
                <CheckCircleFilled style={{ color: '#389e0d', fontSize: 18 }} aria-label="pass" />
              ) : (
                <CloseCircleFilled style={{ color: '#cf1322', fontSize: 18 }} aria-label="fail" />
              )
            }
            title={
              <span>
                {c.label}
                <RuleRef rules={c.ruleId} />
              </span>
            }
            description={
              <Typography.Text type={c.passed ? 'secondary' : 'danger'}>{c.message}</Typography.Text>
            }
          />
        </List.Item>
      )}
    />
  );
}
