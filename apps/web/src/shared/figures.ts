/**
 * A school year as people read it: "2025-2026" (how the API carries it) → "2025—2026 学年" (en-US "2025–2026");
 * anything else is shown as it came. The one way a school year is written (docs/GLOSSARY.md), core's function, so
 * the web writes it as the server's sentences and exports do; a span or a list writes 学年 once.
 */
export { schoolYearLabel, schoolYearListLabel, schoolYearSpanLabel } from '@yanxun/contracts';

const COUNT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** A count (people, schools, rows) with the zh-CN grouping antd's Statistic uses: 2000 → "2,000". */
export function countLabel(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : COUNT.format(n);
}
