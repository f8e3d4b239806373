/**
 * The 学时 ledger's vocabulary: categories and sources of a credit, one ledger entry, the school year, and the
 * shape of the pack's `hours` section (the values are in `rules.ts`). 学时 are integers in tenths (24 学时 = 240).
 */
import { parseIsoDate } from '../dates';
import type { PolicyValue } from '../programs/policy-value';

/** What kind of training a credit is for. */
export const HOUR_CATEGORIES = [
  'centralized',
  'online',
  'practice',
  'school_based',
  'workshop',
  'studio',
  'research',
  'self_study',
  'other',
] as const;
export type HourCategory = (typeof HOUR_CATEGORIES)[number];

export const HOUR_CATEGORY_LABELS: Record<HourCategory, string> = {
  centralized: '集中培训',
  online: '网络研修',
  practice: '跟岗/返岗实践',
  school_based: '校本研修',
  workshop: '工作坊',
  studio: '工作室',
  research: '教研',
  self_study: '自主研修',
  other: '其他',
};

/** Where a credit comes from. */
export const HOUR_SOURCES = ['completion', 'claim', 'import', 'xapi', 'activity', 'adjustment'] as const;
export type HourSource = (typeof HOUR_SOURCES)[number];

export const HOUR_SOURCE_LABELS: Record<HourSource, string> = {
  completion: '结业认定',
  claim: '学时申报',
  import: '外部平台导入',
  xapi: '在线学习记录',
  activity: '工作坊/工作室活动',
  adjustment: '人工调整',
};

/** One line of a teacher's append-only 学时 account. */
export interface LedgerEntry {
  id: string;
  teacherId: string;
  /** Integer tenths of 学时, signed: a reversal is the negative of what it reverses. */
  amountTenths: number;
  category: HourCategory;
  /** YYYY-MM-DD: the day the training happened (its last day for a course). */
  occurredOn: string;
  /** '2026-2027': `schoolYearOf(occurredOn, start)` when posted; the evaluation groups by it. */
  schoolYear: string;
  source: HourSource;
  /** The rule the amount was posted under (R-004-05 for a completion's days, R3-W16 for a workshop …). */
  ruleId: string;
  /** The entry this one reverses, or null. */
  reversesId: string | null;
  /** ISO instant of posting. */
  postedAt: string;
  /** Days attended, where a per-day cap applies (workshop: 6 学时 a day; centralised: 8 学时 a day). */
  days?: number | null;
}

// ---------------------------------------------------------------------------------------------------------
// 学时申报 (claims): the code lists and limits the contracts share (the rules are in claims.ts)

export const CLAIM_KINDS = ['outside_training', 'paper', 'lecture', 'competition', 'other'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
export const CLAIM_KIND_LABELS: Record<ClaimKind, string> = {
  outside_training: '校外培训',
  paper: '论文',
  lecture: '讲座',
  competition: '竞赛',
  other: '其他',
};

export const CLAIM_STATUSES = ['submitted', 'school_approved', 'approved', 'returned', 'withdrawn'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  submitted: '待学校审核',
  school_approved: '待县区审核',
  approved: '已认定',
  returned: '已退回',
  withdrawn: '已撤回',
};
/** Claims that hold their evidence and certificate: a second claim of the same is refused. */
export const LIVE_CLAIM_STATUSES: readonly ClaimStatus[] = ['submitted', 'school_approved', 'approved'];

export const CLAIM_TITLE_MAX = 200;
export const CLAIM_ISSUER_MAX = 200;
export const CLAIM_CERTIFICATE_MAX = 100;
export const CLAIM_EVIDENCE_MAX_FILES = 5;
export const CLAIM_EVIDENCE_KINDS = ['pdf', 'jpg', 'png'] as const;
export type ClaimEvidenceKind = (typeof CLAIM_EVIDENCE_KINDS)[number];

// ---------------------------------------------------------------------------------------------------------
// School years

/** A school year starts on this month-day unless the pack says otherwise (rule Y-HOURS-SCHOOL-YEAR). */
export const DEFAULT_SCHOOL_YEAR_START = '09-01';

const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;

/**
 * The school year `date` falls in, as '2026-2027': from the start month-day (inclusive) to the day before it a
 * year later. With the default 09-01, 2026-08-31 is in 2025-2026 and 2026-09-01 in 2026-2027.
 */
export function schoolYearOf(date: string, startMonthDay: string = DEFAULT_SCHOOL_YEAR_START): string {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`not a YYYY-MM-DD calendar date: ${date}`);
  if (!isMonthDay(startMonthDay)) throw new RangeError(`not a MM-DD school-year start: ${startMonthDay}`);
  const first = date.slice(5) >= startMonthDay ? parts.year : parts.year - 1;
  return schoolYearStarting(first);
}

/** '2026-2027' for 2026. */
export function schoolYearStarting(year: number): string {
  return `${year}-${year + 1}`;
}

/** The calendar year a school year starts in ('2026-2027' → 2026), or undefined if it is not written so. */
export function schoolYearStartYear(schoolYear: string): number | undefined {
  const m = SCHOOL_YEAR.exec(schoolYear);
  if (!m) return undefined;
  const first = Number(m[1]);
  return Number(m[2]) === first + 1 ? first : undefined;
}

/** The first day of a school year: '2026-2027' with start 09-01 → '2026-09-01'. */
export function schoolYearFirstDay(schoolYear: string, startMonthDay: string): string {
  const first = schoolYearStartYear(schoolYear);
  if (first === undefined) throw new RangeError(`not a school year like 2026-2027: ${schoolYear}`);
  return `${String(first).padStart(4, '0')}-${startMonthDay}`;
}

/** The languages a school year is written in for people. */
export type SchoolYearLang = 'zh-CN' | 'en-US';

/** A school year as people may type it: '2026-2027', '2026—2027', '2026–2027', '2026~2027'. */
const SCHOOL_YEAR_WRITTEN = /^(\d{4})\s*[-—–~～]\s*(\d{4})$/;

/** '2026-2027' → '2026—2027' (en-US '2026–2027'), or undefined if it is not a school year. */
function yearPair(schoolYear: string, lang: SchoolYearLang): string | undefined {
  const m = SCHOOL_YEAR_WRITTEN.exec(schoolYear.trim());
  if (!m) return undefined;
  return `${m[1]}${lang === 'en-US' ? '–' : '—'}${m[2]}`;
}

/**
 * A school year as people read it: '2026-2027' (how the ledger and the API carry it) → '2026—2027 学年' (en-US
 * '2026–2027'); anything else as it came. The one way a school year is written, on the web and in what the
 * server writes (reasons, notifications, PDF and Excel exports); docs/GLOSSARY.md.
 */
export function schoolYearLabel(schoolYear: string, lang: SchoolYearLang = 'zh-CN'): string {
  const pair = yearPair(schoolYear, lang);
  if (pair === undefined) return schoolYear;
  return lang === 'en-US' ? pair : `${pair} 学年`;
}

/**
 * School years from `first` to `last`, 学年 written once: '2026—2027 至 2030—2031 学年' (en-US '2026–2027 to
 * 2030–2031'); one school year when both are the same.
 */
export function schoolYearSpanLabel(first: string, last: string, lang: SchoolYearLang = 'zh-CN'): string {
  if (first === last) return schoolYearLabel(first, lang);
  const a = yearPair(first, lang) ?? first;
  const b = yearPair(last, lang) ?? last;
  return lang === 'en-US' ? `${a} to ${b}` : `${a} 至 ${b} 学年`;
}

/** Some school years, 学年 written once: '2025—2026、2026—2027 学年' (en-US '2025–2026, 2026–2027'); '' for none. */
export function schoolYearListLabel(years: readonly string[], lang: SchoolYearLang = 'zh-CN'): string {
  if (years.length === 0) return '';
  const pairs = years.map((y) => yearPair(y, lang) ?? y);
  return lang === 'en-US' ? pairs.join(', ') : `${pairs.join('、')} 学年`;
}

/** Whether `s` is a month-day that every year has ('02-29' is not). */
export function isMonthDay(s: string): boolean {
  const m = MONTH_DAY.exec(s);
  return m !== null && parseIsoDate(`2001-${s}`) !== undefined;
}

// ---------------------------------------------------------------------------------------------------------
// The pack's `hours` section (declared here, beside the ledger, so `PolicyPack` can name it)

/** Minimums and caps of one category; an absent value is no such rule. */
export interface CategoryHourRules {
  /** 学时 (tenths) a teacher must have in this category each school year. */
  yearMinTenths?: PolicyValue<number>;
  /** At most this many 学时 (tenths) of the category count in one school year. */
  yearCapTenths?: PolicyValue<number>;
  /** At most this many 学时 (tenths) count per day attended, for entries that record `days`. */
  dayCapTenths?: PolicyValue<number>;
}

/** A teacher group's own targets (教研员 …), overriding the region's. */
export interface GroupHourRules {
  /** The group's name in Chinese ('教研员'). */
  name?: string;
  cycleTotalTenths?: PolicyValue<number>;
  yearMinTenths?: PolicyValue<number>;
}

/** Cycle, per-year and per-category rules of the 学时 ledger. */
export interface HourRules {
  /** Length of the continuing-education cycle, in school years. */
  cycleYears: PolicyValue<number>;
  /** 学时 (tenths) a teacher must have over the cycle. */
  cycleTotalTenths: PolicyValue<number>;
  /** The calendar year the cycle's first school year starts in (2026 → 2026-2027 … 2030-2031). */
  cycleStartYear: PolicyValue<number>;
  /** 'MM-DD' on which a school year starts. */
  schoolYearStart: PolicyValue<string>;
  /** 学时 (tenths) a teacher must have in each school year, all categories together. */
  yearMinTenths?: PolicyValue<number>;
  /** How online study (网络研修) is credited: at its recorded length, without conversion. */
  onlineCredit: PolicyValue<'recorded_length'>;
  categories: Partial<Record<HourCategory, CategoryHourRules>>;
  /** How an xAPI statement becomes 学时 (Y-HOURS-XAPI); absent: `DEFAULT_XAPI_RULES`. */
  xapi?: XapiHourRules;
  /** At most this many 学时 (tenths) a day of an imported record's date range (Y-HOURS-IMPORT-DAY); absent: 240. */
  importDayMaxTenths?: PolicyValue<number>;
  /** Overrides per teacher group, keyed by a group code such as 'researcher' (教研员). */
  groups: Record<string, GroupHourRules>;
  /** 学时申报 (claims): review deadlines and the per-day limit; absent values take `DEFAULT_CLAIM_RULES`. */
  claims?: Partial<ClaimHourRules>;
}

/** The rules of a teacher's claim of 学时 with evidence (claims.ts holds the values and the checks). */
export interface ClaimHourRules {
  /** Days the teacher's school has to review a claim, from the day it is submitted. */
  schoolReviewDays: PolicyValue<number>;
  /** Days the county has to review a claim, from the day the school approved it. */
  countyReviewDays: PolicyValue<number>;
  /** At most this many 学时 (tenths) per calendar day of the claimed date range. */
  dayMaxTenths: PolicyValue<number>;
}

/** xAPI statements as 学时: which verbs count, in which category, and how long a 学时 is. */
export interface XapiHourRules {
  /** Verb IRI → the category its duration is credited to; a verb not listed is refused. */
  verbs: PolicyValue<Record<string, HourCategory>>;
  /** Minutes of recorded duration per 学时 (60: at its recorded length, like Y-HOURS-ONLINE). */
  minutesPerHour: PolicyValue<number>;
  /** A statement longer than this many 学时 (tenths) is refused as absurd. */
  maxStatementTenths: PolicyValue<number>;
}
