import { describe, expect, it } from 'vitest';
import { headerOf, IMPORT_COLUMNS, type ImportColumn, type ImportKind, matchHeaders } from './import-columns';
import { normalizeHeader } from './normalize';

const kinds: ImportKind[] = ['schools', 'teachers'];

describe('column definitions', () => {
  it.each(kinds)('%s: keys are unique and no header or alias belongs to two columns', (kind) => {
    const columns: ImportColumn[] = IMPORT_COLUMNS[kind];
    expect(new Set(columns.map((c) => c.key)).size).toBe(columns.length);
    const owner = new Map<string, string>();
    for (const column of columns) {
      for (const name of [column.header, column.headerEn, ...column.aliases]) {
        const key = normalizeHeader(name);
        const previous = owner.get(key);
        expect(
          previous === undefined || previous === column.key,
          `"${name}": ${previous} / ${column.key}`,
        ).toBe(true);
        owner.set(key, column.key);
      }
    }
  });

  it.each(kinds)('%s: every column has a Chinese header, an example and a note', (kind) => {
    const columns: ImportColumn[] = IMPORT_COLUMNS[kind];
    for (const column of columns) {
      expect(column.header).toMatch(/\p{Script=Han}/u);
      expect(column.example).not.toBe('');
      expect(column.note).not.toBe('');
    }
  });

  it('lists the school and teacher columns in template order', () => {
    expect(IMPORT_COLUMNS.schools.map((c) => c.header)).toEqual([
      '学校标识码',
      '学校名称',
      '所属区县代码',
      '所属乡镇/街道',
      '办学类型',
      '学段',
      '城乡类型',
      '学区/集团',
    ]);
    expect(IMPORT_COLUMNS.teachers.map((c) => c.key)).toEqual([
      'idNumber',
      'name',
      'gender',
      'birthDate',
      'phone',
      'schoolCode',
      'stage',
      'subject',
      'title',
      'backbone',
      'teachingStartDate',
      'trainingStartYear',
      'roles',
      'status',
    ]);
  });

  it('optional teacher columns are the ones the template marks optional', () => {
    expect(IMPORT_COLUMNS.teachers.filter((c) => !c.required).map((c) => c.key)).toEqual([
      'gender',
      'birthDate',
      'phone',
      'backbone',
      'trainingStartYear',
      'roles',
      'status',
    ]);
    expect(IMPORT_COLUMNS.schools.filter((c) => !c.required).map((c) => c.key)).toEqual([
      'township',
      'group',
    ]);
  });

  it('headerOf gives the template header', () => {
    expect(headerOf('teachers', 'idNumber')).toBe('身份证号');
    expect(headerOf('schools', 'township')).toBe('所属乡镇/街道');
  });
});

describe('matchHeaders', () => {
  it('matches the template headers exactly, with nothing missing', () => {
    const headers = IMPORT_COLUMNS.teachers.map((c) => c.header);
    const result = matchHeaders('teachers', headers);
    expect([...result.mapping.values()]).toEqual(IMPORT_COLUMNS.teachers.map((c) => c.key));
    expect(result.missing).toEqual([]);
    expect(result.unknown).toEqual([]);
    expect(result.duplicated).toEqual([]);
  });

  it('matches aliases, required markers, bracketed hints and English headers', () => {
    const result = matchHeaders('teachers', [
      '* 身份证号码（必填）',
      '证件号码',
      '手机号码',
      '联系电话',
      '学校代码',
      'Name',
      'ID number',
    ]);
    expect(result.mapping).toEqual(
      new Map([
        [0, 'idNumber'],
        [2, 'phone'],
        [4, 'schoolCode'],
        [5, 'name'],
      ]),
    );
    expect(result.duplicated).toEqual(['证件号码', '联系电话', 'ID number']);
  });

  it.each([
    ['身份证', 'idNumber'],
    ['身份证号码', 'idNumber'],
    ['证件号码', 'idNumber'],
    ['ID number', 'idNumber'],
    ['手机', 'phone'],
    ['联系电话', 'phone'],
    ['手机号码', 'phone'],
    ['学校代码', 'schoolCode'],
    ['参加工作时间', 'teachingStartDate'],
    ['任教起始日期(YYYY-MM-DD)', 'teachingStartDate'],
  ])('teachers: "%s" → %s', (header, key) => {
    expect(matchHeaders('teachers', [header]).mapping.get(0)).toBe(key);
  });

  it('reports required columns that are missing, but not optional ones', () => {
    const result = matchHeaders('schools', ['学校名称', '学校标识码']);
    expect(result.missing.map((c) => c.key)).toEqual(['countyCode', 'schoolType', 'stages', 'locationType']);
  });

  it('reports unknown headers as written and skips empty header cells', () => {
    const result = matchHeaders('schools', ['学校名称', '', null, ' 备注 ', undefined, '校长']);
    expect(result.unknown).toEqual(['备注', '校长']);
    expect(result.mapping).toEqual(new Map([[0, 'name']]));
  });

  it('the same header means different columns in the two kinds', () => {
    expect(matchHeaders('schools', ['学段']).mapping.get(0)).toBe('stages');
    expect(matchHeaders('teachers', ['学段']).mapping.get(0)).toBe('stage');
  });
});
