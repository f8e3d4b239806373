/**
 * The 学时 ledger's rule values: the continuing-education cycle, per-year and per-category minimums and caps,
 * and the teacher groups with their own targets. Every number carries its rule ID and seed line; `hourRulesOf`
 * reads them from a pack (defaults for packs saved before the ledger existed).
 */
import { HENAN_2021_PACK } from '../programs/henan-2021';
import { deepFreeze, type PolicyPack, type PolicyValue, pv } from '../programs/policy-pack';
import type { CategoryHourRules, HourRules, XapiHourRules } from './types';
import { DEFAULT_SCHOOL_YEAR_START } from './types';

/** The cycle (years, total, first year): a Yanxun default, the seeds state none. */
export const HOURS_RULE_CYCLE = 'Y-HOURS-CYCLE';
/** When a school year starts. */
export const HOURS_RULE_SCHOOL_YEAR = 'Y-HOURS-SCHOOL-YEAR';
/** On track for the cycle: counted ≥ total × elapsed school years ÷ cycle years. */
export const HOURS_RULE_ON_TRACK = 'Y-HOURS-ON-TRACK';
/** Online study at its recorded length. */
export const HOURS_RULE_ONLINE = 'Y-HOURS-ONLINE';
/** Corrections are reversal entries that cancel one entry exactly, once. */
export const HOURS_RULE_REVERSAL = 'Y-HOURS-REVERSAL';
/** An entry's amount is a positive whole number of tenths; its days, if any, a positive number. */
export const HOURS_RULE_AMOUNT = 'Y-HOURS-AMOUNT';
/** 校本研修: 24 学时 each school year. */
export const HOURS_RULE_SCHOOL_BASED = 'R3-S02';
/** 工作坊: 6 学时 a day, at most 40 a school year. */
export const HOURS_RULE_WORKSHOP = 'R3-W16';
/** 教研员: at least 90 课时 of training a year. */
export const HOURS_RULE_RESEARCHER = 'R-002-19';
/** A centralised training day = 8 学时 (the project's reading of R-004-05, `design.dayHoursTenths`). */
export const HOURS_RULE_TRAINING_DAY = 'R-004-05';

/** xAPI statements (verbs completed / attended) credited at their recorded duration. */
export const HOURS_RULE_XAPI = 'Y-HOURS-XAPI';
/**
 * A voiding statement (xAPI 1.0.3, verb voided, object a StatementRef) cancels an earlier statement of the same
 * platform: its posting is reversed, the statement itself stays; a voiding statement cannot be voided.
 */
export const HOURS_RULE_XAPI_VOID = 'Y-HOURS-XAPI-VOID';
/** An imported record of another platform: more than 24 学时 a day of its date range, or ≤ 0, goes to review. */
export const HOURS_RULE_IMPORT_DAY = 'Y-HOURS-IMPORT-DAY';
/** An imported record whose dates overlap a posting of the same teacher and category from another source. */
export const HOURS_RULE_IMPORT_OVERLAP = 'Y-HOURS-IMPORT-OVERLAP';
/** An imported record whose ID number is not a teacher in the importer's subtree. */
export const HOURS_RULE_IMPORT_TEACHER = 'Y-HOURS-IMPORT-TEACHER';

/** The ADL verb IRIs of the xAPI vocabulary that Yanxun credits. */
export const XAPI_VERB_COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
export const XAPI_VERB_ATTENDED = 'http://adlnet.gov/expapi/verbs/attended';
/** The xAPI spec's reserved verb of a voiding statement: never credited, it cancels the statement it refers to. */
export const XAPI_VERB_VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

/** The default xAPI rule: completed and attended online study, 60 minutes a 学时, at most 24 学时 a statement. */
export const DEFAULT_XAPI_RULES: XapiHourRules = deepFreeze({
  verbs: pv(
    { [XAPI_VERB_COMPLETED]: 'online', [XAPI_VERB_ATTENDED]: 'online' },
    HOURS_RULE_XAPI,
    'issue 12',
    'Yanxun 默认值：xAPI 语句的动词 completed（完成）与 attended（参加）计入网络研修，其他动词不计',
  ),
  minutesPerHour: pv(
    60,
    HOURS_RULE_XAPI,
    'issue 12',
    '在线学习按记录的时长计学时（同 Y-HOURS-ONLINE）：60 分钟为 1 学时，按 0.1 学时向下取整',
  ),
  maxStatementTenths: pv(240, HOURS_RULE_XAPI, 'issue 12', '一条学习记录的时长超过 24 小时视为异常，拒收'),
});

/** The default cap of an imported record: 24 学时 a day of its date range (no day has more hours). */
export const DEFAULT_IMPORT_DAY_MAX = pv(
  240,
  HOURS_RULE_IMPORT_DAY,
  'issue 12',
  '外部平台记录每天（按起止日期的天数）超过 24 学时、或学时不大于 0 为异常，转人工审核',
);

/** The xAPI rule of a pack's 学时 rules (the default when the pack has none). */
export function xapiRulesOf(rules: HourRules): XapiHourRules {
  return rules.xapi ?? DEFAULT_XAPI_RULES;
}

/** Tenths of a 学时 a recorded duration is worth, rounded down: 3,600 s at 60 minutes a 学时 → 10. */
export function xapiTenths(seconds: number, minutesPerHour: number): number {
  return Math.floor((seconds * 10) / (minutesPerHour * 60) + 1e-9);
}

/** The teacher group of 教研员 (R-002-19); the same code as the `researcher` role of `TEACHER_ROLES`. */
export const RESEARCHER_GROUP = 'researcher';

/**
 * The defaults: a pack without an `hours` section uses these. The centralised day is the Henan 2021 pack's
 * `design.dayHoursTenths` (R-004-05), the same value its plans and completions use, not a second copy.
 */
export const DEFAULT_HOUR_RULES: HourRules = deepFreeze({
  cycleYears: pv(
    5,
    HOURS_RULE_CYCLE,
    'issue 12',
    'Yanxun 默认值：种子文件未规定继续教育周期；按全国通行的 5 年一周期，省级政策包可改',
  ),
  cycleTotalTenths: pv(
    3600,
    HOURS_RULE_CYCLE,
    'issue 12',
    'Yanxun 默认值：种子文件未规定周期总学时；按全国通行的每周期不少于 360 学时，可按省、按教师群体（groups）改',
  ),
  cycleStartYear: pv(
    2026,
    HOURS_RULE_CYCLE,
    'issue 12',
    'Yanxun 默认值：本周期为 2026-2027 至 2030-2031 学年（"十五五"期间），全区教师同一周期',
  ),
  schoolYearStart: pv(
    DEFAULT_SCHOOL_YEAR_START,
    HOURS_RULE_SCHOOL_YEAR,
    'issue 12',
    '解读：学年自 9 月 1 日起至次年 8 月 31 日止（种子文件用"学年"未给起止日）',
  ),
  onlineCredit: pv(
    'recorded_length',
    HOURS_RULE_ONLINE,
    'issue 12',
    '网络研修按平台记录的学习时长计学时，不折算',
  ),
  categories: {
    centralized: { dayCapTenths: HENAN_2021_PACK.design.dayHoursTenths },
    school_based: {
      yearMinTenths: pv(
        240,
        HOURS_RULE_SCHOOL_BASED,
        'S003:L594-595',
        '"每学年完成 24 学时的校本研修活动"；文件指在编在岗教师，由调用方决定对谁适用',
      ),
    },
    workshop: {
      dayCapTenths: pv(
        60,
        HOURS_RULE_WORKSHOP,
        'S003:L745-746',
        '"学时标准按每天六个学时计算"：有出勤天数的记录每天最多计 6 学时',
      ),
      yearCapTenths: pv(
        400,
        HOURS_RULE_WORKSHOP,
        'S003:L745-746',
        '"每年总学时在四十学时以内"：解读为每学年最多计 40 学时，超出部分记入台账但不计入',
      ),
    },
  },
  groups: {
    [RESEARCHER_GROUP]: {
      name: '教研员',
      yearMinTenths: pv(
        900,
        HOURS_RULE_RESEARCHER,
        'S002:L28',
        '"每位教研员每年接受不少于90课时的培训"：解读为每学年不少于 90 学时（1 课时按 1 学时计），各类培训合计',
      ),
    },
  },
});

/**
 * The pack's 学时 rules, or the defaults for a pack without an `hours` section. The centralised day always
 * follows the pack's own `design.dayHoursTenths` (R-004-05), so plans, completions and the ledger agree.
 */
export function hourRulesOf(pack: PolicyPack): HourRules {
  const rules = pack.hours ?? DEFAULT_HOUR_RULES;
  const day: PolicyValue<number> | undefined = pack.design.dayHoursTenths;
  const centralized: CategoryHourRules = rules.categories.centralized ?? {};
  if (!day || centralized.dayCapTenths === day) return rules;
  return {
    ...rules,
    categories: { ...rules.categories, centralized: { ...centralized, dayCapTenths: day } },
  };
}

/** The cycle total and per-year minimum that apply to a teacher of `group` (its overrides, else the region's). */
export function targetsFor(
  rules: HourRules,
  group: string | undefined,
): { cycleTotalTenths: PolicyValue<number>; yearMinTenths: PolicyValue<number> | undefined } {
  const own = group === undefined ? undefined : rules.groups[group];
  return {
    cycleTotalTenths: own?.cycleTotalTenths ?? rules.cycleTotalTenths,
    yearMinTenths: own?.yearMinTenths ?? rules.yearMinTenths,
  };
}

/** 学时 (tenths) `days` days count as at most under `dayCapTenths` (rounded down to a tenth). */
export function dayLimitTenths(days: number, dayCapTenths: number): number {
  return Math.floor(days * dayCapTenths + 1e-9);
}
