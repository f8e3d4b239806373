/**
 * What validatePack reports (PackProblem and its codes), the collector the checks add problems to, and the checks
 * of single values every section uses: rule references, dates in the pack's year, deadline offsets, lists.
 */
import { parseIsoDate } from '../dates';
import type { DeadlineOffset, PolicyValue } from './policy-pack';

export type PackProblemCode =
  | 'PACK.HEADER'
  | 'PACK.RULE_REF_MISSING'
  | 'PACK.NO_PROJECT_TYPES'
  | 'PACK.DUPLICATE_PROJECT_CODE'
  | 'PACK.NO_TRACKS'
  | 'PACK.DUPLICATE_TRACK_CODE'
  | 'PACK.UNKNOWN_TRACK'
  | 'PACK.BAD_NUMBER'
  | 'PACK.BAD_DATE'
  | 'PACK.DATE_OUTSIDE_YEAR'
  | 'PACK.DAYS_TOTAL_MISMATCH'
  | 'PACK.AGE_RANGE'
  | 'PACK.RATIO_BELOW_ONE'
  | 'PACK.DEADLINE_DIRECTION'
  | 'PACK.PRACTICAL_SHARE'
  | 'PACK.EMPTY_LIST'
  | 'PACK.DUPLICATE_ITEM'
  | 'PACK.STUDIO_RANGE'
  | 'PACK.COUNTY_SYSTEM'
  | 'PACK.PLAN_MODES'
  | 'PACK.STAFFING'
  // class operations, completion and KPI targets
  | 'PACK.BAD_SETTING'
  | 'PACK.SHARE_RANGE'
  | 'PACK.CLASS_OPS'
  | 'PACK.COMPLETION'
  // shortlist: whether the owner confirms a provider's selection (R-004-59)
  | 'PACK.SHORTLIST_SETTING'
  // the 学时 ledger's section (cycle, categories, groups, xAPI, claims)
  | 'PACK.HOURS'
  // studios, workshops, trainers and 校本研修 (the `communities` section)
  | 'PACK.COMMUNITIES';

export interface PackProblem {
  code: PackProblemCode;
  /** The rule whose value is wrong or contradicted. */
  ruleId: string;
  /** Where in the pack, e.g. 'projectTypes[2].tracks[0].centralizedDaysTotal'. */
  path: string;
  message: string;
}

export const STRUCTURE_RULE = 'PACK.STRUCTURE';

export class Collector {
  readonly problems: PackProblem[] = [];

  add(code: PackProblemCode, ruleId: string, path: string, message: string): void {
    this.problems.push({ code, ruleId, path, message });
  }

  /** A whole number ≥ `min` (money in fen, days, 学时 in tenths, counts, years). */
  count(v: PolicyValue<number> | undefined, path: string, label: string, min = 0): void {
    if (!v) return;
    if (!Number.isInteger(v.value) || v.value < min) {
      const what = min > 0 ? `不小于 ${min} 的整数` : '非负整数';
      this.add('PACK.BAD_NUMBER', v.ruleId, path, `${label}应为${what}，实为 ${v.value}`);
    }
  }

  /** An amount of money stored in fen, reported in 元 (to the fen). */
  money(v: PolicyValue<number> | undefined, path: string, label: string): void {
    if (!v) return;
    if (!Number.isInteger(v.value) || v.value < 0) {
      this.add(
        'PACK.BAD_NUMBER',
        v.ruleId,
        path,
        `${label}应为不小于 0 的金额（精确到分），实为 ${v.value / 100} 元`,
      );
    }
  }

  /** 学时 stored in tenths, reported in 学时 (to 0.1 学时). */
  hours(v: PolicyValue<number> | undefined, path: string, label: string, min = 0): void {
    if (!v) return;
    if (!Number.isInteger(v.value) || v.value < min) {
      const floor = min > 0 ? `不少于 ${min / 10} 学时` : '不小于 0';
      this.add(
        'PACK.BAD_NUMBER',
        v.ruleId,
        path,
        `${label}应${floor}（精确到 0.1 学时），实为 ${v.value / 10} 学时`,
      );
    }
  }
}

function isPolicyValueLike(x: object): x is { ruleId: unknown; source: unknown; value: unknown } {
  return 'ruleId' in x && 'source' in x && 'value' in x;
}

/** Every PolicyValue in the pack names a rule and a source. */
export function checkRuleRefs(node: unknown, path: string, c: Collector): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((child, i) => {
      checkRuleRefs(child, `${path}[${i}]`, c);
    });
    return;
  }
  if (isPolicyValueLike(node)) {
    if (typeof node.ruleId !== 'string' || node.ruleId.trim() === '') {
      c.add('PACK.RULE_REF_MISSING', STRUCTURE_RULE, path, '该取值缺少规则编号');
    }
    if (typeof node.source !== 'string' || node.source.trim() === '') {
      c.add('PACK.RULE_REF_MISSING', STRUCTURE_RULE, path, '该取值缺少出处（文件及行号）');
    }
  }
  for (const [key, child] of Object.entries(node)) checkRuleRefs(child, path ? `${path}.${key}` : key, c);
}

export function checkDate(
  v: PolicyValue<string>,
  path: string,
  label: string,
  year: number,
  c: Collector,
): void {
  const parts = parseIsoDate(v.value);
  if (!parts) {
    c.add('PACK.BAD_DATE', v.ruleId, path, `${label}"${v.value}"不是有效日期（应为 YYYY-MM-DD）`);
  } else if (parts.year !== year) {
    c.add('PACK.DATE_OUTSIDE_YEAR', v.ruleId, path, `${label} ${v.value} 不在政策包年度 ${year} 年内`);
  }
}

/** A class deadline lies at most a year from its anchor date. */
export const MAX_OFFSET_DAYS = 366;

export function checkOffset(v: PolicyValue<DeadlineOffset>, path: string, label: string, c: Collector): void {
  const { offsetDays, mustBe, anchor } = v.value;
  const anchorName = anchor === 'class_start' ? '开班日期' : '结业日期';
  if (!Number.isInteger(offsetDays)) {
    c.add('PACK.BAD_NUMBER', v.ruleId, `${path}.offsetDays`, `${label}的天数应为整数，实为 ${offsetDays}`);
  } else if (Math.abs(offsetDays) > MAX_OFFSET_DAYS) {
    c.add(
      'PACK.BAD_NUMBER',
      v.ruleId,
      `${path}.offsetDays`,
      `${label}距${anchorName} ${Math.abs(offsetDays)} 天，超过 ${MAX_OFFSET_DAYS} 天`,
    );
  } else if (mustBe === 'before' && offsetDays > 0) {
    c.add(
      'PACK.DEADLINE_DIRECTION',
      v.ruleId,
      `${path}.offsetDays`,
      `${label}应在${anchorName}之前，但设为${anchorName}后 ${offsetDays} 天`,
    );
  } else if (mustBe === 'after' && offsetDays < 0) {
    c.add(
      'PACK.DEADLINE_DIRECTION',
      v.ruleId,
      `${path}.offsetDays`,
      `${label}应在${anchorName}之后，但设为${anchorName}前 ${-offsetDays} 天`,
    );
  }
}

export function checkList(v: PolicyValue<string[]>, path: string, label: string, c: Collector): void {
  if (v.value.length === 0) {
    c.add('PACK.EMPTY_LIST', v.ruleId, path, `${label}不能为空`);
    return;
  }
  const seen = new Set<string>();
  for (const item of v.value) {
    if (seen.has(item)) c.add('PACK.DUPLICATE_ITEM', v.ruleId, path, `${label}中"${item}"重复`);
    seen.add(item);
  }
}
