import { useQuery } from '@tanstack/react-query';
import type { Programme } from '@yanxun/contracts';
import { Breadcrumb, Card, Descriptions, Space, Statistic, Tabs, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
// substitution approval and the dashboard
import { KpiTab } from './kpi-tab';
import { NominationsTab } from './nominations-tab';
import { LevelTag, SeatsBar } from './programmes-page';
import { QuotaTab } from './quota-tab';
import { SubstitutionsTab } from './substitutions-tab';

const TABS = ['overview', 'quotas', 'nominations', 'substitutions', 'kpis'] as const;
type TabKey = (typeof TABS)[number];

function Overview({ programme: p }: { programme: Programme }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={24} style={{ width: '100%' }}>
      <Space size={48} wrap>
        <Statistic title={t('prog.programme.totalSeats')} value={p.totalSeats} />
        <Statistic title={t('prog.programme.usedSeats')} value={p.usedSeats} />
        {p.candidates > 0 && <Statistic title={t('prog.programme.candidates')} value={p.candidates} />}
        <Statistic title={t('prog.programme.freeSeats')} value={p.totalSeats - p.usedSeats} />
      </Space>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('prog.programme.level')}>
          <LevelTag level={p.level} />
        </Descriptions.Item>
        <Descriptions.Item label={t('prog.pack.year')}>{p.year}</Descriptions.Item>
        <Descriptions.Item label={t('prog.programme.projectType')}>{p.projectTypeName}</Descriptions.Item>
        <Descriptions.Item label={t('prog.programme.pack')}>
          <Link to={`/packs/${encodeURIComponent(p.packId)}`} data-testid="programme-pack">
            {p.packTitle}
          </Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('prog.programme.owner')}>{p.ownerOrgName}</Descriptions.Item>
        <Descriptions.Item label={t('prog.programme.selectionDeadline')}>
          {p.selectionDeadline}
        </Descriptions.Item>
        <Descriptions.Item label={t('prog.programme.dates')}>
          {p.startDate} ~ {p.endDate}
        </Descriptions.Item>
        <Descriptions.Item label={t('prog.programme.seatsUsed')}>
          <SeatsBar used={p.usedSeats} total={p.totalSeats} />
        </Descriptions.Item>
      </Descriptions>
    </Space>
  );
}

export function ProgrammeDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((x) => x === params.get('tab')) ?? 'overview';
  const programme = useQuery({ queryKey: ['programme', id], queryFn: () => api.programme(id) });
  if (programme.isError) {
    return <QueryError error={programme.error} full onRetry={() => void programme.refetch()} />;
  }
  const p = programme.data;
  if (!p) return <Card loading />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[{ title: <Link to="/programmes">{t('prog.programme.title')}</Link> }, { title: p.title }]}
      />
      <Card
        title={
          <Space wrap>
            <span style={{ whiteSpace: 'normal' }}>{p.title}</span>
            <LevelTag level={p.level} />
          </Space>
        }
        extra={<Typography.Text type="secondary">{p.ownerOrgName}</Typography.Text>}
      >
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          items={[
            { key: 'overview', label: t('prog.programme.tabOverview'), children: <Overview programme={p} /> },
            { key: 'quotas', label: t('prog.programme.tabQuotas'), children: <QuotaTab programme={p} /> },
            {
              key: 'nominations',
              label: t('prog.programme.tabNominations'),
              children: <NominationsTab programme={p} />,
            },
            {
              key: 'substitutions',
              label: t('prog.programme.tabSubstitutions'),
              children: <SubstitutionsTab programme={p} />,
            },
            { key: 'kpis', label: t('prog.programme.tabKpis'), children: <KpiTab programme={p} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
