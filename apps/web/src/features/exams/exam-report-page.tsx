import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { useParams } from 'react-router';
import { api } from '../../shared/api';
import { QueryError } from '../../shared/query-error';
import { ExamReportView } from './exam-report-view';

export function ExamReportPage() {
  const { id = '' } = useParams();
  const report = useQuery({ queryKey: ['exams', 'report', id], queryFn: () => api.examReport(id) });
  if (report.error) return <QueryError error={report.error} full />;
  if (!report.data) return <Skeleton active />;
  return <ExamReportView report={report.data} />;
}
