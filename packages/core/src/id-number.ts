/**
 * Citizen identity numbers (公民身份号码) per GB 11643-1999: 6-digit address code (GB/T 2260), 8-digit
 * birth date, 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
import type { Gender } from './codes';
import { isValidIsoDate, todayInShanghai } from './dates';
import { toHalfWidth } from './normalize';

export interface IdNumberInfo {
  /** 18 characters, check character upper-case. */
  idNumber: string;
  regionCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: Gender;
}

export type IdNumberRule =
  | 'GB11643.LENGTH'
  | 'GB11643.LEGACY_15'
  | 'GB11643.CHARSET'
  | 'GB11643.REGION'
  | 'GB11643.BIRTHDATE'
  | 'GB11643.CHECKSUM';

export type ParseIdNumberResult =
  | { ok: true; value: IdNumberInfo }
  | { ok: false; rule: IdNumberRule; message: string };

/**
 * Province-level codes of GB/T 2260, plus 83 (台湾居民居住证, issued since 2018 with the 830000 prefix,
 * alongside 810000/820000 for Hong Kong and Macao residents).
 */
export const PROVINCE_CODES: readonly string[] = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
];

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

export function isValidProvinceCode(code: string): boolean {
  return PROVINCE_CODES.includes(code);
}

function fail(rule: IdNumberRule, message: string): ParseIdNumberResult {
  return { ok: false, rule, message };
}

/**
 * Parse and validate an 18-character ID number. Full-width characters and spaces are tolerated and a
 * lower-case x check character is normalised to X. `today` (YYYY-MM-DD, default: today in Asia/Shanghai)
 * bounds the birth date.
 */
export function parseIdNumber(raw: string, options: { today?: string } = {}): ParseIdNumberResult {
  const id = toHalfWidth(raw).replace(/\s+/g, '').toUpperCase();
  if (/^\d{15}$/.test(id)) {
    return fail('GB11643.LEGACY_15', '不支持 15 位旧身份证号，请填写 18 位身份证号');
  }
  if (id.length !== 18) {
    return fail('GB11643.LENGTH', `身份证号应为 18 位，实为 ${id.length} 位`);
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return fail('GB11643.CHARSET', '身份证号前 17 位应为数字，最后一位应为数字或 X');
  }
  const regionCode = id.slice(0, 6);
  if (!isValidProvinceCode(id.slice(0, 2))) {
    return fail(
      'GB11643.REGION',
      `身份证号地址码 ${regionCode} 的前两位 ${id.slice(0, 2)} 不是有效的省级行政区划代码`,
    );
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isValidIsoDate(birthDate)) {
    return fail('GB11643.BIRTHDATE', `身份证号中的出生日期 ${id.slice(6, 14)} 不是有效日期`);
  }
  const today = options.today ?? todayInShanghai(new Date());
  if (birthDate < EARLIEST_BIRTH_DATE) {
    return fail('GB11643.BIRTHDATE', `身份证号中的出生日期 ${birthDate} 早于 1900 年`);
  }
  if (birthDate > today) {
    return fail('GB11643.BIRTHDATE', `身份证号中的出生日期 ${birthDate} 晚于今天`);
  }
  const expected = idCheckChar(id.slice(0, 17));
  const actual = id.charAt(17);
  if (expected !== actual) {
    return fail('GB11643.CHECKSUM', `身份证号校验位错误：应为 ${expected}，实为 ${actual}`);
  }
  const gender: Gender = Number(id.charAt(16)) % 2 === 1 ? 'M' : 'F';
  return { ok: true, value: { idNumber: id, regionCode, birthDate, gender } };
}

/**
 * Build a valid ID number: 6-digit region code, birth date YYYY-MM-DD and a 3-digit sequence (odd = male).
 * For the demo data generator and tests; throws on malformed input.
 */
export function makeIdNumber(region6: string, birthDate: string, seq3: string | number): string {
  const seq = String(seq3).padStart(3, '0');
  if (!/^\d{6}$/.test(region6)) throw new RangeError(`region code must be 6 digits: ${region6}`);
  if (!isValidIsoDate(birthDate)) throw new RangeError(`birth date must be YYYY-MM-DD: ${birthDate}`);
  if (!/^\d{3}$/.test(seq)) throw new RangeError(`sequence must be 3 digits: ${seq3}`);
  const first17 = `${region6}${birthDate.replaceAll('-', '')}${seq}`;
  return first17 + idCheckChar(first17);
}

function maskMiddle(s: string, keepStart: number, keepEnd: number): string {
  const chars = [...s];
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length);
  return (
    chars.slice(0, keepStart).join('') +
    '*'.repeat(chars.length - keepStart - keepEnd) +
    chars.slice(chars.length - keepEnd).join('')
  );
}

/**
 * First 4 characters (province and city) and the last one kept: '4418*************X'. Inputs of 5 characters or
 * fewer are fully masked. The sequence digits stay hidden because a masked number is shown beside the birth date
 * and the gender: with the last four kept as well, only the county digits were unknown, and the county's own code
 * together with the check character gave the full number back (a role without `teacher.reveal_id` could rebuild
 * 19 of 20). Now about 45 numbers fit what a list shows.
 */
export function maskIdNumber(id: string): string {
  return maskMiddle(id, 4, 1);
}

/** '13812345678' → '138****5678'. Inputs of 7 characters or fewer are fully masked. */
export function maskPhone(phone: string): string {
  return maskMiddle(phone, 3, 4);
}

export interface CrossCheckMismatch {
  rule: 'GB11643.CROSSCHECK';
  field: 'birthDate' | 'gender';
  stated: string;
  fromIdNumber: string;
  message: string;
}

const GENDER_ZH: Record<Gender, string> = { M: '男', F: '女' };

/**
 * Compare what an import row states with what the ID number encodes. Only the given fields are checked;
 * `birthDate` is YYYY-MM-DD. Mismatches come in template column order: gender, then birth date.
 */
export function crossCheckIdNumber(
  parsed: IdNumberInfo,
  stated: { birthDate?: string | undefined; gender?: Gender | undefined },
): CrossCheckMismatch[] {
  const mismatches: CrossCheckMismatch[] = [];
  if (stated.gender !== undefined && stated.gender !== parsed.gender) {
    mismatches.push({
      rule: 'GB11643.CROSSCHECK',
      field: 'gender',
      stated: stated.gender,
      fromIdNumber: parsed.gender,
      message: `性别"${GENDER_ZH[stated.gender]}"与身份证号显示的性别"${GENDER_ZH[parsed.gender]}"不一致`,
    });
  }
  if (stated.birthDate !== undefined && stated.birthDate !== parsed.birthDate) {
    mismatches.push({
      rule: 'GB11643.CROSSCHECK',
      field: 'birthDate',
      stated: stated.birthDate,
      fromIdNumber: parsed.birthDate,
      message: `出生日期 ${stated.birthDate} 与身份证号中的出生日期 ${parsed.birthDate} 不一致`,
    });
  }
  return mismatches;
}
