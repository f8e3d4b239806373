/** The evaluation exports as buttons: a campaign's scorecards as Excel (its owner), one scorecard as PDF. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { evaluationScorecardPdfPath, evaluationScorecardsXlsxPath } from '../../shared/api-evaluation';
import { useDownload } from '../../shared/download';
import { useI18n } from '../../shared/i18n';

export function ScorecardsExcelButton({ campaignId, name }: { campaignId: string; name: string }) {
  const { t } = useI18n();
  const { download, pending } = useDownload();
  const path = evaluationScorecardsXlsxPath(campaignId);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={pending === path}
      onClick={() => void download(path, `${name}-评价结果.xlsx`)}
      data-testid="eval-export-excel"
    >
      {t('eval.exportExcel')}
    </Button>
  );
}

export function ScorecardPdfButton({ subjectId, name }: { subjectId: string; name: string }) {
  const { t } = useI18n();
  const { download, pending } = useDownload();
  const path = evaluationScorecardPdfPath(subjectId);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={pending === path}
      onClick={() => void download(path, `${name}-评价结果.pdf`)}
      data-testid="eval-download-pdf"
    >
      {t('eval.downloadPdf')}
    </Button>
  );
}
