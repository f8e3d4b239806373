/**
 * Validation and normalisation of one import row. Every problem in the row is reported, each naming the
 * row, the column (its Chinese template header), the value as written and a stable rule code, with a
 * Chinese message saying what is expected. Whether a school code exists is for the server to check.
 */
import {
  type BackboneLevel,
  CODE_TABLES,
  type CodeOf,
  type CodeTableName,
  type EmploymentStatus,
  type Gender,
  type LocationType,
  lookupCode,
} from './codes';
import { ageOn, parseIsoDate } from './dates';
import { crossCheckIdNumber, type IdNumberInfo, isValidProvinceCode, parseIdNumber } from './id-number';
import { IDENTIFIER_RULES, identifierMessage, identifierProblem, shownValue } from './identifiers';
import {
  headerOf,
  type ImportKind,
  MULTI_VALUE_SEPARATOR,
  type SchoolColumnKey,
  type TeacherColumnKey,
} from './import-columns';
import { cellText, cleanText, parseDateCell, parsePhone } from './normalize';

export interface RowError {
  /** Row number as the user sees it in the spreadsheet. */
  row: number;
  /** Chinese header of the column. */
  column: string;
  /** The raw cell as text. */
  value: string;
  rule: string;
  message: string;
}

export interface RowResult<T> {
  /** Present only when the row has no errors. */
  value?: T;
  errors: RowError[];
}

export interface NormalizedSchool {
  schoolCode: string;
  name: string;
  countyCode: string;
  /** 9-digit township code when the cell held a code. */
  townshipCode: string | null;
  /** Township name when the cell held a name. */
  townshipName: string | null;
  schoolType: CodeOf<'schoolTypes'>;
  stages: CodeOf<'stages'>[];
  locationType: LocationType;
  group: string | null;
}

export interface NormalizedTeacher {
  idNumber: string;
  name: string;
  gender: Gender;
  birthDate: string;
  phone: string | null;
  schoolCode: string;
  stage: CodeOf<'stages'>;
  subject: CodeOf<'subjects'>;
  title: CodeOf<'titles'>;
  backbone: BackboneLevel | null;
  teachingStartDate: string;
  trainingStartYear: number | null;
  roles: CodeOf<'roles'>[];
  status: EmploymentStatus;
}

/** Minimum age at which teaching or training work may have started. */
export const MIN_WORKING_AGE = 16;
export const NAME_MIN_LENGTH = IDENTIFIER_RULES.teacherName.min;
export const NAME_MAX_LENGTH = IDENTIFIER_RULES.teacherName.max;
export const SCHOOL_NAME_MIN_LENGTH = IDENTIFIER_RULES.schoolName.min;
export const SCHOOL_NAME_MAX_LENGTH = IDENTIFIER_RULES.schoolName.max;
export const FREE_TEXT_MAX_LENGTH = IDENTIFIER_RULES.placeName.max;

const UNKNOWN_CODE_RULES: Record<CodeTableName, string> = {
  stages: 'CODE.UNKNOWN_STAGE',
  subjects: 'CODE.UNKNOWN_SUBJECT',
  titles: 'CODE.UNKNOWN_TITLE',
  backboneLevels: 'CODE.UNKNOWN_BACKBONE',
  roles: 'CODE.UNKNOWN_ROLE',
  schoolTypes: 'CODE.UNKNOWN_SCHOOL_TYPE',
  employmentStatuses: 'CODE.UNKNOWN_STATUS',
  locationTypes: 'CODE.UNKNOWN_LOCATION_TYPE',
  genders: 'CODE.UNKNOWN_GENDER',
};

const ALLOWED_LIST_MAX = 10;
const ALLOWED_LIST_SHOWN = 8;

/** The allowed names of a table, briefly: all of them, or the first few and the count. */
export function allowedValuesText(table: CodeTableName): string {
  const names = CODE_TABLES[table].map((e) => e.name);
  if (names.length <= ALLOWED_LIST_MAX) return names.join('、');
  return `${names.slice(0, ALLOWED_LIST_SHOWN).join('、')}等 ${names.length} 项`;
}

class RowErrors<K extends string> {
  readonly errors: RowError[] = [];

  constructor(
    private readonly kind: ImportKind,
    private readonly row: number,
    private readonly cells: Record<string, unknown>,
  ) {}

  raw(key: K): unknown {
    return this.cells[key];
  }

  text(key: K): string {
    return cleanText(this.cells[key]);
  }

  add(key: K, rule: string, message: string): void {
    this.errors.push({
      row: this.row,
      column: headerOf(this.kind, key),
      // as written, cut for display: a 5,000-character cell is not echoed whole
      value: shownValue(cellText(this.cells[key])),
      rule,
      message,
    });
  }

  /** The cell's text, or undefined after recording REQUIRED when it is empty. */
  required(key: K): string | undefined {
    const text = this.text(key);
    if (text === '') {
      this.add(key, 'REQUIRED', `${headerOf(this.kind, key)}为必填项`);
      return undefined;
    }
    return text;
  }

  code<T extends CodeTableName>(key: K, table: T, text: string): CodeOf<T> | undefined {
    const entry = lookupCode(table, text);
    if (!entry) {
      this.add(
        key,
        UNKNOWN_CODE_RULES[table],
        `${headerOf(this.kind, key)}"${shownValue(text)}"无法识别，应填：${allowedValuesText(table)}`,
      );
    }
    return entry?.code;
  }

  /** Several values separated by 、,，;； or a line break; each must be in the table. Duplicates collapse. */
  codes<T extends CodeTableName>(key: K, table: T, text: string): CodeOf<T>[] | undefined {
    const parts = text
      .split(MULTI_VALUE_SEPARATOR)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const found: CodeOf<T>[] = [];
    const unknown: string[] = [];
    for (const part of parts) {
      const entry = lookupCode(table, part);
      if (!entry) unknown.push(part);
      else if (!found.includes(entry.code)) found.push(entry.code);
    }
    if (unknown.length > 0) {
      this.add(
        key,
        UNKNOWN_CODE_RULES[table],
        `${headerOf(this.kind, key)}中的"${shownValue(unknown.join('、'))}"无法识别，应填：${allowedValuesText(table)}（多个用顿号分隔）`,
      );
      return undefined;
    }
    return found;
  }
}

const SCHOOL_CODE = /^\d{10}$/;

/** Text of a code cell; a number (Excel turns 2144012345 into one) is written out in full. */
function codeText(v: unknown): string {
  return typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : cleanText(v);
}

function checkSchoolCode<K extends string>(r: RowErrors<K>, key: K): string | undefined {
  const text = r.required(key);
  if (text === undefined) return undefined;
  const code = codeText(r.raw(key));
  if (!SCHOOL_CODE.test(code)) {
    r.add(key, 'SCHOOL_CODE.FORMAT', `学校标识码应为 10 位数字，实为"${shownValue(text)}"`);
    return undefined;
  }
  return code;
}

function lengthOf(s: string): number {
  return [...s].length;
}

function optional(text: string): string | null {
  return text === '' ? null : text;
}

export function validateSchoolRow(
  cells: Record<string, unknown>,
  rowNumber: number,
): RowResult<NormalizedSchool> {
  const r = new RowErrors<SchoolColumnKey>('schools', rowNumber, cells);

  const schoolCode = checkSchoolCode(r, 'schoolCode');

  let name: string | undefined = r.required('name');
  if (name !== undefined) {
    const len = lengthOf(name);
    if (len < SCHOOL_NAME_MIN_LENGTH || len > SCHOOL_NAME_MAX_LENGTH) {
      r.add(
        'name',
        'SCHOOL_NAME.LENGTH',
        `学校名称应为 ${SCHOOL_NAME_MIN_LENGTH}–${SCHOOL_NAME_MAX_LENGTH} 个字，实为 ${len} 个`,
      );
      name = undefined;
    } else if (identifierProblem(IDENTIFIER_RULES.schoolName, name) === 'CHARSET') {
      r.add('name', 'SCHOOL_NAME.CHARSET', identifierMessage(IDENTIFIER_RULES.schoolName, name, 'CHARSET'));
      name = undefined;
    }
  }

  let countyCode: string | undefined;
  const countyText = r.required('countyCode');
  if (countyText !== undefined) {
    const code = codeText(r.raw('countyCode'));
    if (!/^\d{6}$/.test(code)) {
      r.add(
        'countyCode',
        'COUNTY_CODE.FORMAT',
        `所属区县代码应为 6 位数字（GB/T 2260），实为"${shownValue(countyText)}"`,
      );
    } else if (!isValidProvinceCode(code.slice(0, 2)) || code.endsWith('0000')) {
      r.add('countyCode', 'COUNTY_CODE.REGION', `"${code}"不是有效的县级行政区划代码`);
    } else {
      countyCode = code;
    }
  }

  let townshipCode: string | null = null;
  let townshipName: string | null = null;
  let townshipOk = true;
  const township = codeText(r.raw('township'));
  if (/^\d+$/.test(township)) {
    if (township.length !== 9) {
      townshipOk = false;
      r.add(
        'township',
        'TOWNSHIP.FORMAT',
        `乡镇/街道代码应为 9 位数字，实为 ${township.length} 位；也可填写名称`,
      );
    } else if (countyCode !== undefined && !township.startsWith(countyCode)) {
      townshipOk = false;
      r.add(
        'township',
        'TOWNSHIP.COUNTY_MISMATCH',
        `乡镇/街道代码 ${township} 不属于区县 ${countyCode}（前 6 位应相同）`,
      );
    } else {
      townshipCode = township;
    }
  } else if (township !== '') {
    if (lengthOf(township) > FREE_TEXT_MAX_LENGTH) {
      townshipOk = false;
      r.add('township', 'TOWNSHIP.FORMAT', `乡镇/街道名称不应超过 ${FREE_TEXT_MAX_LENGTH} 个字`);
    } else if (identifierProblem(IDENTIFIER_RULES.placeName, township) === 'CHARSET') {
      townshipOk = false;
      r.add(
        'township',
        'TOWNSHIP.CHARSET',
        identifierMessage(IDENTIFIER_RULES.placeName, township, 'CHARSET'),
      );
    } else {
      townshipName = township;
    }
  }

  const typeText = r.required('schoolType');
  const schoolType = typeText === undefined ? undefined : r.code('schoolType', 'schoolTypes', typeText);

  const stagesText = r.required('stages');
  const stages = stagesText === undefined ? undefined : r.codes('stages', 'stages', stagesText);

  const locationText = r.required('locationType');
  const locationType =
    locationText === undefined ? undefined : r.code('locationType', 'locationTypes', locationText);

  const group = r.text('group');
  let groupOk = lengthOf(group) <= FREE_TEXT_MAX_LENGTH;
  if (!groupOk) r.add('group', 'GROUP.LENGTH', `学区/集团名称不应超过 ${FREE_TEXT_MAX_LENGTH} 个字`);
  else if (group !== '' && identifierProblem(IDENTIFIER_RULES.placeName, group) === 'CHARSET') {
    groupOk = false;
    r.add('group', 'GROUP.CHARSET', identifierMessage(IDENTIFIER_RULES.placeName, group, 'CHARSET'));
  }

  if (
    r.errors.length > 0 ||
    schoolCode === undefined ||
    name === undefined ||
    countyCode === undefined ||
    !townshipOk ||
    schoolType === undefined ||
    stages === undefined ||
    stages.length === 0 ||
    locationType === undefined ||
    !groupOk
  ) {
    return { errors: r.errors };
  }
  return {
    value: {
      schoolCode,
      name,
      countyCode,
      townshipCode,
      townshipName,
      schoolType,
      stages,
      locationType,
      group: optional(group),
    },
    errors: [],
  };
}

/** Middle-dot look-alikes used in minority names (•・‧∙․) → U+00B7. */
const MIDDLE_DOTS = /[\u2022\u30FB\uFF65\u2027\u2219\u2024]/g;
const PERSON_NAME = IDENTIFIER_RULES.teacherName.pattern;

/** A person's name as stored: cleaned, middle dots unified, spaces between Han characters ('王  五') removed. */
export function normalizePersonName(v: unknown): string {
  return cleanText(v)
    .replace(MIDDLE_DOTS, '·')
    .replace(/\s*·\s*/g, '·')
    .replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1');
}

function yearOf(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1000 && v <= 9999) return v;
  const text = cleanText(v);
  const year = /^(\d{4})\s*年?$/.exec(text);
  if (year) return Number(year[1]);
  // Other numbers: only an Excel date serial or an 8-digit YYYYMMDD makes sense.
  if (typeof v === 'number' && v < 10_000) return undefined;
  const date = parseDateCell(v);
  return date === undefined ? undefined : Number(date.slice(0, 4));
}

export function validateTeacherRow(
  cells: Record<string, unknown>,
  rowNumber: number,
  context: { today: string },
): RowResult<NormalizedTeacher> {
  const { today } = context;
  if (!parseIsoDate(today)) throw new RangeError(`today must be YYYY-MM-DD: ${today}`);
  const r = new RowErrors<TeacherColumnKey>('teachers', rowNumber, cells);

  // 身份证号
  let id: IdNumberInfo | undefined;
  const idRaw = r.raw('idNumber');
  if (typeof idRaw === 'number') {
    r.add(
      'idNumber',
      'GB11643.NUMERIC_CELL',
      '身份证号被 Excel 存成了数字，后几位已经丢失；请把该列设为文本格式后重新填写',
    );
  } else {
    const idText = r.required('idNumber');
    if (idText !== undefined) {
      const parsed = parseIdNumber(idText, { today });
      if (parsed.ok) id = parsed.value;
      else r.add('idNumber', parsed.rule, parsed.message);
    }
  }

  // 姓名
  let name: string | undefined;
  if (r.required('name') !== undefined) {
    const candidate = normalizePersonName(r.raw('name'));
    const len = lengthOf(candidate);
    if (len < NAME_MIN_LENGTH || len > NAME_MAX_LENGTH) {
      r.add('name', 'NAME.LENGTH', `姓名应为 ${NAME_MIN_LENGTH}–${NAME_MAX_LENGTH} 个字，实为 ${len} 个`);
    } else if (!PERSON_NAME.test(candidate)) {
      r.add('name', 'NAME.CHARSET', '姓名只能包含汉字或字母，少数民族姓名可用间隔号"·"分隔');
    } else {
      name = candidate;
    }
  }

  // 性别 (optional, cross-checked)
  let statedGender: Gender | undefined;
  let genderOk = true;
  const genderText = r.text('gender');
  if (genderText !== '') {
    statedGender = r.code('gender', 'genders', genderText);
    genderOk = statedGender !== undefined;
  }

  // 出生日期 (optional, cross-checked)
  let statedBirthDate: string | undefined;
  let birthDateOk = true;
  if (r.text('birthDate') !== '') {
    statedBirthDate = parseDateCell(r.raw('birthDate'));
    if (statedBirthDate === undefined) {
      birthDateOk = false;
      r.add('birthDate', 'DATE.INVALID', '出生日期不是有效日期，应填写如 1985-09-01');
    }
  }

  if (id) {
    for (const mismatch of crossCheckIdNumber(id, { birthDate: statedBirthDate, gender: statedGender })) {
      r.add(mismatch.field, mismatch.rule, mismatch.message);
    }
  }

  // 手机号 (optional)
  let phone: string | null = null;
  let phoneOk = true;
  if (r.text('phone') !== '') {
    const parsed = parsePhone(r.raw('phone'));
    if (parsed === undefined) {
      phoneOk = false;
      r.add('phone', 'PHONE.INVALID', '手机号应为 11 位大陆手机号（1 开头，第二位 3–9），如 13812345678');
    } else {
      phone = parsed;
    }
  }

  const schoolCode = checkSchoolCode(r, 'schoolCode');

  const stageText = r.required('stage');
  const stage = stageText === undefined ? undefined : r.code('stage', 'stages', stageText);
  const subjectText = r.required('subject');
  const subject = subjectText === undefined ? undefined : r.code('subject', 'subjects', subjectText);
  const titleText = r.required('title');
  const title = titleText === undefined ? undefined : r.code('title', 'titles', titleText);

  let backbone: BackboneLevel | null = null;
  let backboneOk = true;
  const backboneText = r.text('backbone');
  if (backboneText !== '') {
    backbone = r.code('backbone', 'backboneLevels', backboneText) ?? null;
    backboneOk = backbone !== null;
  }

  // 任教起始日期
  let teachingStartDate: string | undefined;
  if (r.required('teachingStartDate') !== undefined) {
    const date = parseDateCell(r.raw('teachingStartDate'));
    if (date === undefined) {
      r.add('teachingStartDate', 'DATE.INVALID', '任教起始日期不是有效日期，应填写如 2010-09-01');
    } else if (date > today) {
      r.add('teachingStartDate', 'TEACHING_START.IN_FUTURE', `任教起始日期 ${date} 晚于今天（${today}）`);
    } else if (id && ageOn(id.birthDate, date) < MIN_WORKING_AGE) {
      r.add(
        'teachingStartDate',
        'TEACHING_START.BEFORE_AGE_16',
        `任教起始日期 ${date} 时未满 ${MIN_WORKING_AGE} 周岁（出生日期 ${id.birthDate}）`,
      );
    } else {
      teachingStartDate = date;
    }
  }

  // 从事培训工作起始年份 (optional)
  let trainingStartYear: number | null = null;
  let trainingOk = true;
  if (r.text('trainingStartYear') !== '') {
    const year = yearOf(r.raw('trainingStartYear'));
    const thisYear = Number(today.slice(0, 4));
    trainingOk = false;
    if (year === undefined) {
      r.add(
        'trainingStartYear',
        'TRAINING_START.INVALID',
        '从事培训工作起始年份应填写 4 位年份（如 2018）或日期',
      );
    } else if (year > thisYear) {
      r.add(
        'trainingStartYear',
        'TRAINING_START.IN_FUTURE',
        `从事培训工作起始年份 ${year} 晚于今年（${thisYear}）`,
      );
    } else if (id && year - Number(id.birthDate.slice(0, 4)) < MIN_WORKING_AGE) {
      r.add(
        'trainingStartYear',
        'TRAINING_START.BEFORE_AGE_16',
        `从事培训工作起始年份 ${year} 时未满 ${MIN_WORKING_AGE} 周岁（出生日期 ${id.birthDate}）`,
      );
    } else {
      trainingStartYear = year;
      trainingOk = true;
    }
  }

  // 岗位职务 (optional, several)
  const rolesText = r.text('roles');
  const roles = rolesText === '' ? [] : r.codes('roles', 'roles', rolesText);

  // 在职状态 (default 在职)
  const statusText = r.text('status');
  const status: EmploymentStatus | undefined =
    statusText === '' ? 'active' : r.code('status', 'employmentStatuses', statusText);

  if (
    r.errors.length > 0 ||
    id === undefined ||
    name === undefined ||
    !genderOk ||
    !birthDateOk ||
    !phoneOk ||
    schoolCode === undefined ||
    stage === undefined ||
    subject === undefined ||
    title === undefined ||
    !backboneOk ||
    teachingStartDate === undefined ||
    !trainingOk ||
    roles === undefined ||
    status === undefined
  ) {
    return { errors: r.errors };
  }
  return {
    value: {
      idNumber: id.idNumber,
      name,
      gender: id.gender,
      birthDate: id.birthDate,
      phone,
      schoolCode,
      stage,
      subject,
      title,
      backbone,
      teachingStartDate,
      trainingStartYear,
      roles,
      status,
    },
    errors: [],
  };
}

/** Turn a sheet row (cells by column index) into cells by column key, using matchHeaders' mapping. */
export function cellsByKey<K extends string>(
  mapping: Map<number, K>,
  rowValues: unknown[],
): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  for (const [index, key] of mapping) cells[key] = rowValues[index];
  return cells;
}

/** Whether every cell of a row is empty after cleaning (such rows are skipped, not reported). */
export function isBlankRow(values: unknown[] | Record<string, unknown>): boolean {
  return Object.values(values).every((v) => cleanText(v) === '');
}
