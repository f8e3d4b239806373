import { AlertOutlined, ReadOutlined, RightOutlined } from '@ant-design/icons';
import type { HomeTraining, HomeWarnings, KpiRate, OverviewProgramme } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Card, Col, Empty, Grid, Progress, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n';
import { ItemList } from '../../shared/item-list';
import { RateCell } from '../../shared/rate-cell';
import { warningSentence } from '../../shared/reasons';

const LEVEL_COLORS: Record<string, string> = {
  national: 'red',
  provincial: 'volcano',
  city: 'gold',
  county: 'green',
  school: 'cyan',
  studio: 'purple',
};

/** A figure of the year: the whole tile opens the list it sums. */
function Tile({
  to,
  title,
  value,
  note,
  testId,
  tone,
}: {
  to: string;
  title: string;
  value: ReactNode;
  note: ReactNode;
  testId: string;
  tone?: 'danger' | 'warning' | undefined;
}) {
  const color = tone === 'danger' ? '#cf1322' : tone === 'warning' ? '#d46b08' : undefined;
  return (
    <Link to={to} data-testid={testId} style={{ display: 'block', height: '100%' }}>
      <Card hoverable size="small" style={{ height: '100%' }} styles={{ body: { padding: '12px 16px' } }}>
        <Typography.Text type="secondary">{title}</Typography.Text>
        <div style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.35, color, whiteSpace: 'nowrap' }}>
          {value}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      </Card>
    </Link>
  );
}

function ratePercent(rate: KpiRate): ReactNode {
  return rate.rate === null ? <RateCell rate={rate} /> : `${(rate.rate * 100).toFixed(1)}%`;
}

/** The six figures of the year: programmes, seats, 报到率, 结业率, overdue items, early warnings. */
export function YearTiles({
  training: tr,
  warnings,
}: {
  training: HomeTraining;
  warnings: HomeWarnings | null;
}) {
  const { t } = useI18n();
  const seatsPct = tr.seats > 0 ? Math.round((tr.seatsUsed / tr.seats) * 100) : 0;
  const overdue = tr.overdueDeadlines;
  const span = { xs: 12, sm: 8, xl: 4 };
  return (
    <Row gutter={[12, 12]} data-testid="home-year">
      <Col {...span}>
        <Tile
          to="/programmes"
          testId="home-tile-programmes"
          title={t('home.tile.programmes')}
          value={t('home.tile.programmesValue', { running: tr.running })}
          note={t('home.tile.programmesNote', {
            total: tr.programmes,
            upcoming: tr.upcoming,
            finished: tr.finished,
          })}
        />
      </Col>
      <Col {...span}>
        <Tile
          to="/training-overview"
          testId="home-tile-seats"
          title={t('home.tile.seats')}
          value={
            <Space size={8}>
              <span>{tr.seats > 0 ? `${seatsPct}%` : '—'}</span>
              <Progress type="circle" percent={Math.min(seatsPct, 100)} size={28} showInfo={false} />
            </Space>
          }
          note={t('home.tile.seatsNote', { used: tr.seatsUsed, seats: tr.seats })}
        />
      </Col>
      <Col {...span}>
        <Tile
          to="/training-overview"
          testId="home-tile-arrival"
          title={t('home.tile.arrival')}
          value={ratePercent(tr.arrivalRate)}
          note={t('home.tile.arrivalNote', { arrived: tr.arrived, enrolled: tr.enrolled })}
        />
      </Col>
      <Col {...span}>
        <Tile
          to="/training-overview"
          testId="home-tile-completion"
          title={t('home.tile.completion')}
          value={ratePercent(tr.completionRate)}
          note={t('home.tile.completionNote', { completed: tr.completed, assessed: tr.assessed })}
        />
      </Col>
      <Col {...span}>
        <Tile
          to="/classes"
          testId="home-tile-overdue"
          tone={overdue ? 'danger' : undefined}
          title={t('home.tile.overdue')}
          value={overdue ?? '—'}
          note={
            overdue ? t('home.tile.overdueNote', { classes: tr.classes ?? 0 }) : t('home.tile.overdueNone')
          }
        />
      </Col>
      {warnings ? (
        <Col {...span}>
          <Tile
            to={`/monitoring/cycles/${encodeURIComponent(warnings.cycleId)}`}
            testId="home-tile-warnings"
            tone={warnings.total > 0 ? 'warning' : undefined}
            title={t('home.tile.warnings')}
            value={warnings.total}
            note={t('home.tile.warningsNote', { cycle: warnings.cycleName })}
          />
        </Col>
      ) : null}
    </Row>
  );
}

function Dates({ p }: { p: Pick<OverviewProgramme, 'startDate' | 'endDate'> }) {
  return (
    <Typography.Text style={{ whiteSpace: 'nowrap', fontSize: 13 }}>
      {p.startDate.slice(5)} ~ {p.endDate.slice(5)}
    </Typography.Text>
  );
}

/** The programmes running now, then the next to start, each with its figures; the title opens its dashboard. */
export function CurrentProgrammes({ training: tr, asOf }: { training: HomeTraining; asOf: string }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const phase = (p: OverviewProgramme) => (p.startDate > asOf ? 'upcoming' : 'running');
  const title = (p: OverviewProgramme) => (
    <Space size={4} wrap>
      <Tag color={LEVEL_COLORS[p.level]}>{t(`prog.level.${p.level}`)}</Tag>
      <Link to={`/programmes/${encodeURIComponent(p.id)}`}>{p.title}</Link>
    </Space>
  );
  const overdue = (p: OverviewProgramme) =>
    p.overdueDeadlines === null ? (
      '—'
    ) : p.overdueDeadlines > 0 ? (
      <Tooltip title={p.overdueRules.join('、')}>
        <Tag color="error">{p.overdueDeadlines}</Tag>
      </Tooltip>
    ) : (
      <Tag color="success">0</Tag>
    );
  const columns: TableColumnsType<OverviewProgramme> = [
    { title: t('home.col.programme'), render: (_, p) => title(p) },
    {
      title: t('home.col.dates'),
      width: 150,
      render: (_, p) => (
        <Space size={4}>
          <Dates p={p} />
          <Tag color={phase(p) === 'running' ? 'processing' : 'default'}>{t(`home.phase.${phase(p)}`)}</Tag>
        </Space>
      ),
    },
    { title: t('home.col.seats'), width: 90, render: (_, p) => `${p.seatsUsed} / ${p.seats}` },
    { title: t('home.col.arrival'), width: 80, render: (_, p) => <RateCell rate={p.arrivalRate} /> },
    { title: t('home.col.completion'), width: 80, render: (_, p) => <RateCell rate={p.completionRate} /> },
    { title: t('home.col.overdue'), width: 64, render: (_, p) => overdue(p) },
  ];
  return (
    <Card
      title={t('home.current')}
      extra={
        <Link to="/training-overview">
          {t('home.toOverview')} <RightOutlined />
        </Link>
      }
      styles={{ body: { padding: screens.md ? 0 : '4px 12px' } }}
      data-testid="home-current"
    >
      {tr.current.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.currentNone')} />
      ) : screens.md ? (
        <Table<OverviewProgramme>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={tr.current}
          columns={columns}
        />
      ) : (
        <ItemList
          items={tr.current}
          rowKey={(p) => p.id}
          render={(p) => (
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              {title(p)}
              <Space size={8} wrap style={{ fontSize: 13 }}>
                <Dates p={p} />
                <span>
                  {t('home.col.seats')} {p.seatsUsed}/{p.seats}
                </span>
                <span>
                  {t('home.col.arrival')} <RateCell rate={p.arrivalRate} />
                </span>
                <span>
                  {t('home.col.overdue')} {overdue(p)}
                </span>
              </Space>
            </Space>
          )}
        />
      )}
    </Card>
  );
}

/** The newest monitoring cycle's latest warnings, each naming the school; the rule in a tooltip. */
export function LatestWarnings({ warnings }: { warnings: HomeWarnings }) {
  const { t } = useI18n();
  return (
    <Card
      title={
        <Space>
          <AlertOutlined style={{ color: '#d46b08' }} />
          {t('home.tile.warnings')}
        </Space>
      }
      extra={
        <Link to={`/monitoring/cycles/${encodeURIComponent(warnings.cycleId)}`}>
          {t('home.warningsAll', { n: warnings.total })} <RightOutlined />
        </Link>
      }
      data-testid="home-warnings"
      styles={{ body: { paddingTop: 4 } }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {warnings.cycleName}
      </Typography.Text>
      {warnings.latest.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.warningsNone')} />
      ) : (
        <ItemList
          size="small"
          items={warnings.latest}
          rowKey={(w, i) => `${w.examId}-${i}`}
          render={(w) => (
            <Space align="start" size={8}>
              <ReadOutlined style={{ marginTop: 4, color: '#8c8c8c' }} />
              <Tooltip title={t('home.warningRule', { rule: w.rule })}>
                <span>
                  <Link to={`/monitoring/exams/${encodeURIComponent(w.examId)}`}>{w.examName}</Link>
                  {t('reason.colon')}
                  <span data-testid="warning-sentence">{warningSentence(t, w)}</span>
                </span>
              </Tooltip>
            </Space>
          )}
        />
      )}
    </Card>
  );
}
