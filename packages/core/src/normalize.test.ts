import { describe, expect, it } from 'vitest';
import { cellText, cleanText, normalizeHeader, parseDateCell, parsePhone, toHalfWidth } from './normalize';

describe('toHalfWidth', () => {
  it('converts full-width digits, letters and punctuation, and the ideographic space', () => {
    expect(toHalfWidth('０１２３４５６７８９')).toBe('0123456789');
    expect(toHalfWidth('ＡＢＣｘｙｚ')).toBe('ABCxyz');
    expect(toHalfWidth('（必填）：，；！～')).toBe('(必填):,;!~');
    expect(toHalfWidth('张\u3000三')).toBe('张 三');
  });

  it('leaves CJK characters, half-width text and CJK punctuation outside U+FF01–FF5E alone', () => {
    expect(toHalfWidth('语文、数学。abc 123')).toBe('语文、数学。abc 123');
  });
});

describe('cleanText', () => {
  it("returns '' for null, undefined and whitespace-only cells", () => {
    expect(cleanText(null)).toBe('');
    expect(cleanText(undefined)).toBe('');
    expect(cleanText(' \u00A0\u3000\t ')).toBe('');
  });

  it('trims and collapses inner runs of whitespace including NBSP and line breaks', () => {
    expect(cleanText('  张\u00A0\u00A0 三\n ')).toBe('张 三');
    expect(cleanText('a\t\tb')).toBe('a b');
  });

  it('removes zero-width characters and the BOM entirely', () => {
    expect(cleanText('\uFEFF张\u200B三\u200D')).toBe('张三');
  });

  it('converts to half-width', () => {
    expect(cleanText('　１２３　')).toBe('123');
  });

  it('writes numbers and booleans out, and a Date as its UTC calendar date', () => {
    expect(cleanText(2144012345)).toBe('2144012345');
    expect(cleanText(true)).toBe('true');
    expect(cleanText(new Date(Date.UTC(2020, 8, 1)))).toBe('2020-09-01');
  });

  it('reads exceljs rich text, hyperlink and formula result objects', () => {
    expect(cleanText({ richText: [{ text: '张' }, { text: '三' }] })).toBe('张三');
    expect(cleanText({ text: 'a@b.cn', hyperlink: 'mailto:a@b.cn' })).toBe('a@b.cn');
    expect(cleanText({ formula: 'A1', result: 42 })).toBe('42');
    expect(cleanText({ error: '#N/A' })).toBe('');
  });

  it('cellText keeps what the user wrote apart from trimming', () => {
    expect(cellText(' 班主任，教研组长 ')).toBe('班主任，教研组长');
    expect(cellText(null)).toBe('');
  });
});

describe('parseDateCell', () => {
  it('DATE.EXCEL_SERIAL: serial 59 is 1900-02-28, 60 (the phantom 1900-02-29) is invalid, 61 is 1900-03-01', () => {
    expect(parseDateCell(59)).toBe('1900-02-28');
    expect(parseDateCell(60)).toBeUndefined();
    expect(parseDateCell(61)).toBe('1900-03-01');
  });

  it('DATE.EXCEL_SERIAL: 1 is 1900-01-01, 45000 is 2023-03-15, a time fraction is dropped', () => {
    expect(parseDateCell(1)).toBe('1900-01-01');
    expect(parseDateCell(45000)).toBe('2023-03-15');
    expect(parseDateCell(45000.75)).toBe('2023-03-15');
  });

  it('DATE.EXCEL_SERIAL: 0, negatives, NaN and serials past 9999-12-31 are invalid', () => {
    expect(parseDateCell(0)).toBeUndefined();
    expect(parseDateCell(-1)).toBeUndefined();
    expect(parseDateCell(Number.NaN)).toBeUndefined();
    expect(parseDateCell(2958465)).toBe('9999-12-31');
    expect(parseDateCell(2958466)).toBeUndefined();
  });

  it('an 8-digit number is read as YYYYMMDD', () => {
    expect(parseDateCell(20200901)).toBe('2020-09-01');
    expect(parseDateCell(20200231)).toBeUndefined();
  });

  it('a JS Date is taken as a UTC calendar date; an invalid Date is rejected', () => {
    expect(parseDateCell(new Date(Date.UTC(2020, 8, 1)))).toBe('2020-09-01');
    expect(parseDateCell(new Date(Date.UTC(2020, 8, 1, 23, 59)))).toBe('2020-09-01');
    expect(parseDateCell(new Date(Number.NaN))).toBeUndefined();
  });

  it.each([
    ['2020-09-01', '2020-09-01'],
    ['2020/9/1', '2020-09-01'],
    ['2020.9.1', '2020-09-01'],
    ['2020年9月1日', '2020-09-01'],
    ['2020年09月01', '2020-09-01'],
    ['20200901', '2020-09-01'],
    ['２０２０－０９－０１', '2020-09-01'],
    ['２０２０年９月１日', '2020-09-01'],
    [' 2020/09/01 ', '2020-09-01'],
    ['2020-09-01 00:00:00', '2020-09-01'],
    ['2020-09-01T08:30:00Z', '2020-09-01'],
  ])('accepts the text %s', (input, expected) => {
    expect(parseDateCell(input)).toBe(expected);
  });

  it.each([
    ['2023-02-29'],
    ['2020-13-01'],
    ['2020-04-31'],
    ['2020-00-10'],
    ['20201301'],
    ['2020/9-1'],
    ['20-9-1'],
    ['九月一日'],
    ['abc'],
    [''],
  ])('DATE.INVALID: rejects %j', (input) => {
    expect(parseDateCell(input)).toBeUndefined();
  });

  it('29 February is accepted in a leap year and rejected in a common year', () => {
    expect(parseDateCell('2024-02-29')).toBe('2024-02-29');
    expect(parseDateCell('2023-02-29')).toBeUndefined();
    expect(parseDateCell('2000/2/29')).toBe('2000-02-29');
    expect(parseDateCell('1900/2/29')).toBeUndefined();
  });

  it('returns undefined for empty and non-date cells', () => {
    expect(parseDateCell(null)).toBeUndefined();
    expect(parseDateCell(undefined)).toBeUndefined();
    expect(parseDateCell(true)).toBeUndefined();
  });
});

describe('parsePhone', () => {
  it('PHONE.INVALID: accepts 11-digit mobiles starting 13–19, rejects 10 and 12', () => {
    expect(parsePhone('13812345678')).toBe('13812345678');
    expect(parsePhone('19912345678')).toBe('19912345678');
    expect(parsePhone('12812345678')).toBeUndefined();
    expect(parsePhone('10812345678')).toBeUndefined();
    expect(parsePhone('1381234567')).toBeUndefined();
    expect(parsePhone('138123456789')).toBeUndefined();
  });

  it('tolerates spaces, dashes, full-width digits and +86 / 0086 / 86 prefixes', () => {
    expect(parsePhone('138 1234 5678')).toBe('13812345678');
    expect(parsePhone('138-1234-5678')).toBe('13812345678');
    expect(parsePhone('+86 138 1234 5678')).toBe('13812345678');
    expect(parsePhone('+86-13812345678')).toBe('13812345678');
    expect(parsePhone('008613812345678')).toBe('13812345678');
    expect(parsePhone('8613812345678')).toBe('13812345678');
    expect(parsePhone('１３８１２３４５６７８')).toBe('13812345678');
  });

  it('accepts a number cell and rejects landlines and empty cells', () => {
    expect(parsePhone(13812345678)).toBe('13812345678');
    expect(parsePhone('0753-2212345')).toBeUndefined();
    expect(parsePhone('')).toBeUndefined();
    expect(parsePhone(null)).toBeUndefined();
  });
});

describe('normalizeHeader', () => {
  it('strips required markers, bracketed hints and whitespace, and lower-cases', () => {
    expect(normalizeHeader('* 身份证号（必填）')).toBe('身份证号');
    expect(normalizeHeader('＊身份证号')).toBe('身份证号');
    expect(normalizeHeader('出生日期(YYYY-MM-DD)')).toBe('出生日期');
    expect(normalizeHeader('出生日期【格式：2020-09-01】')).toBe('出生日期');
    expect(normalizeHeader('学 段 [可多选]')).toBe('学段');
    expect(normalizeHeader('ID Number')).toBe('idnumber');
    expect(normalizeHeader('  所属乡镇/街道 ')).toBe('所属乡镇/街道');
  });

  it("returns '' for empty header cells", () => {
    expect(normalizeHeader(null)).toBe('');
    expect(normalizeHeader('*')).toBe('');
  });
});
