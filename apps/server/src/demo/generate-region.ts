/**
 * A deterministic generator of a realistic demo region: the org tree (province → cities → counties →
 * 乡镇/街道 → schools, plus 教师发展中心, training providers and the 省培项目办) and its teachers.
 *
 * Same spec → byte-identical output: every random choice comes from a seeded sfc32 stream; nothing reads
 * the clock or Math.random. Teachers are streamed in batches so a province-sized run (1,000,000 teachers)
 * never holds more than one batch of teacher objects.
 *
 * Conventions of the demo (not national rules):
 * - Region size: one city per 25,000 teachers, rounded up — 清远市 (4418) alone up to 25,000, then the other
 *   cities of 广东省 in code order (广州 4401, 韶关 4402, …), all 21 from 500,000 teachers up.
 * - Schools: one per 50 teachers, spread over counties by the number and kind of their 乡镇/街道.
 * - School codes (学校标识码 in the demo): 10 digits = '2' + the county's 6-digit GB/T 2260 code + a 3-digit
 *   serial within the county (001–998; 999 is the county's 教师发展中心). Real 学校标识码 are assigned by the ministry; ours are only unique.
 * - Keys: administrative units use their code ('44', '4418', '441802', '441802001'); schools 'S:' + code;
 *   teacher development centres 'T:' + the code of the city or county they serve; providers 'P:1', 'P:2';
 *   the project office 'O:44'.
 * - "Today" is `spec.referenceDate`, a 1 September (default REFERENCE_DATE, 2026-09-01; the demo passes the start
 *   of its as-of's school year, as-of.ts): ages, teaching years and titles are computed at that date.
 * - 教学点 are run by their 中心小学 and have no 校长/副校长 of their own; every other school has one 校长 and
 *   one or two 副校长. Teachers of a 教师发展中心 (教研员) carry the centre's key in `schoolKey`.
 * - Names of stages, subjects, titles, roles and school types are the canonical names (or accepted aliases)
 *   of the code tables in @yanxun/core; backbone levels are the contract codes ('school', 'county', …).
 */
export { generateOrgs } from './region/orgs';
export {
  cityCountFor,
  DEFAULT_SEED,
  DEFAULT_TEACHERS,
  type DemoLocationType,
  type DemoOrg,
  type DemoOrgKind,
  type DemoTeacher,
  type DemoTeacherStatus,
  REFERENCE_DATE,
  type RegionSpec,
  TDC_TEACHER_SHARE,
  TEACHERS_PER_CITY,
  TEACHERS_PER_SCHOOL,
} from './region/spec';
export { generateTeachers } from './region/teachers';
