import { describe, expect, it } from 'vitest';
import {
  charCount,
  identifierMessage,
  identifierProblem,
  isPlainText,
  IDENTIFIER_RULES as R,
  shownValue,
  uploadFileName,
} from './identifiers';

describe('hardening: length and charset rules for identifiers users upload', () => {
  it('student ids: 1–32 of A–Z a–z 0–9 _ -, both boundaries', () => {
    expect(identifierProblem(R.studentId, 'S0-1')).toBeNull();
    expect(identifierProblem(R.studentId, '2026000100001')).toBeNull();
    expect(identifierProblem(R.studentId, 'G440101200901011234')).toBeNull();
    expect(identifierProblem(R.studentId, 'a'.repeat(32))).toBeNull();
    expect(identifierProblem(R.studentId, 'a'.repeat(33))).toBe('LENGTH');
    expect(identifierProblem(R.studentId, '9'.repeat(5000))).toBe('LENGTH');
    expect(identifierProblem(R.studentId, '')).toBe('LENGTH');
    for (const bad of ['s 1', 's\t1', '学生1', 's😀', 's.1', 'Ｓ1', "s'1", 's,1'])
      expect(identifierProblem(R.studentId, bad)).toBe('CHARSET');
  });

  it('text: any script, digits, punctuation and spaces; no control, format, private-use characters or emoji', () => {
    for (const good of [
      '七年级（3）班',
      '初三(1)班',
      '清远市第一中学',
      'Class 3B',
      '阿依古丽·买买提',
      '№1 班',
      '100℃ 实验',
      '𠈌',
    ])
      expect(isPlainText(good)).toBe(true);
    for (const bad of [
      '1班🎉',
      '👍🏽',
      '🇨🇳',
      '1\u0007班',
      '1班\n2班',
      '\u202e班',
      '班\u200b',
      '\ue000',
      '♥\ufe0f',
      '\u{E0041}',
    ])
      expect(isPlainText(bad)).toBe(false);
  });

  it('lengths count characters, not UTF-16 units: a name of rare Han characters is not cut short', () => {
    expect(charCount('𠈌𠈌')).toBe(2);
    expect(identifierProblem(R.className, '𠈌'.repeat(30))).toBeNull();
    expect(identifierProblem(R.className, '𠈌'.repeat(31))).toBe('LENGTH');
    expect(identifierProblem(R.schoolName, '校')).toBe('LENGTH');
    expect(identifierProblem(R.schoolName, '一中')).toBeNull();
    expect(identifierProblem(R.title, '名'.repeat(200))).toBeNull();
    expect(identifierProblem(R.title, '名'.repeat(201))).toBe('LENGTH');
    expect(identifierProblem(R.username, 'ab')).toBe('LENGTH');
    expect(identifierProblem(R.username, 'qy-admin')).toBeNull();
  });

  it('a refused value is shown cut to 40 characters with its length, control characters made visible', () => {
    expect(shownValue('abc')).toBe('abc');
    expect(shownValue('x'.repeat(41))).toBe(`${'x'.repeat(40)}…（共 41 个字符）`);
    expect(shownValue('a\u0000b\nc')).toBe('a\\u0000b\\u000ac');
    expect(identifierMessage(R.studentId, 's 1', 'CHARSET')).toBe(
      '考号「s 1」含有不允许的字符；应为 1–32 个英文字母、数字、下划线 _ 或连字符 -',
    );
    expect(identifierMessage(R.className, '1班🎉', 'CHARSET')).toContain('表情符号');
  });
});

describe('hardening: uploaded file names are kept as labels, cleaned and limited', () => {
  it('drops directories, replaces control/format characters and emoji, keeps the extension within 100 characters', () => {
    expect(uploadFileName('教师名单.xlsx')).toBe('教师名单.xlsx');
    expect(uploadFileName('C:\\Users\\a\\成绩.csv')).toBe('成绩.csv');
    expect(uploadFileName('../../etc/passwd')).toBe('passwd');
    expect(uploadFileName('invoice\u202efdp.exe')).toBe('invoice_fdp.exe');
    expect(uploadFileName('成果😀.pdf')).toBe('成果_.pdf');
    expect(uploadFileName('a\u0000b.pdf')).toBe('a_b.pdf');
    const long = uploadFileName(`${'名'.repeat(300)}.docx`);
    expect([...long]).toHaveLength(100);
    expect(long.endsWith('.docx')).toBe(true);
    expect(uploadFileName(`${'x'.repeat(100)}`)).toBe('x'.repeat(100));
    for (const empty of [undefined, '', '  ', '..', '/'])
      expect(uploadFileName(empty, 'scores')).toBe('scores');
  });
});
