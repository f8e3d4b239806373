/**
 * Validation and normalisation of one import row. Every problem in the row is reported, each naming the
 * row, the column (its Chinese template header), the value as written and a stable rule code, with a
 * Chinese message saying what is expected. Whether a school code exists is for the server to check.
 * The shared parts are row-errors.ts; the kinds school-row.ts and teacher-row.ts.
 */
export {
  allowedValuesText,
  cellsByKey,
  FREE_TEXT_MAX_LENGTH,
  isBlankRow,
  NAME_MAX_LENGTH,
  NAME_MIN_LENGTH,
  type RowError,
  type RowResult,
  SCHOOL_NAME_MAX_LENGTH,
  SCHOOL_NAME_MIN_LENGTH,
} from './row-errors';
export { type NormalizedSchool, validateSchoolRow } from './school-row';
export {
  MIN_WORKING_AGE,
  type NormalizedTeacher,
  normalizePersonName,
  validateTeacherRow,
} from './teacher-row';
