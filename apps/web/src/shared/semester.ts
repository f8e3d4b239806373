import { schoolYearLabel } from './figures';
import type { Lang } from './i18n';

const TERM_ZH = ['', '第一学期', '第二学期'];

/**
 * A semester as people read it: "2025-2026-2" (the form's suggested shape) → "2025—2026 学年第二学期" (en-US
 * "2025–2026, term 2"); anything else is shown as it was typed.
 */
export function semesterLabel(semester: string, lang: Lang = 'zh-CN'): string {
  const m = /^(\d{4})-(\d{4})-([12])$/.exec(semester.trim());
  if (!m) return semester;
  const [, from, to, term] = m;
  const year = schoolYearLabel(`${from}-${to}`, lang);
  return lang === 'en-US' ? `${year}, term ${term}` : `${year}${TERM_ZH[Number(term)]}`;
}
