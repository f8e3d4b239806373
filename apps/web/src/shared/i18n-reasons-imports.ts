/**
 * Import row errors in English: the particulars of each rule code (core's row-rules.ts, and the 学时 import's own
 * codes), from the cell's column and value; features/imports/import-words.ts picks them. zh-CN keeps the server's
 * own sentence, which names more particulars (the rows of a duplicate, today's date). `{column}` and `{value}` mark
 * the parameters.
 */
import type { RowRule } from '@yanxun/contracts';

export const IMPORT_REASONS_ZH = {
  'import.emptyCell': '（空）',
  'import.cellValue': '「{value}」：',
} as const;

export const IMPORT_REASONS_EN: Record<keyof typeof IMPORT_REASONS_ZH, string> = {
  'import.emptyCell': '(empty)',
  'import.cellValue': ' "{value}": ',
};

const unknownCode = (what: string) => `"{value}" is not a known ${what}; use a name from the template's list`;

export const ROW_PARTICULARS_EN: Record<RowRule, string> = {
  REQUIRED: '"{column}" is required',
  DUPLICATE_IN_FILE: 'This {column} is on more than one row of the file; keep only one row',
  'DATE.INVALID': '"{value}" is not a valid date; write it like 1985-09-01',
  'PHONE.INVALID':
    '"{value}" is not a mainland mobile number: 11 digits, starting with 1, second digit 3–9 (e.g. 13812345678)',
  'NAME.LENGTH': 'The name "{value}" is too short or too long',
  'NAME.CHARSET':
    'A name may contain only Chinese characters or letters; an ethnic-minority name may use the separator "·"',
  'GB11643.NUMERIC_CELL':
    'The ID number was stored as a number and may have lost digits; format the column as text and enter it again',
  'GB11643.LEGACY_15': '"{value}" is an old 15-digit ID number; enter the 18-digit number',
  'GB11643.LENGTH': '"{value}" does not have the 18 characters of an ID number',
  'GB11643.CHARSET': '"{value}" may contain only digits and a final X',
  'GB11643.REGION': 'The region code (the first 6 digits) of "{value}" is not known',
  'GB11643.BIRTHDATE': 'The birth date inside "{value}" is not a valid date',
  'GB11643.CHECKSUM': 'The check digit of "{value}" is wrong; check the number for typing mistakes',
  'GB11643.CROSSCHECK': '{column} "{value}" does not match the ID number',
  'ID_NUMBER.UNAVAILABLE': 'This ID number is registered outside your scope: you cannot import it',
  'TEACHING_START.IN_FUTURE': 'The teaching start {value} is later than today',
  'TEACHING_START.BEFORE_AGE_16': 'The teaching start {value} is before the teacher turned 16',
  'TRAINING_START.INVALID': '"{value}" is not a valid year for the start of training work',
  'TRAINING_START.IN_FUTURE': 'The start of training work {value} is later than this year',
  'TRAINING_START.BEFORE_AGE_16': 'The start of training work {value} is before the teacher turned 16',
  'CODE.UNKNOWN_STAGE': unknownCode('school stage'),
  'CODE.UNKNOWN_SUBJECT': unknownCode('subject'),
  'CODE.UNKNOWN_TITLE': unknownCode('professional title'),
  'CODE.UNKNOWN_BACKBONE': unknownCode('backbone level'),
  'CODE.UNKNOWN_ROLE': unknownCode('role'),
  'CODE.UNKNOWN_SCHOOL_TYPE': unknownCode('school type'),
  'CODE.UNKNOWN_STATUS': unknownCode('employment status'),
  'CODE.UNKNOWN_LOCATION_TYPE': unknownCode('location type'),
  'CODE.UNKNOWN_GENDER': unknownCode('gender'),
  'SCHOOL_CODE.FORMAT': 'A school code has 10 digits, not "{value}"',
  'SCHOOL_CODE.NOT_FOUND': 'No school has the code {value}; import the school first or check the code',
  'SCHOOL_CODE.TAKEN': 'The code {value} is already used by another unit that is not a school',
  'SCHOOL_NAME.LENGTH': 'The school name "{value}" is too short or too long',
  'SCHOOL_NAME.CHARSET': 'The school name "{value}" has characters that are not allowed',
  'SCHOOL.COUNTY_CHANGE':
    'The school is registered in another county; a city administrator moves a school between counties',
  'COUNTY_CODE.FORMAT': 'A county code has 6 digits, not "{value}"',
  'COUNTY_CODE.REGION': '"{value}" is not a valid county-level region code',
  'COUNTY_CODE.NOT_FOUND': 'No county has the code {value} (the 6-digit GB/T 2260 code)',
  'TOWNSHIP.FORMAT': 'The township or street "{value}" is too long',
  'TOWNSHIP.CHARSET': 'The township or street "{value}" has characters that are not allowed',
  'TOWNSHIP.COUNTY_MISMATCH': 'The township or street "{value}" is not in this county',
  'TOWNSHIP.NOT_FOUND': 'The county has no township or street "{value}"',
  'GROUP.LENGTH': 'The district/group name "{value}" is too long',
  'GROUP.CHARSET': 'The district/group name "{value}" has characters that are not allowed',
  'SCOPE.SCHOOL': 'The school is outside your scope',
  'SCOPE.COUNTY': 'The county is outside your scope',
};

/** The 学时 import's own codes (modules/hours/external/columns.ts). */
export const EXTERNAL_PARTICULARS_EN: Record<string, string> = {
  'EXT.RECORD_ID': 'The record ID is longer than 100 characters',
  'EXT.TITLE': 'The course title is longer than 200 characters',
  'EXT.CATEGORY':
    '"{value}" is not a known category: use centralised training, online study, shadowing/practice, school-based study, workshop, studio, teaching research, self-directed study or other',
  'EXT.HOURS_FORMAT': '"{value}" is not a number of hours (at most one decimal place)',
  'EXT.DATE_FUTURE': '{column} {value} is later than today',
  'EXT.DATE_ORDER': 'The end date {value} is before the start date',
  'EXT.DATE_SPAN': 'The dates span more than a year',
  // conflicts that send a record to the review queue, and a changed record (by `code`, with `values`)
  'EXT.NOT_POSITIVE': '{hours} h is not more than 0',
  'EXT.OVER_DAY_CAP':
    '{hours} h is more than {startDate} to {endDate} allows: {days} day(s) at most {dayCap} h a day, {cap} h in all',
  'EXT.UNKNOWN_TEACHER': 'No teacher in your area (or in the system) has this ID number: {name}',
  'EXT.OVERLAP':
    'The dates overlap hours of the same category already recorded for this teacher ({system}, {from} to {to})',
  'EXT.CHANGED':
    'The record has changed: it was {was} h (until {until}); the old posting will be reversed and version {version} recorded',
};

/** A review-queue item by its kind, from the item's own fields (the queue keeps no other values). */
export const QUEUE_KIND_PARTICULARS_EN: Record<string, string> = {
  unknown_teacher: 'No teacher in your area (or in the system) has this ID number: {name}',
  over_cap: '{hours} h from {startDate} to {endDate} is not above 0 or is more than the daily cap allows',
  overlap:
    'The dates {startDate} to {endDate} overlap hours of the same category already recorded for this teacher',
};

/** The 学时 import's column headers (modules/hours/external/columns.ts) in English. */
export const EXTERNAL_HEADERS_EN: Record<string, string> = {
  身份证号: 'ID number',
  姓名: 'Name',
  记录编号: 'Record ID',
  课程名称: 'Course title',
  类别: 'Category',
  学时: 'Hours',
  开始日期: 'Start date',
  结束日期: 'End date',
};
