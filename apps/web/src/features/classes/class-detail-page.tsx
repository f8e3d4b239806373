import {
  DashboardOutlined,
  DesktopOutlined,
  FileDoneOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { BoardItem, ClassSession } from '@yanxun/contracts';
import { Alert, Button, Card, Descriptions, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { deadlineLabel, deadlineSentence } from '../../shared/reasons';
import { ReasonWithRule } from '../../shared/rule-ref';
import { AddSessionForm, RecordDocumentForm } from './class-forms';
import { LightTag } from './light-tag';

export function DeadlineBoard({ items }: { items: BoardItem[] }) {
  const { t } = useI18n();
  return (
    <Table<BoardItem>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={items}
      scroll={{ x: 640 }}
      columns={[
        { title: t('class.status'), width: 110, render: (_, i) => <LightTag light={i.light} /> },
        { title: t('class.item'), render: (_, i) => deadlineLabel(t, i) },
        { title: t('class.due'), dataIndex: 'dueDate', width: 120 },
        {
          title: t('class.submittedOn'),
          width: 220,
          render: (_, i) =>
            i.submittedOn ? (
              <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                {i.submittedOn}
                {i.late ? <Tag color="orange">{t('class.late', { n: i.days })}</Tag> : null}
              </Space>
            ) : i.count ? (
              `${i.count.submitted} / ${i.count.required}`
            ) : (
              '—'
            ),
        },
        {
          // the item's rule (R-004-09 … R-004-15) with its due date: ⓘ for officers, the words for everyone
          title: '',
          render: (_, i) => (
            <ReasonWithRule
              type="secondary"
              reason={deadlineSentence(t, i)}
              rules={{ ruleId: i.ruleId, value: i.dueDate }}
            />
          ),
        },
      ]}
    />
  );
}

export function ClassDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [slot, setSlot] = useState('arrive');
  const q = useQuery({ queryKey: ['class', id], queryFn: () => api.classDetail(id) });
  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <QueryError full error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  const slots = [
    { value: 'register', label: t('slot.register') },
    { value: 'arrive', label: t('slot.arrive') },
    ...c.sessions.map((s) => ({ value: `s${s.id}`, label: `${s.date} ${s.startsAt} ${s.title}` })),
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {c.name}
      </Typography.Title>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'p', label: t('class.programme'), children: c.programmeTitle },
            { key: 'd', label: t('class.dates'), children: `${c.startDate} ~ ${c.endDate}` },
            { key: 'v', label: t('class.venue'), children: c.venue || '—' },
            { key: 'o', label: t('class.provider'), children: c.providerOrgName },
            { key: 'e', label: t('class.enrolled'), children: c.enrolled },
          ]}
        />
        <Alert
          style={{ marginTop: 12 }}
          type={c.checkin.open ? 'success' : 'info'}
          showIcon
          title={t(c.checkin.open ? 'class.open' : 'class.closed', {
            from: c.checkin.opensOn,
            to: c.checkin.closesOn,
          })}
        />
        {c.canDisplay ? (
          <Space wrap style={{ marginTop: 12 }}>
            <span>{t('class.slot')}</span>
            <Select
              value={slot}
              onChange={setSlot}
              options={slots}
              style={{ minWidth: 220 }}
              aria-label={t('class.slot')}
            />
            <Link to={`/classes/${c.id}/screen?slot=${slot}`}>
              <Button type="primary" icon={<DesktopOutlined />}>
                {t('class.screen')}
              </Button>
            </Link>
            <Link to={`/classes/${c.id}/live?slot=${slot}`}>
              <Button icon={<DashboardOutlined />}>{t('class.live')}</Button>
            </Link>
          </Space>
        ) : null}
        {/* outcomes and completion */}
        <Space wrap style={{ marginTop: 12 }}>
          <Link to={`/classes/${c.id}/outcomes`}>
            <Button icon={<FileDoneOutlined />}>{t('class.outcomes')}</Button>
          </Link>
          <Link to={`/classes/${c.id}/completion`}>
            <Button icon={<SafetyCertificateOutlined />}>{t('class.completion')}</Button>
          </Link>
        </Space>
      </Card>
      <Card size="small" title={t('class.board')}>
        {c.canManage ? (
          <div style={{ marginBottom: 12 }}>
            <Typography.Text strong>{t('classForm.recordDocument')}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              <RecordDocumentForm
                classId={c.id}
                finalReportItems={c.board
                  .filter((i) => i.code.startsWith('final_report:'))
                  .map((i) => i.label)}
              />
            </div>
          </div>
        ) : null}
        <DeadlineBoard items={c.board} />
      </Card>
      <Card size="small" title={t('class.timetable')}>
        {c.canManage ? (
          <div style={{ marginBottom: 12 }}>
            <Typography.Text strong>{t('classForm.addSession')}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              <AddSessionForm c={c} />
            </div>
          </div>
        ) : null}
        <Table<ClassSession>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.sessions}
          locale={{ emptyText: t('class.noSessions') }}
          columns={[
            { title: t('class.dates'), render: (_, s) => `${s.date} ${s.startsAt}–${s.endsAt}` },
            { title: t('class.item'), dataIndex: 'title' },
            { title: t('class.venue'), dataIndex: 'location' },
          ]}
        />
      </Card>
    </Space>
  );
}
