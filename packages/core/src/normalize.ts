/**
 * Cell normalisation for Excel/CSV imports. Cells arrive as whatever the reader produced
 * (exceljs gives strings, numbers, Dates, rich text objects; CSV gives strings), typed `unknown`.
 */
import { isValidIsoDate, toIsoDate } from './dates';

const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;
const FULL_TO_HALF_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Full-width ASCII forms (U+FF01–U+FF5E: digits, letters, punctuation) and the ideographic space → half-width. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= FULL_WIDTH_START && cp <= FULL_WIDTH_END) out += String.fromCodePoint(cp - FULL_TO_HALF_OFFSET);
    else if (cp === IDEOGRAPHIC_SPACE) out += ' ';
    else out += ch;
  }
  return out;
}

/** Zero-width space/joiners, word joiner and BOM: invisible, removed outright. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
/** `\s` covers NBSP (U+00A0), U+2000–U+200A, line/paragraph separators, tabs and newlines. */
const WHITESPACE_RUN = /\s+/g;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Text of an exceljs cell value object: rich text, hyperlink or formula result. */
function excelObjectText(v: Record<string, unknown>): string | undefined {
  const rich = v.richText;
  if (Array.isArray(rich)) {
    return rich
      .map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : ''))
      .join('');
  }
  if (typeof v.text === 'string') return v.text;
  if ('result' in v) return rawText(v.result);
  return undefined;
}

function rawText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : toIsoDate(v);
  if (isRecord(v)) return excelObjectText(v) ?? '';
  return '';
}

/** A cell as the user wrote it, for error reports: only trimmed (a Date becomes YYYY-MM-DD). */
export function cellText(v: unknown): string {
  return rawText(v).trim();
}

/**
 * A cell as clean text: half-width, zero-width characters removed, inner whitespace runs collapsed to one
 * space, trimmed. null/undefined → ''. A Date becomes its UTC calendar date (YYYY-MM-DD).
 */
export function cleanText(v: unknown): string {
  return toHalfWidth(rawText(v)).replace(ZERO_WIDTH, '').replace(WHITESPACE_RUN, ' ').trim();
}

/** Excel's largest date serial (9999-12-31). */
const EXCEL_MAX_SERIAL = 2_958_465;
/** Serial 60 is 1900-02-29, a day that never existed (Lotus 1-2-3 compatibility bug). */
const EXCEL_FAKE_LEAP_DAY = 60;
const MS_PER_DAY = 86_400_000;

function excelSerialToIso(serial: number): string | undefined {
  const day = Math.floor(serial);
  if (day < 1 || day > EXCEL_MAX_SERIAL || day === EXCEL_FAKE_LEAP_DAY) return undefined;
  // Serials 1..59 count from 1899-12-31; from 61 on, the phantom leap day shifts the epoch back one day.
  const epoch = day < EXCEL_FAKE_LEAP_DAY ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return toIsoDate(new Date(epoch + day * MS_PER_DAY));
}

function isoFromParts(y: string, m: string, d: string): string | undefined {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : undefined;
}

const TIME_SUFFIX = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const SEPARATED_DATE = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME_SUFFIX}$`);
const CHINESE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

function parseDateText(text: string): string | undefined {
  const sep = SEPARATED_DATE.exec(text);
  if (sep?.[1] && sep[3] && sep[4]) return isoFromParts(sep[1], sep[3], sep[4]);
  const zh = CHINESE_DATE.exec(text);
  if (zh?.[1] && zh[2] && zh[3]) return isoFromParts(zh[1], zh[2], zh[3]);
  const compact = COMPACT_DATE.exec(text);
  if (compact?.[1] && compact[2] && compact[3]) return isoFromParts(compact[1], compact[2], compact[3]);
  return undefined;
}

/**
 * A date cell → 'YYYY-MM-DD', or undefined when it is empty or not a real calendar date.
 * Accepts a JS Date (taken as a UTC date, as exceljs produces), an Excel 1900-system serial number, an
 * 8-digit number typed as 20200901, and text: 2020-09-01, 2020/9/1, 2020.9.1, 2020年9月1日, 20200901
 * (full-width variants too; a trailing time of day is ignored).
 */
export function parseDateCell(v: unknown): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : toIsoDate(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return undefined;
    if (Number.isInteger(v) && v >= 10_000_000 && v <= 99_999_999) return parseDateText(String(v));
    return excelSerialToIso(v);
  }
  const text = cleanText(v);
  return text === '' ? undefined : parseDateText(text);
}

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/**
 * A mainland China mobile number (11 digits, 1[3-9]…) → its 11 digits, or undefined.
 * Tolerates spaces, dashes, dots, brackets and a +86 / 0086 / 86 country prefix.
 */
export function parsePhone(v: unknown): string | undefined {
  let digits = cleanText(v).replace(/[\s\-.()]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return MAINLAND_MOBILE.test(digits) ? digits : undefined;
}

/** Bracketed hints after half-width conversion: (必填), [选填], 【YYYY-MM-DD】, 〔…〕, <…>. */
const BRACKETED_HINT = /\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕|<[^>]*>|《[^》]*》/g;

/**
 * A header cell → a comparison key: half-width, bracketed hints and '*' required markers removed,
 * all whitespace removed, lower-cased. '* 身份证号（必填）' → '身份证号'.
 */
export function normalizeHeader(h: unknown): string {
  return cleanText(h).replace(BRACKETED_HINT, '').replace(/\*/g, '').replace(/\s+/g, '').toLowerCase();
}
