import { useQuery } from '@tanstack/react-query';
import type { ShortlistSummary } from '@yanxun/contracts';
import { Alert, Card, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { keyColumns } from '../../shared/phone-table';
import { QueryError } from '../../shared/query-error';
import { RuleRef } from '../../shared/rule-ref';
import { ShortlistStatusTag } from './shortlist-status-tag';

export const SHORTLIST_RULE_ID = 'R-004-59';

/** Competitive programmes the provider selects for, or the owner confirms (差额遴选, R-004-59). */
export function ShortlistsPage() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['shortlists'], queryFn: () => api.shortlistSelections() });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('sl.list.title')}
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        title={
          <>
            {t('sl.list.intro')}
            <RuleRef rules={SHORTLIST_RULE_ID} />
          </>
        }
      />
      {q.error ? <QueryError error={q.error} onRetry={() => q.refetch()} /> : null}
      <Card>
        <Table<ShortlistSummary>
          rowKey="programmeId"
          loading={q.isLoading}
          dataSource={q.data ?? []}
          pagination={false}
          locale={{ emptyText: t('sl.list.empty') }}
          columns={keyColumns<ShortlistSummary>(
            [
              {
                title: t('sl.programme'),
                dataIndex: 'programmeTitle',
                render: (v: string, r) => <Link to={`/shortlists/${r.programmeId}`}>{v}</Link>,
              },
              { title: t('sl.owner'), dataIndex: 'ownerOrgName' },
              { title: t('sl.provider'), dataIndex: 'providerName' },
              { title: t('sl.deadline'), dataIndex: 'selectionDeadline' },
              { title: t('sl.seats'), dataIndex: 'totalSeats', align: 'right' },
              { title: t('sl.candidates'), dataIndex: 'candidates', align: 'right' },
              { title: t('sl.selectedCount'), dataIndex: 'selected', align: 'right' },
              {
                title: t('sl.status'),
                dataIndex: 'status',
                render: (s) => <ShortlistStatusTag status={s} />,
              },
            ],
            ['programmeTitle', 'status'],
          )}
        />
      </Card>
    </Space>
  );
}
