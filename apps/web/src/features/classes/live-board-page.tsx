import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { formatTime } from '../../shared/time';
import { ROW, SimpleList } from './simple-list';

/** Live "checked in / not yet" board of a class slot, refreshed every 3 s. */
export function LiveBoardPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const slot = params.get('slot') ?? 'arrive';
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['live-board', id, slot],
    queryFn: () => api.liveBoard(id, slot),
    refetchInterval: 3000,
  });
  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <QueryError full error={q.error} onRetry={() => void q.refetch()} />;
  const b = q.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('class.live')} · {b.slotLabel}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={8}>
          <Card size="small">
            <Statistic
              title={t('live.checkedIn')}
              value={b.checkedIn}
              suffix={`/ ${b.total}`}
              styles={{ content: { color: '#3f8600' } }}
            />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic
              title={t('live.notYet')}
              value={b.notYet.length}
              styles={{ content: { color: '#cf1322' } }}
            />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('live.onLeave')} value={b.onLeave} />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Card size="small" title={`${t('live.notYet')} (${b.notYet.length})`}>
            <SimpleList
              items={b.notYet}
              empty={<Empty description={t('live.all')} />}
              render={(n) => (
                <div key={n.teacherId} style={ROW}>
                  {n.teacherName}
                  <Typography.Text type="secondary">{n.schoolName}</Typography.Text>
                </div>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={10}>
          <Card size="small" title={t('live.recent')}>
            <SimpleList
              items={b.recent}
              render={(r) => (
                <div key={r.teacherId} style={ROW}>
                  {r.teacherName}
                  <Typography.Text type="secondary">
                    {formatTime(r.checkedAt, { seconds: true })}
                  </Typography.Text>
                </div>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
