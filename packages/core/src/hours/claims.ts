/**
 * 学时申报 (claims): a teacher claims 学时 for outside training, a paper, a lecture or a competition with evidence;
 * the school reviews it, then the county, each within a deadline; the county's approval posts it to the ledger.
 * Here: the vocabulary, the rule values (`DEFAULT_CLAIM_RULES`, read from a pack with `claimRulesOf`) and the
 * pure checks of a claim (`checkClaim`), its deadlines and its evidence names. No I/O; "today" is an argument.
 */
import { parseIsoDate } from '../dates';
import { addDays, deepFreeze, pv } from '../programs/policy-pack';
import {
  CLAIM_CERTIFICATE_MAX,
  CLAIM_ISSUER_MAX,
  CLAIM_TITLE_MAX,
  type ClaimEvidenceKind,
  type ClaimHourRules,
  type HourRules,
} from './types';

/** A claim is reviewed by the teacher's school, then by the county; the county's approval posts it. */
export const HOURS_RULE_CLAIM = 'Y-HOURS-CLAIM';
/** The school and the county each review within a number of days. */
export const HOURS_RULE_CLAIM_DEADLINE = 'Y-HOURS-CLAIM-DEADLINE';
/** At most 24 学时 per calendar day of the claimed range. */
export const HOURS_RULE_CLAIM_DAY = 'Y-HOURS-CLAIM-DAY';
/** Real dates, the end not before the start, nothing in the future. */
export const HOURS_RULE_CLAIM_DATES = 'Y-HOURS-CLAIM-DATES';
/** Title, issuer and certificate number: present and not too long. */
export const HOURS_RULE_CLAIM_TEXT = 'Y-HOURS-CLAIM-TEXT';
/** Evidence: 1 to 5 files, PDF / JPG / PNG by content, named for what they are, within the size limit. */
export const HOURS_RULE_CLAIM_EVIDENCE = 'Y-HOURS-CLAIM-EVIDENCE';
/** The same evidence (by content) or the same issuer + certificate number is claimed once, across teachers. */
export const HOURS_RULE_CLAIM_DUPLICATE = 'Y-HOURS-CLAIM-DUPLICATE';
/** Claimed 学时: a whole number of tenths above 0 (the ledger's amount rule). */
export const HOURS_RULE_CLAIM_AMOUNT = 'Y-HOURS-AMOUNT';

/** The defaults; a pack's `hours.claims` overrides each value it states. */
export const DEFAULT_CLAIM_RULES: ClaimHourRules = deepFreeze({
  schoolReviewDays: pv(
    15,
    HOURS_RULE_CLAIM_DEADLINE,
    'issue 12',
    'Yanxun 默认值：种子文件未规定学时申报的审核时限；学校自提交之日起 15 日内审核',
  ),
  countyReviewDays: pv(
    15,
    HOURS_RULE_CLAIM_DEADLINE,
    'issue 12',
    'Yanxun 默认值：种子文件未规定学时申报的审核时限；县区自学校审核通过之日起 15 日内审核',
  ),
  dayMaxTenths: pv(
    240,
    HOURS_RULE_CLAIM_DAY,
    'issue 12',
    'Yanxun 规则：一天只有 24 小时，申报学时不超过申报日期范围内每天 24 学时（种子文件未规定）',
  ),
});

/** The claim rules of a pack's `hours` section, each value the pack leaves out taken from the defaults. */
export function claimRulesOf(rules: Pick<HourRules, 'claims'>): ClaimHourRules {
  return { ...DEFAULT_CLAIM_RULES, ...rules.claims };
}

/** What a teacher claims (the evidence comes with it as files). */
export interface ClaimInput {
  title: string;
  issuer: string;
  certificateNo?: string | null | undefined;
  startDate: string;
  endDate: string;
  hoursTenths: number;
}

export type ClaimField = keyof ClaimInput | 'evidence';

/** What is wrong with a claim, whatever the rule ID the pack gives it: the web words the sentence by it. */
export type ClaimProblemCode =
  | 'CLAIM.REQUIRED'
  | 'CLAIM.TOO_LONG'
  | 'CLAIM.CERTIFICATE_TOO_LONG'
  | 'CLAIM.START_INVALID'
  | 'CLAIM.END_INVALID'
  | 'CLAIM.END_BEFORE_START'
  | 'CLAIM.IN_FUTURE'
  | 'CLAIM.HOURS_NOT_POSITIVE'
  | 'CLAIM.HOURS_OVER_CAP';

/** Why a claim is refused: the field, a Chinese sentence, the rule and the values it applied. */
export interface ClaimProblem {
  field: ClaimField;
  code: ClaimProblemCode;
  ruleId: string;
  message: string;
  values?: Record<string, number | string>;
}

const DAY_MS = 86_400_000;
const utcOf = (d: string): number => {
  const p = parseIsoDate(d);
  if (!p) throw new RangeError(`not a YYYY-MM-DD calendar date: ${d}`);
  return Date.UTC(p.year, p.month - 1, p.day);
};

/** Calendar days from `start` to `end`, both counted (the same day is 1). */
export function claimDays(start: string, end: string): number {
  return Math.round((utcOf(end) - utcOf(start)) / DAY_MS) + 1;
}

/** The last day of a review that starts on `from` (submitted, or approved by the school) and has `days` days. */
export function reviewDueOn(from: string, days: number): string {
  return addDays(from, days);
}

/** A review is overdue from the day after its last day. */
export function isReviewOverdue(dueOn: string, today: string): boolean {
  return today > dueOn;
}

const fmt = (tenths: number) => String(tenths / 10);

/**
 * Every problem of a claim, in field order (none: it may be stored). Texts are trimmed before they are measured;
 * dates must be real calendar days, the end not before the start and neither after `today`; the 学时 a whole
 * number of tenths above 0 and at most `dayMaxTenths` for each day of the range (24 学时 a day passes, 24.1 not).
 */
export function checkClaim(input: ClaimInput, today: string, rules: ClaimHourRules): ClaimProblem[] {
  const out: ClaimProblem[] = [];
  const text = (field: 'title' | 'issuer', label: string, max: number) => {
    const v = input[field].trim();
    if (v.length === 0)
      out.push({
        field,
        code: 'CLAIM.REQUIRED',
        ruleId: HOURS_RULE_CLAIM_TEXT,
        message: `请填写${label}`,
        values: { max },
      });
    else if ([...v].length > max)
      out.push({
        field,
        code: 'CLAIM.TOO_LONG',
        ruleId: HOURS_RULE_CLAIM_TEXT,
        message: `${label}最多 ${max} 个字，现为 ${[...v].length} 个字`,
        values: { max, length: [...v].length },
      });
  };
  text('title', '标题', CLAIM_TITLE_MAX);
  text('issuer', '发证/主办单位', CLAIM_ISSUER_MAX);
  const cert = input.certificateNo?.trim() ?? '';
  if ([...cert].length > CLAIM_CERTIFICATE_MAX)
    out.push({
      field: 'certificateNo',
      code: 'CLAIM.CERTIFICATE_TOO_LONG',
      ruleId: HOURS_RULE_CLAIM_TEXT,
      message: `证书编号最多 ${CLAIM_CERTIFICATE_MAX} 个字符`,
      values: { max: CLAIM_CERTIFICATE_MAX },
    });

  const startOk = parseIsoDate(input.startDate) !== undefined;
  const endOk = parseIsoDate(input.endDate) !== undefined;
  if (!startOk)
    out.push({
      field: 'startDate',
      code: 'CLAIM.START_INVALID',
      ruleId: HOURS_RULE_CLAIM_DATES,
      message: '开始日期不是有效日期（年-月-日）',
    });
  if (!endOk)
    out.push({
      field: 'endDate',
      code: 'CLAIM.END_INVALID',
      ruleId: HOURS_RULE_CLAIM_DATES,
      message: '结束日期不是有效日期（年-月-日）',
    });
  let datesOk = startOk && endOk;
  if (datesOk && input.endDate < input.startDate) {
    datesOk = false;
    out.push({
      field: 'endDate',
      code: 'CLAIM.END_BEFORE_START',
      ruleId: HOURS_RULE_CLAIM_DATES,
      message: `结束日期 ${input.endDate} 早于开始日期 ${input.startDate}`,
      values: { startDate: input.startDate, endDate: input.endDate },
    });
  }
  for (const [field, label] of [
    ['startDate', '开始日期'],
    ['endDate', '结束日期'],
  ] as const) {
    const d = input[field];
    if (parseIsoDate(d) !== undefined && d > today) {
      datesOk = false;
      out.push({
        field,
        code: 'CLAIM.IN_FUTURE',
        ruleId: HOURS_RULE_CLAIM_DATES,
        message: `${label} ${d} 晚于今天（${today}）：只能申报已经完成的活动`,
        values: { [field]: d, today },
      });
    }
  }

  const h = input.hoursTenths;
  if (!Number.isInteger(h) || h <= 0) {
    out.push({
      field: 'hoursTenths',
      code: 'CLAIM.HOURS_NOT_POSITIVE',
      ruleId: HOURS_RULE_CLAIM_AMOUNT,
      message: '申报学时须大于 0（最小 0.1 学时）',
      values: { hoursTenths: h },
    });
  } else if (datesOk) {
    const days = claimDays(input.startDate, input.endDate);
    const max = days * rules.dayMaxTenths.value;
    if (h > max)
      out.push({
        field: 'hoursTenths',
        code: 'CLAIM.HOURS_OVER_CAP',
        ruleId: rules.dayMaxTenths.ruleId,
        message: `申报 ${fmt(h)} 学时超过上限：${input.startDate} 至 ${input.endDate} 共 ${days} 天，每天最多 ${fmt(rules.dayMaxTenths.value)} 学时，最多 ${fmt(max)} 学时`,
        values: {
          hoursTenths: h,
          days,
          dayMaxTenths: rules.dayMaxTenths.value,
          maxTenths: max,
          startDate: input.startDate,
          endDate: input.endDate,
        },
      });
  }
  return out;
}

/**
 * The issuer and certificate number as one key for the duplicate check: full-width characters folded (NFKC),
 * spaces dropped, letters upper-cased, so "豫教 培字 No.12" and "豫教培字ＮＯ．１２" are the same certificate.
 * Undefined without a certificate number.
 */
export function certificateKey(issuer: string, certificateNo: string | null | undefined): string | undefined {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
  const no = norm(certificateNo ?? '');
  if (no.length === 0) return undefined;
  return `${norm(issuer)}|${no}`;
}

const EXTENSIONS: Record<ClaimEvidenceKind, readonly string[]> = {
  pdf: ['pdf'],
  jpg: ['jpg', 'jpeg'],
  png: ['png'],
};

/**
 * Whether a file's name says what its content is: a PDF named `.pdf`, a JPEG `.jpg`/`.jpeg`, a PNG `.png`
 * (case aside). A `.pdf` that is really a PNG is mislabelled, and so is a name without one of these endings.
 */
export function evidenceNameMatches(name: string, kind: ClaimEvidenceKind): boolean {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return false;
  return EXTENSIONS[kind].includes(name.slice(dot + 1).toLowerCase());
}
