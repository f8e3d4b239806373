import type { ReportItem, ReportSchoolRow, TrendPoint } from '@yanxun/contracts';
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([
  BarChart,
  CustomChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

const BLUE = '#1d5fbf';

function Chart({ option, height = 300, label }: { option: object; height?: number; label: string }) {
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        opts={{ renderer: 'svg' }}
        notMerge
        style={{ height, width: '100%' }}
      />
    </div>
  );
}

/** Score distribution: students per 10-point band. */
export function ScoreHistogram({
  bands,
  label,
  seriesName,
  axisNames,
}: {
  bands: { label: string; count: number }[];
  label: string;
  seriesName: string;
  /** what each axis measures, with its unit (分数段, 人数) */
  axisNames?: { x: string; y: string };
}) {
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    // room below the slanted band labels for the axis name (containLabel leaves out the name)
    grid: { left: 8, right: 16, top: 32, bottom: axisNames ? 28 : 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: bands.map((b) => b.label),
      axisLabel: { interval: 0, rotate: 30 },
      name: axisNames?.x,
      nameLocation: 'middle',
      nameGap: 40,
    },
    yAxis: { type: 'value', minInterval: 1, name: axisNames?.y },
    series: [
      {
        name: seriesName,
        type: 'bar',
        data: bands.map((b) => b.count),
        barCategoryGap: '4%',
        itemStyle: { color: BLUE },
      },
    ],
  };
  return <Chart option={option} label={label} />;
}

/** Items: difficulty (x) against discrimination (y), with the usual 0.3 discrimination line. */
export function ItemScatter({
  items,
  label,
  xName,
  yName,
}: {
  items: ReportItem[];
  label: string;
  xName: string;
  yName: string;
}) {
  const data = items
    .filter((it) => it.difficulty !== null && it.discrimination27 !== null)
    .map((it) => ({ name: it.itemId, value: [it.difficulty, it.discrimination27] }));
  const option = {
    tooltip: {
      formatter: (p: { name: string; value: number[] }) =>
        `${p.name}<br/>${xName} ${p.value[0]?.toFixed(3)}<br/>${yName} ${p.value[1]?.toFixed(3)}`,
    },
    grid: { left: 36, right: 24, top: 16, bottom: 28, containLabel: true },
    xAxis: { type: 'value', name: xName, min: 0, max: 1, nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', name: yName, min: -0.2, max: 1, nameLocation: 'middle', nameGap: 36 },
    series: [
      {
        type: 'scatter',
        data,
        symbolSize: 12,
        itemStyle: { color: BLUE },
        label: { show: data.length <= 12, position: 'right', formatter: '{b}', fontSize: 10 },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#c00000' },
          data: [{ yAxis: 0.3 }],
        },
      },
    ],
  };
  return <Chart option={option} label={label} height={320} />;
}

/** School comparison: value-added with its 95 % interval as error bars (schools with an interval only). */
export function ValueAddedChart({
  schools,
  label,
  axisName,
}: {
  schools: ReportSchoolRow[];
  label: string;
  /** what the values are (增值, 标准分) */
  axisName?: string;
}) {
  const rows = schools
    .filter((s) => s.valueAdded !== null)
    .sort((a, b) => (a.valueAdded?.va ?? 0) - (b.valueAdded?.va ?? 0));
  const names = rows.map((s) => s.school);
  const option = {
    tooltip: { trigger: 'item' },
    grid: { left: 8, right: 24, top: 16, bottom: 24, containLabel: true },
    xAxis: { type: 'value', scale: true, name: axisName, nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'category', data: names, axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      {
        type: 'custom',
        name: 'ci',
        // dimension 0 is the category (y), 1 and 2 the interval's ends on the value axis (x)
        encode: { y: 0, x: [1, 2] },
        data: rows.map((s, i) => [
          i,
          s.valueAdded?.ciLow ?? s.valueAdded?.va,
          s.valueAdded?.ciHigh ?? s.valueAdded?.va,
        ]),
        renderItem: (
          _params: unknown,
          api: {
            value: (i: number) => number;
            coord: (p: number[]) => number[];
            size: (p: number[]) => number[];
          },
        ) => {
          const y = api.value(0);
          const lo = api.coord([api.value(1), y]);
          const hi = api.coord([api.value(2), y]);
          const cap = (api.size([0, 1])[1] ?? 10) * 0.25;
          const style = { stroke: '#555', lineWidth: 1.5 };
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style },
              {
                type: 'line',
                shape: { x1: lo[0], y1: (lo[1] ?? 0) - cap, x2: lo[0], y2: (lo[1] ?? 0) + cap },
                style,
              },
              {
                type: 'line',
                shape: { x1: hi[0], y1: (hi[1] ?? 0) - cap, x2: hi[0], y2: (hi[1] ?? 0) + cap },
                style,
              },
            ],
          };
        },
        z: 1,
      },
      {
        type: 'scatter',
        name: 'va',
        data: rows.map((s, i) => [s.valueAdded?.va, i]),
        symbolSize: 10,
        itemStyle: { color: BLUE },
        z: 2,
        markLine: { silent: true, symbol: 'none', lineStyle: { color: '#999' }, data: [{ xAxis: 0 }] },
      },
    ],
  };
  return <Chart option={option} label={label} height={Math.max(200, 20 * rows.length + 60)} />;
}

/** A school's trend over the exams of a cycle: score rate and pass rate (%), value-added on the right axis. */
export function TrendChart({
  points,
  label,
  names,
}: {
  points: TrendPoint[];
  label: string;
  names: { scoreRate: string; pass: string; va: string };
}) {
  const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => p.examName) },
    yAxis: [
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      { type: 'value', scale: true, splitLine: { show: false } },
    ],
    series: [
      { name: names.scoreRate, type: 'line', data: points.map((p) => pct(p.scoreRate)), connectNulls: false },
      { name: names.pass, type: 'line', data: points.map((p) => pct(p.passRate)) },
      {
        name: names.va,
        type: 'line',
        yAxisIndex: 1,
        data: points.map((p) => p.va),
        lineStyle: { type: 'dashed' },
      },
    ],
  };
  return <Chart option={option} label={label} />;
}
