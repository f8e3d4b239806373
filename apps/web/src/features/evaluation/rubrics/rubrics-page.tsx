import { useQuery } from '@tanstack/react-query';
import type { RubricSummary } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Button, Card, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { QueryError } from '../../../shared/query-error';
import { hasPermission, useMe } from '../../../shared/session';
import { formatDate } from '../../../shared/time';
import { RubricCloneModal, rubricOwners, rubricPath } from './rubric-clone';
import { rubricFindingSentence } from './rubric-finding-words';

/** 评价量表: the built-ins A/B/C and the rubrics in scope, each with its warnings; view, clone, edit. */
export function EvaluationRubricsPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const [cloning, setCloning] = useState<RubricSummary | null>(null);
  const q = useQuery({ queryKey: ['eval-rubrics'], queryFn: () => api.evaluationRubrics() });
  const mayClone = hasPermission(me, 'evaluation.manage') && rubricOwners(me).length > 0;
  const columns: TableColumnsType<RubricSummary> = [
    {
      title: t('rubric.title'),
      render: (_, r) => (
        <Space size={4} wrap>
          <Link to={rubricPath(r.ref)}>{r.title}</Link>
          {r.builtin ? <Tag>{t('rubric.builtin')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('rubric.version'),
      width: 120,
      render: (_, r) => (r.builtin ? r.version : t('rubric.versionN', { n: r.version })),
    },
    { title: t('rubric.total'), dataIndex: 'maxPoints', width: 70 },
    {
      title: t('rubric.owner'),
      width: 190,
      render: (_, r) =>
        r.builtin ? t('rubric.builtin') : `${r.ownerOrgName ?? '—'} · ${formatDate(r.createdAt)}`,
    },
    {
      title: t('rubric.warnings'),
      width: 80,
      render: (_, r) =>
        r.warnings.length > 0 ? (
          <Tooltip
            title={r.warnings.map((w) => rubricFindingSentence(t, w)).join(t('reason.elig.separator'))}
          >
            <Tag color="warning" data-testid={`rubric-warnings-${r.ref}`}>
              {r.warnings.length}
            </Tag>
          </Tooltip>
        ) : (
          t('rubric.noWarnings')
        ),
    },
    {
      title: t('common.actions'),
      width: 230,
      render: (_, r) => (
        <Space size={4}>
          <Link to={rubricPath(r.ref)}>{t('rubric.view')}</Link>
          {r.canEdit ? (
            <Link to={rubricPath(r.ref)} data-testid={`rubric-edit-${r.ref}`}>
              {t('rubric.edit')}
            </Link>
          ) : null}
          {mayClone ? (
            <Button
              type="link"
              size="small"
              onClick={() => setCloning(r)}
              data-testid={`rubric-clone-${r.ref}`}
            >
              {t('rubric.clone')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Card title={t('rubric.library')}>
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} full />
      ) : (
        <Table<RubricSummary>
          rowKey="ref"
          size="small"
          loading={q.isPending}
          dataSource={q.data ?? []}
          columns={columns}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('rubric.empty') }}
          data-testid="rubric-list"
        />
      )}
      <RubricCloneModal from={cloning} onClose={() => setCloning(null)} />
    </Card>
  );
}
