import type { OverviewLevel, OverviewProgramme } from '@yanxun/contracts';
import { EChart as Chart, shortLabel as short } from '../../shared/echart';

/** the charts of 培训总览 (ECharts, SVG renderer). Programmes are rows (horizontal bars): long names read. */

const BLUE = '#1d5fbf';
const TEAL = '#13a8a8';
const GREEN = '#52c41a';
const GREY = '#bfc8d6';
const ORANGE = '#fa8c16';

const rowHeight = (n: number) => Math.max(200, 64 + n * 38);

/** 报到率 and 结业率 per programme, in percent; a rate without a value ("—") has no bar. */
export function RatesChart({
  programmes,
  labels,
  onOpen,
}: {
  programmes: OverviewProgramme[];
  labels: { arrival: string; completion: string };
  onOpen: (id: string) => void;
}) {
  const rows = [...programmes].reverse(); // the first programme on top
  const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
  const option = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`),
    },
    legend: { top: 0 },
    grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map((p) => short(p.title)) },
    series: [
      {
        name: labels.arrival,
        type: 'bar',
        barMaxWidth: 14,
        itemStyle: { color: TEAL },
        data: rows.map((p) => pct(p.arrivalRate.rate)),
      },
      {
        name: labels.completion,
        type: 'bar',
        barMaxWidth: 14,
        itemStyle: { color: GREEN },
        data: rows.map((p) => pct(p.completionRate.rate)),
      },
    ],
  };
  return (
    <Chart
      testId="ov-chart-rates"
      option={option}
      height={rowHeight(rows.length)}
      onClick={(i) => {
        const p = rows[i];
        if (p) onOpen(p.id);
      }}
    />
  );
}

/** Seats held in scope and seats used, per programme. */
export function SeatsChart({
  programmes,
  labels,
  onOpen,
}: {
  programmes: OverviewProgramme[];
  labels: { seats: string; used: string };
  onOpen: (id: string) => void;
}) {
  const rows = [...programmes].reverse();
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((p) => short(p.title)) },
    series: [
      {
        name: labels.seats,
        type: 'bar',
        barMaxWidth: 14,
        itemStyle: { color: GREY },
        data: rows.map((p) => p.seats),
      },
      {
        name: labels.used,
        type: 'bar',
        barMaxWidth: 14,
        itemStyle: { color: BLUE },
        data: rows.map((p) => p.seatsUsed),
      },
    ],
  };
  return (
    <Chart
      testId="ov-chart-seats"
      option={option}
      height={rowHeight(rows.length)}
      onClick={(i) => {
        const p = rows[i];
        if (p) onOpen(p.id);
      }}
    />
  );
}

/** Programmes and enrolled trainees per level (国培 … 工作室研修). */
export function LevelsChart({
  levels,
  levelName,
  labels,
}: {
  levels: OverviewLevel[];
  levelName: (level: string) => string;
  labels: { programmes: string; enrolled: string };
}) {
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: levels.map((l) => levelName(l.level)) },
    // two scales (a handful of programmes, many trainees); the legend names them
    yAxis: [
      { type: 'value', minInterval: 1, position: 'left' },
      { type: 'value', minInterval: 1, position: 'right', splitLine: { show: false } },
    ],
    series: [
      {
        name: labels.programmes,
        type: 'bar',
        barMaxWidth: 28,
        itemStyle: { color: BLUE },
        label: { show: true, position: 'top' },
        data: levels.map((l) => l.programmes),
      },
      {
        name: labels.enrolled,
        type: 'bar',
        yAxisIndex: 1,
        barMaxWidth: 28,
        itemStyle: { color: TEAL },
        label: { show: true, position: 'top' },
        data: levels.map((l) => l.enrolled),
      },
    ],
  };
  return <Chart testId="ov-chart-levels" option={option} height={260} />;
}

/** Budget vs spending per programme (元), for the programmes whose budget the officer may read. */
export function BudgetChart({
  programmes,
  labels,
  onOpen,
  lang = 'zh-CN',
}: {
  programmes: OverviewProgramme[];
  labels: { budget: string; spent: string; unit: string };
  onOpen: (id: string) => void;
  lang?: 'zh-CN' | 'en-US';
}) {
  const rows = programmes.filter((p) => p.budgetFen !== null).reverse();
  const yuan = (fen: number | null) => (fen === null ? null : Math.round(fen / 100));
  const option = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number | null | undefined) =>
        v === null || v === undefined ? '—' : `${v.toLocaleString('zh-CN')} ${labels.unit}`,
    },
    legend: { top: 0 },
    grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      axisLabel: {
        formatter: (v: number) =>
          lang === 'zh-CN'
            ? v >= 10_000
              ? `${v / 10_000} 万`
              : String(v)
            : v >= 1000
              ? `${v / 1000}k`
              : String(v),
      },
    },
    yAxis: { type: 'category', data: rows.map((p) => short(p.title)) },
    series: [
      {
        name: labels.budget,
        type: 'bar',
        barMaxWidth: 14,
        itemStyle: { color: GREY },
        data: rows.map((p) => yuan(p.budgetFen)),
      },
      {
        name: labels.spent,
        type: 'bar',
        barMaxWidth: 14,
        data: rows.map((p) => ({
          value: yuan(p.spentFen),
          itemStyle: { color: (p.spentFen ?? 0) > (p.budgetFen ?? 0) ? ORANGE : BLUE },
        })),
      },
    ],
  };
  if (rows.length === 0) return null;
  return (
    <Chart
      testId="ov-chart-budget"
      option={option}
      height={rowHeight(rows.length)}
      onClick={(i) => {
        const p = rows[i];
        if (p) onOpen(p.id);
      }}
    />
  );
}
