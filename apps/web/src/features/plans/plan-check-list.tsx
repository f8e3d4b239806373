import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { PlanCheckBody } from '@yanxun/contracts';
import { List, Tag, Typography } from 'antd';

/** Every rule of a plan check with pass/fail, its rule ID and the sentence that says why. */
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
                {c.label} <Tag>{c.ruleId}</Tag>
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
