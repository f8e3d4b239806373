import type { CampaignSummary, RubricVersion } from '@yanxun/contracts';
import { Card, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n';
import { formatDateTime } from '../../../shared/time';
import { StatusTag } from '../eval-labels';

/** The versions of this rubric (who saved each, when) and the campaigns scoring with it, with the choice they recorded. */
export function RubricHistory({
  current,
  versions,
  campaigns,
  loading,
}: {
  current: string;
  versions: RubricVersion[];
  campaigns: CampaignSummary[];
  loading: boolean;
}) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('rubric.versions')}>
        <Table<RubricVersion>
          rowKey="ref"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={versions}
          locale={{ emptyText: t('rubric.noVersions') }}
          columns={[
            {
              title: t('rubric.version'),
              width: 120,
              render: (_, v) => (
                <Link to={`/evaluation/rubrics/${encodeURIComponent(v.ref)}`}>
                  {t('rubric.versionN', { n: v.version })}
                  {v.ref === current ? (
                    <Tag color="blue" style={{ marginLeft: 6 }}>
                      {t('rubric.current')}
                    </Tag>
                  ) : null}
                </Link>
              ),
            },
            { title: t('rubric.title'), dataIndex: 'title' },
            { title: t('rubric.savedBy'), width: 180, render: (_, v) => v.createdBy ?? '—' },
            { title: t('rubric.savedAt'), width: 170, render: (_, v) => formatDateTime(v.createdAt) },
            { title: t('rubric.warnings'), width: 80, dataIndex: 'warnings' },
          ]}
          data-testid="rubric-versions"
        />
      </Card>
      <Card size="small" title={t('rubric.campaigns')}>
        <Table<CampaignSummary>
          rowKey="id"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={campaigns}
          locale={{ emptyText: t('rubric.noCampaigns') }}
          columns={[
            {
              title: t('eval.name'),
              render: (_, c) => <Link to={`/evaluation/campaigns/${c.id}`}>{c.name}</Link>,
            },
            { title: t('eval.year'), dataIndex: 'year', width: 70 },
            {
              title: t('rubric.version'),
              width: 90,
              render: (_, c) => {
                const v = c.rubricRef.split('@')[1];
                return v ? t('rubric.versionN', { n: v }) : '—';
              },
            },
            { title: t('rubric.normalisation'), render: (_, c) => t(`eval.norm.${c.normalisation}`) },
            { title: t('rubric.chosenBy'), width: 180, render: (_, c) => c.normalisationBy ?? '—' },
            { title: t('rubric.chosenAt'), width: 170, render: (_, c) => formatDateTime(c.normalisationAt) },
            { title: t('eval.statusCol'), width: 150, render: (_, c) => <StatusTag status={c.status} /> },
          ]}
          data-testid="rubric-campaigns"
        />
      </Card>
    </Space>
  );
}
