/**
 * Length and character rules for every identifier and name a user brings in (score sheets, import rows, JSON
 * bodies, the command line). One table, used by core's readers (`exams/parse.ts`, `exams/scores-fast.ts`,
 * `row-validation.ts`) and mirrored by the zod helpers in `packages/contracts/src/identifiers.ts` (restated there
 * with zod's messages; `apps/server/src/shared/identifiers.test.ts` checks that both agree). docs/POLICIES.md
 * "Identifiers and names" lists them.
 *
 * Two kinds of charset:
 * - `code`: ASCII letters, digits, `_` and `-` (student numbers, usernames): what a barcode, an Excel column or
 *   another system can carry without loss.
 * - `text`: any script's letters, digits, punctuation, spaces and ordinary symbols, but no control or format
 *   characters (tab, line breaks, zero-width, bidi overrides), no private-use or unassigned code points, no lone
 *   surrogates and no emoji: a name shows the same on every screen, in Excel and in a PDF.
 * Lengths count characters (code points), after trimming.
 */

export type Charset = 'code' | 'text';

export interface IdentifierRule {
  /** what the user calls it */
  label: string;
  min: number;
  max: number;
  charset: Charset;
  /** stricter pattern than the charset, when there is one */
  pattern?: RegExp;
  /** the rule in words, for messages */
  describe: string;
}

const CODE = /^[A-Za-z0-9_-]+$/;
/**
 * Characters a `text` value may not contain: control (Cc), format (Cf), private use (Co), surrogate (Cs),
 * unassigned (Cn), line/paragraph separators, emoji pictographs and their modifiers, regional-indicator flags,
 * variation selectors; tag characters are format characters (Cf).
 */
const NOT_TEXT =
  /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{Zl}\p{Zp}\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\p{Variation_Selector}]/u;

const text = (label: string, min: number, max: number): IdentifierRule => ({
  label,
  min,
  max,
  charset: 'text',
  describe: `${min === max ? max : `${min}–${max}`} 个字符的文字，不含控制字符、换行或表情符号`,
});

/** The rules, by identifier. */
export const IDENTIFIER_RULES = {
  /** 考号 / 学号 in score and prior sheets, parents' look-ups, access codes */
  studentId: {
    label: '考号',
    min: 1,
    max: 32,
    charset: 'code',
    pattern: CODE,
    describe: '1–32 个英文字母、数字、下划线 _ 或连字符 -',
  },
  /** 题号: a column header of the score sheet */
  itemId: text('题号', 1, 20),
  /** 班级 in score sheets */
  className: text('班级', 1, 30),
  /** 学校 in score sheets: its 学校标识码 or full name */
  schoolRef: text('学校', 1, 60),
  /** 知识点, one label */
  knowledgePoint: text('知识点', 1, 50),
  /** 能力层级 */
  abilityLevel: text('能力层级', 1, 20),
  /** a school's name (school import) */
  schoolName: text('学校名称', 2, 60),
  /** township name, 学区/集团 (school import) */
  placeName: text('名称', 1, 60),
  /** a teacher's name (teacher import): Han characters or Latin letters, words joined by a middle dot or a space */
  teacherName: {
    label: '姓名',
    min: 2,
    max: 20,
    charset: 'text',
    pattern: /^[\p{Script=Han}A-Za-z]+(?:[· ][\p{Script=Han}A-Za-z]+)*$/u,
    describe: '2–20 个汉字或字母，少数民族姓名可用间隔号“·”分隔',
  },
  /** a person's name typed in a form (trainers, experts; the teacher import has its stricter PERSON_NAME) */
  personName: text('姓名', 1, 50),
  /** an organisation's name typed in a form */
  orgName: text('单位名称', 1, 100),
  /** the name of a thing a user creates (exam, cycle, indicator, class) */
  name: text('名称', 1, 100),
  /** the title of a programme, policy pack, session; a venue; a plan's theme */
  title: text('名称', 1, 200),
  /** a sign-in name (created on the command line) */
  username: {
    label: '用户名',
    min: 3,
    max: 32,
    charset: 'code',
    pattern: CODE,
    describe: '3–32 个英文字母、数字、下划线 _ 或连字符 -',
  },
} as const satisfies Record<string, IdentifierRule>;

export type IdentifierName = keyof typeof IDENTIFIER_RULES;

/** Characters (code points), not UTF-16 units. */
export function charCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
    else {
      n++;
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/** Whether `s` has only characters a `text` value may hold. */
export function isPlainText(s: string): boolean {
  return !NOT_TEXT.test(s);
}

export type IdentifierProblem = 'LENGTH' | 'CHARSET';

/** Check an already trimmed value against a rule: null when it passes. */
export function identifierProblem(rule: IdentifierRule, value: string): IdentifierProblem | null {
  // the length test first, and a cheap one: a 5,000-character value is refused without a regex over it
  if (value.length < rule.min || value.length > rule.max * 2) return 'LENGTH';
  const n = charCount(value);
  if (n < rule.min || n > rule.max) return 'LENGTH';
  if (rule.pattern ? !rule.pattern.test(value) : !isPlainText(value)) return 'CHARSET';
  return null;
}

/** Whether a (trimmed) value passes: the fast paths' test. */
export function isValidIdentifier(rule: IdentifierRule, value: string): boolean {
  return identifierProblem(rule, value) === null;
}

const SHOWN = 40;

/**
 * A value as it may be shown in a message or an error report: at most 40 characters, then "…（共 N 个字符）";
 * control characters and line breaks as visible escapes, so a message is one readable line.
 */
export function shownValue(value: string): string {
  const chars = [...value];
  const head = chars
    .slice(0, SHOWN)
    .map((ch) => {
      const cp = ch.codePointAt(0) ?? 0;
      return cp < 0x20 || cp === 0x7f ? `\\u${cp.toString(16).padStart(4, '0')}` : ch;
    })
    .join('');
  return chars.length > SHOWN ? `${head}…（共 ${chars.length} 个字符）` : head;
}

/** The Chinese sentence for a refused value, e.g. `考号「ab cd」不符合规则：1–32 个英文字母、数字…`. */
export function identifierMessage(rule: IdentifierRule, value: string, problem: IdentifierProblem): string {
  const why =
    problem === 'LENGTH'
      ? `长度为 ${charCount(value)} 个字符，超出范围`
      : rule.charset === 'code'
        ? '含有不允许的字符'
        : '含有控制字符、换行或表情符号等不允许的字符';
  return `${rule.label}「${shownValue(value)}」${why}；应为 ${rule.describe}`;
}

/** Longest name an uploaded file keeps (characters). */
export const FILE_NAME_MAX = 100;

/**
 * An uploaded file's name as it is kept and shown: the last path segment only, every character a name may not
 * hold (control and format characters such as a right-to-left override, emoji …) replaced by `_`, at most
 * FILE_NAME_MAX characters with the extension kept; `fallback` when nothing is left. A file is never refused for
 * its name: the name is only a label.
 */
export function uploadFileName(raw: string | undefined, fallback = 'upload'): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .map((ch) => (NOT_TEXT.test(ch) ? '_' : ch))
    .join('')
    .trim();
  if (clean === '' || /^\.+$/.test(clean)) return fallback;
  const chars = [...clean];
  if (chars.length <= FILE_NAME_MAX) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return chars.slice(0, FILE_NAME_MAX - [...ext].length).join('') + ext;
}
