import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export interface BarDatum {
  name: string;
  value: number;
}

/** A horizontal-label bar chart, SVG-rendered (crisp on projectors, prints well, testable markup). */
export function SimpleBarChart({
  data,
  seriesName,
  height = 320,
  onBarClick,
}: {
  data: BarDatum[];
  seriesName: string;
  height?: number;
  onBarClick?: (index: number) => void;
}) {
  const rotate = data.length > 6 ? 30 : 0;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: data.map((d) => d.name),
      axisLabel: { interval: 0, rotate, width: 90, overflow: 'truncate' },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: seriesName,
        type: 'bar',
        data: data.map((d) => d.value),
        barMaxWidth: 36,
        itemStyle: { color: '#1d5fbf', borderRadius: [4, 4, 0, 0] },
        label: { show: data.length <= 12, position: 'top' },
      },
    ],
  };
  const onEvents = onBarClick
    ? {
        click: (params: { dataIndex?: number }) => {
          if (typeof params.dataIndex === 'number') onBarClick(params.dataIndex);
        },
      }
    : undefined;
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      opts={{ renderer: 'svg' }}
      notMerge
      style={{ height, width: '100%' }}
      onEvents={onEvents}
    />
  );
}
