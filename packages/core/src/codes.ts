/**
 * National code tables as data. Every entry has a stable `code` (what the database stores and the API
 * exchanges), the Chinese `name` shown to users and written into import templates, an English `nameEn`,
 * and `aliases` accepted on import (older names, common abbreviations).
 *
 * Choice of codes:
 * - 办学类型 (schoolTypes) use the 3-digit 教育统计《学校(机构)类别代码》 codes (111 幼儿园, 211 小学,
 *   218 小学教学点, 311 初级中学, 312 九年一贯制学校, 341 完全中学, 342 高级中学, 345 十二年一贯制学校).
 *   中等职业学校 and 特殊教育学校 each span several national codes (361–369, 511–519); for them we use our
 *   own group codes 360 and 510, whose first two digits are the 学校标识码 category (36, 51).
 * - 学段, 学科, 职称 and 岗位职务 have no single national code list that the bureaus we serve agree on, so
 *   they use short lower-case English codes (at most 8 characters for stage, subject and title, the
 *   limit the API's list filters accept). Once stored, a code is never renamed; names and aliases may grow.
 * - 骨干等级, 在职状态, 城乡类型 and 性别 have fixed code lists (BACKBONE_LEVEL_CODES, EMPLOYMENT_STATUS_CODES,
 *   LOCATION_TYPE_CODES, GENDER_CODES), the source of @yanxun/contracts' enums (contracts imports this file, so it
 *   stays pure data and functions with no import beyond normalize.ts); the database's check constraints hold the
 *   same codes.
 *   城乡类型 follows the statistical 城区/镇区/乡村 split.
 * - 性别 uses M/F; GB/T 2261.1 codes 1/2 are accepted as aliases.
 * - 岗位职务 (TEACHER_ROLES, the `roles` table) are the posts a teacher holds at school; they are not the account
 *   roles of @yanxun/contracts' ROLES (system_admin, teacher …), which decide permissions.
 */
import { toHalfWidth } from './normalize';

export interface CodeEntry<C extends string = string> {
  code: C;
  name: string;
  nameEn: string;
  aliases?: string[];
}

export const STAGES: CodeEntry[] = [
  {
    code: 'ece',
    name: '学前教育',
    nameEn: 'Early childhood education',
    aliases: ['学前', '幼儿园', '幼教', 'preschool'],
  },
  { code: 'primary', name: '小学', nameEn: 'Primary school', aliases: ['小学阶段'] },
  {
    code: 'junior',
    name: '初中',
    nameEn: 'Junior secondary',
    aliases: ['初级中学', '初中阶段', 'junior high'],
  },
  {
    code: 'senior',
    name: '高中',
    nameEn: 'Senior secondary',
    aliases: ['普通高中', '高级中学', 'senior high'],
  },
  {
    code: 'voc',
    name: '中等职业教育',
    nameEn: 'Secondary vocational education',
    aliases: ['中职', '职高', '中等职业', 'vocational'],
  },
  { code: 'special', name: '特殊教育', nameEn: 'Special education', aliases: ['特教'] },
];

export const SUBJECTS: CodeEntry[] = [
  { code: 'chinese', name: '语文', nameEn: 'Chinese' },
  { code: 'math', name: '数学', nameEn: 'Mathematics', aliases: ['maths'] },
  { code: 'english', name: '英语', nameEn: 'English' },
  { code: 'japanese', name: '日语', nameEn: 'Japanese' },
  { code: 'russian', name: '俄语', nameEn: 'Russian' },
  { code: 'physics', name: '物理', nameEn: 'Physics' },
  { code: 'chem', name: '化学', nameEn: 'Chemistry' },
  { code: 'biology', name: '生物', nameEn: 'Biology', aliases: ['生物学'] },
  { code: 'history', name: '历史', nameEn: 'History' },
  { code: 'geo', name: '地理', nameEn: 'Geography' },
  {
    code: 'ethics',
    name: '道德与法治',
    nameEn: 'Morality and rule of law / Ideology and politics',
    aliases: ['思想政治', '政治', '思想品德', '品德与社会', '品德与生活', '道法', 'politics'],
  },
  { code: 'science', name: '科学', nameEn: 'Science' },
  { code: 'it', name: '信息技术', nameEn: 'Information technology', aliases: ['信息科技', '计算机'] },
  { code: 'gentech', name: '通用技术', nameEn: 'General technology' },
  { code: 'music', name: '音乐', nameEn: 'Music' },
  { code: 'art', name: '美术', nameEn: 'Fine arts' },
  {
    code: 'pe',
    name: '体育与健康',
    nameEn: 'Physical education and health',
    aliases: ['体育', '体育与健康教育'],
  },
  { code: 'mental', name: '心理健康', nameEn: 'Mental health', aliases: ['心理健康教育', '心理'] },
  { code: 'labor', name: '劳动', nameEn: 'Labour education', aliases: ['劳动教育', '劳动技术'] },
  {
    code: 'practice',
    name: '综合实践活动',
    nameEn: 'Integrated practical activities',
    aliases: ['综合实践'],
  },
  { code: 'callig', name: '书法', nameEn: 'Calligraphy', aliases: ['书法教育'] },
  { code: 'special', name: '特殊教育', nameEn: 'Special education', aliases: ['特教'] },
  { code: 'ece', name: '学前教育', nameEn: 'Early childhood education', aliases: ['学前', '幼教'] },
  { code: 'other', name: '其他', nameEn: 'Other', aliases: ['其它'] },
];

/**
 * The unified titles of the 2015 reform (人社部发〔2015〕79号). Old titles map as the reform prescribes:
 * 中学高级 → 高级; 中学一级 and 小学高级 → 一级; 中学二级 and 小学一级 → 二级; 中学三级, 小学二级 and
 * 小学三级 → 三级. 幼儿园 titles followed the 小学 series.
 */
export const TITLES: CodeEntry[] = [
  { code: 'prof', name: '正高级教师', nameEn: 'Professor-level teacher', aliases: ['正高级', '正高'] },
  {
    code: 'senior',
    name: '高级教师',
    nameEn: 'Senior teacher',
    aliases: ['高级', '中学高级', '中学高级教师'],
  },
  {
    code: 'first',
    name: '一级教师',
    nameEn: 'First-grade teacher',
    aliases: ['一级', '中学一级', '中学一级教师', '小学高级', '小学高级教师', '幼儿园高级教师'],
  },
  {
    code: 'second',
    name: '二级教师',
    nameEn: 'Second-grade teacher',
    aliases: ['二级', '中学二级', '中学二级教师', '小学一级', '小学一级教师', '幼儿园一级教师'],
  },
  {
    code: 'third',
    name: '三级教师',
    nameEn: 'Third-grade teacher',
    aliases: [
      '三级',
      '中学三级',
      '中学三级教师',
      '小学二级',
      '小学二级教师',
      '小学三级',
      '小学三级教师',
      '幼儿园二级教师',
      '幼儿园三级教师',
    ],
  },
  {
    code: 'none',
    name: '未定职级',
    nameEn: 'Not yet graded',
    aliases: ['未定级', '未评', '无职称', '无', '暂无'],
  },
];

export const BACKBONE_LEVEL_CODES = [
  'school',
  'county',
  'city',
  'province',
  'leader',
  'master',
  'special',
] as const;
export type BackboneLevel = (typeof BACKBONE_LEVEL_CODES)[number];

export const BACKBONE_LEVELS: CodeEntry<BackboneLevel>[] = [
  { code: 'school', name: '校级骨干教师', nameEn: 'School-level key teacher', aliases: ['校级骨干'] },
  {
    code: 'county',
    name: '县级骨干教师',
    nameEn: 'County-level key teacher',
    aliases: ['县级骨干', '区级骨干', '区级骨干教师', '县(区)级骨干教师'],
  },
  { code: 'city', name: '市级骨干教师', nameEn: 'City-level key teacher', aliases: ['市级骨干'] },
  { code: 'province', name: '省级骨干教师', nameEn: 'Provincial key teacher', aliases: ['省级骨干'] },
  { code: 'leader', name: '学科带头人', nameEn: 'Subject leader' },
  { code: 'master', name: '名师', nameEn: 'Master teacher', aliases: ['名教师'] },
  { code: 'special', name: '特级教师', nameEn: 'Special-grade teacher', aliases: ['特级'] },
];

/** 岗位职务: posts a teacher holds at school (a teacher's `rolesHeld`). */
export const TEACHER_ROLES: CodeEntry[] = [
  { code: 'homeroom', name: '班主任', nameEn: 'Homeroom teacher' },
  { code: 'researcher', name: '教研员', nameEn: 'Teaching researcher' },
  { code: 'principal', name: '校长', nameEn: 'Principal', aliases: ['园长'] },
  { code: 'vice_principal', name: '副校长', nameEn: 'Vice principal', aliases: ['副园长'] },
  { code: 'dean', name: '教导主任', nameEn: 'Dean of studies', aliases: ['教务主任'] },
  { code: 'grade_lead', name: '年级组长', nameEn: 'Grade group leader' },
  { code: 'subject_lead', name: '教研组长', nameEn: 'Subject group leader' },
  { code: 'training_admin', name: '培训管理者', nameEn: 'Training administrator', aliases: ['培训管理员'] },
  { code: 'other', name: '其他', nameEn: 'Other', aliases: ['其它'] },
];

export const SCHOOL_TYPES: CodeEntry[] = [
  { code: '111', name: '幼儿园', nameEn: 'Kindergarten' },
  { code: '211', name: '小学', nameEn: 'Primary school' },
  { code: '311', name: '初级中学', nameEn: 'Junior secondary school', aliases: ['初中'] },
  { code: '312', name: '九年一贯制学校', nameEn: 'Nine-year school', aliases: ['九年一贯制'] },
  { code: '341', name: '完全中学', nameEn: 'Complete secondary school' },
  { code: '342', name: '高级中学', nameEn: 'Senior secondary school', aliases: ['高中'] },
  { code: '345', name: '十二年一贯制学校', nameEn: 'Twelve-year school', aliases: ['十二年一贯制'] },
  {
    code: '360',
    name: '中等职业学校',
    nameEn: 'Secondary vocational school',
    aliases: ['中职学校', '职业高中'],
  },
  { code: '510', name: '特殊教育学校', nameEn: 'Special education school', aliases: ['特教学校'] },
  { code: '218', name: '教学点', nameEn: 'Teaching point', aliases: ['小学教学点'] },
];

export const EMPLOYMENT_STATUS_CODES = ['active', 'on_leave', 'seconded', 'retired', 'left'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUS_CODES)[number];

export const EMPLOYMENT_STATUSES: CodeEntry<EmploymentStatus>[] = [
  { code: 'active', name: '在职', nameEn: 'Active', aliases: ['在岗'] },
  { code: 'on_leave', name: '休假/病假', nameEn: 'On leave', aliases: ['休假', '病假', '产假', '请假'] },
  { code: 'seconded', name: '借调', nameEn: 'Seconded', aliases: ['借用'] },
  { code: 'retired', name: '退休', nameEn: 'Retired' },
  { code: 'left', name: '离职/调出', nameEn: 'Left', aliases: ['离职', '调出', '辞职'] },
];

export const LOCATION_TYPE_CODES = ['urban', 'town', 'rural'] as const;
export type LocationType = (typeof LOCATION_TYPE_CODES)[number];

export const LOCATION_TYPES: CodeEntry<LocationType>[] = [
  { code: 'urban', name: '城区', nameEn: 'Urban', aliases: ['城市', '城镇'] },
  { code: 'town', name: '镇区', nameEn: 'Town', aliases: ['县镇', '镇'] },
  { code: 'rural', name: '乡村', nameEn: 'Rural', aliases: ['农村', '乡'] },
];

export const GENDER_CODES = ['M', 'F'] as const;
export type Gender = (typeof GENDER_CODES)[number];

export const GENDERS: CodeEntry<Gender>[] = [
  { code: 'M', name: '男', nameEn: 'Male', aliases: ['1', '男性'] },
  { code: 'F', name: '女', nameEn: 'Female', aliases: ['2', '女性'] },
];

export const CODE_TABLES = {
  stages: STAGES,
  subjects: SUBJECTS,
  titles: TITLES,
  backboneLevels: BACKBONE_LEVELS,
  roles: TEACHER_ROLES,
  schoolTypes: SCHOOL_TYPES,
  employmentStatuses: EMPLOYMENT_STATUSES,
  locationTypes: LOCATION_TYPES,
  genders: GENDERS,
} satisfies Record<string, CodeEntry[]>;

export type CodeTableName = keyof typeof CODE_TABLES;
export type CodeOf<T extends CodeTableName> = (typeof CODE_TABLES)[T][number]['code'];

/** The comparison key for code lookups: half-width, all whitespace removed, lower-case. */
export function normalizeCodeInput(input: string): string {
  return toHalfWidth(input)
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '')
    .toLowerCase();
}

function keysOf(entry: CodeEntry): string[] {
  return [entry.code, entry.name, entry.nameEn, ...(entry.aliases ?? [])].map(normalizeCodeInput);
}

const indexes = new Map<CodeTableName, Map<string, CodeEntry>>();

function indexOf(table: CodeTableName): Map<string, CodeEntry> {
  let index = indexes.get(table);
  if (!index) {
    index = new Map();
    for (const entry of CODE_TABLES[table]) {
      for (const key of keysOf(entry)) if (!index.has(key)) index.set(key, entry);
    }
    indexes.set(table, index);
  }
  return index;
}

/**
 * The entry whose code, Chinese name, English name or alias matches `input` after normalisation
 * (full-width → half-width, whitespace removed, case-insensitive), or undefined.
 */
export function lookupCode<T extends CodeTableName>(
  table: T,
  input: string,
): CodeEntry<CodeOf<T>> | undefined {
  const entry = indexOf(table).get(normalizeCodeInput(input));
  return entry && isEntryOf(table, entry) ? entry : undefined;
}

function isEntryOf<T extends CodeTableName>(table: T, entry: CodeEntry): entry is CodeEntry<CodeOf<T>> {
  return CODE_TABLES[table].some((e: CodeEntry) => e === entry);
}

/** The Chinese name of a code, or undefined. */
export function codeName(table: CodeTableName, code: string): string | undefined {
  return CODE_TABLES[table].find((e: CodeEntry) => e.code === code)?.name;
}
