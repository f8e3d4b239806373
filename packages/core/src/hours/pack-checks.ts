/**
 * The checks of a pack's `hours` section (when it has one): the cycle, the school year's start, each category's
 * minimum and caps (a day holds at most 24 学时; a minimum above its own cap could never be met), the teacher
 * groups, the xAPI rule, the import day cap and the claim rules. Problems name the rule and the path.
 */
import type { Collector } from '../programs/pack-problems';
import type { PolicyValue } from '../programs/policy-pack';
import { HOURS_RULE_XAPI_VOID, XAPI_VERB_VOIDED } from './rules';
import {
  HOUR_CATEGORIES,
  HOUR_CATEGORY_LABELS,
  type HourCategory,
  type HourRules,
  isMonthDay,
} from './types';

const DAY_TENTHS = 240;

function range(
  v: PolicyValue<number> | undefined,
  path: string,
  label: string,
  lo: number,
  hi: number,
  c: Collector,
): void {
  if (!v) return;
  if (!Number.isInteger(v.value) || v.value < lo || v.value > hi)
    c.add('PACK.HOURS', v.ruleId, path, `${label}应为 ${lo}～${hi} 之间的整数，实为 ${v.value}`);
}

function dayHours(v: PolicyValue<number> | undefined, path: string, label: string, c: Collector): void {
  if (!v) return;
  c.hours(v, path, label, 1);
  if (Number.isInteger(v.value) && v.value > DAY_TENTHS)
    c.add('PACK.HOURS', v.ruleId, path, `${label}不能超过一天的 24 学时，实为 ${v.value / 10} 学时`);
}

/** Problems of `hours` (the pack's section), added to `c`; nothing when the pack has none. */
export function checkHourRules(hours: HourRules | undefined, c: Collector): void {
  if (!hours) return;
  range(hours.cycleYears, 'hours.cycleYears', '继续教育周期（学年数）', 1, 10, c);
  c.hours(hours.cycleTotalTenths, 'hours.cycleTotalTenths', '周期总学时', 1);
  range(hours.cycleStartYear, 'hours.cycleStartYear', '周期起始年份', 2000, 2100, c);
  if (!isMonthDay(hours.schoolYearStart.value))
    c.add(
      'PACK.HOURS',
      hours.schoolYearStart.ruleId,
      'hours.schoolYearStart',
      `学年起始日应写作"09-01"的形式，实为"${hours.schoolYearStart.value}"`,
    );
  c.hours(hours.yearMinTenths, 'hours.yearMinTenths', '每学年最低学时');
  for (const [key, rule] of Object.entries(hours.categories)) {
    const path = `hours.categories.${key}`;
    if (!HOUR_CATEGORIES.includes(key as HourCategory)) {
      c.add('PACK.HOURS', 'Y-HOURS-CYCLE', path, `学时类别"${key}"不存在`);
      continue;
    }
    if (!rule) continue;
    const label = HOUR_CATEGORY_LABELS[key as HourCategory];
    c.hours(rule.yearMinTenths, `${path}.yearMinTenths`, `${label}每学年最低学时`);
    c.hours(rule.yearCapTenths, `${path}.yearCapTenths`, `${label}每学年最多计入学时`, 1);
    dayHours(rule.dayCapTenths, `${path}.dayCapTenths`, `${label}每天最多计入学时`, c);
    const min = rule.yearMinTenths;
    const cap = rule.yearCapTenths;
    if (min && cap && min.value > cap.value)
      c.add(
        'PACK.HOURS',
        min.ruleId,
        `${path}.yearMinTenths`,
        `${label}每学年最低 ${min.value / 10} 学时高于最多计入的 ${cap.value / 10} 学时，永远无法达到`,
      );
  }
  for (const [key, group] of Object.entries(hours.groups)) {
    const path = `hours.groups.${key}`;
    c.hours(group.cycleTotalTenths, `${path}.cycleTotalTenths`, `${group.name ?? key}周期总学时`, 1);
    c.hours(group.yearMinTenths, `${path}.yearMinTenths`, `${group.name ?? key}每学年最低学时`);
  }
  if (hours.xapi) {
    const x = hours.xapi;
    range(x.minutesPerHour, 'hours.xapi.minutesPerHour', '每学时的分钟数', 1, 600, c);
    dayHours(x.maxStatementTenths, 'hours.xapi.maxStatementTenths', '一条学习记录最多计入学时', c);
    for (const [verb, category] of Object.entries(x.verbs.value))
      if (!HOUR_CATEGORIES.includes(category))
        c.add(
          'PACK.HOURS',
          x.verbs.ruleId,
          'hours.xapi.verbs',
          `动词 ${verb} 对应的学时类别"${category}"不存在`,
        );
    if (XAPI_VERB_VOIDED in x.verbs.value)
      c.add(
        'PACK.HOURS',
        HOURS_RULE_XAPI_VOID,
        'hours.xapi.verbs',
        `动词 ${XAPI_VERB_VOIDED} 是作废语句，撤销其引用的语句，不能计入学时`,
      );
  }
  dayHours(hours.importDayMaxTenths, 'hours.importDayMaxTenths', '外部记录每天最多学时', c);
  if (hours.claims) {
    const k = hours.claims;
    range(k.schoolReviewDays, 'hours.claims.schoolReviewDays', '学校审核期限（天）', 1, 365, c);
    range(k.countyReviewDays, 'hours.claims.countyReviewDays', '县区审核期限（天）', 1, 365, c);
    dayHours(k.dayMaxTenths, 'hours.claims.dayMaxTenths', '申报每天最多学时', c);
  }
}
