/** R3-P01 / R3-P02 per county: members and members active in the year, against the two standards. */
import { useQuery } from '@tanstack/react-query';
import type { TrainerStanding } from '@yanxun/contracts';
import { Card, Empty, Space, Tag, Typography } from 'antd';
import { api } from '../../shared/api';
import { EChart, shortLabel } from '../../shared/echart';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { RuleRef } from '../../shared/rule-ref';

export function standingOption(s: TrainerStanding, labels: { size: string; active: string }) {
  const names = s.counties.map((c) => shortLabel(c.name, 10));
  return {
    grid: { left: 40, right: 16, top: 32, bottom: 56 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: labels.size,
        type: 'bar',
        data: s.counties.map((c) => ({
          value: c.size,
          itemStyle: { color: c.size >= s.teamMin ? '#1677ff' : '#ff7875' },
        })),
      },
      {
        name: labels.active,
        type: 'bar',
        data: s.counties.map((c) => ({
          value: c.active,
          itemStyle: { color: c.findings.some((f) => f.rule === 'R3-P02') ? '#ffa940' : '#52c41a' },
        })),
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
                option={standingOption(s, { size: t('trainer.size'), active: t('trainer.active') })}
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
