import { DownloadOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OverviewLevel, OverviewProgramme, TrainingOverview } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import {
  Button,
  Card,
  Col,
  Empty,
  Grid,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../shared/api';
import { useDownload } from '../../shared/download';
import { type MessageKey, useI18n } from '../../shared/i18n';
import { useKeyColumns } from '../../shared/phone-table';
import { QueryError } from '../../shared/query-error';
import { RateCell } from '../../shared/rate-cell';
import { BudgetChart, LevelsChart, RatesChart, SeatsChart } from './overview-charts';

const LEVEL_COLORS: Record<string, string> = {
  national: 'red',
  provincial: 'volcano',
  city: 'gold',
  county: 'green',
  school: 'cyan',
  studio: 'purple',
};

const yuan = (fen: number) => Math.round(fen / 100).toLocaleString('zh-CN');
type Figures = Pick<
  OverviewLevel,
  | 'seats'
  | 'seatsUsed'
  | 'enrolled'
  | 'arrivalRate'
  | 'completionRate'
  | 'hoursTenths'
  | 'budgetFen'
  | 'spentFen'
>;

/** The columns a phone keeps (keyColumns): the programme, its seats and its 结业率. */
const PHONE_COLUMNS = ['title', 'seats', 'comp'];

const hours = (tenths: number) => (tenths / 10).toLocaleString('zh-CN');

function BudgetCell({ budgetFen, spentFen }: { budgetFen: number | null; spentFen: number | null }) {
  if (budgetFen === null || spentFen === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const pct = budgetFen > 0 ? Math.round((spentFen / budgetFen) * 100) : 0;
  return (
    <div style={{ minWidth: 150 }}>
      <Typography.Text style={{ fontSize: 12 }}>
        {yuan(budgetFen)} / {yuan(spentFen)}
      </Typography.Text>
      <Progress
        percent={Math.min(pct, 100)}
        size="small"
        status={spentFen > budgetFen ? 'exception' : 'normal'}
        format={() => `${pct}%`}
      />
    </div>
  );
}

function OverdueCell({ row }: { row: Pick<OverviewProgramme, 'overdueDeadlines' | 'overdueRules'> }) {
  const { t } = useI18n();
  if (row.overdueDeadlines === null) return <Typography.Text type="secondary">—</Typography.Text>;
  if (row.overdueDeadlines === 0) return <Tag color="success">{t('ov.noOverdue')}</Tag>;
  return (
    <Tooltip title={t('ov.overdueTip', { rules: row.overdueRules.join('、') })}>
      <Tag color="error" data-testid="ov-overdue">
        {row.overdueDeadlines}
      </Tag>
    </Tooltip>
  );
}

/**
 * 培训总览 — the programmes of a year in the officer's scope by level, with seats, 报到率, 结业率,
 * 学时 posted, budget vs spending and overdue class deadlines; charts first, the same numbers in the tables,
 * each programme linked to its 数据看板.
 */
export function TrainingOverviewPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { download, pending } = useDownload();
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const query = useQuery({
    queryKey: ['training-overview', year ?? null],
    queryFn: () => api.trainingOverview(year ? { year } : {}),
    placeholderData: keepPreviousData,
  });
  const o: TrainingOverview | undefined = query.data;
  const seatsTotal = o
    ? t('ov.seatsCell', { used: String(o.total.seatsUsed), seats: String(o.total.seats) })
    : '';
  const levelName = (level: string) => t(`prog.level.${level}` as MessageKey);
  const open = (id: string) => void navigate(`/programmes/${encodeURIComponent(id)}?tab=kpis`);
  const phone = Grid.useBreakpoint().md === false;

  /** The figures a programme row and a level row share: seats, enrolled, rates, hours, budget. */
  const figureColumns = <T extends Figures>(): TableColumnsType<T> => [
    {
      title: t('ov.seatsUsedOfTotal'),
      key: 'seats',
      align: 'right',
      render: (_: unknown, r) => t('ov.seatsCell', { used: String(r.seatsUsed), seats: String(r.seats) }),
    },
    { title: t('ov.enrolled'), dataIndex: 'enrolled', align: 'right' },
    {
      title: t('ov.arrivalRate'),
      key: 'arr',
      align: 'right',
      render: (_: unknown, r) => <RateCell rate={r.arrivalRate} />,
    },
    {
      title: t('ov.completionRate'),
      key: 'comp',
      align: 'right',
      render: (_: unknown, r) => <RateCell rate={r.completionRate} />,
    },
    { title: t('ov.hours'), dataIndex: 'hoursTenths', align: 'right', render: (v: number) => hours(v) },
    {
      title: t('ov.budget'),
      key: 'budget',
      render: (_: unknown, r) => <BudgetCell budgetFen={r.budgetFen} spentFen={r.spentFen} />,
    },
  ];

  const columns: TableColumnsType<OverviewProgramme> = [
    {
      title: t('ov.level'),
      dataIndex: 'level',
      width: 96,
      render: (l: string) => <Tag color={LEVEL_COLORS[l]}>{levelName(l)}</Tag>,
    },
    {
      title: t('ov.programme'),
      dataIndex: 'title',
      // a phone: the title takes what its two figures leave
      width: phone ? undefined : 260,
      render: (title: string, row) => (
        <Space size={4} orientation="vertical">
          <Link to={`/programmes/${encodeURIComponent(row.id)}?tab=kpis`} data-testid={`ov-open-${row.id}`}>
            {title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.ownerOrgName} · {row.startDate} ~ {row.endDate}
            {row.ownedInScope ? null : (
              <Tooltip title={t('ov.aboveScope')}>
                <InfoCircleOutlined style={{ marginLeft: 6 }} data-testid="ov-above-scope" />
              </Tooltip>
            )}
          </Typography.Text>
        </Space>
      ),
    },
    ...figureColumns<OverviewProgramme>(),
    {
      title: t('ov.overdue'),
      key: 'overdue',
      align: 'center',
      render: (_: unknown, r) => <OverdueCell row={r} />,
    },
  ];

  const levelColumns: TableColumnsType<OverviewLevel> = [
    {
      title: t('ov.level'),
      dataIndex: 'level',
      render: (l: string) => <Tag color={LEVEL_COLORS[l]}>{levelName(l)}</Tag>,
    },
    { title: t('ov.count'), dataIndex: 'programmes', align: 'right' },
    ...figureColumns<OverviewLevel>(),
    {
      title: t('ov.overdue'),
      key: 'overdue',
      align: 'center',
      render: (_: unknown, r) => (
        <OverdueCell row={{ overdueDeadlines: r.overdueDeadlines, overdueRules: [] }} />
      ),
    },
  ];

  // a phone: the programme (or level), seats and 结业率; the rest from md up
  const programmeTable = useKeyColumns(columns, PHONE_COLUMNS, { x: 'max-content' });
  const levelTable = useKeyColumns(levelColumns, ['level', ...PHONE_COLUMNS], { x: 'max-content' });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="training-overview">
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Space orientation="vertical" size={2}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('ov.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('ov.intro')}</Typography.Text>
            {o ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('ov.scope', { scope: o.scope.join('、') })} · {t('ov.asOf', { date: o.asOf })}
              </Typography.Text>
            ) : null}
          </Space>
          <Space wrap>
            <Typography.Text>{t('ov.year')}</Typography.Text>
            <Select<number>
              style={{ width: 110 }}
              value={o?.year ?? undefined}
              options={(o?.years ?? []).map((y) => ({ value: y, label: String(y) }))}
              onChange={(y) => setParams({ year: String(y) }, { replace: true })}
              data-testid="ov-year"
            />
            <Button
              icon={<DownloadOutlined />}
              loading={pending !== null}
              disabled={!o || o.programmes.length === 0}
              onClick={() =>
                void download(
                  '/api/v1/reports/training-overview.xlsx',
                  `培训总览-${o?.year ?? ''}.xlsx`,
                  o?.year ? { year: o.year } : {},
                )
              }
              data-testid="ov-download"
            >
              {t('ov.download')}
            </Button>
          </Space>
        </Space>
      </Card>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!o ? (
        <Card loading />
      ) : o.programmes.length === 0 ? (
        <Card>
          <Empty description={t('ov.none')} />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} lg={3}>
              <Card size="small">
                <Statistic title={t('ov.kpis.programmes')} value={o.total.programmes} />
              </Card>
            </Col>
            <Col xs={12} lg={5}>
              <Card size="small">
                <Statistic
                  title={t('ov.kpis.seats')}
                  value={o.total.seatsUsed}
                  suffix={`/ ${o.total.seats}`}
                />
              </Card>
            </Col>
            <Col xs={12} lg={4}>
              <Card size="small">
                <Typography.Text type="secondary">{t('ov.arrivalRate')}</Typography.Text>
                <div style={{ fontSize: 24, marginTop: 4 }} data-testid="ov-total-arrival">
                  <RateCell rate={o.total.arrivalRate} />
                </div>
              </Card>
            </Col>
            <Col xs={12} lg={4}>
              <Card size="small">
                <Typography.Text type="secondary">{t('ov.completionRate')}</Typography.Text>
                <div style={{ fontSize: 24, marginTop: 4 }} data-testid="ov-total-completion">
                  <RateCell rate={o.total.completionRate} />
                </div>
              </Card>
            </Col>
            <Col xs={12} lg={4}>
              <Card size="small">
                <Statistic title={t('ov.kpis.hours')} value={hours(o.total.hoursTenths)} />
              </Card>
            </Col>
            <Col xs={12} lg={4}>
              <Card size="small">
                <Statistic
                  title={t('ov.kpis.overdue')}
                  value={o.total.overdueDeadlines ?? '—'}
                  styles={(o.total.overdueDeadlines ?? 0) > 0 ? { content: { color: '#cf1322' } } : {}}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('ov.chart.rates')}>
                <RatesChart
                  programmes={o.programmes}
                  labels={{ arrival: t('ov.arrivalRate'), completion: t('ov.completionRate') }}
                  onOpen={open}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('ov.chart.seats')}>
                <SeatsChart
                  programmes={o.programmes}
                  labels={{ seats: t('ov.series.seats'), used: t('ov.series.used') }}
                  onOpen={open}
                />
              </Card>
            </Col>
            <Col xs={24} xl={o.programmes.some((p) => p.budgetFen !== null) ? 12 : 24}>
              <Card size="small" title={t('ov.chart.levels')}>
                <LevelsChart
                  levels={o.levels}
                  levelName={levelName}
                  labels={{ programmes: t('ov.series.programmes'), enrolled: t('ov.series.enrolled') }}
                />
              </Card>
            </Col>
            {o.programmes.some((p) => p.budgetFen !== null) ? (
              <Col xs={24} xl={12}>
                <Card size="small" title={t('ov.chart.budget')}>
                  <BudgetChart
                    programmes={o.programmes}
                    labels={{
                      budget: t('ov.series.budget'),
                      spent: t('ov.series.spent'),
                      unit: t('ov.yuan'),
                    }}
                    onOpen={open}
                    lang={lang}
                  />
                </Card>
              </Col>
            ) : null}
          </Row>
          <Card size="small">
            <Tabs
              items={[
                {
                  key: 'programmes',
                  label: t('ov.programmes'),
                  children: (
                    <Table<OverviewProgramme>
                      rowKey="id"
                      size="small"
                      columns={programmeTable.columns}
                      dataSource={o.programmes}
                      loading={query.isFetching}
                      pagination={false}
                      scroll={programmeTable.scroll}
                      data-testid="ov-table"
                      summary={() => {
                        // the same totals as the columns: on a phone only the key ones (seats, 结业率)
                        const cells = [
                          { key: 'seats', align: 'right' as const, node: seatsTotal },
                          { key: 'enrolled', align: 'right' as const, node: o.total.enrolled },
                          {
                            key: 'arrival',
                            align: 'right' as const,
                            node: <RateCell rate={o.total.arrivalRate} />,
                          },
                          {
                            key: 'completion',
                            align: 'right' as const,
                            node: <RateCell rate={o.total.completionRate} />,
                          },
                          { key: 'hours', align: 'right' as const, node: hours(o.total.hoursTenths) },
                          {
                            key: 'budget',
                            align: undefined,
                            node: <BudgetCell budgetFen={o.total.budgetFen} spentFen={o.total.spentFen} />,
                          },
                          {
                            key: 'overdue',
                            align: 'center' as const,
                            node: (
                              <OverdueCell
                                row={{ overdueDeadlines: o.total.overdueDeadlines, overdueRules: [] }}
                              />
                            ),
                          },
                        ].filter((c) => !phone || c.key === 'seats' || c.key === 'completion');
                        const first = phone ? 1 : 2;
                        return (
                          <Table.Summary.Row>
                            <Table.Summary.Cell index={0} colSpan={first}>
                              <Typography.Text strong>{t('ov.totalRow')}</Typography.Text>
                            </Table.Summary.Cell>
                            {cells.map((c, i) => (
                              <Table.Summary.Cell key={c.key} index={first + i} align={c.align}>
                                {c.node}
                              </Table.Summary.Cell>
                            ))}
                          </Table.Summary.Row>
                        );
                      }}
                    />
                  ),
                },
                {
                  key: 'levels',
                  label: t('ov.levels'),
                  children: (
                    <Table<OverviewLevel>
                      rowKey="level"
                      size="small"
                      columns={levelTable.columns}
                      dataSource={o.levels}
                      pagination={false}
                      scroll={levelTable.scroll}
                      data-testid="ov-levels-table"
                    />
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
