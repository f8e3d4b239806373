/** 我的工作室/工作坊 (a teacher, on a phone): each community with the role, the coming activities and the 学时. */

import { useQuery } from '@tanstack/react-query';
import type { MyCommunity } from '@yanxun/contracts';
import { Alert, Card, Empty, Space, Tag, Typography } from 'antd';
import { api } from '../../shared/api';
import { schoolYearLabel } from '../../shared/figures';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { hours } from '../outcomes/outcome-status-tag';

function CommunityCard({ c }: { c: MyCommunity }) {
  const { t, lang } = useI18n();
  return (
    <Card size="small" title={c.name} extra={<Tag>{t(`comm.role.${c.role}`)}</Tag>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t(`comm.level.${c.level}`)} · {t(`comm.kind.${c.kind}`)}
        </Typography.Text>
        <Typography.Text strong>
          {t('comm.earned', { year: schoolYearLabel(c.schoolYear, lang), n: hours(c.countedTenths) })}
        </Typography.Text>
        {c.notCountedTenths > 0 ? (
          <Typography.Text type="warning">
            {t('comm.notCounted', { n: hours(c.notCountedTenths) })}
          </Typography.Text>
        ) : null}
        {c.backbone ? (
          <Alert type="success" showIcon title={t('comm.backboneMine')} description={c.backbone.message} />
        ) : null}
        <Typography.Text>{t('comm.upcoming')}</Typography.Text>
        {c.upcoming.length === 0 ? (
          <Typography.Text type="secondary">{t('comm.noUpcoming')}</Typography.Text>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {c.upcoming.map((u) => (
              <li key={u.id}>
                {u.heldOn} · {t(`comm.act.${u.kind}`)} · {u.title}
              </li>
            ))}
          </ul>
        )}
      </Space>
    </Card>
  );
}

export function MyCommunitiesPage() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['communities', 'mine'], queryFn: () => api.myCommunities() });
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 640 }}>
      <Typography.Title level={4}>{t('comm.mine')}</Typography.Title>
      {q.error ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.isLoading ? <Card loading /> : null}
      {q.data && q.data.length === 0 ? <Empty description={t('comm.mineNone')} /> : null}
      {(q.data ?? []).map((c) => (
        <CommunityCard key={c.id} c={c} />
      ))}
    </Space>
  );
}
