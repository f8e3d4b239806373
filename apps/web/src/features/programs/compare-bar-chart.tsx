import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface CompareSeries {
  name: string;
  values: number[];
  color: string;
}

/** Bars side by side per category (now vs after a change), SVG-rendered. */
export function CompareBarChart({
  categories,
  series,
  height = 320,
}: {
  categories: string[];
  series: CompareSeries[];
  height?: number;
}) {
  const rotate = categories.length > 6 ? 30 : 0;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { interval: 0, rotate, width: 96, overflow: 'truncate' },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      data: s.values,
      barMaxWidth: 28,
      itemStyle: { color: s.color, borderRadius: [3, 3, 0, 0] },
      label: { show: categories.length <= 10, position: 'top' },
    })),
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      opts={{ renderer: 'svg' }}
      notMerge
      style={{ height, width: '100%' }}
    />
  );
}
