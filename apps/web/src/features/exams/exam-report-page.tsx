import { useQuery } from '@tanstack/react-query';
import { Button, Skeleton, Space } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { hasPermission, useMe } from '../../shared/session';
import { ExamReportView } from './exam-report-view';

export function ExamReportPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { data: me } = useMe();
  const report = useQuery({ queryKey: ['exams', 'report', id], queryFn: () => api.examReport(id) });
  if (report.error) return <QueryError error={report.error} full />;
  if (!report.data) return <Skeleton active />;
  // the office's grade cut-offs and release page
  const manage = hasPermission(me, 'exam.manage') && report.data.audience === 'monitoring';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {manage && report.data.exam.hasData && (
        <div style={{ textAlign: 'right' }}>
          <Link to={`/monitoring/exams/${id}/grades`}>
            <Button>{t('grades.link')}</Button>
          </Link>
        </div>
      )}
      <ExamReportView report={report.data} />
    </Space>
  );
}
