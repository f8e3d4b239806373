/** A rule value as text: numbers with their units (money in fen shown in 元, hours in tenths in 学时), offsets, lists. */

import { schoolYearLabel } from '../../shared/figures';
import type { Lang } from '../../shared/i18n';
import { formatVerbs } from './pack-hours-labels';
import { BACKBONE_NAMES, CODE_NAMES, codeLabel, PLAN_MODE_TEXT, type Text, tx } from './pack-labels';
import { isRecord, type RuleEntry } from './pack-rule-entries';

const sep = (lang: Lang) => (lang === 'zh-CN' ? '、' : ', ');
const yuan = (fen: number) => {
  const v = fen / 100;
  return Number.isInteger(v) ? v.toLocaleString('zh-CN') : v.toFixed(2);
};

/** Units of a numeric rule, by its key; money in fen and hours in tenths are shown in 元 and 学时. */
export type NumberUnit =
  | 'fen'
  | 'tenths'
  | 'days'
  | 'years'
  | 'pct'
  | 'people'
  | 'count'
  | 'ratio'
  | 'age'
  // a share 0…1 shown as a percentage; seconds; score points; digits; rotation windows
  | 'share'
  | 'seconds'
  | 'points'
  | 'digits'
  | 'windows'
  // the first year of a school year (2026 → 2026-2027 学年); minutes
  | 'schoolYear'
  | 'minutes';

export function numberUnit(key: string): NumberUnit {
  const last = key.split('.').pop() ?? key;
  if (/Rate$/.test(last)) return 'share';
  if (last.endsWith('Seconds')) return 'seconds';
  if (last.endsWith('Score')) return 'points';
  if (last.endsWith('Digits')) return 'digits';
  if (last.endsWith('Windows')) return 'windows';
  if (last === 'cycleStartYear') return 'schoolYear';
  if (last.startsWith('minutes')) return 'minutes';
  if (last.endsWith('Fen')) return 'fen';
  if (last.endsWith('Tenths')) return 'tenths';
  if (/Days/.test(last) || last === 'offsetDays') return 'days';
  if (last === 'min' || last === 'max') return 'age';
  if (/Years$|^years$|cycleYears/.test(last)) return 'years';
  if (last.endsWith('Pct')) return 'pct';
  if (last === 'competitiveRatio') return 'ratio';
  if (/traineeTotal|Size|youngMembers|teamMin/.test(last)) return 'people';
  return 'count';
}

const UNIT_TEXT: Record<NumberUnit, Text> = {
  fen: tx('元', 'yuan'),
  tenths: tx('学时', 'hours'),
  days: tx('天', 'days'),
  years: tx('年', 'years'),
  pct: tx('%', '%'),
  people: tx('人', 'people'),
  count: tx('个', ''),
  ratio: tx('', ''),
  age: tx('周岁', 'years old'),
  share: tx('%', '%'),
  seconds: tx('秒', 'seconds'),
  points: tx('分', 'points'),
  digits: tx('位', 'digits'),
  windows: tx('个周期', 'windows'),
  schoolYear: tx('学年', 'school year'),
  minutes: tx('分钟', 'minutes'),
};

/** Money per …: the funding standards' units. */
const PER_TEXT: Record<string, Text> = {
  centralizedPerPersonDayFen: tx('元/人·天', 'yuan per person-day'),
  onlinePerPersonHourFen: tx('元/人·学时', 'yuan per person-hour'),
  studioSubsidyFen: tx('元/个工作室', 'yuan per studio'),
};

/** Counting words of counts that are not "个": 期 of bulletins, 所 of schools. */
const COUNT_WORDS: Record<string, Text> = {
  bulletinsMin: tx('期', 'issues'),
  devSchools: tx('所', 'schools'),
  devSchoolsPrimary: tx('所', 'schools'),
  devSchoolsSecondary: tx('所', 'schools'),
};

export function unitText(key: string, lang: Lang): string {
  const last = key.split('.').pop() ?? key;
  return PER_TEXT[last]?.[lang] ?? COUNT_WORDS[last]?.[lang] ?? UNIT_TEXT[numberUnit(key)][lang];
}

/** The number shown for editing: 元 for fen, 学时 for tenths, the value itself otherwise. */
export function toDisplayNumber(key: string, stored: number): number {
  const unit = numberUnit(key);
  if (unit === 'fen') return stored / 100;
  if (unit === 'tenths') return stored / 10;
  if (unit === 'share') return Math.round(stored * 10_000) / 100;
  return stored;
}

export function fromDisplayNumber(key: string, shown: number): number {
  const unit = numberUnit(key);
  if (unit === 'fen') return Math.round(shown * 100);
  if (unit === 'tenths') return Math.round(shown * 10);
  if (unit === 'share') return Math.round(shown * 100) / 10_000;
  return shown;
}

export function formatNumber(key: string, n: number, lang: Lang): string {
  const unit = numberUnit(key);
  if (unit === 'ratio') return `1 : ${n}`;
  if (unit === 'schoolYear') return schoolYearLabel(`${n}-${n + 1}`, lang);
  if (unit === 'fen') return `${yuan(n)} ${unitText(key, lang)}`;
  const shown = toDisplayNumber(key, n);
  const u = unitText(key, lang);
  if (unit === 'pct' || unit === 'share') return `${shown}%`;
  return u ? `${shown} ${u}` : String(shown);
}

export function isOffset(v: unknown): v is { anchor: string; offsetDays: number; mustBe: string } {
  return isRecord(v) && typeof v.offsetDays === 'number' && typeof v.anchor === 'string';
}

export function formatOffset(v: { anchor: string; offsetDays: number }, lang: Lang): string {
  const days = Math.abs(v.offsetDays);
  const start = v.anchor === 'class_start';
  if (lang === 'zh-CN') {
    const anchor = start ? '开班' : '结业';
    return v.offsetDays < 0 ? `${anchor}前 ${days} 天` : `${anchor}后 ${days} 天内`;
  }
  const anchor = start ? 'class start' : 'class end';
  return v.offsetDays < 0 ? `${days} days before ${anchor}` : `within ${days} days after ${anchor}`;
}

function formatStudio(v: Record<string, unknown>, lang: Lang): string {
  const roles = Array.isArray(v.roles) ? v.roles.filter(isRecord) : [];
  const parts = roles.map((r) => {
    const range = r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`;
    return lang === 'zh-CN' ? `${r.name} ${range} 名` : `${r.name} ${range}`;
  });
  const tail =
    lang === 'zh-CN'
      ? `周期 ${v.durationYears} 年${v.subsidised ? '，享受工作室补助' : ''}`
      : `${v.durationYears} years${v.subsidised ? ', subsidised' : ''}`;
  return `${parts.join(sep(lang))}；${tail}`;
}

function formatOutcome(v: Record<string, unknown>, lang: Lang): string {
  const items = Array.isArray(v.items) ? v.items.filter(isRecord) : [];
  const mode =
    v.mode === 'any'
      ? lang === 'zh-CN'
        ? '任选其一'
        : 'any one of'
      : lang === 'zh-CN'
        ? '须全部提交'
        : 'all of';
  const list = items.map((it) => {
    const parts = Array.isArray(it.parts) && it.parts.length > 0 ? `（${it.parts.join(sep(lang))}）` : '';
    return `${it.name} ×${it.count}${parts}`;
  });
  return `${mode}${lang === 'zh-CN' ? '：' : ': '}${list.join(sep(lang))}`;
}

/** Fields of the structured values (staffing, studio leaders, pairing): name and counting word. */
const FIELD_NAMES: Record<string, { name: Text; unit: Text }> = {
  chiefExperts: { name: tx('首席专家', 'chief experts'), unit: tx('名', '') },
  subjectClassTeachersPerClass: {
    name: tx('每班学科班主任', 'subject class teachers per class'),
    unit: tx('名', ''),
  },
  lifeClassTeachersPerClass: {
    name: tx('每班生活班主任', 'life class teachers per class'),
    unit: tx('名', ''),
  },
  masterTeachers: { name: tx('名师', 'master teachers'), unit: tx('名', '') },
  masterPrincipals: { name: tx('名校长', 'master principals'), unit: tx('名', '') },
  masterHeadTeachers: { name: tx('名班主任', 'master head teachers'), unit: tx('名', '') },
  universities: { name: tx('高校', 'universities'), unit: tx('所', '') },
  qualitySchools: { name: tx('优质学校', 'quality schools'), unit: tx('所', '') },
  provincialTeams: { name: tx('省级团队', 'provincial teams'), unit: tx('个', '') },
};

/** A plan mode of R-004-31 (`{ code, name, unit, countsAs, practicalByDefault }`), as one line of words. */
export interface PlanModeView {
  name: string;
  unit: string;
  countsAs: string;
  practical: string;
}

export function isPlanModeList(v: unknown): v is Record<string, unknown>[] {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    v.every((m) => isRecord(m) && typeof m.countsAs === 'string' && typeof m.unit === 'string')
  );
}

export function planModeViews(modes: Record<string, unknown>[], lang: Lang): PlanModeView[] {
  const text = (k: string) => PLAN_MODE_TEXT[k]?.[lang] ?? '';
  return modes.map((m) => ({
    name: typeof m.name === 'string' && m.name ? m.name : codeLabel(String(m.code), lang),
    unit: text(String(m.unit)),
    countsAs: text(`countsAs.${String(m.countsAs)}`),
    practical: text(m.practicalByDefault === true ? 'practical' : 'notPractical'),
  }));
}

function formatPlanModes(modes: Record<string, unknown>[], lang: Lang): string {
  return planModeViews(modes, lang)
    .map((m) =>
      lang === 'zh-CN'
        ? `${m.name}：${m.unit}，${m.countsAs}，${m.practical}`
        : `${m.name}: ${m.unit}, ${m.countsAs}, ${m.practical}`,
    )
    .join('\n');
}

/** A value inside a structured value: numbers and yes/no in words, records and lists without braces or keys. */
function formatPart(v: unknown, lang: Lang): string {
  if (typeof v === 'boolean') return v ? (lang === 'zh-CN' ? '是' : 'yes') : lang === 'zh-CN' ? '否' : 'no';
  if (typeof v === 'string') return codeLabel(v, lang);
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map((x) => formatPart(x, lang)).join(sep(lang));
  if (isRecord(v)) {
    if (typeof v.label === 'string') return v.label;
    if (typeof v.name === 'string') return v.name;
    return formatRecord(v, lang);
  }
  return '';
}

function formatRecord(v: Record<string, unknown>, lang: Lang): string {
  // the fields in the order they are named (a stored pack's keys come back reordered)
  const order = Object.keys(FIELD_NAMES);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return Object.entries(v)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([k, x]) => {
      const field = FIELD_NAMES[k];
      const shown = formatPart(x, lang);
      if (!field) return shown;
      const unit = field.unit[lang];
      return lang === 'zh-CN'
        ? `${field.name[lang]} ${shown}${unit ? ` ${unit}` : ''}`
        : `${field.name[lang]} ${shown}`;
    })
    .filter(Boolean)
    .join(lang === 'zh-CN' ? '；' : '; ');
}

/** A rule value as text, in the user's language. */
export function formatRuleValue(entry: Pick<RuleEntry, 'key' | 'value'>, lang: Lang): string {
  const { key, value } = entry;
  const last = key.split('.').pop() ?? key;
  if (typeof value === 'number') return formatNumber(key, value, lang);
  if (typeof value === 'boolean')
    return value ? (lang === 'zh-CN' ? '是' : 'yes') : lang === 'zh-CN' ? '否' : 'no';
  if (typeof value === 'string') return codeLabel(value, lang);
  if (isOffset(value)) return formatOffset(value, lang);
  if (Array.isArray(value)) {
    if (value.every((x) => typeof x === 'string')) {
      const names = last === 'backboneLevels' ? BACKBONE_NAMES : CODE_NAMES;
      return value.map((x: string) => names[x]?.[lang] ?? x).join(sep(lang));
    }
    if (isPlanModeList(value)) return formatPlanModes(value, lang);
    return value.map((x) => formatPart(x, lang)).join(sep(lang));
  }
  if (isRecord(value)) {
    if (last === 'verbs') return formatVerbs(value, lang);
    if (typeof value.kind === 'string' && last === 'referenceDate') {
      if (value.kind === 'selection_deadline')
        return lang === 'zh-CN' ? '学员遴选截止日' : 'selection deadline';
      if (value.kind === 'class_start') return lang === 'zh-CN' ? '开班日' : 'class start';
      return lang === 'zh-CN'
        ? `固定日期 ${String(value.date ?? '')}`
        : `fixed date ${String(value.date ?? '')}`;
    }
    if (Array.isArray(value.anyRole)) {
      const roles = (value.anyRole as string[]).map((r) => codeLabel(r, lang));
      const backbone = Array.isArray(value.anyBackbone)
        ? (value.anyBackbone as string[]).map((b) => BACKBONE_NAMES[b]?.[lang] ?? b)
        : [];
      const or = lang === 'zh-CN' ? '或' : ' or ';
      return [roles.join(sep(lang)), backbone.join(sep(lang))].filter(Boolean).join(or);
    }
    if (Array.isArray(value.roles)) return formatStudio(value, lang);
    if (Array.isArray(value.items)) return formatOutcome(value, lang);
    return formatRecord(value, lang);
  }
  return value === null || value === undefined ? '—' : String(value);
}
