/**
 * One teacher's ledger, line by line: which entries a reversal cancels, which entries are malformed, and how much
 * of each remaining entry counts under the per-day and per-school-year caps. Pure and deterministic: the entries
 * are read in the order of `compareEntries`, whatever order they come in.
 */
import { formatHours } from '../completion/completion';
import { dayLimitTenths, HOURS_RULE_AMOUNT, HOURS_RULE_REVERSAL } from './rules';
import {
  HOUR_CATEGORY_LABELS,
  type HourCategory,
  type HourRules,
  type LedgerEntry,
  schoolYearLabel,
  schoolYearStartYear,
} from './types';

/**
 * - `entry`: an entry that counts, in whole or in part (`countedTenths` + `notCountedTenths` = amount);
 * - `reversed`: an entry a reversal cancels; `reversal`: the reversal that cancels it (the pair nets to 0);
 * - `error`: an entry that cannot be read as a credit (nothing of it counts).
 */
export type LedgerLineKind = 'entry' | 'reversed' | 'reversal' | 'error';

export const LEDGER_REASON_CODES = [
  'DAY_CAP',
  'YEAR_CAP',
  'REVERSED',
  'REVERSAL',
  'REVERSAL_UNKNOWN',
  'REVERSAL_OF_REVERSAL',
  'REVERSAL_MISMATCH',
  'REVERSAL_REPEATED',
  'DUPLICATE_ID',
  'AMOUNT_INVALID',
  'DAYS_INVALID',
  'SCHOOL_YEAR_INVALID',
] as const;
export type LedgerReasonCode = (typeof LEDGER_REASON_CODES)[number];

/** Why (part of) a line does not count: the rule, and the values that decided it. */
export interface LedgerReason {
  code: LedgerReasonCode;
  ruleId: string;
  values: Record<string, number | string>;
}

export interface LedgerLine {
  entry: LedgerEntry;
  kind: LedgerLineKind;
  countedTenths: number;
  notCountedTenths: number;
  /** The first reason anything is not counted, or null when all of it counts. */
  reason: LedgerReason | null;
  /** Every reason, in the order the rules were applied (day cap before year cap). */
  reasons: LedgerReason[];
  /** The reasons as plain Chinese sentences for the teacher (no rule IDs: they are in `reasons`). */
  message: string | null;
}

/**
 * The order a ledger is read in: by occurredOn, then postedAt, then id; entries alike in all three (which a
 * database never holds) by the rest of their fields, so any permutation of the input gives the same lines.
 */
export function compareEntries(a: LedgerEntry, b: LedgerEntry): number {
  return (
    compareText(a.occurredOn, b.occurredOn) ||
    compareText(a.postedAt, b.postedAt) ||
    compareText(a.id, b.id) ||
    compareText(tieKey(a), tieKey(b))
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function tieKey(e: LedgerEntry): string {
  return [
    e.teacherId,
    e.amountTenths,
    e.category,
    e.schoolYear,
    e.source,
    e.ruleId,
    e.reversesId ?? '',
    e.days ?? '',
  ].join('\u0000');
}

const hours = (tenths: number): string => `${formatHours(tenths)} 学时`;

/** A line of which nothing counts, with one reason. */
function uncountedLine(
  entry: LedgerEntry,
  kind: LedgerLineKind,
  reason: LedgerReason,
  message: string,
): LedgerLine {
  return {
    entry,
    kind,
    countedTenths: 0,
    notCountedTenths: entry.amountTenths,
    reason,
    reasons: [reason],
    message,
  };
}

function errorLine(
  entry: LedgerEntry,
  code: LedgerReasonCode,
  ruleId: string,
  values: Record<string, number | string>,
  message: string,
): LedgerLine {
  return uncountedLine(entry, 'error', { code, ruleId, values }, message);
}

/**
 * Pairs every reversal with the entry it cancels, in reading order. A reversal is an error line (counts
 * nothing) when its original is unknown, is itself a reversal, differs from it (the amount is not exactly the
 * negative, or the category or teacher differs), or was already cancelled by an earlier reversal.
 * Returns the finished lines of pairs and errors, by entry id position.
 */
export function pairReversals(sorted: LedgerEntry[]): Map<number, LedgerLine> {
  const done = new Map<number, LedgerLine>();
  const firstIndexOf = new Map<string, number>();
  sorted.forEach((e, i) => {
    if (!firstIndexOf.has(e.id)) firstIndexOf.set(e.id, i);
    else
      done.set(
        i,
        errorLine(e, 'DUPLICATE_ID', HOURS_RULE_AMOUNT, { id: e.id }, '与另一条记录的编号重复，本条不计入。'),
      );
  });
  const reversedBy = new Map<number, number>();
  sorted.forEach((r, i) => {
    if (r.reversesId === null || done.has(i)) return;
    const t = firstIndexOf.get(r.reversesId);
    const target = t === undefined ? undefined : sorted[t];
    const values = { reversesId: r.reversesId };
    if (t === undefined || !target) {
      done.set(
        i,
        errorLine(r, 'REVERSAL_UNKNOWN', HOURS_RULE_REVERSAL, values, '要撤销的原记录不存在，本条不计入。'),
      );
    } else if (target.reversesId !== null) {
      const message = '撤销记录不能再被撤销（如需恢复请重新登记），本条不计入。';
      done.set(i, errorLine(r, 'REVERSAL_OF_REVERSAL', HOURS_RULE_REVERSAL, values, message));
    } else if (
      r.amountTenths + target.amountTenths !== 0 ||
      r.category !== target.category ||
      r.teacherId !== target.teacherId
    ) {
      const mismatch = {
        ...values,
        originalAmountTenths: target.amountTenths,
        originalCategory: target.category,
      };
      const message = `撤销的学时或类别与原记录不一致（原记录为${HOUR_CATEGORY_LABELS[target.category]} ${hours(target.amountTenths)}），本条不计入。`;
      done.set(i, errorLine(r, 'REVERSAL_MISMATCH', HOURS_RULE_REVERSAL, mismatch, message));
    } else if (reversedBy.has(t)) {
      const message = '原记录已被撤销过，重复的撤销不计入。';
      done.set(i, errorLine(r, 'REVERSAL_REPEATED', HOURS_RULE_REVERSAL, values, message));
    } else {
      reversedBy.set(t, i);
      const cancelled = `本条已被撤销，与撤销记录相抵，${hours(target.amountTenths)}不计入。`;
      done.set(t, uncountedLine(target, 'reversed', reversalReason('REVERSED', r.id), cancelled));
      const cancels = `本条撤销一条${HOUR_CATEGORY_LABELS[target.category]}记录的 ${hours(target.amountTenths)}，与原记录相抵。`;
      done.set(i, uncountedLine(r, 'reversal', reversalReason('REVERSAL', target.id), cancels));
    }
  });
  return done;
}

function reversalReason(code: 'REVERSED' | 'REVERSAL', otherId: string): LedgerReason {
  const values: Record<string, string> =
    code === 'REVERSED' ? { reversalId: otherId } : { reversesId: otherId };
  return { code, ruleId: HOURS_RULE_REVERSAL, values };
}

/** The error line of an entry that is not a reversal and cannot be read as a credit, or undefined. */
export function malformedLine(entry: LedgerEntry): LedgerLine | undefined {
  const amount = entry.amountTenths;
  if (!Number.isInteger(amount) || amount <= 0) {
    const message = '学时必须大于 0（以 0.1 学时为单位），本条不计入。';
    return errorLine(entry, 'AMOUNT_INVALID', HOURS_RULE_AMOUNT, { amountTenths: amount }, message);
  }
  const days = entry.days;
  if (days !== undefined && days !== null && !(Number.isFinite(days) && days > 0)) {
    const message = '出勤天数必须大于 0，本条不计入。';
    return errorLine(entry, 'DAYS_INVALID', HOURS_RULE_AMOUNT, { days: String(days) }, message);
  }
  if (schoolYearStartYear(entry.schoolYear) === undefined) {
    const message = '学年应写作"2026-2027"的形式，本条不计入。';
    return errorLine(
      entry,
      'SCHOOL_YEAR_INVALID',
      HOURS_RULE_AMOUNT,
      { schoolYear: entry.schoolYear },
      message,
    );
  }
  return undefined;
}

/** Counted so far per school year and category, for the year caps. */
export type CountedSoFar = Map<string, number>;

function yearKey(schoolYear: string, category: HourCategory): string {
  return `${schoolYear}|${category}`;
}

/**
 * How much of a well-formed entry counts: at most `days` × the category's day cap (when the entry records
 * days), then at most what is left of the category's school-year cap. Adds the counted part to `counted`.
 */
export function capEntry(entry: LedgerEntry, rules: HourRules, counted: CountedSoFar): LedgerLine {
  const rule = rules.categories[entry.category];
  const label = HOUR_CATEGORY_LABELS[entry.category];
  const amount = entry.amountTenths;
  const reasons: LedgerReason[] = [];
  const sentences: string[] = [];
  let allowed = amount;

  const dayCap = rule?.dayCapTenths;
  const days = entry.days;
  if (dayCap && days !== undefined && days !== null) {
    const limit = dayLimitTenths(days, dayCap.value);
    if (allowed > limit) {
      const cut = allowed - limit;
      reasons.push({
        code: 'DAY_CAP',
        ruleId: dayCap.ruleId,
        values: {
          dayCapTenths: dayCap.value,
          days,
          limitTenths: limit,
          amountTenths: amount,
          notCountedTenths: cut,
        },
      });
      sentences.push(
        `${label}每天最多计 ${hours(dayCap.value)}：${days} 天最多计 ${hours(limit)}，本条 ${hours(amount)}中 ${hours(cut)}不计入。`,
      );
      allowed = limit;
    }
  }

  const yearCap = rule?.yearCapTenths;
  const key = yearKey(entry.schoolYear, entry.category);
  const before = counted.get(key) ?? 0;
  if (yearCap) {
    const left = Math.max(0, yearCap.value - before);
    if (allowed > left) {
      const cut = allowed - left;
      reasons.push({
        code: 'YEAR_CAP',
        ruleId: yearCap.ruleId,
        values: {
          yearCapTenths: yearCap.value,
          schoolYear: entry.schoolYear,
          countedBeforeTenths: before,
          notCountedTenths: cut,
        },
      });
      sentences.push(
        `${label}每学年最多计 ${hours(yearCap.value)}：${schoolYearLabel(entry.schoolYear)}此前已计 ${hours(before)}，本条 ${hours(allowed)}中 ${hours(cut)}不计入。`,
      );
      allowed = left;
    }
  }

  counted.set(key, before + allowed);
  return {
    entry,
    kind: 'entry',
    countedTenths: allowed,
    notCountedTenths: amount - allowed,
    reason: reasons[0] ?? null,
    reasons,
    message: sentences.length > 0 ? sentences.join('') : null,
  };
}

/**
 * Every entry as a line, in reading order (`compareEntries`): reversal pairs and malformed entries first
 * decided, then the remaining entries counted against the caps in that order (an earlier entry fills a cap
 * first). Entries must be one teacher's.
 */
export function ledgerLines(entries: readonly LedgerEntry[], rules: HourRules): LedgerLine[] {
  const teachers = new Set(entries.map((e) => e.teacherId));
  if (teachers.size > 1) throw new RangeError(`a ledger is one teacher's; got ${teachers.size} teachers`);
  const sorted = [...entries].sort(compareEntries);
  const decided = pairReversals(sorted);
  const counted: CountedSoFar = new Map();
  return sorted.map((entry, i) => decided.get(i) ?? malformedLine(entry) ?? capEntry(entry, rules, counted));
}
