/** R3-P01 / R3-P02 per county: members and members active in the year, against the two standards. */
import { useQuery } from '@tanstack/react-query';
import type { TrainerStanding } from '@yanxun/contracts';
import { Card, Empty, Space, Tag, Typography } from 'antd';
import { api } from '../../shared/api';
import { EChart, shortLabel } from '../../shared/echart';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { RuleRef } from '../../shared/rule-ref';

/**
 * Each series in one colour, as its legend shows it; the team minimum (R3-P01) as a dashed line across the
 * members' bars, so a county below it reads at a glance (the findings beneath say which and why).
 */
export function standingOption(s: TrainerStanding, labels: { size: string; active: string; min: string }) {
  const names = s.counties.map((c) => shortLabel(c.name, 10));
  return {
    grid: { left: 40, right: 16, top: 32, bottom: 56 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1, max: (v: { max: number }) => Math.max(v.max, s.teamMin) },
    series: [
      {
        name: labels.size,
        type: 'bar',
        itemStyle: { color: '#1677ff' },
        data: s.counties.map((c) => c.size),
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#ff4d4f' },
          label: { formatter: labels.min, position: 'insideEndTop' },
          data: [{ yAxis: s.teamMin }],
        },
      },
      {
        name: labels.active,
        type: 'bar',
        itemStyle: { color: '#52c41a' },
        data: s.counties.map((c) => c.active),
      },
    ],
  };
}

export function StandingCard() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['trainers', 'standing'], queryFn: () => api.trainerStanding() });
  const s = q.data;
  return (
    <Card size="small" title={t('trainer.standing')} data-testid="trainer-standing">
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {s ? (
        <>
          <Space wrap size={8} style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">
              {t('trainer.standingYear', { year: s.year, date: s.asOf })}
            </Typography.Text>
            <Tag>
              {t('trainer.teamMin', { n: s.teamMin })}
              <RuleRef rules="R3-P01" />
            </Tag>
            <Tag>
              {t('trainer.activeMin', { p: `${Math.round(s.activeShareMin * 100)}%` })}
              <RuleRef rules="R3-P02" />
            </Tag>
          </Space>
          {s.counties.length === 0 ? (
            <Empty description={t('trainer.standingNone')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <>
              <EChart
                testId="trainer-standing-chart"
                height={260}
                option={standingOption(s, {
                  size: t('trainer.size'),
                  active: t('trainer.active'),
                  min: t('trainer.teamMin', { n: s.teamMin }),
                })}
              />
              {s.counties.map((c) =>
                c.findings.length === 0 ? null : (
                  <div key={c.orgId} style={{ fontSize: 12 }}>
                    {c.findings.map((f) => (
                      <Typography.Text key={f.rule} type="danger" style={{ display: 'block' }}>
                        {c.name}：{f.message}
                        <RuleRef rules={f.rule} />
                      </Typography.Text>
                    ))}
                  </div>
                ),
              )}
            </>
          )}
        </>
      ) : null}
    </Card>
  );
}
