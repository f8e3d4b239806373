/** The charts of 学时达标 (ECharts, SVG renderer): units are rows, so long school names read. */
import type { ComplianceRow } from '@yanxun/contracts';
import { EChart, shortLabel } from '../../shared/echart';

const GREEN = '#52c41a';
const RED = '#f5222d';
const CATEGORY_COLORS = ['#fa8c16', '#722ed1', '#13a8a8', '#1d5fbf', '#eb2f96'];

const heightFor = (n: number) => Math.max(160, 56 + n * 30);

/**
 * Units as rows (the API's first, the most behind, on top), with these series; a click on a row's bar opens the
 * unit.
 */
function UnitBars({
  units,
  series,
  testId,
  onOpen,
}: {
  units: ComplianceRow[];
  series: (rows: ComplianceRow[]) => Record<string, unknown>[];
  testId: string;
  onOpen?: (unit: ComplianceRow) => void;
}) {
  const rows = [...units].reverse();
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((u) => shortLabel(u.name)) },
    series: series(rows),
  };
  return (
    <EChart
      testId={testId}
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
  const bar =
    (name: string, color: string, value: (u: ComplianceRow) => number) => (rows: ComplianceRow[]) => ({
      name,
      type: 'bar',
      stack: 'teachers',
      barMaxWidth: 18,
      itemStyle: { color },
      data: rows.map(value),
    });
  const behind = bar(labels.behind, RED, (u) => u.behind);
  const onTrack = bar(labels.onTrack, GREEN, (u) => u.onTrack);
  return (
    <UnitBars
      testId="hc-chart-status"
      units={units}
      series={(rows) => [behind(rows), onTrack(rows)]}
      onOpen={onOpen}
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
  return (
    <UnitBars
      testId="hc-chart-categories"
      units={units}
      series={(rows) =>
        categories.map((c, i) => ({
          name: c.label,
          type: 'bar',
          barMaxWidth: 14,
          itemStyle: { color: CATEGORY_COLORS[i % CATEGORY_COLORS.length] },
          data: rows.map((u) => u.categories.find((x) => x.category === c.category)?.behind ?? 0),
        }))
      }
      onOpen={onOpen}
    />
  );
}
