import type { Lang } from './i18n';

/**
 * A school year as people read it: "2025-2026" (how the API carries it) → "2025—2026 学年" (en-US "2025–2026");
 * anything else is shown as it came. The one way the web writes a school year (docs/GLOSSARY.md).
 */
export function schoolYearLabel(schoolYear: string, lang: Lang = 'zh-CN'): string {
  const m = /^(\d{4})\s*[-—–~～]\s*(\d{4})$/.exec(schoolYear.trim());
  if (!m) return schoolYear;
  return lang === 'en-US' ? `${m[1]}–${m[2]}` : `${m[1]}—${m[2]} 学年`;
}

const COUNT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** A count (people, schools, rows) with the zh-CN grouping antd's Statistic uses: 2000 → "2,000". */
export function countLabel(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : COUNT.format(n);
}
