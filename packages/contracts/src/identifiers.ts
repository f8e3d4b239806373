import { z } from 'zod';

/**
 * The identifier and name rules of `packages/core/src/identifiers.ts` as zod schemas for JSON request bodies
 * (restated here as zod refinements with their own messages; `apps/server/src/shared/identifiers.test.ts`
 * checks that both accept and refuse the same values). docs/POLICIES.md "Identifiers and names" has the table.
 */

/** Characters a name may not hold: control, format, private-use, surrogate, unassigned, separators, emoji. */
const NOT_TEXT =
  /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{Zl}\p{Zp}\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\p{Variation_Selector}]/u;
const CODE = /^[A-Za-z0-9_-]+$/;

/** Characters (code points), as core counts them. */
const chars = (s: string) => [...s].length;

export const STUDENT_ID_MAX = 32;

/** 考号: 1–32 ASCII letters, digits, `_` or `-`. */
export const studentIdSchema = z
  .string()
  .trim()
  .min(1, '考号不能为空')
  .max(STUDENT_ID_MAX, `考号最长 ${STUDENT_ID_MAX} 个字符`)
  .regex(CODE, '考号只能包含英文字母、数字、下划线 _ 或连字符 -');

/**
 * A name or title typed in a form: trimmed, `min`–`max` characters, no control characters, line breaks or emoji.
 * `min: 0` for drafts that may be saved incomplete.
 */
export function plainTextSchema(max: number, label = '名称', min = 1) {
  return z
    .string()
    .trim()
    .max(max * 2, `${label}最长 ${max} 个字符`)
    .refine((s) => chars(s) >= min, min === 1 ? `${label}不能为空` : `${label}至少 ${min} 个字符`)
    .refine((s) => chars(s) <= max, `${label}最长 ${max} 个字符`)
    .refine((s) => !NOT_TEXT.test(s), `${label}不能包含控制字符、换行或表情符号`);
}

/** Lengths of the names JSON bodies carry (characters). */
export const NAME_LIMITS = {
  /** exam, cycle, indicator, class names */
  name: 100,
  /** programme, pack, session titles, venues */
  title: 200,
  /** a person's name in a form (trainers, experts) */
  person: 50,
  /** an organisation's name in a form */
  org: 100,
} as const;
