import { describe, expect, it } from 'vitest';
import {
  CODE_TABLES,
  type CodeEntry,
  type CodeTableName,
  codeName,
  lookupCode,
  normalizeCodeInput,
} from './codes';

const tableNames = Object.keys(CODE_TABLES).filter((k): k is CodeTableName => k in CODE_TABLES);

describe('code tables', () => {
  it('backbone levels, employment statuses and location types use exactly the API codes', () => {
    expect(CODE_TABLES.backboneLevels.map((e) => e.code)).toEqual([
      'school',
      'county',
      'city',
      'province',
      'leader',
      'master',
      'special',
    ]);
    expect(CODE_TABLES.employmentStatuses.map((e) => e.code)).toEqual([
      'active',
      'on_leave',
      'seconded',
      'retired',
      'left',
    ]);
    expect(CODE_TABLES.locationTypes.map((e) => e.code)).toEqual(['urban', 'town', 'rural']);
  });

  it('stage, subject and title codes fit the 8-character limit of the list filters', () => {
    for (const table of ['stages', 'subjects', 'titles'] as const) {
      for (const entry of CODE_TABLES[table]) expect(entry.code.length, entry.code).toBeLessThanOrEqual(8);
    }
  });

  it('has the required entries', () => {
    const names = (t: CodeTableName): string[] => CODE_TABLES[t].map((e: CodeEntry) => e.name);
    expect(names('stages')).toEqual(['学前教育', '小学', '初中', '高中', '中等职业教育', '特殊教育']);
    expect(names('titles')).toEqual([
      '正高级教师',
      '高级教师',
      '一级教师',
      '二级教师',
      '三级教师',
      '未定职级',
    ]);
    expect(names('subjects')).toEqual(
      expect.arrayContaining(['语文', '数学', '道德与法治', '体育与健康', '综合实践活动', '书法', '其他']),
    );
    expect(names('schoolTypes')).toHaveLength(10);
    expect(names('roles')).toContain('培训管理者');
  });

  it.each(tableNames)(
    '%s: codes are unique and no two entries share a name or alias after normalisation',
    (t) => {
      const entries: CodeEntry[] = CODE_TABLES[t];
      expect(new Set(entries.map((e) => e.code)).size).toBe(entries.length);
      const owner = new Map<string, string>();
      for (const entry of entries) {
        for (const key of [entry.code, entry.name, entry.nameEn, ...(entry.aliases ?? [])]) {
          const normalized = normalizeCodeInput(key);
          const previous = owner.get(normalized);
          expect(
            previous === undefined || previous === entry.code,
            `${t}: "${key}" → ${previous} and ${entry.code}`,
          ).toBe(true);
          owner.set(normalized, entry.code);
        }
      }
    },
  );
});

describe('lookupCode', () => {
  it('matches a code, a Chinese name, an English name and an alias', () => {
    expect(lookupCode('subjects', 'math')?.name).toBe('数学');
    expect(lookupCode('subjects', '数学')?.code).toBe('math');
    expect(lookupCode('subjects', 'Mathematics')?.code).toBe('math');
    expect(lookupCode('subjects', '思想政治')?.code).toBe('ethics');
  });

  it('ignores case, surrounding and inner spaces, and full-width forms', () => {
    expect(lookupCode('subjects', '  MATHEMATICS ')?.code).toBe('math');
    expect(lookupCode('stages', 'Ｐｒｉｍａｒｙ')?.code).toBe('primary');
    expect(lookupCode('stages', '小　学')?.code).toBe('primary');
    expect(lookupCode('backboneLevels', '县（区）级骨干教师')?.code).toBe('county');
  });

  it('returns undefined for unknown values, empty input and values from another table', () => {
    expect(lookupCode('subjects', '数术')).toBeUndefined();
    expect(lookupCode('subjects', '')).toBeUndefined();
    expect(lookupCode('subjects', '班主任')).toBeUndefined();
  });

  it('maps the pre-2015 titles as the reform prescribes', () => {
    const title = (s: string): string | undefined => lookupCode('titles', s)?.code;
    expect(title('中学高级')).toBe('senior');
    expect(title('中学高级教师')).toBe('senior');
    expect(title('中学一级')).toBe('first');
    expect(title('小学高级')).toBe('first');
    expect(title('中学二级')).toBe('second');
    expect(title('小学一级')).toBe('second');
    expect(title('中学三级')).toBe('third');
    expect(title('小学二级')).toBe('third');
    expect(title('小学三级')).toBe('third');
    expect(title('正高级教师')).toBe('prof');
    expect(title('未定职级')).toBe('none');
  });

  it('reads employment statuses, location types and genders', () => {
    expect(lookupCode('employmentStatuses', '病假')?.code).toBe('on_leave');
    expect(lookupCode('employmentStatuses', '休假/病假')?.code).toBe('on_leave');
    expect(lookupCode('employmentStatuses', '调出')?.code).toBe('left');
    expect(lookupCode('locationTypes', '乡村')?.code).toBe('rural');
    expect(lookupCode('genders', '女')?.code).toBe('F');
    expect(lookupCode('genders', '1')?.code).toBe('M');
  });

  it('school types carry the statistical codes', () => {
    expect(lookupCode('schoolTypes', '九年一贯制学校')?.code).toBe('312');
    expect(lookupCode('schoolTypes', '教学点')?.code).toBe('218');
    expect(lookupCode('schoolTypes', '342')?.name).toBe('高级中学');
  });

  it('codeName gives the Chinese name of a code', () => {
    expect(codeName('backboneLevels', 'leader')).toBe('学科带头人');
    expect(codeName('backboneLevels', 'nope')).toBeUndefined();
  });
});
