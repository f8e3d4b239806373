/**
 * Import/export column definitions for the two import kinds, and header matching for uploaded files.
 * The Chinese `header` is what the downloadable template shows; uploaded files may use any alias.
 */
import { cleanText, normalizeHeader } from './normalize';

export const IMPORT_KINDS = ['schools', 'teachers'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type SchoolColumnKey =
  | 'schoolCode'
  | 'name'
  | 'countyCode'
  | 'township'
  | 'schoolType'
  | 'stages'
  | 'locationType'
  | 'group';

export type TeacherColumnKey =
  | 'idNumber'
  | 'name'
  | 'gender'
  | 'birthDate'
  | 'phone'
  | 'schoolCode'
  | 'stage'
  | 'subject'
  | 'title'
  | 'backbone'
  | 'teachingStartDate'
  | 'trainingStartYear'
  | 'roles'
  | 'status';

export interface ImportColumn<K extends string = string> {
  key: K;
  /** Chinese header used in the template. */
  header: string;
  headerEn: string;
  aliases: string[];
  required: boolean;
  example: string;
  note: string;
}

/** Separators accepted between several values in one cell (学段, 岗位职务). */
export const MULTI_VALUE_SEPARATOR = /[、,，;；\n]/;

export const SCHOOL_COLUMNS: ImportColumn<SchoolColumnKey>[] = [
  {
    key: 'schoolCode',
    header: '学校标识码',
    headerEn: 'School ID code',
    aliases: ['学校代码', '学校编码', '标识码', 'school code', 'school id'],
    required: true,
    example: '2144012345',
    note: '教育部赋予的 10 位学校（机构）标识码',
  },
  {
    key: 'name',
    header: '学校名称',
    headerEn: 'School name',
    aliases: ['学校', '学校全称', '单位名称', 'name', 'school name', 'school'],
    required: true,
    example: '梅州市梅江区第一小学',
    note: '学校全称，2–60 个字',
  },
  {
    key: 'countyCode',
    header: '所属区县代码',
    headerEn: 'County code',
    aliases: ['区县代码', '区县编码', '县区代码', '行政区划代码', 'county code'],
    required: true,
    example: '441402',
    note: '6 位 GB/T 2260 县级行政区划代码',
  },
  {
    key: 'township',
    header: '所属乡镇/街道',
    headerEn: 'Township or subdistrict',
    aliases: ['乡镇/街道', '乡镇街道', '所属乡镇', '乡镇', '街道', 'township'],
    required: false,
    example: '金山街道',
    note: '乡镇或街道名称，或 9 位统计用区划代码；可不填',
  },
  {
    key: 'schoolType',
    header: '办学类型',
    headerEn: 'School type',
    aliases: ['学校类型', '学校类别', '办学类别', 'school type'],
    required: true,
    example: '小学',
    note: '幼儿园、小学、初级中学、九年一贯制学校、完全中学、高级中学、十二年一贯制学校、中等职业学校、特殊教育学校、教学点',
  },
  {
    key: 'stages',
    header: '学段',
    headerEn: 'Stages',
    aliases: ['办学学段', '包含学段', '学段设置', 'stages', 'stage'],
    required: true,
    example: '小学、初中',
    note: '可填多个，用顿号、逗号或分号分隔：学前教育、小学、初中、高中、中等职业教育、特殊教育',
  },
  {
    key: 'locationType',
    header: '城乡类型',
    headerEn: 'Urban/rural type',
    aliases: ['城乡分类', '学校驻地城乡类型', '驻地城乡类型', 'location type'],
    required: true,
    example: '城区',
    note: '城区、镇区或乡村',
  },
  {
    key: 'group',
    header: '学区/集团',
    headerEn: 'District or group',
    aliases: ['学区', '教育集团', '集团', '学区集团', 'group'],
    required: false,
    example: '梅江区第一教育集团',
    note: '所属学区或教育集团名称；可不填',
  },
];

export const TEACHER_COLUMNS: ImportColumn<TeacherColumnKey>[] = [
  {
    key: 'idNumber',
    header: '身份证号',
    headerEn: 'ID number',
    aliases: ['身份证', '身份证号码', '证件号码', '证件号', '公民身份号码', 'id number', 'id no', 'id card'],
    required: true,
    example: '11010519491231002X',
    note: '18 位居民身份证号；请将此列设为文本格式，以免 Excel 丢失后几位',
  },
  {
    key: 'name',
    header: '姓名',
    headerEn: 'Name',
    aliases: ['教师姓名', '名字', 'name', 'teacher name'],
    required: true,
    example: '张三',
    note: '2–20 个汉字或字母，少数民族姓名可用间隔号“·”',
  },
  {
    key: 'gender',
    header: '性别',
    headerEn: 'Gender',
    aliases: ['gender', 'sex'],
    required: false,
    example: '男',
    note: '男或女；可不填（以身份证号为准），填写时须与身份证号一致',
  },
  {
    key: 'birthDate',
    header: '出生日期',
    headerEn: 'Date of birth',
    aliases: ['出生年月日', '生日', 'birth date', 'date of birth', 'birthday'],
    required: false,
    example: '1949-12-31',
    note: '可不填（以身份证号为准），填写时须与身份证号一致',
  },
  {
    key: 'phone',
    header: '手机号',
    headerEn: 'Mobile phone',
    aliases: ['手机', '手机号码', '联系电话', '电话', '联系方式', 'phone', 'mobile'],
    required: false,
    example: '13812345678',
    note: '11 位大陆手机号；可不填',
  },
  {
    key: 'schoolCode',
    header: '学校标识码',
    headerEn: 'School ID code',
    aliases: ['学校代码', '学校编码', '任职学校标识码', '所在学校标识码', 'school code', 'school id'],
    required: true,
    example: '2144012345',
    note: '所在学校的 10 位学校标识码，须已在系统中',
  },
  {
    key: 'stage',
    header: '任教学段',
    headerEn: 'Teaching stage',
    aliases: ['学段', '任教学段(主)', 'stage', 'teaching stage'],
    required: true,
    example: '小学',
    note: '学前教育、小学、初中、高中、中等职业教育或特殊教育',
  },
  {
    key: 'subject',
    header: '任教学科',
    headerEn: 'Subject',
    aliases: ['学科', '任教科目', '主要任教学科', 'subject'],
    required: true,
    example: '数学',
    note: '如语文、数学、英语、道德与法治、体育与健康；不在列表中的填“其他”',
  },
  {
    key: 'title',
    header: '职称',
    headerEn: 'Professional title',
    aliases: ['专业技术职务', '职称等级', '专业技术职称', 'title'],
    required: true,
    example: '一级教师',
    note: '正高级教师、高级教师、一级教师、二级教师、三级教师或未定职级；旧职称（如小学高级）按改革对应关系自动转换',
  },
  {
    key: 'backbone',
    header: '骨干等级',
    headerEn: 'Key-teacher level',
    aliases: ['骨干教师等级', '骨干教师', '骨干级别', 'backbone', 'backbone level'],
    required: false,
    example: '县级骨干教师',
    note: '校级骨干教师、县级骨干教师、市级骨干教师、省级骨干教师、学科带头人、名师或特级教师；可不填',
  },
  {
    key: 'teachingStartDate',
    header: '任教起始日期',
    headerEn: 'Teaching start date',
    aliases: [
      '参加工作时间',
      '参加工作日期',
      '任教起始时间',
      '从教时间',
      '从教起始日期',
      'teaching start date',
    ],
    required: true,
    example: '2010-09-01',
    note: '开始从事教育教学工作的日期，不得早于 16 周岁，不得晚于今天',
  },
  {
    key: 'trainingStartYear',
    header: '从事培训工作起始年份',
    headerEn: 'Training work start year',
    aliases: ['培训工作起始年份', '从事培训工作年份', '培训起始年份', 'training start year'],
    required: false,
    example: '2018',
    note: '培训者/教研员填写，年份或日期；可不填',
  },
  {
    key: 'roles',
    header: '岗位职务',
    headerEn: 'Roles held',
    aliases: ['职务', '岗位', '担任职务', 'roles', 'role'],
    required: false,
    example: '班主任、教研组长',
    note: '可填多个，用顿号、逗号或分号分隔；可不填',
  },
  {
    key: 'status',
    header: '在职状态',
    headerEn: 'Employment status',
    aliases: ['状态', '任职状态', '人员状态', 'status'],
    required: false,
    example: '在职',
    note: '在职、休假/病假、借调、退休或离职/调出；不填视为在职',
  },
];

export const IMPORT_COLUMNS: {
  schools: ImportColumn<SchoolColumnKey>[];
  teachers: ImportColumn<TeacherColumnKey>[];
} = {
  schools: SCHOOL_COLUMNS,
  teachers: TEACHER_COLUMNS,
};

export interface HeaderMatch<K extends string = string> {
  /** Column index in the uploaded sheet → column key. */
  mapping: Map<number, K>;
  /** Required columns that no header matched. */
  missing: ImportColumn<K>[];
  /** Non-empty headers that match no column, as written (cleaned). */
  unknown: string[];
  /** Headers that match a column already matched by an earlier header; the first one wins. */
  duplicated: string[];
}

/** The English header of a column by its Chinese template header (any kind), or undefined. */
export function headerEnOf(header: string): string | undefined {
  return [...SCHOOL_COLUMNS, ...TEACHER_COLUMNS].find((c) => c.header === header)?.headerEn;
}

/** The Chinese template header of a column key (the key itself if there is no such column). */
export function headerOf(kind: ImportKind, key: string): string {
  const columns: ImportColumn[] = IMPORT_COLUMNS[kind];
  return columns.find((c) => c.key === key)?.header ?? key;
}

/**
 * Map a header row onto `columns`. Each header is compared with the column's header, English header and
 * aliases after normalizeHeader, so '* 身份证号码（必填）' matches idNumber.
 */
export function matchColumns<K extends string>(
  columns: ImportColumn<K>[],
  rawHeaders: unknown[],
): HeaderMatch<K> {
  const byName = new Map<string, ImportColumn<K>>();
  for (const column of columns) {
    for (const name of [column.header, column.headerEn, ...column.aliases]) {
      const normalized = normalizeHeader(name);
      if (!byName.has(normalized)) byName.set(normalized, column);
    }
  }

  const mapping = new Map<number, K>();
  const matched = new Set<K>();
  const unknown: string[] = [];
  const duplicated: string[] = [];
  rawHeaders.forEach((raw, index) => {
    const normalized = normalizeHeader(raw);
    if (normalized === '') return;
    const column = byName.get(normalized);
    if (!column) {
      unknown.push(cleanText(raw));
    } else if (matched.has(column.key)) {
      duplicated.push(cleanText(raw));
    } else {
      matched.add(column.key);
      mapping.set(index, column.key);
    }
  });
  const missing = columns.filter((c) => c.required && !matched.has(c.key));
  return { mapping, missing, unknown, duplicated };
}

/** Map the header row of an uploaded sheet onto the import columns of `kind`. */
export function matchHeaders(kind: 'schools', rawHeaders: unknown[]): HeaderMatch<SchoolColumnKey>;
export function matchHeaders(kind: 'teachers', rawHeaders: unknown[]): HeaderMatch<TeacherColumnKey>;
export function matchHeaders(
  kind: ImportKind,
  rawHeaders: unknown[],
): HeaderMatch<SchoolColumnKey | TeacherColumnKey>;
export function matchHeaders(
  kind: ImportKind,
  rawHeaders: unknown[],
): HeaderMatch<SchoolColumnKey> | HeaderMatch<TeacherColumnKey> {
  return kind === 'schools'
    ? matchColumns(SCHOOL_COLUMNS, rawHeaders)
    : matchColumns(TEACHER_COLUMNS, rawHeaders);
}
