/** The scorecard's charts: a radar of the 一级 indicators (share of each section's points) and a bar of the units. */
import type { Scorecard } from '@yanxun/contracts';
import { RadarChart } from 'echarts/charts';
import { RadarComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { EChart, shortLabel } from '../../shared/echart';

// the radar is this page's only: registered here, on the shared core the EChart component renders with
echarts.use([RadarChart, RadarComponent]);

/** A section's title on up to three lines of `perLine` characters, so a chart's names fit a phone's card. */
export function wrappedName(title: string, perLine = 5): string {
  const short = shortLabel(title, perLine * 3);
  return (short.match(new RegExp(`.{1,${perLine}}`, 'gu')) ?? [short]).join('\n');
}

export function SectionRadar({ card }: { card: Scorecard }) {
  const option = {
    tooltip: {},
    radar: {
      indicator: card.sections.map((s) => ({ name: wrappedName(s.title), max: s.itemMax })),
      radius: '52%',
      axisName: { fontSize: 12, lineHeight: 14 },
    },
    series: [
      {
        type: 'radar',
        data: [{ value: card.sections.map((s) => s.score), name: card.subjectName }],
        areaStyle: { opacity: 0.2 },
      },
    ],
  };
  return <EChart option={option} height={320} testId="eval-radar" />;
}

export function UnitBars({
  card,
  maxLabel,
  scoreLabel,
}: {
  card: Scorecard;
  maxLabel: string;
  scoreLabel: string;
}) {
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: {
      type: 'category',
      data: card.units.map((u) => u.unitId),
      axisLabel: { interval: 0, rotate: 45 },
    },
    yAxis: { type: 'value' },
    series: [
      { name: maxLabel, type: 'bar', data: card.units.map((u) => u.max), itemStyle: { color: '#d9d9d9' } },
      { name: scoreLabel, type: 'bar', data: card.units.map((u) => u.final), barGap: '-100%' },
    ],
  };
  return <EChart option={option} height={300} testId="eval-bars" />;
}
