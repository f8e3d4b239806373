import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Progress, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { ItemList } from '../../shared/item-list';
import { QueryError } from '../../shared/query-error';
import { StatusTag } from './eval-labels';

/** 评审任务: the subjects this rater is assigned to, with the sheet's progress (the evaluator's landing page). */
export function EvaluationTasksPage() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['eval-tasks'], queryFn: () => api.evaluationTasks() });
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} full />;
  return (
    <Card title={t('eval.tasks')} loading={q.isPending} data-testid="eval-tasks">
      {(q.data ?? []).length === 0 ? (
        <Empty description={t('eval.tasksEmpty')} />
      ) : (
        <ItemList
          items={q.data ?? []}
          rowKey={(task) => task.subjectId}
          render={(task) => (
            <>
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Link to={`/evaluation/tasks/${task.subjectId}`}>
                  <Typography.Text strong>{task.subjectName}</Typography.Text>
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {task.campaignName} · {task.year}
                </Typography.Text>
                <Space wrap>
                  <StatusTag status={task.status} />
                  {task.submitted ? (
                    <Typography.Text type="success">{t('eval.submitted')}</Typography.Text>
                  ) : null}
                  <Typography.Text>
                    {t('eval.progress', { n: task.scoredUnits, total: task.units })}
                  </Typography.Text>
                </Space>
                <Progress
                  percent={task.units ? Math.round((task.scoredUnits / task.units) * 100) : 0}
                  size="small"
                />
              </Space>
            </>
          )}
        />
      )}
    </Card>
  );
}
