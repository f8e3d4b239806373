/** A plan's submitted versions with their decisions and PDFs. */
import type { PlanDetail, PlanVersion } from '@yanxun/contracts';
import { Button, Card, Grid, Table, Tag } from 'antd';
import { fileUrls } from '../../shared/api';
import { useDownload } from '../../shared/download';
import { useI18n } from '../../shared/i18n';
import { keyColumns } from '../../shared/phone-table';
import { formatDateTime } from '../../shared/time';

export function Versions({ detail }: { detail: PlanDetail }) {
  const { t } = useI18n();
  const { download } = useDownload();
  const narrow = !Grid.useBreakpoint().md;
  return (
    <Card title={t('plans.versions')} size="small" data-testid="plan-versions">
      <Table<PlanVersion>
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={detail.versions}
        columns={keyColumns<PlanVersion>(
          [
            { title: t('plans.version'), dataIndex: 'version', width: 70 },
            {
              title: t('plans.submittedAt'),
              key: 'submittedAt',
              render: (_, v) => formatDateTime(v.submittedAt),
            },
            {
              title: t('plans.decision'),
              key: 'decision',
              render: (_, v) =>
                v.decision ? (
                  <Tag color={v.decision === 'approved' ? 'success' : 'warning'}>
                    {t(`plans.status.${v.decision}`)}
                  </Tag>
                ) : (
                  '—'
                ),
            },
            { title: t('plans.comment'), key: 'comment', render: (_, v) => v.reviewComment ?? '—' },
            {
              title: t('plans.pdf'),
              key: 'pdf',
              render: (_, v) =>
                v.file ? (
                  <Button
                    type="link"
                    size="small"
                    // a phone: the file's long name wraps in its cell instead of widening the page
                    style={narrow ? { whiteSpace: 'normal', height: 'auto', textAlign: 'start' } : undefined}
                    onClick={() =>
                      download(fileUrls.planPdf(detail.id, v.version), v.file?.name ?? 'plan.pdf')
                    }
                  >
                    {v.file.name}
                  </Button>
                ) : (
                  '—'
                ),
            },
          ],
          ['version', 'submittedAt', 'decision', 'pdf'],
        )}
      />
    </Card>
  );
}
