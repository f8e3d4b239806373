/** A plan's submitted versions with their decisions and PDFs. */
import type { PlanDetail, PlanVersion } from '@yanxun/contracts';
import { Button, Card, Table, Tag } from 'antd';
import { fileUrls } from '../../shared/api';
import { useDownload } from '../../shared/download';
import { useI18n } from '../../shared/i18n';
import { formatDateTime } from '../../shared/time';

export function Versions({ detail }: { detail: PlanDetail }) {
  const { t } = useI18n();
  const { download } = useDownload();
  return (
    <Card title={t('plans.versions')} size="small">
      <Table<PlanVersion>
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={detail.versions}
        columns={[
          { title: t('plans.version'), dataIndex: 'version', width: 70 },
          {
            title: t('plans.submittedAt'),
            render: (_, v) => formatDateTime(v.submittedAt),
          },
          {
            title: t('plans.decision'),
            render: (_, v) =>
              v.decision ? (
                <Tag color={v.decision === 'approved' ? 'success' : 'warning'}>
                  {t(`plans.status.${v.decision}`)}
                </Tag>
              ) : (
                '—'
              ),
          },
          { title: t('plans.comment'), render: (_, v) => v.reviewComment ?? '—' },
          {
            title: t('plans.pdf'),
            render: (_, v) =>
              v.file ? (
                <Button
                  type="link"
                  size="small"
                  onClick={() => download(fileUrls.planPdf(detail.id, v.version), v.file?.name ?? 'plan.pdf')}
                >
                  {v.file.name}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}
