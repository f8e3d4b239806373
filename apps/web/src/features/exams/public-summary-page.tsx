/**
 * 公开结果: the region summaries the office published, for anyone without sign-in. The page
 * shows what the server sent — participation and the grade distribution of the region (SZ-12); the server never
 * sends a school or a rank (R-002-58).
 */
import { useQuery } from '@tanstack/react-query';
import { gradeBandLabels, type PublicExamSummary } from '@yanxun/contracts';
import { Alert, Card, Col, Empty, Row, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api';
import { SimpleBarChart } from '../../shared/bar-chart';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { semesterLabel } from '../../shared/semester';
import { formatDateTime } from '../../shared/time';
import { LangSwitch } from './parent-page';

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;

function Frame({ children }: { children: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <div style={{ minHeight: '100vh', background: '#f4f6f9' }}>
      <div style={{ maxWidth: 960, margin: '0 auto', padding: '16px 16px 40px' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12 }}>
          <Typography.Title level={3} style={{ margin: '8px 0' }}>
            {t('public.title')}
          </Typography.Title>
          <LangSwitch />
        </div>
        <Typography.Paragraph type="secondary">{t('public.intro')}</Typography.Paragraph>
        {children}
      </div>
    </div>
  );
}

function useTitle() {
  const { lang } = useI18n();
  return (s: PublicExamSummary) => `${s.name} · ${lang === 'zh-CN' ? s.labels.subject : s.labels.subjectEn}`;
}

export function PublicSummaryView({ s }: { s: PublicExamSummary }) {
  const { t, lang } = useI18n();
  const title = useTitle();
  const sum = s.summary;
  const p = sum.participation;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {title(s)}
        </Typography.Title>
        <Typography.Text type="secondary">
          {[
            `${t('public.region')}${lang === 'zh-CN' ? '：' : ': '}${s.region}`,
            lang === 'zh-CN' ? s.labels.stage : s.labels.stageEn,
            s.grade,
            semesterLabel(s.semester, lang),
            `${t('public.published')}${lang === 'zh-CN' ? '：' : ': '}${formatDateTime(s.publishedAt)}`,
          ].join(' · ')}
        </Typography.Text>
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={12} md={6}>
            <Statistic title={t('public.students')} value={p.students} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('public.absent')} value={p.absent} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('public.rate')} value={pct(p.rate)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('public.schools')} value={p.schools} />
          </Col>
        </Row>
      </Card>
      <Card title={t('public.distribution')}>
        {sum.withheld || !sum.grades ? (
          <Alert
            type="info"
            showIcon
            title={t(`public.withheld.${sum.withheld?.reason ?? 'small_group'}`, {
              n: sum.withheld?.limit ?? 0,
            })}
          />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={24} md={14}>
              <SimpleBarChart
                height={260}
                seriesName={t('public.distribution')}
                data={sum.grades.map((g) => ({ name: g.grade, value: g.count }))}
              />
            </Col>
            <Col xs={24} md={10}>
              <Table
                size="small"
                rowKey="grade"
                pagination={false}
                dataSource={sum.grades.map((g) => ({
                  ...g,
                  range: gradeBandLabels(sum.gradeCuts).find((c) => c.grade === g.grade)?.range ?? '',
                }))}
                columns={[
                  { title: t('grades.grade'), dataIndex: 'grade', width: 60 },
                  { title: t('grades.range'), dataIndex: 'range' },
                  { title: t('grades.count'), dataIndex: 'count', align: 'right' },
                  { title: t('grades.share'), key: 'rate', align: 'right', render: (_, g) => pct(g.rate) },
                ]}
              />
            </Col>
          </Row>
        )}
      </Card>
      {(lang === 'zh-CN'
        ? sum.notes
        : [...(sum.mode === 'grades' ? [t('public.note.grades')] : []), t('public.note.region')]
      ).map((n) => (
        <Typography.Paragraph key={n} type="secondary" style={{ margin: 0 }}>
          {n}
        </Typography.Paragraph>
      ))}
    </Space>
  );
}

export function PublicSummaryListPage() {
  const { t, lang } = useI18n();
  const title = useTitle();
  const list = useQuery({ queryKey: ['public', 'exams'], queryFn: () => api.publicExamSummaries() });
  return (
    <Frame>
      {list.error ? (
        <QueryError error={list.error} />
      ) : !list.data ? (
        <Skeleton active />
      ) : list.data.length === 0 ? (
        <Empty description={t('public.none')} />
      ) : (
        <Card>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {list.data.map((s) => (
              <li
                key={s.examId}
                style={{
                  display: 'flex',
                  justifyContent: 'space-between',
                  alignItems: 'center',
                  gap: 12,
                  padding: '12px 0',
                  borderBottom: '1px solid #f0f0f0',
                }}
              >
                <div style={{ minWidth: 0 }}>
                  <Link to={`/public/exams/${s.examId}`}>{title(s)}</Link>
                  <div>
                    <Typography.Text type="secondary">{`${s.region} · ${semesterLabel(s.semester, lang)} · ${s.grade}`}</Typography.Text>
                  </div>
                </div>
                <Link to={`/public/exams/${s.examId}`}>{t('public.open')}</Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </Frame>
  );
}

export function PublicSummaryPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const one = useQuery({ queryKey: ['public', 'exams', id], queryFn: () => api.publicExamSummary(id) });
  return (
    <Frame>
      <div style={{ marginBottom: 12 }}>
        <Link to="/public/exams">← {t('public.back')}</Link>
      </div>
      {one.error ? (
        <QueryError error={one.error} />
      ) : !one.data ? (
        <Skeleton active />
      ) : (
        <PublicSummaryView s={one.data} />
      )}
    </Frame>
  );
}
