import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { ItemList } from '../../shared/item-list';
import { QueryError } from '../../shared/query-error';
import { StatusTag } from './eval-labels';

/** 本单位参评: the campaigns the signed-in unit is a subject of (evidence, self-scores, appeals, results). */
export function EvaluationMySubjectsPage() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['eval-mine'], queryFn: () => api.myEvaluationSubjects() });
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} full />;
  return (
    <Card title={t('eval.mine')} loading={q.isPending} data-testid="eval-mine">
      {(q.data ?? []).length === 0 ? (
        <Empty description={t('eval.mineEmpty')} />
      ) : (
        <ItemList
          items={q.data ?? []}
          rowKey={(m) => m.subjectId}
          render={(m) => (
            <>
              <Space orientation="vertical" size={2}>
                <Link to={`/evaluation/subjects/${m.subjectId}`} style={{ fontWeight: 600 }}>
                  {m.campaign.name}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m.subjectName} · {m.campaign.ownerOrgName} · {m.campaign.year}
                </Typography.Text>
                <StatusTag status={m.campaign.status} />
              </Space>
            </>
          )}
        />
      )}
    </Card>
  );
}
