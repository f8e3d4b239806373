import {
  AuditOutlined,
  CheckSquareOutlined,
  ClockCircleOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  OrderedListOutlined,
  SolutionOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { HomeTask, HomeTaskKind } from '@yanxun/contracts';
import { Card, Empty, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type MessageKey, useI18n } from '../../shared/i18n';
import { ItemList } from '../../shared/item-list';

/** Where a task is done: the record it names, or the list. */
export function taskPath(task: HomeTask): string {
  const id = task.id === null ? null : encodeURIComponent(task.id);
  switch (task.kind) {
    case 'plan_review':
    case 'plan_draft':
    case 'plan_returned':
      return id ? `/plans/${id}` : '/plans';
    case 'programme_open':
      return '/plans';
    case 'shortlist_confirm':
    case 'shortlist_select':
      return id ? `/shortlists/${id}` : '/shortlists';
    case 'deadline_overdue':
      return id ? `/classes/${id}` : '/classes';
    case 'outcomes_review':
      return id ? `/classes/${id}/outcomes` : '/classes';
    case 'completion_run':
      return id ? `/classes/${id}/completion` : '/classes';
  }
}

/** The sentence of a task: one subject or a count over several. */
export function taskTextKey(task: HomeTask): MessageKey {
  if ((task.kind === 'deadline_overdue' || task.kind === 'programme_open') && task.subject !== null)
    return `home.task.${task.kind}.one`;
  return `home.task.${task.kind}`;
}

const ICON: Record<HomeTaskKind, ReactNode> = {
  plan_review: <AuditOutlined />,
  shortlist_confirm: <OrderedListOutlined />,
  deadline_overdue: <WarningOutlined style={{ color: '#cf1322' }} />,
  programme_open: <SolutionOutlined />,
  plan_draft: <FileTextOutlined />,
  plan_returned: <FileTextOutlined style={{ color: '#d46b08' }} />,
  shortlist_select: <OrderedListOutlined />,
  outcomes_review: <CheckSquareOutlined />,
  completion_run: <FileDoneOutlined />,
};

/** The account's next tasks, each a link to where it is done. */
export function HomeTasks({ tasks }: { tasks: HomeTask[] }) {
  const { t } = useI18n();
  return (
    <Card title={t('home.tasks')} data-testid="home-tasks" styles={{ body: { paddingTop: 4 } }}>
      {tasks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.tasksNone')} />
      ) : (
        <ItemList
          size="small"
          items={tasks}
          rowKey={(task, i) => `${task.kind}-${task.id ?? ''}-${i}`}
          itemProps={(task) => ({ 'data-testid': 'home-task', 'data-kind': task.kind })}
          render={(task) => (
            <Space align="start" size={8} style={{ width: '100%' }}>
              <span style={{ fontSize: 16 }}>{ICON[task.kind]}</span>
              <div>
                <Link to={taskPath(task)}>
                  {t(taskTextKey(task), { subject: task.subject ?? '', count: task.count })}
                </Link>
                {task.due ? (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      <ClockCircleOutlined />{' '}
                      {t(task.kind === 'completion_run' ? 'home.ended' : 'home.due', { date: task.due })}
                    </Typography.Text>
                  </div>
                ) : null}
              </div>
            </Space>
          )}
        />
      )}
    </Card>
  );
}
