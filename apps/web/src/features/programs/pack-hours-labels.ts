/**
 * The pack's 学时 section (`hours`) in words: its groups in the pack view, the labels of its rules (a category's
 * or teacher group's rule names the category or group) and its readings.
 */
import type { Lang } from '../../shared/i18n';
import { type Text, tx } from './pack-text';

export const HOURS_SECTION_TITLES: Record<string, Text> = {
  hours: tx('学时认定', '学时 (credit hours)'),
  hoursCycle: tx('继续教育周期与学年', 'Cycle and school year'),
  hoursCategories: tx('各类学时的上限与最低要求', 'Caps and minimums by category'),
  hoursGroups: tx('教师群体的要求', 'Teacher groups'),
  hoursClaims: tx('学时申报审核', '学时 claims'),
  hoursExternal: tx('外部平台学时', 'Hours from other platforms'),
};

const CATEGORY_NAMES: Record<string, Text> = {
  centralized: tx('集中培训', 'Centralised'),
  online: tx('网络研修', 'Online'),
  practice: tx('跟岗/返岗实践', 'Placement practice'),
  school_based: tx('校本研修', 'School-based'),
  workshop: tx('工作坊', 'Workshop'),
  studio: tx('工作室', 'Studio'),
  research: tx('教研', 'Teaching research'),
  self_study: tx('自主研修', 'Self-study'),
  other: tx('其他', 'Other'),
};

const GROUP_NAMES: Record<string, Text> = { researcher: tx('教研员', 'Teaching researchers') };

const FIELD_LABELS: Record<string, Text> = {
  cycleYears: tx('继续教育周期', 'Cycle length'),
  cycleTotalTenths: tx('每周期总学时不少于', 'Cycle total at least'),
  cycleStartYear: tx('首个周期起始学年', 'First cycle starts'),
  schoolYearStart: tx('学年起始日（月-日）', 'School year starts (month-day)'),
  onlineCredit: tx('网络研修计入方式', 'Online hours counted as'),
  yearMinTenths: tx('每学年不少于', 'At least per school year'),
  dayCapTenths: tx('每天最多计入', 'At most per day'),
  yearCapTenths: tx('每学年最多计入', 'At most per school year'),
  schoolReviewDays: tx('学校审核期限', 'School review within'),
  countyReviewDays: tx('县区终审期限', 'County review within'),
  dayMaxTenths: tx('申报每天最多', 'Claimed at most per day'),
  verbs: tx('计入学时的 xAPI 动词', 'xAPI verbs that count'),
  minutesPerHour: tx('每学时分钟数', 'Minutes per 学时'),
  maxStatementTenths: tx('单条记录最多', 'At most per statement'),
  importDayMaxTenths: tx('导入记录每天最多', 'Imported at most per day'),
};

/** The label of a rule of the `hours` section, by its key below `hours`; undefined for another section's key. */
export function hoursRuleLabel(key: string, lang: Lang): string | undefined {
  const parts = key.split('.');
  const field = FIELD_LABELS[parts.at(-1) ?? '']?.[lang];
  if (!field) return undefined;
  const [head, name] = parts;
  if (parts.length === 3 && head === 'categories') {
    const category = CATEGORY_NAMES[name ?? '']?.[lang] ?? name;
    return lang === 'zh-CN' ? `${category}：${field}` : `${category}: ${field}`;
  }
  if (parts.length === 3 && head === 'groups') {
    const group = GROUP_NAMES[name ?? '']?.[lang] ?? name;
    return lang === 'zh-CN' ? `${group}：${field}` : `${group}: ${field}`;
  }
  return field;
}

/** The readings of the `hours` section's coded values. */
export const HOURS_CODE_NAMES: Record<string, Text> = {
  recorded_length: tx('按平台记录的时长计入', 'At the recorded length'),
};

/** xAPI verbs and the category each counts as: 'completed → 网络研修'. */
export function formatVerbs(verbs: Record<string, unknown>, lang: Lang): string {
  return Object.entries(verbs)
    .map(([iri, category]) => {
      const verb = iri.split('/').pop() ?? iri;
      const name = CATEGORY_NAMES[String(category)]?.[lang] ?? String(category);
      return `${verb} → ${name}`;
    })
    .join(lang === 'zh-CN' ? '；' : '; ');
}
