import type { HoursStanding } from '@yanxun/contracts';
import { EChart } from '../../shared/echart';
import { useI18n } from '../../shared/i18n';

/** One colour per 学时 category, so a category keeps its colour from year to year. */
const COLOURS: Record<string, string> = {
  centralized: '#1d5fbf',
  online: '#3aa3a0',
  practice: '#7b61c9',
  school_based: '#e0a100',
  workshop: '#d9653b',
  studio: '#b2426f',
  research: '#4f8a3c',
  self_study: '#6c7a89',
  other: '#a8a8a8',
};

/** The counted 学时 of each school year, stacked by category (SVG: crisp on phones and in print). */
export function HoursByYearChart({ standing, height = 240 }: { standing: HoursStanding; height?: number }) {
  const { t } = useI18n();
  const years = standing.years.filter((y) => y.countedTenths > 0);
  const categories = [
    ...new Set(years.flatMap((y) => y.categories.filter((c) => c.countedTenths > 0).map((c) => c.category))),
  ];
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, type: 'scroll', itemWidth: 12, itemHeight: 10 },
    grid: { left: 8, right: 8, top: 36, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: years.map((y) => y.schoolYear), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: t('archive.hoursUnit'), minInterval: 1 },
    series: categories.map((c) => ({
      name: t(`hours.cat.${c}`),
      type: 'bar',
      stack: 'hours',
      barMaxWidth: 40,
      itemStyle: { color: COLOURS[c] ?? '#888888' },
      data: years.map((y) => (y.categories.find((x) => x.category === c)?.countedTenths ?? 0) / 10),
    })),
  };
  return <EChart testId="archive-hours-chart" option={option} height={height} />;
}
