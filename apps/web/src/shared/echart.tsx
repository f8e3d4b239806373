/**
 * One ECharts chart (SVG renderer: crisp on projectors, prints well, testable markup) in a box with a test id,
 * a bar click reported by its index; bar, grid, legend and tooltip registered once for every page's charts.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** A long name cut to `max` characters with "…", for an axis label. */
export function shortLabel(name: string, max = 16): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

export function EChart({
  option,
  height,
  onClick,
  testId,
}: {
  option: Record<string, unknown>;
  height: number;
  /** a click on a bar: its data index */
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
