/** The charts of 学时达标 (ECharts, SVG renderer): units are rows, so long school names read. */
import type { ComplianceRow } from '@yanxun/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const GREEN = '#52c41a';
const RED = '#f5222d';
const CATEGORY_COLORS = ['#fa8c16', '#722ed1', '#13a8a8', '#1d5fbf', '#eb2f96'];

const short = (name: string, max = 16) => (name.length > max ? `${name.slice(0, max - 1)}…` : name);
const heightFor = (n: number) => Math.max(160, 56 + n * 30);

function Chart({
  option,
  height,
  onClick,
  testId,
}: {
  option: Record<string, unknown>;
  height: number;
  onClick?: (index: number) => void;
  testId: string;
}) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        opts={{ renderer: 'svg' }}
        notMerge
        style={{ height, width: '100%' }}
        onEvents={
          onClick
            ? {
                click: (e: { dataIndex?: number }) => {
                  if (typeof e.dataIndex === 'number') onClick(e.dataIndex);
                },
              }
            : {}
        }
      />
    </div>
  );
}

/** 达标 and 落后 teachers per unit, stacked, the most behind (the API's first) on top. */
export function StatusChart({
  units,
  labels,
  onOpen,
}: {
  units: ComplianceRow[];
  labels: { onTrack: string; behind: string };
  onOpen?: (unit: ComplianceRow) => void;
}) {
  const rows = [...units].reverse();
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((u) => short(u.name)) },
    series: [
      {
        name: labels.behind,
        type: 'bar',
        stack: 'teachers',
        barMaxWidth: 18,
        itemStyle: { color: RED },
        data: rows.map((u) => u.behind),
      },
      {
        name: labels.onTrack,
        type: 'bar',
        stack: 'teachers',
        barMaxWidth: 18,
        itemStyle: { color: GREEN },
        data: rows.map((u) => u.onTrack),
      },
    ],
  };
  return (
    <Chart
      testId="hc-chart-status"
      option={option}
      height={heightFor(rows.length)}
      onClick={
        onOpen
          ? (i) => {
              const u = rows[i];
              if (u) onOpen(u);
            }
          : undefined
      }
    />
  );
}

/** Per unit, the teachers behind the pace of each category with a yearly minimum (校本研修 …). */
export function CategoryChart({
  units,
  categories,
  onOpen,
}: {
  units: ComplianceRow[];
  categories: { category: string; label: string }[];
  onOpen?: (unit: ComplianceRow) => void;
}) {
  const rows = [...units].reverse();
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((u) => short(u.name)) },
    series: categories.map((c, i) => ({
      name: c.label,
      type: 'bar',
      barMaxWidth: 14,
      itemStyle: { color: CATEGORY_COLORS[i % CATEGORY_COLORS.length] },
      data: rows.map((u) => u.categories.find((x) => x.category === c.category)?.behind ?? 0),
    })),
  };
  return (
    <Chart
      testId="hc-chart-categories"
      option={option}
      height={heightFor(rows.length)}
      onClick={
        onOpen
          ? (i) => {
              const u = rows[i];
              if (u) onOpen(u);
            }
          : undefined
      }
    />
  );
}
