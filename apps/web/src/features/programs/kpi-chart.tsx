import type { KpiCode, KpiReport } from '@yanxun/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

const COLORS: Record<KpiCode, string> = {
  registrationRate: '#1d5fbf',
  arrivalRate: '#13a8a8',
  attendanceRate: '#faad14',
  completionRate: '#52c41a',
};

/**
 * Rates per unit as bars (percent), one series per KPI, with a dashed target line where the pack (or R3-B02)
 * has one. Clicking a unit's bars drills down. SVG-rendered.
 */
export function KpiChart({
  report,
  kpis,
  labels,
  targetLabel,
  onUnitClick,
  height = 320,
}: {
  report: KpiReport;
  kpis: readonly KpiCode[];
  labels: Record<KpiCode, string>;
  targetLabel: (value: number, ruleId: string) => string;
  onUnitClick?: (orgId: string) => void;
  height?: number;
}) {
  const rows = report.rows;
  const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
  const option = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v}%`),
    },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.orgName),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: kpis.map((kpi) => {
      const target = report.targets.find((x) => x.kpi === kpi);
      return {
        name: labels[kpi],
        type: 'bar',
        barMaxWidth: 28,
        itemStyle: { color: COLORS[kpi] },
        data: rows.map((r) => pct(r[kpi].rate)),
        ...(target
          ? {
              markLine: {
                symbol: 'none',
                lineStyle: { type: 'dashed', color: COLORS[kpi] },
                label: { formatter: targetLabel(target.value, target.ruleId), position: 'insideEndTop' },
                data: [{ yAxis: target.value * 100 }],
              },
            }
          : {}),
      };
    }),
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      opts={{ renderer: 'svg' }}
      notMerge
      style={{ height, width: '100%' }}
      onEvents={{
        click: (e: { dataIndex?: number }) => {
          const row = e.dataIndex === undefined ? undefined : rows[e.dataIndex];
          if (row?.drillable && onUnitClick) onUnitClick(row.orgId);
        },
      }}
    />
  );
}
