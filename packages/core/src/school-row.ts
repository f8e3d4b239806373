/**
 * One row of a schools import: 学校标识码, name, county (GB/T 2260), township, 办学类型, 学段, 城乡类型, group;
 * each problem a RowError with a stable rule code.
 */
import type { CodeOf, LocationType } from './codes';
import { isValidProvinceCode } from './id-number';
import { IDENTIFIER_RULES, identifierMessage, identifierProblem, shownValue } from './identifiers';
import type { SchoolColumnKey } from './import-columns';
import {
  checkSchoolCode,
  codeText,
  FREE_TEXT_MAX_LENGTH,
  lengthOf,
  optional,
  RowErrors,
  type RowResult,
  SCHOOL_NAME_MAX_LENGTH,
  SCHOOL_NAME_MIN_LENGTH,
} from './row-errors';

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
