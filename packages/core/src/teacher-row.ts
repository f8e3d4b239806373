/**
 * One row of a teachers import: the ID number (GB 11643) cross-checked with gender and birth date, name, phone,
 * school, the code-table columns (学段, 学科, 职称, 骨干等级, 岗位, 在职状态) and the working-life dates; each
 * problem a RowError with a stable rule code.
 */
import type { BackboneLevel, CodeOf, EmploymentStatus, Gender } from './codes';
import { ageOn, parseIsoDate } from './dates';
import { crossCheckIdNumber, type IdNumberInfo, parseIdNumber } from './id-number';
import { IDENTIFIER_RULES } from './identifiers';
import type { TeacherColumnKey } from './import-columns';
import { cleanText, parseDateCell, parsePhone } from './normalize';
import {
  checkSchoolCode,
  lengthOf,
  NAME_MAX_LENGTH,
  NAME_MIN_LENGTH,
  RowErrors,
  type RowResult,
} from './row-errors';

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
