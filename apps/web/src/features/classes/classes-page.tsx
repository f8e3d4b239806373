import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { ClassAlert, ClassSummary } from '@yanxun/contracts';
import { Button, Card, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useKeyColumns } from '../../shared/phone-table';
import { QueryError } from '../../shared/query-error';
import { deadlineSentence } from '../../shared/reasons';
import { hasPermission, useMe } from '../../shared/session';
import { CreateClassModal } from './class-forms';
import { LightTag, lightCountTags } from './light-tag';
import { ROW, SimpleList } from './simple-list';

export function AlertsCard() {
  const { t } = useI18n();
  const alerts = useQuery({ queryKey: ['class-alerts'], queryFn: () => api.classAlerts() });
  return (
    <Card title={t('class.alerts')} size="small">
      {alerts.isError ? (
        <QueryError error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : (
        <SimpleList<ClassAlert>
          loading={alerts.isPending}
          items={alerts.data ?? []}
          empty={<Empty description={t('class.noAlerts')} />}
          render={(a) => (
            <div key={`${a.classId}:${a.code}`} style={ROW}>
              <Space wrap>
                <LightTag light={a.light} />
                <Link to={`/classes/${a.classId}`}>{a.className}</Link>
                <Typography.Text data-testid="alert-sentence">{deadlineSentence(t, a)}</Typography.Text>
              </Space>
            </div>
          )}
        />
      )}
    </Card>
  );
}

export function ClassesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [creating, setCreating] = useState(false);
  const classes = useQuery({ queryKey: ['classes'], queryFn: () => api.listClasses() });
  const table = useKeyColumns<ClassSummary>(
    [
      {
        title: t('class.name'),
        dataIndex: 'name',
        render: (_, c) => <Link to={`/classes/${c.id}`}>{c.name}</Link>,
      },
      { title: t('class.programme'), dataIndex: 'programmeTitle' },
      {
        title: t('class.dates'),
        width: 110,
        // one date per line, never broken inside a date
        render: (_, c) => (
          <span style={{ whiteSpace: 'nowrap' }}>
            {c.startDate}
            <br />~ {c.endDate}
          </span>
        ),
      },
      { title: t('class.provider'), dataIndex: 'providerOrgName' },
      {
        title: t('class.enrolled'),
        dataIndex: 'enrolled',
        align: 'right',
        width: 72,
        onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      },
      {
        title: t('class.board'),
        key: 'board',
        render: (_, c) => (
          <Space size={4}>{lightCountTags(c.lights, ['red', 'amber', 'green', 'grey'])}</Space>
        ),
      },
    ],
    ['name', 'board'],
    { x: 800 },
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('class.list')}
        </Typography.Title>
        {hasPermission(me, 'program.manage') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('classForm.open')}
          </Button>
        ) : null}
      </Space>
      {creating ? (
        <CreateClassModal
          onClose={() => setCreating(false)}
          onCreated={(c) => navigate(`/classes/${c.id}`)}
        />
      ) : null}
      <AlertsCard />
      {classes.isError ? (
        <QueryError error={classes.error} onRetry={() => void classes.refetch()} />
      ) : (
        <Table<ClassSummary>
          rowKey="id"
          loading={classes.isPending}
          dataSource={classes.data ?? []}
          pagination={false}
          scroll={table.scroll}
          columns={table.columns}
        />
      )}
    </Space>
  );
}
