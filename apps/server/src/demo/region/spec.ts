/** The public shape of the generated demo region, its size rules and the fixed constants of the demo. */

export type DemoOrgKind =
  | 'province'
  | 'city'
  | 'county'
  | 'township'
  | 'school'
  | 'tdc'
  | 'provider'
  | 'project_office';
export type DemoLocationType = 'urban' | 'town' | 'rural';
export type DemoTeacherStatus = 'active' | 'on_leave' | 'seconded' | 'retired' | 'left';

export interface DemoOrg {
  key: string;
  parentKey: string | null;
  kind: DemoOrgKind;
  code: string | null;
  name: string;
  stages?: string[];
  schoolType?: string;
  locationType?: DemoLocationType;
  groupName?: string | null;
}

export interface DemoTeacher {
  idNumber: string;
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  phone: string;
  schoolKey: string;
  stage: string;
  subject: string;
  title: string;
  backbone: string | null;
  teachingStartDate: string;
  trainingStartYear: number | null;
  rolesHeld: string[];
  status: DemoTeacherStatus;
}

export interface RegionSpec {
  seed?: number;
  /** Default 20,000. */
  teachers?: number;
  /** "Today" of the teachers (a 1 September, YYYY-09-01): ages, teaching years and titles. Default REFERENCE_DATE. */
  referenceDate?: string;
}

export const DEFAULT_SEED = 20261123;
export const DEFAULT_TEACHERS = 20_000;
export const REFERENCE_DATE = '2026-09-01';
export const TEACHERS_PER_CITY = 25_000;
export const TEACHERS_PER_SCHOOL = 50;
/** 教研员 in the 教师发展中心: 0.9 % of all teachers. */
export const TDC_TEACHER_SHARE = 0.009;

export const PROVINCE_CODE = '44';
export const PROVINCE_NAME = '广东省';
export const HOME_CITY_CODE = '4418';

/** How many cities a region of `teachers` spans: one per TEACHERS_PER_CITY, at least 1, at most all. */
export function cityCountFor(teachers: number, available: number): number {
  return Math.min(available, Math.max(1, Math.ceil(teachers / TEACHERS_PER_CITY)));
}

export function teacherTotal(spec: RegionSpec): number {
  const t = spec.teachers ?? DEFAULT_TEACHERS;
  if (!Number.isInteger(t) || t < 0) throw new RangeError(`teachers must be a non-negative integer: ${t}`);
  if (t > 50_000_000) throw new RangeError(`teachers must be at most 50,000,000: ${t}`);
  return t;
}

export function seedOf(spec: RegionSpec): number {
  return (spec.seed ?? DEFAULT_SEED) | 0;
}
