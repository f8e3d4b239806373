/**
 * The office's page for an exam's grade bands (等级, SZ-12) and its release: edit the cut-offs
 * with validation (strictly descending, within 0–100 % of full marks, the last at 0), preview the resulting
 * distribution (overall and per school) before saving, and publish the public summary / open it to parents.
 * The server validates again (core validateGradeCuts); this page only helps.
 */
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ExamReport, type GradeCount, type GradeCutPreview, gradeBandLabels } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  InputNumber,
  Row,
  Skeleton,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { type MessageKey, useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { RuleRef } from '../../shared/rule-ref';
import { formatDateTime } from '../../shared/time';

/** A band as edited: the lower bound in percent of full marks (what the office thinks in). */
export interface CutRow {
  grade: string;
  percent: number | null;
}

export const DEFAULT_CUTS: CutRow[] = [
  { grade: 'A', percent: 85 },
  { grade: 'B', percent: 70 },
  { grade: 'C', percent: 60 },
  { grade: 'D', percent: 0 },
];

/** The first problem of the edited bands (a message key), or null: the rules of core's validateGradeCuts. */
export function checkCuts(rows: readonly CutRow[]): MessageKey | null {
  if (rows.length < 2 || rows.length > 8) return 'grades.err.count';
  const names = rows.map((r) => r.grade.trim());
  if (names.some((n) => n === '' || n.length > 8) || new Set(names).size !== names.length)
    return 'grades.err.name';
  for (const r of rows)
    if (r.percent === null || !(r.percent >= 0 && r.percent <= 100)) return 'grades.err.range';
  for (let i = 1; i < rows.length; i++)
    if (!((rows[i]?.percent ?? 0) < (rows[i - 1]?.percent ?? 0))) return 'grades.err.order';
  if (rows[rows.length - 1]?.percent !== 0) return 'grades.err.last';
  return null;
}

/** Percent → the fraction the server stores, without float noise (85 → 0.85, 62.5 → 0.625). */
export const toCuts = (rows: readonly CutRow[]) =>
  rows.map((r) => ({ grade: r.grade.trim(), from: Math.round((r.percent ?? 0) * 100) / 10000 }));

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;

function GradeBar({ grades }: { grades: GradeCount[] }) {
  const colors = ['#1d5fbf', '#4c8be0', '#9cc0ef', '#cfdcee', '#e8e8e8', '#f0f0f0', '#f5f5f5', '#fafafa'];
  return (
    <div
      style={{
        display: 'flex',
        height: 14,
        width: '100%',
        minWidth: 120,
        borderRadius: 3,
        overflow: 'hidden',
      }}
    >
      {grades.map((g, i) => (
        <div
          key={g.grade}
          title={`${g.grade} ${pct(g.rate)}`}
          style={{ width: `${(g.rate ?? 0) * 100}%`, background: colors[i] ?? '#ddd' }}
        />
      ))}
    </div>
  );
}

function ReleaseCard({ examId }: { examId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const release = useQuery({
    queryKey: ['exams', 'release', examId],
    queryFn: () => api.examRelease(examId),
  });
  const save = useMutation({
    mutationFn: (body: { public: boolean; parents: boolean }) => api.setExamRelease(examId, body),
    onSuccess: async (r) => {
      queryClient.setQueryData(['exams', 'release', examId], r);
      message.success(t('release.saved'));
    },
    onError: (e) => message.error(errorMessage(e, lang)),
  });
  if (release.error) return <QueryError error={release.error} />;
  const r = release.data;
  if (!r) return <Skeleton active />;
  const at = (s: string | null) => formatDateTime(s, '');
  return (
    <Card title={t('release.title')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <div>
          <Space wrap>
            <Switch
              checked={r.publicAt !== null}
              disabled={r.publicBlocked !== null || save.isPending}
              onChange={(on) => save.mutate({ public: on, parents: r.parentsAt !== null })}
              aria-label={t('release.public')}
            />
            <Typography.Text strong>{t('release.public')}</Typography.Text>
            <Typography.Text type="secondary">
              {r.publicAt ? t('release.publishedAt', { at: at(r.publicAt) }) : t('release.off')}
            </Typography.Text>
            {r.publicAt && <Link to={`/public/exams/${examId}`}>{t('release.view')}</Link>}
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0 52px' }}>
            {t('release.publicHint')}
            <RuleRef rules="R-002-58" />
          </Typography.Paragraph>
          {r.publicBlocked && <Alert type="info" showIcon title={r.publicBlocked} />}
          {r.publicStale && (
            <Alert
              type="warning"
              showIcon
              title={t('release.stale')}
              action={
                <Button
                  size="small"
                  onClick={() => save.mutate({ public: true, parents: r.parentsAt !== null })}
                >
                  {t('release.republish')}
                </Button>
              }
            />
          )}
        </div>
        <div>
          <Space wrap>
            <Switch
              checked={r.parentsAt !== null}
              disabled={save.isPending}
              onChange={(on) => save.mutate({ public: r.publicAt !== null, parents: on })}
              aria-label={t('release.parents')}
            />
            <Typography.Text strong>{t('release.parents')}</Typography.Text>
            <Typography.Text type="secondary">
              {r.parentsAt ? t('release.openAt', { at: at(r.parentsAt) }) : t('release.off')}
            </Typography.Text>
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0 52px' }}>
            {t('release.parentsHint')}
          </Typography.Paragraph>
        </div>
      </Space>
    </Card>
  );
}

export function GradeCutsEditor({ report }: { report: ExamReport }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const exam = report.exam;
  const [rows, setRows] = useState<CutRow[]>(() =>
    report.policy.gradeCuts.map((c) => ({ grade: c.grade, percent: Math.round(c.from * 10000) / 100 })),
  );
  const [minGroupN, setMinGroupN] = useState<number>(report.policy.minGroupN);
  const [preview, setPreview] = useState<{ key: string; data: GradeCutPreview } | null>(null);
  const problem = checkCuts(rows);
  const key = JSON.stringify(toCuts(rows));
  const previewed = preview?.key === key ? preview.data : null;

  const run = useMutation({
    mutationFn: () => api.examGradePreview(exam.id, { gradeCuts: toCuts(rows) }),
    onSuccess: (data) => setPreview({ key, data }),
    onError: (e) => message.error(errorMessage(e, lang)),
  });
  const save = useMutation({
    mutationFn: () =>
      api.saveExamReportSettings(exam.id, { ...exam.reportSettings, gradeCuts: toCuts(rows), minGroupN }),
    onSuccess: async () => {
      message.success(t('grades.saved'));
      await queryClient.invalidateQueries({ queryKey: ['exams'] });
    },
    onError: (e) => message.error(errorMessage(e, lang)),
  });

  const update = (i: number, patch: Partial<CutRow>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const columns: TableColumnsType<CutRow & { i: number }> = [
    {
      title: t('grades.grade'),
      key: 'grade',
      width: 110,
      render: (_, r) => (
        <Input
          value={r.grade}
          maxLength={8}
          aria-label={`${t('grades.grade')} ${r.i + 1}`}
          onChange={(e) => update(r.i, { grade: e.target.value })}
        />
      ),
    },
    {
      title: t('grades.from'),
      key: 'from',
      width: 160,
      render: (_, r) => (
        <InputNumber
          value={r.percent}
          min={0}
          max={100}
          step={0.5}
          aria-label={`${t('grades.from')} ${r.i + 1}`}
          disabled={r.i === rows.length - 1 && r.percent === 0}
          onChange={(v) => update(r.i, { percent: v })}
          style={{ width: 120 }}
        />
      ),
    },
    {
      title: t('grades.score'),
      key: 'score',
      width: 120,
      align: 'right',
      render: (_, r) => (r.percent === null ? '—' : ((exam.fullMarks * r.percent) / 100).toFixed(1)),
    },
    {
      title: '',
      key: 'remove',
      width: 60,
      render: (_, r) =>
        r.i < rows.length - 1 && rows.length > 2 ? (
          <Button
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t('grades.remove')}
            onClick={() => setRows((rs) => rs.filter((_, j) => j !== r.i))}
          />
        ) : null,
    },
  ];

  const compare = previewed
    ? gradeBandLabels(toCuts(rows)).map((c, i) => ({
        grade: c.grade,
        range: c.range,
        now: previewed.current?.find((g) => g.grade === c.grade) ?? null,
        next: previewed.overall?.[i] ?? null,
      }))
    : [];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Link to={`/monitoring/exams/${exam.id}`}>
          <ArrowLeftOutlined /> {exam.name}
        </Link>
        <Typography.Title level={3} style={{ marginTop: 8 }}>
          {t('grades.title', { name: exam.name })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('grades.intro')}
          <RuleRef rules="SZ-12" />
        </Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
          <Descriptions.Item label={t('exam.fullMarks')}>{exam.fullMarks}</Descriptions.Item>
          <Descriptions.Item label={t('exam.students')}>{exam.students}</Descriptions.Item>
          <Descriptions.Item label={t('exam.kind')}>
            {t(`exam.kind.${exam.kind}` as MessageKey)}
          </Descriptions.Item>
        </Descriptions>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('grades.cuts')}>
            <Table
              size="small"
              rowKey="i"
              pagination={false}
              columns={columns}
              dataSource={rows.map((r, i) => ({ ...r, i }))}
            />
            <Space wrap style={{ marginTop: 12 }}>
              <Button
                icon={<PlusOutlined />}
                disabled={rows.length >= 8}
                onClick={() =>
                  setRows((rs) => {
                    const last = rs.length - 1;
                    const above = rs[last - 1]?.percent ?? 100;
                    const grade = String.fromCharCode(65 + rs.length);
                    const next = [...rs];
                    next.splice(last, 0, { grade: rs[last]?.grade ?? grade, percent: Math.round(above / 2) });
                    next[next.length - 1] = { grade, percent: 0 };
                    return next;
                  })
                }
              >
                {t('grades.add')}
              </Button>
              <Button onClick={() => setRows(DEFAULT_CUTS.map((r) => ({ ...r })))}>
                {t('grades.defaults')}
              </Button>
            </Space>
            <div style={{ marginTop: 12 }}>
              <Space>
                <Typography.Text>{t('grades.minGroupN')}</Typography.Text>
                <InputNumber
                  min={1}
                  max={1000}
                  value={minGroupN}
                  onChange={(v) => setMinGroupN(v ?? report.policy.minGroupN)}
                  aria-label={t('grades.minGroupN')}
                />
              </Space>
            </div>
            {problem && <Alert style={{ marginTop: 12 }} type="error" showIcon title={t(problem)} />}
            <Space style={{ marginTop: 16 }}>
              <Button disabled={problem !== null} loading={run.isPending} onClick={() => run.mutate()}>
                {t('grades.preview')}
              </Button>
              <Button
                type="primary"
                disabled={problem !== null || previewed === null}
                loading={save.isPending}
                onClick={() => save.mutate()}
              >
                {t('grades.save')}
              </Button>
              {problem === null && previewed === null && (
                <Typography.Text type="secondary">{t('grades.previewFirst')}</Typography.Text>
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={`${t('grades.new')} · n = ${previewed?.n ?? exam.students}`}>
            {!previewed ? (
              <Typography.Text type="secondary">{t('grades.previewFirst')}</Typography.Text>
            ) : previewed.overall === null ? (
              <Alert type="info" showIcon title={t('grades.suppressedOverall', { n: previewed.minGroupN })} />
            ) : (
              <Table
                size="small"
                rowKey="grade"
                pagination={false}
                dataSource={compare}
                columns={[
                  { title: t('grades.grade'), dataIndex: 'grade', width: 70 },
                  { title: t('grades.range'), dataIndex: 'range', width: 110 },
                  {
                    title: t('grades.current'),
                    key: 'now',
                    align: 'right',
                    render: (_, c) => (c.now ? `${c.now.count}（${pct(c.now.rate)}）` : '—'),
                  },
                  {
                    title: t('grades.new'),
                    key: 'next',
                    align: 'right',
                    render: (_, c) =>
                      c.next ? (
                        <Typography.Text strong>{`${c.next.count}（${pct(c.next.rate)}）`}</Typography.Text>
                      ) : (
                        '—'
                      ),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
      {previewed && previewed.schools.length > 0 && (
        <Card title={t('grades.bySchool')}>
          <Table
            size="small"
            rowKey="schoolId"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={previewed.schools}
            scroll={{ x: 640 }}
            columns={[
              { title: t('exam.rep.school'), dataIndex: 'school', width: 220 },
              {
                title: t('exam.rep.n'),
                dataIndex: 'n',
                width: 110,
                align: 'right',
                render: (n: number | null, s) =>
                  s.suppressed ? (
                    <Typography.Text type="secondary">
                      {t('exam.rep.suppressed', { n: previewed.minGroupN })}
                    </Typography.Text>
                  ) : (
                    n
                  ),
              },
              ...toCuts(rows).map((c, i) => ({
                title: c.grade,
                key: `g${i}`,
                width: 70,
                align: 'right' as const,
                render: (_: unknown, s: GradeCutPreview['schools'][number]) =>
                  s.grades ? pct(s.grades[i]?.rate) : '',
              })),
              {
                title: '',
                key: 'bar',
                render: (_: unknown, s: GradeCutPreview['schools'][number]) =>
                  s.grades ? <GradeBar grades={s.grades} /> : null,
              },
            ]}
          />
        </Card>
      )}
      <ReleaseCard examId={exam.id} />
    </Space>
  );
}

export function GradeCutsPage() {
  const { id = '' } = useParams();
  const report = useQuery({ queryKey: ['exams', 'report', id], queryFn: () => api.examReport(id) });
  if (report.error) return <QueryError error={report.error} full />;
  if (!report.data) return <Skeleton active />;
  return <GradeCutsEditor report={report.data} />;
}
