/** The drawn sample of a round (CD-25, TL-14): students per school × grade as positions on the school's grade list, and the principals and teachers drawn, with the seed that reproduces it. */
import { useQuery } from '@tanstack/react-query';
import type { FiveEduSample } from '@yanxun/contracts';
import { Card, Table, Typography } from 'antd';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';

type Stratum = FiveEduSample['students']['strata'][number];
type Staff = FiveEduSample['staff']['picks'][number];

export function SampleCard({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['five-edu', 'sample', roundId],
    queryFn: () => api.fiveEduSample(roundId),
  });
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  return (
    <Card size="small" title={t('five.sample.title')} loading={q.isLoading}>
      {s && (
        <>
          <Typography.Paragraph type="secondary">
            {s.seed
              ? t('five.sample.summary', {
                  seed: s.seed,
                  students: s.students.count,
                  population: s.students.population,
                  staff: s.staff.count,
                  staffPopulation: s.staff.population,
                })
              : t('five.round.notDrawn')}
          </Typography.Paragraph>
          <Table<Stratum>
            rowKey={(x) => `${x.schoolId}-${x.grade}`}
            size="small"
            dataSource={s.students.strata}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('five.school'), dataIndex: 'schoolName' },
              { title: t('five.sample.grade'), dataIndex: 'grade' },
              { title: t('five.students'), dataIndex: 'population' },
              { title: t('five.sampledStudents'), dataIndex: 'count' },
              { title: t('five.sample.positions'), render: (_, x) => x.picks.join('、') || '—' },
            ]}
          />
          {s.staff.picks.length > 0 && (
            <Table<Staff>
              rowKey="teacherId"
              size="small"
              dataSource={s.staff.picks}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('five.school'), dataIndex: 'schoolName' },
                { title: t('five.sampledStaff'), dataIndex: 'name' },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
