import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Budget vs actual per category, in 元 (the data arrive in fen). SVG-rendered. */
export function BudgetChart({
  categories,
  budgetLabel,
  actualLabel,
  height = 300,
}: {
  categories: Array<{ name: string; budgetFen: number; actualFen: number; overBudget: boolean }>;
  budgetLabel: string;
  actualLabel: string;
  height?: number;
}) {
  const yuan = (fen: number) => fen / 100;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories.map((c) => c.name) },
    yAxis: { type: 'value', name: '元' },
    series: [
      {
        name: budgetLabel,
        type: 'bar',
        data: categories.map((c) => yuan(c.budgetFen)),
        barMaxWidth: 40,
        itemStyle: { color: '#1d5fbf' },
      },
      {
        name: actualLabel,
        type: 'bar',
        data: categories.map((c) => ({
          value: yuan(c.actualFen),
          itemStyle: { color: c.overBudget ? '#cf1322' : '#52c41a' },
        })),
        barMaxWidth: 40,
        itemStyle: { color: '#52c41a' },
      },
    ],
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
