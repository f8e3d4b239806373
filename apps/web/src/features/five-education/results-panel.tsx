/**
 * A round's results: each school's five dimension scores, weighted total and band (CD-24, Y-EVAL-BANDS), a radar
 * of one school and a bar chart of the districts; the weights moved on sliders as a what-if the server computes
 * and never saves; and the sensitivity list (Y-EVAL-SENSITIVITY): schools whose band would change if one weight
 * moved ±10 points are highlighted.
 */
import { useQuery } from '@tanstack/react-query';
import {
  FIVE_EDU_DIMENSIONS,
  type FiveEduDimension,
  type FiveEduSchoolResult,
  type FiveEduWeights,
} from '@yanxun/contracts';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Grid,
  InputNumber,
  Row,
  Select,
  Slider,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { RadarChart } from 'echarts/charts';
import { RadarComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useState } from 'react';
import { api } from '../../shared/api';
import { EChart, shortLabel } from '../../shared/echart';
import { type MessageKey, useI18n } from '../../shared/i18n';
import { ItemList } from '../../shared/item-list';
import { QueryError } from '../../shared/query-error';

echarts.use([RadarChart, RadarComponent]);

const dimKey = (d: FiveEduDimension) => `five.dim.${d}` as MessageKey;
const sumOf = (w: FiveEduWeights) =>
  Math.round(FIVE_EDU_DIMENSIONS.reduce((s, d) => s + w[d], 0) * 100) / 100;
const BAND_COLOURS: Record<string, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };

export function ResultsPanel({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<FiveEduWeights | null>(null);
  const [applied, setApplied] = useState<FiveEduWeights | undefined>(undefined);
  const [onlyChanging, setOnlyChanging] = useState(false);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  // a phone reads the schools as a list (the dimensions are on the radar), so no column is cut at 390 px
  const narrow = !Grid.useBreakpoint().md;
  const q = useQuery({
    queryKey: ['five-edu', 'results', roundId, applied],
    queryFn: () => api.fiveEduResults(roundId, applied),
  });
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const data = q.data;
  const weights = draft ?? data?.weights;
  const schools = data?.schools ?? [];
  const shown = onlyChanging ? schools.filter((s) => s.bandMayChange) : schools;
  const school = schools.find((s) => s.schoolId === picked) ?? schools.find((s) => s.score !== null);
  const sum = weights ? sumOf(weights) : 100;
  const setWeight = (d: FiveEduDimension, v: number) => {
    if (!weights) return;
    const next = { ...weights, [d]: v };
    setDraft(next);
    if (sumOf(next) === 100) setApplied(next);
  };
  const scoreOf = (s: FiveEduSchoolResult) =>
    s.score === null ? (
      <Typography.Text type="secondary">
        {t('five.results.missing', { list: s.missing.join('、') })}
      </Typography.Text>
    ) : (
      s.score
    );
  const bandOf = (s: FiveEduSchoolResult) =>
    s.band ? <Tag color={BAND_COLOURS[s.band.code] ?? 'default'}>{s.band.label}</Tag> : '—';
  const sensitivityOf = (s: FiveEduSchoolResult) =>
    s.score === null ? (
      '—'
    ) : s.bandMayChange ? (
      <Space orientation="vertical" size={0}>
        <Tag color="orange">{t('five.results.mayChange')}</Tag>
        {s.sensitivity
          .filter((l) => l.changesBand)
          .map((l) => (
            <Typography.Text key={l.dimension} type="secondary">
              {`${t(dimKey(l.dimension))} ${l.upWeight}%：${l.upScore}（${l.upBand.label}）；${l.downWeight}%：${l.downScore}（${l.downBand.label}）`}
            </Typography.Text>
          ))}
      </Space>
    ) : (
      <Tag>{t('five.results.stable')}</Tag>
    );
  const onlyChangingSwitch = (
    <Space>
      <Switch checked={onlyChanging} onChange={setOnlyChanging} aria-label={t('five.results.onlyChanging')} />
      <Typography.Text>{t('five.results.onlyChanging')}</Typography.Text>
    </Space>
  );
  const schoolItem = (s: FiveEduSchoolResult) => (
    <Space
      orientation="vertical"
      size={2}
      style={{ width: '100%', ...(s.bandMayChange ? { background: '#fff7e6', padding: 4 } : {}) }}
    >
      <Space size={8} wrap>
        <Typography.Text strong>{s.name}</Typography.Text>
        <Typography.Text type="secondary">{s.countyName}</Typography.Text>
      </Space>
      <Space size={8} wrap>
        <span>
          {t('five.results.score')} {scoreOf(s)}
        </span>
        {s.score === null ? null : bandOf(s)}
      </Space>
      {s.score === null ? null : sensitivityOf(s)}
    </Space>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('five.weights.whatIf')} loading={!data}>
        {weights && (
          <Row gutter={[16, 8]}>
            {FIVE_EDU_DIMENSIONS.map((d) => (
              <Col key={d} xs={24} md={12} lg={8}>
                <Space>
                  <Typography.Text strong>{t(dimKey(d))}</Typography.Text>
                  <Slider
                    aria-label={t(dimKey(d))}
                    min={0}
                    max={100}
                    value={weights[d]}
                    onChange={(v) => setWeight(d, v)}
                    style={{ width: 160 }}
                  />
                  <InputNumber
                    aria-label={`${t(dimKey(d))} ${t('five.weights')}`}
                    min={0}
                    max={100}
                    size="small"
                    value={weights[d]}
                    onChange={(v) => setWeight(d, v ?? 0)}
                  />
                </Space>
              </Col>
            ))}
          </Row>
        )}
        <Space style={{ marginTop: 8 }}>
          <Typography.Text type={sum === 100 ? 'secondary' : 'danger'}>
            {t('five.weights.sum', { sum })}
          </Typography.Text>
          <Button
            size="small"
            onClick={() => {
              setDraft(null);
              setApplied(undefined);
            }}
          >
            {t('five.weights.reset')}
          </Button>
        </Space>
        {sum !== 100 && (
          <Alert type="warning" showIcon title={t('five.weights.bad', { sum })} style={{ marginTop: 8 }} />
        )}
      </Card>
      {schools.length === 0 && !q.isLoading ? (
        <Empty description={t('five.results.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card
              size="small"
              title={t('five.results.radar')}
              extra={
                <Select
                  aria-label={t('five.results.pickSchool')}
                  placeholder={t('five.results.pickSchool')}
                  style={{ width: 200 }}
                  value={school?.schoolId}
                  onChange={setPicked}
                  options={schools.map((s) => ({ value: s.schoolId, label: s.name }))}
                />
              }
            >
              {school && <SchoolRadar school={school} />}
              {school && (
                <Space wrap size={[8, 4]}>
                  {school.elements.map((e) => (
                    <Tag key={`${e.dimension}-${e.code}`}>
                      {`${t(dimKey(e.dimension))} · ${e.name}：${e.score ?? '—'}`}
                    </Tag>
                  ))}
                </Space>
              )}
            </Card>
          </Col>
          {(data?.districts.length ?? 0) > 0 && (
            <Col xs={24} lg={12}>
              <Card size="small" title={t('five.results.districts')}>
                <EChart
                  testId="five-edu-districts"
                  height={280}
                  option={{
                    tooltip: { trigger: 'axis' },
                    grid: { left: 40, right: 16, top: 16, bottom: 40 },
                    xAxis: {
                      type: 'category',
                      data: (data?.districts ?? []).map((d) => shortLabel(d.name, 8)),
                    },
                    yAxis: { type: 'value', min: 0, max: 100 },
                    series: [{ type: 'bar', data: (data?.districts ?? []).map((d) => d.score ?? 0) }],
                  }}
                />
              </Card>
            </Col>
          )}
        </Row>
      )}
      <Card
        size="small"
        title={t('five.results.sensitivity')}
        styles={{ title: { whiteSpace: 'normal' } }}
        extra={narrow ? null : onlyChangingSwitch}
      >
        {narrow ? (
          <>
            {onlyChangingSwitch}
            <ItemList
              items={shown}
              rowKey={(s) => s.schoolId}
              render={schoolItem}
              itemProps={(s) => ({ onClick: () => setPicked(s.schoolId) })}
            />
          </>
        ) : (
          <Table<FiveEduSchoolResult>
            rowKey="schoolId"
            size="small"
            loading={q.isLoading}
            dataSource={shown}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            rowClassName={(s) => (s.bandMayChange ? 'five-edu-band-may-change' : '')}
            onRow={(s) => ({
              style: s.bandMayChange ? { background: '#fff7e6' } : undefined,
              onClick: () => setPicked(s.schoolId),
            })}
            columns={[
              { title: t('five.school'), dataIndex: 'name' },
              { title: t('five.county'), dataIndex: 'countyName' },
              ...FIVE_EDU_DIMENSIONS.map((d) => ({
                title: t(dimKey(d)),
                key: d,
                render: (_: unknown, s: FiveEduSchoolResult) => s.dimensions[d] ?? '—',
              })),
              {
                title: t('five.results.score'),
                key: 'score',
                render: (_: unknown, s: FiveEduSchoolResult) => scoreOf(s),
              },
              {
                title: t('five.results.band'),
                key: 'band',
                render: (_: unknown, s: FiveEduSchoolResult) => bandOf(s),
              },
              {
                title: t('five.results.sensitivity'),
                key: 'sens',
                render: (_: unknown, s: FiveEduSchoolResult) => sensitivityOf(s),
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}

function SchoolRadar({ school }: { school: FiveEduSchoolResult }) {
  const { t } = useI18n();
  return (
    <EChart
      testId="five-edu-radar"
      height={280}
      option={{
        tooltip: {},
        radar: { indicator: FIVE_EDU_DIMENSIONS.map((d) => ({ name: t(dimKey(d)), max: 100 })) },
        series: [
          {
            type: 'radar',
            data: [{ name: school.name, value: FIVE_EDU_DIMENSIONS.map((d) => school.dimensions[d] ?? 0) }],
          },
        ],
      }}
    />
  );
}
