import { describe, expect, it } from 'vitest';
import { makeIdNumber } from './id-number';
import { matchHeaders } from './import-columns';
import {
  allowedValuesText,
  cellsByKey,
  isBlankRow,
  normalizePersonName,
  type RowError,
  validateSchoolRow,
  validateTeacherRow,
} from './row-validation';

const TODAY = '2024-06-15';
const BIRTH = '1985-07-09';
const ID = makeIdNumber('441402', BIRTH, '123'); // 17th digit 3: male

function teacherCells(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    idNumber: ID,
    name: '张三',
    gender: '男',
    birthDate: BIRTH,
    phone: '13812345678',
    schoolCode: '2144012345',
    stage: '小学',
    subject: '数学',
    title: '一级教师',
    backbone: '县级骨干教师',
    teachingStartDate: '2008-09-01',
    trainingStartYear: '2018',
    roles: '班主任、教研组长',
    status: '在职',
    ...overrides,
  };
}

function teacher(overrides: Record<string, unknown> = {}) {
  return validateTeacherRow(teacherCells(overrides), 7, { today: TODAY });
}

function rules(errors: RowError[]): string[] {
  return errors.map((e) => e.rule);
}

function teacherRules(overrides: Record<string, unknown>): string[] {
  return rules(teacher(overrides).errors);
}

describe('validateTeacherRow', () => {
  it('normalises a valid row to codes and ISO dates', () => {
    expect(teacher()).toEqual({
      value: {
        idNumber: ID,
        name: '张三',
        gender: 'M',
        birthDate: BIRTH,
        phone: '13812345678',
        schoolCode: '2144012345',
        stage: 'primary',
        subject: 'math',
        title: 'first',
        backbone: 'county',
        teachingStartDate: '2008-09-01',
        trainingStartYear: 2018,
        roles: ['homeroom', 'subject_lead'],
        status: 'active',
      },
      errors: [],
    });
  });

  it('optional columns may be empty: gender and birth date come from the ID, status defaults to active', () => {
    const result = teacher({
      gender: '',
      birthDate: undefined,
      phone: null,
      backbone: ' ',
      trainingStartYear: '',
      roles: '',
      status: '',
    });
    expect(result.errors).toEqual([]);
    expect(result.value).toMatchObject({
      gender: 'M',
      birthDate: BIRTH,
      phone: null,
      backbone: null,
      trainingStartYear: null,
      roles: [],
      status: 'active',
    });
  });

  it('accepts Excel-typed cells: Date objects, serial numbers and a numeric school code', () => {
    const result = teacher({
      birthDate: new Date(Date.UTC(1985, 6, 9)),
      teachingStartDate: 39692, // 2008-09-01
      schoolCode: 2144012345,
      phone: 13812345678,
    });
    expect(result.errors).toEqual([]);
    expect(result.value?.teachingStartDate).toBe('2008-09-01');
    expect(result.value?.schoolCode).toBe('2144012345');
  });

  it('REQUIRED: every empty required column is reported with its Chinese header', () => {
    const result = validateTeacherRow({}, 3, { today: TODAY });
    expect(result.value).toBeUndefined();
    expect(result.errors.map((e) => [e.column, e.rule])).toEqual([
      ['身份证号', 'REQUIRED'],
      ['姓名', 'REQUIRED'],
      ['学校标识码', 'REQUIRED'],
      ['任教学段', 'REQUIRED'],
      ['任教学科', 'REQUIRED'],
      ['职称', 'REQUIRED'],
      ['任教起始日期', 'REQUIRED'],
    ]);
    expect(result.errors[0]).toEqual({
      row: 3,
      column: '身份证号',
      value: '',
      rule: 'REQUIRED',
      message: '身份证号为必填项',
    });
  });

  it('collects all errors of a row, each with row, column, raw value, rule and message', () => {
    const result = teacher({
      idNumber: `${ID.slice(0, 17)}0`,
      subject: '数术',
      phone: '12345',
      roles: '班主任，x',
    });
    expect(result.value).toBeUndefined();
    expect(rules(result.errors)).toEqual([
      'GB11643.CHECKSUM',
      'PHONE.INVALID',
      'CODE.UNKNOWN_SUBJECT',
      'CODE.UNKNOWN_ROLE',
    ]);
    const roleError = result.errors[3];
    expect(roleError).toMatchObject({ row: 7, column: '岗位职务', value: '班主任，x' });
    expect(roleError?.message).toContain('"x"');
  });

  it('GB11643.CHECKSUM: the valid ID passes, the same ID with a wrong check digit fails', () => {
    const wrong = ID.endsWith('0') ? `${ID.slice(0, 17)}1` : `${ID.slice(0, 17)}0`;
    expect(teacherRules({ idNumber: ID })).toEqual([]);
    expect(teacherRules({ idNumber: wrong })).toEqual(['GB11643.CHECKSUM']);
  });

  it('GB11643.CHECKSUM: the well-known example passes with X or x', () => {
    const example = {
      idNumber: '11010519491231002X',
      gender: '女',
      birthDate: '1949-12-31',
      teachingStartDate: '1970-09-01',
    };
    expect(teacherRules(example)).toEqual([]);
    expect(teacher({ ...example, idNumber: '11010519491231002x' }).value?.idNumber).toBe(
      '11010519491231002X',
    );
  });

  it('GB11643.NUMERIC_CELL: an ID number Excel stored as a number is rejected', () => {
    // 441402198507091230 typed into a General-format cell: Excel keeps 15 significant digits.
    expect(teacherRules({ idNumber: 441402198507091200 })).toEqual(['GB11643.NUMERIC_CELL']);
  });

  it('GB11643.LENGTH / GB11643.LEGACY_15 / GB11643.BIRTHDATE come through from parseIdNumber', () => {
    expect(teacherRules({ idNumber: ID.slice(0, 17) })).toEqual(['GB11643.LENGTH']);
    expect(teacherRules({ idNumber: '441402850709123' })).toEqual(['GB11643.LEGACY_15']);
    const bornTomorrow = makeIdNumber('441402', '2024-06-16', '123');
    expect(teacherRules({ idNumber: bornTomorrow, birthDate: '' })).toEqual(['GB11643.BIRTHDATE']);
  });

  it('GB11643.CROSSCHECK: a stated gender or birth date that disagrees with the ID is reported', () => {
    const result = teacher({ gender: '女', birthDate: '1985-07-10' });
    expect(result.errors.map((e) => [e.column, e.rule])).toEqual([
      ['性别', 'GB11643.CROSSCHECK'],
      ['出生日期', 'GB11643.CROSSCHECK'],
    ]);
    expect(teacherRules({ gender: 'M', birthDate: '1985/7/9' })).toEqual([]);
  });

  it('CODE.UNKNOWN_GENDER and DATE.INVALID for unreadable optional cells', () => {
    expect(teacherRules({ gender: '未知' })).toEqual(['CODE.UNKNOWN_GENDER']);
    expect(teacherRules({ birthDate: '1985-02-30' })).toEqual(['DATE.INVALID']);
  });

  it('NAME.LENGTH: 2 and 20 characters pass, 1 and 21 fail', () => {
    expect(teacherRules({ name: '张三' })).toEqual([]);
    expect(teacherRules({ name: '张' })).toEqual(['NAME.LENGTH']);
    expect(teacherRules({ name: '张'.repeat(20) })).toEqual([]);
    expect(teacherRules({ name: '张'.repeat(21) })).toEqual(['NAME.LENGTH']);
  });

  it('NAME.CHARSET: digits and punctuation fail; minority names with a middle dot and Latin names pass', () => {
    expect(teacherRules({ name: '张三2' })).toEqual(['NAME.CHARSET']);
    expect(teacherRules({ name: '张三!' })).toEqual(['NAME.CHARSET']);
    expect(teacherRules({ name: '·张三' })).toEqual(['NAME.CHARSET']);
    expect(teacherRules({ name: '阿依古丽··买买提' })).toEqual(['NAME.CHARSET']);
    expect(teacher({ name: '阿依古丽•买买提' }).value?.name).toBe('阿依古丽·买买提');
    expect(teacher({ name: 'John Smith' }).value?.name).toBe('John Smith');
  });

  it('names padded for alignment lose the spaces between Han characters', () => {
    expect(normalizePersonName('王　 五')).toBe('王五');
    expect(normalizePersonName(' 阿依古丽 · 买买提 ')).toBe('阿依古丽·买买提');
    expect(teacher({ name: '王  五' }).value?.name).toBe('王五');
  });

  it('PHONE.INVALID: a bad mobile fails, an empty one is allowed, a formatted one is normalised', () => {
    expect(teacherRules({ phone: '1381234567' })).toEqual(['PHONE.INVALID']);
    expect(teacherRules({ phone: '' })).toEqual([]);
    expect(teacher({ phone: '+86 138-1234-5678' }).value?.phone).toBe('13812345678');
  });

  it('SCHOOL_CODE.FORMAT: 10 digits pass, 9 and 11 digits and letters fail', () => {
    expect(teacherRules({ schoolCode: '2144012345' })).toEqual([]);
    expect(teacherRules({ schoolCode: '214401234' })).toEqual(['SCHOOL_CODE.FORMAT']);
    expect(teacherRules({ schoolCode: '21440123456' })).toEqual(['SCHOOL_CODE.FORMAT']);
    expect(teacherRules({ schoolCode: '21440A2345' })).toEqual(['SCHOOL_CODE.FORMAT']);
  });

  it('CODE.UNKNOWN_STAGE / _SUBJECT / _TITLE / _BACKBONE / _STATUS name the allowed values', () => {
    const result = teacher({
      stage: '大学',
      subject: '数术',
      title: '教授',
      backbone: '国家级',
      status: '失踪',
    });
    expect(rules(result.errors)).toEqual([
      'CODE.UNKNOWN_STAGE',
      'CODE.UNKNOWN_SUBJECT',
      'CODE.UNKNOWN_TITLE',
      'CODE.UNKNOWN_BACKBONE',
      'CODE.UNKNOWN_STATUS',
    ]);
    expect(result.errors[0]?.message).toBe(
      '任教学段"大学"无法识别，应填：学前教育、小学、初中、高中、中等职业教育、特殊教育',
    );
  });

  it('old titles, aliases and English names are accepted and stored as codes', () => {
    const value = teacher({
      title: '小学高级',
      subject: '思想政治',
      stage: 'Junior High',
      status: '病假',
    }).value;
    expect(value).toMatchObject({ title: 'first', subject: 'ethics', stage: 'junior', status: 'on_leave' });
  });

  it('roles accept several separators and collapse duplicates', () => {
    expect(teacher({ roles: '班主任，教研组长;班主任；年级组长' }).value?.roles).toEqual([
      'homeroom',
      'subject_lead',
      'grade_lead',
    ]);
  });

  it('TEACHING_START.BEFORE_AGE_16: the 16th birthday passes, the day before fails', () => {
    expect(teacherRules({ teachingStartDate: '2001-07-09' })).toEqual([]);
    expect(teacherRules({ teachingStartDate: '2001-07-08' })).toEqual(['TEACHING_START.BEFORE_AGE_16']);
  });

  it('TEACHING_START.IN_FUTURE: today passes, tomorrow fails', () => {
    expect(teacherRules({ teachingStartDate: TODAY })).toEqual([]);
    expect(teacherRules({ teachingStartDate: '2024-06-16' })).toEqual(['TEACHING_START.IN_FUTURE']);
  });

  it('DATE.INVALID: an unreadable teaching start date', () => {
    expect(teacherRules({ teachingStartDate: '2008-13-01' })).toEqual(['DATE.INVALID']);
    expect(teacherRules({ teachingStartDate: '去年' })).toEqual(['DATE.INVALID']);
  });

  it('trainingStartYear accepts a year as text or number, or a date', () => {
    expect(teacher({ trainingStartYear: 2018 }).value?.trainingStartYear).toBe(2018);
    expect(teacher({ trainingStartYear: '2018年' }).value?.trainingStartYear).toBe(2018);
    expect(teacher({ trainingStartYear: '2018-03-01' }).value?.trainingStartYear).toBe(2018);
    expect(teacher({ trainingStartYear: 43160 }).value?.trainingStartYear).toBe(2018); // 2018-03-01
  });

  it('TRAINING_START.INVALID / IN_FUTURE / BEFORE_AGE_16 at their boundaries', () => {
    expect(teacherRules({ trainingStartYear: '十八年' })).toEqual(['TRAINING_START.INVALID']);
    expect(teacherRules({ trainingStartYear: '2024' })).toEqual([]);
    expect(teacherRules({ trainingStartYear: '2025' })).toEqual(['TRAINING_START.IN_FUTURE']);
    expect(teacherRules({ trainingStartYear: '2001' })).toEqual([]);
    expect(teacherRules({ trainingStartYear: '2000' })).toEqual(['TRAINING_START.BEFORE_AGE_16']);
  });

  it('throws when today is not a date', () => {
    expect(() => validateTeacherRow(teacherCells(), 1, { today: '2024/06/15' })).toThrow(RangeError);
  });
});

function schoolCells(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schoolCode: '2144012345',
    name: '梅州市梅江区第一小学',
    countyCode: '441402',
    township: '金山街道',
    schoolType: '小学',
    stages: '小学',
    locationType: '城区',
    group: '梅江区第一教育集团',
    ...overrides,
  };
}

function schoolRules(overrides: Record<string, unknown>): string[] {
  return rules(validateSchoolRow(schoolCells(overrides), 2).errors);
}

describe('validateSchoolRow', () => {
  it('normalises a valid row', () => {
    expect(validateSchoolRow(schoolCells(), 2)).toEqual({
      value: {
        schoolCode: '2144012345',
        name: '梅州市梅江区第一小学',
        countyCode: '441402',
        townshipCode: null,
        townshipName: '金山街道',
        schoolType: '211',
        stages: ['primary'],
        locationType: 'urban',
        group: '梅江区第一教育集团',
      },
      errors: [],
    });
  });

  it('REQUIRED: all empty required columns are reported; township and group are optional', () => {
    const result = validateSchoolRow({}, 5);
    expect(result.errors.map((e) => [e.column, e.rule])).toEqual([
      ['学校标识码', 'REQUIRED'],
      ['学校名称', 'REQUIRED'],
      ['所属区县代码', 'REQUIRED'],
      ['办学类型', 'REQUIRED'],
      ['学段', 'REQUIRED'],
      ['城乡类型', 'REQUIRED'],
    ]);
    const value = validateSchoolRow(schoolCells({ township: '', group: null }), 5).value;
    expect(value).toMatchObject({ townshipCode: null, townshipName: null, group: null });
  });

  it('stages accept several values with 、,， and ;', () => {
    const value = validateSchoolRow(
      schoolCells({ schoolType: '九年一贯制学校', stages: '小学、初中' }),
      2,
    ).value;
    expect(value?.stages).toEqual(['primary', 'junior']);
    expect(validateSchoolRow(schoolCells({ stages: '小学，初中;高中,小学' }), 2).value?.stages).toEqual([
      'primary',
      'junior',
      'senior',
    ]);
  });

  it('CODE.UNKNOWN_STAGE: one unknown stage among several is reported by name', () => {
    const result = validateSchoolRow(schoolCells({ stages: '小学、大学' }), 2);
    expect(rules(result.errors)).toEqual(['CODE.UNKNOWN_STAGE']);
    expect(result.errors[0]?.message).toContain('"大学"');
  });

  it('CODE.UNKNOWN_SCHOOL_TYPE and CODE.UNKNOWN_LOCATION_TYPE', () => {
    expect(schoolRules({ schoolType: '大学', locationType: '郊区' })).toEqual([
      'CODE.UNKNOWN_SCHOOL_TYPE',
      'CODE.UNKNOWN_LOCATION_TYPE',
    ]);
  });

  it('SCHOOL_CODE.FORMAT: 9 digits fail, 10 pass', () => {
    expect(schoolRules({ schoolCode: '214401234' })).toEqual(['SCHOOL_CODE.FORMAT']);
    expect(schoolRules({ schoolCode: 2144012345 })).toEqual([]);
  });

  it('SCHOOL_NAME.LENGTH: 2 and 60 characters pass, 1 and 61 fail', () => {
    expect(schoolRules({ name: '一小' })).toEqual([]);
    expect(schoolRules({ name: '校' })).toEqual(['SCHOOL_NAME.LENGTH']);
    expect(schoolRules({ name: '校'.repeat(60) })).toEqual([]);
    expect(schoolRules({ name: '校'.repeat(61) })).toEqual(['SCHOOL_NAME.LENGTH']);
  });

  it('COUNTY_CODE.FORMAT / COUNTY_CODE.REGION', () => {
    expect(schoolRules({ countyCode: '44140' })).toEqual(['COUNTY_CODE.FORMAT']);
    expect(schoolRules({ countyCode: '4414021' })).toEqual(['COUNTY_CODE.FORMAT']);
    expect(schoolRules({ countyCode: '991402' })).toEqual(['COUNTY_CODE.REGION']);
    expect(schoolRules({ countyCode: '440000' })).toEqual(['COUNTY_CODE.REGION']);
    expect(schoolRules({ countyCode: '441900' })).toEqual([]); // 东莞市: a prefecture city without counties
    expect(schoolRules({ countyCode: 441402 })).toEqual([]);
  });

  it('TOWNSHIP.FORMAT / TOWNSHIP.COUNTY_MISMATCH: a 9-digit code in the county passes', () => {
    expect(validateSchoolRow(schoolCells({ township: '441402001' }), 2).value).toMatchObject({
      townshipCode: '441402001',
      townshipName: null,
    });
    expect(schoolRules({ township: '44140200' })).toEqual(['TOWNSHIP.FORMAT']);
    expect(schoolRules({ township: '4414020011' })).toEqual(['TOWNSHIP.FORMAT']);
    expect(schoolRules({ township: '441403001' })).toEqual(['TOWNSHIP.COUNTY_MISMATCH']);
    expect(schoolRules({ township: '镇'.repeat(61) })).toEqual(['TOWNSHIP.FORMAT']);
  });

  it('GROUP.LENGTH: 60 characters pass, 61 fail', () => {
    expect(schoolRules({ group: '团'.repeat(60) })).toEqual([]);
    expect(schoolRules({ group: '团'.repeat(61) })).toEqual(['GROUP.LENGTH']);
  });

  it('hardening: school, township and group names refuse control characters and emoji', () => {
    expect(schoolRules({ name: '清远市第一中学（本部）' })).toEqual([]);
    expect(schoolRules({ name: '清远🏫中学' })).toEqual(['SCHOOL_NAME.CHARSET']);
    expect(schoolRules({ name: '清远\u0007中学' })).toEqual(['SCHOOL_NAME.CHARSET']);
    expect(schoolRules({ township: '东城街道😀' })).toEqual(['TOWNSHIP.CHARSET']);
    expect(schoolRules({ group: '\u202e第一教育集团' })).toEqual(['GROUP.CHARSET']);
    const bad = validateSchoolRow(schoolCells({ name: '清远🏫中学' }), 7).errors[0];
    expect(bad).toMatchObject({ row: 7, column: '学校名称', value: '清远🏫中学' });
    expect(bad?.message).toContain('表情符号');
  });

  it('hardening: a 5,000-character cell is reported cut to 40 characters with its length', () => {
    const [e] = validateSchoolRow(schoolCells({ name: '校'.repeat(5000) }), 3).errors;
    expect(e?.rule).toBe('SCHOOL_NAME.LENGTH');
    expect(e?.value).toBe(`${'校'.repeat(40)}…（共 5000 个字符）`);
    const [t] = validateTeacherRow(teacherCells({ subject: 'x'.repeat(5000) }), 4, {
      today: '2026-11-23',
    }).errors;
    expect(t?.value).toBe(`${'x'.repeat(40)}…（共 5000 个字符）`);
    expect(t?.message.length).toBeLessThan(200);
  });
});

describe('helpers', () => {
  it('cellsByKey turns a sheet row into cells by key via matchHeaders', () => {
    const { mapping } = matchHeaders('schools', ['学校名称', '备注', '学校代码']);
    expect(cellsByKey(mapping, ['一小', 'x', '2144012345'])).toEqual({
      name: '一小',
      schoolCode: '2144012345',
    });
  });

  it('isBlankRow: a row of empty and whitespace cells is blank, one value is not', () => {
    expect(isBlankRow([null, '', ' \u3000', undefined])).toBe(true);
    expect(isBlankRow({ a: '', b: null })).toBe(true);
    expect(isBlankRow([null, '0'])).toBe(false);
  });

  it('allowedValuesText lists short tables in full and long ones briefly', () => {
    expect(allowedValuesText('locationTypes')).toBe('城区、镇区、乡村');
    expect(allowedValuesText('subjects')).toMatch(
      /^语文、数学、英语、日语、俄语、物理、化学、生物等 \d+ 项$/,
    );
  });
});
