/** The teachers of a generated region, streamed in batches: people, posts, titles, roles, ID numbers, phones. */
import { makeIdNumber } from '@yanxun/core';
import { apportion, hashFloat, itemAt, Rng, Weighted } from '../random';
import { guangdongCountyCodes } from './divisions';
import type { SchoolType } from './schools';
import {
  type DemoOrg,
  type DemoTeacher,
  type DemoTeacherStatus,
  REFERENCE_DATE,
  type RegionSpec,
  seedOf,
  TDC_TEACHER_SHARE,
  teacherTotal,
} from './spec';
import {
  BACKBONE_CUTS,
  FEMALE_CHARS,
  FEMALE_SHARE,
  HOMEROOM_SHARE,
  LOCATION_SCALED,
  LOCATION_SIZE,
  MALE_CHARS,
  PHONE_PREFIXES,
  PRIMARY_SUBJECTS,
  SIZE,
  START_AGES,
  SUBJECTS_OF,
  SURNAMES,
  TDC_STAGES,
  TITLE_FACTOR,
} from './teacher-tables';

const MS_PER_DAY = 86_400_000;
const DAY0_YEAR = 1950;
const DAY0 = Date.UTC(DAY0_YEAR, 0, 1) / MS_PER_DAY;
let dayStrings: string[] | undefined;

/** 'YYYY-MM-DD' for day index `i` counted from 1950-01-01 (table built once). */
function dayString(i: number): string {
  if (!dayStrings) {
    dayStrings = [];
    const end = Date.UTC(2040, 0, 1) / MS_PER_DAY;
    for (let d = DAY0; d < end; d++) dayStrings.push(new Date(d * MS_PER_DAY).toISOString().slice(0, 10));
  }
  return itemAt(dayStrings, i);
}

function dayIndex(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY - DAY0;
}

const MIN_AGE = 22;
const MAX_AGE = 60;

/** Birth days (inclusive range) that make someone exactly `age` on the reference date `ref`. */
function birthRange(age: number, ref: { year: number; month: number; day: number }): [number, number] {
  const last = dayIndex(ref.year - age, ref.month, ref.day);
  const first = dayIndex(ref.year - age - 1, ref.month, ref.day) + 1;
  return [first, last];
}

function ageWeight(age: number, female: boolean): number {
  const base = age <= 25 ? 2 : age <= 35 ? 2.8 : age <= 45 ? 2.6 : age <= 52 ? 2.4 : age <= 57 ? 1.6 : 0.9;
  return female && age >= 55 ? base * 0.35 : base;
}

function ageTable(female: boolean): Weighted<number> {
  const entries: [number, number][] = [];
  for (let a = MIN_AGE; a <= MAX_AGE; a++) entries.push([a, ageWeight(a, female)]);
  return new Weighted(entries);
}

const AGES_F = ageTable(true);
const AGES_M = ageTable(false);

function phoneSuffix(i: number, b: number, d: number): number {
  let x = (i * 48_271_237 + b) % 100_000_000;
  x = (x % 10_000) * 10_000 + Math.floor(x / 10_000);
  return (x * 69_069_001 + d) % 100_000_000;
}

interface Unit {
  org: DemoOrg;
  /** The Guangdong county whose code most of its teachers' ID numbers carry. */
  homeCounties: string[];
  schoolType: SchoolType | null;
  weight: number;
  min: number;
}

function isSchoolType(s: string | undefined): s is SchoolType {
  return s !== undefined && s in SIZE;
}

function unitsOf(orgs: DemoOrg[], seed: number): Unit[] {
  const byKey = new Map(orgs.map((o) => [o.key, o]));
  const countiesUnder = new Map<string, string[]>();
  for (const o of orgs) {
    if (o.kind === 'county' && o.parentKey && o.code) {
      countiesUnder.set(o.parentKey, [...(countiesUnder.get(o.parentKey) ?? []), o.code]);
    }
  }
  const countyOf = (org: DemoOrg): string[] => {
    for (
      let cur: DemoOrg | undefined = org;
      cur;
      cur = cur.parentKey ? byKey.get(cur.parentKey) : undefined
    ) {
      if (cur.kind === 'county' && cur.code) return [cur.code];
      if (cur.kind === 'city') return countiesUnder.get(cur.key) ?? [];
    }
    return [];
  };
  const units: Unit[] = [];
  for (const org of orgs) {
    if (org.kind === 'school') {
      const type = isSchoolType(org.schoolType) ? org.schoolType : '小学';
      const [lo, hi] = SIZE[type];
      let size = lo + (hi - lo) * hashFloat(org.key, seed);
      if (LOCATION_SCALED.has(type)) {
        size *= LOCATION_SIZE[org.locationType ?? 'town'];
        if (org.name.includes('实验')) size *= 1.5;
      }
      units.push({
        org,
        homeCounties: countyOf(org),
        schoolType: type,
        weight: size,
        min: type === '教学点' ? 1 : 3,
      });
    } else if (org.kind === 'tdc') {
      units.push({
        org,
        homeCounties: countyOf(org),
        schoolType: null,
        weight: org.parentKey?.length === 4 ? 2 : 1,
        min: 3,
      });
    }
  }
  return units;
}

/** Teachers per unit: TDC_TEACHER_SHARE of all to the 教师发展中心, the rest to schools by size. */
function headcounts(units: Unit[], total: number): number[] {
  const schoolIdx: number[] = [];
  const tdcIdx: number[] = [];
  units.forEach((u, i) => {
    (u.schoolType ? schoolIdx : tdcIdx).push(i);
  });
  let tdcTotal = tdcIdx.length > 0 ? Math.round(total * TDC_TEACHER_SHARE) : 0;
  if (schoolIdx.length === 0) tdcTotal = total;
  if (tdcIdx.length === 0 && total > 0 && schoolIdx.length === 0)
    throw new RangeError('no school or 教师发展中心 to place teachers in');
  const out = new Array<number>(units.length).fill(0);
  const place = (idx: number[], n: number) => {
    const shares = apportion(
      n,
      idx.map((i) => itemAt(units, i).weight),
      idx.map((i) => itemAt(units, i).min),
    );
    idx.forEach((i, k) => {
      out[i] = shares[k] ?? 0;
    });
  };
  place(tdcIdx, tdcTotal);
  place(schoolIdx, total - tdcTotal);
  return out;
}

interface Person {
  gender: 'M' | 'F';
  age: number;
  birthDay: number;
}

/**
 * Stream the teachers of a region generated by `generateOrgs(spec)`, `batchSize` at a time (the last batch
 * may be shorter). The sequence does not depend on `batchSize`. Exactly `spec.teachers` teachers in all.
 */
export function* generateTeachers(
  spec: RegionSpec,
  orgs: DemoOrg[],
  batchSize = 5000,
): Generator<DemoTeacher[]> {
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a positive integer: ${batchSize}`);
  const total = teacherTotal(spec);
  if (total > 100_000_000) throw new RangeError('phone numbers are unique only up to 10⁸ teachers');
  const seed = seedOf(spec);
  const referenceDate = spec.referenceDate ?? REFERENCE_DATE;
  if (!/^\d{4}-09-01$/.test(referenceDate))
    throw new RangeError(`referenceDate must be a 1 September (YYYY-09-01): ${referenceDate}`);
  const ref = { year: Number(referenceDate.slice(0, 4)), month: 9, day: 1 };
  const refYear = ref.year;
  const rng = new Rng(seed, 0x7eac);
  const units = unitsOf(orgs, seed);
  const counts = headcounts(units, total);
  const gdCounties = guangdongCountyCodes();
  const phoneB = rng.int(0, 99_999_999);
  const phoneD = rng.int(0, 99_999_999);
  /** ID numbers taken, per region code: birth day index × 1000 + sequence. */
  const takenIds = new Map<string, Set<number>>();
  const birthRanges = new Map<number, [number, number]>();
  const rangeOf = (age: number): [number, number] => {
    let r = birthRanges.get(age);
    if (!r) {
      r = birthRange(age, ref);
      birthRanges.set(age, r);
    }
    return r;
  };

  const person = (female: boolean, age: number): Person => {
    const [first, last] = rangeOf(age);
    return { gender: female ? 'F' : 'M', age, birthDay: rng.int(first, last) };
  };

  const makeName = (gender: 'M' | 'F', age: number): string => {
    const pool = gender === 'F' ? FEMALE_CHARS : MALE_CHARS;
    const surname = SURNAMES.pick(rng);
    if (rng.chance(age >= 45 ? 0.35 : 0.18)) return surname + rng.pick(pool);
    const first = rng.pick(pool);
    return surname + first + (rng.chance(0.04) ? first : rng.pick(pool));
  };

  const makeId = (region: string, birthDay: number, birthDate: string, gender: 'M' | 'F'): string => {
    let taken = takenIds.get(region);
    if (!taken) {
      taken = new Set();
      takenIds.set(region, taken);
    }
    for (let tries = 0; tries < 2000; tries++) {
      const seq = 2 * rng.int(0, 499) + (gender === 'M' ? 1 : 0);
      const key = birthDay * 1000 + seq;
      if (!taken.has(key)) {
        taken.add(key);
        return makeIdNumber(region, birthDate, seq);
      }
    }
    throw new Error(`no free ID sequence for ${region} ${birthDate}`);
  };

  let batch: DemoTeacher[] = [];
  let index = 0;
  for (let u = 0; u < units.length; u++) {
    const unit = itemAt(units, u);
    const count = counts[u] ?? 0;
    const isTdc = unit.schoolType === null;
    const stages = unit.org.stages ?? ['小学'];
    const isPoint = unit.schoolType === '教学点';
    const viceCount = isTdc || isPoint ? 0 : count >= 30 ? 2 : count >= 3 ? 1 : 0;
    const hasDean = !isTdc && !isPoint && count >= 20;
    for (let k = 0; k < count; k++) {
      const roles: string[] = [];
      let p: Person | undefined;
      if (!isPoint && k === 0) {
        p = person(rng.chance(isTdc ? 0.4 : 0.35), rng.int(42, 57));
        roles.push(isTdc ? '培训管理者' : '校长');
      } else if (k >= 1 && k <= viceCount) {
        p = person(rng.chance(0.45), rng.int(35, 55));
        roles.push('副校长');
      } else if (isTdc && k <= 2) {
        p = person(rng.chance(0.45), rng.int(35, 55));
        roles.push('培训管理者');
      } else if (hasDean && k === viceCount + 1) {
        p = person(rng.chance(0.5), rng.int(32, 52));
        roles.push('教导主任');
      }
      const leader = p !== undefined;
      const stage = isTdc
        ? TDC_STAGES.pick(rng)
        : stages.length === 1
          ? itemAt(stages, 0)
          : pickStage(stages, rng);
      if (!p) {
        const female = rng.chance(isTdc ? 0.5 : (FEMALE_SHARE[stage] ?? 0.55));
        p = person(female, isTdc ? rng.int(30, 58) : (female ? AGES_F : AGES_M).pick(rng));
      }
      if (isTdc) roles.push('教研员');
      const subject = (SUBJECTS_OF[stage] ?? PRIMARY_SUBJECTS).pick(rng);

      const birthDate = dayString(p.birthDay);
      const startAge = Math.min(p.age, START_AGES.pick(rng));
      const startYear = refYear - p.age + startAge;
      // Mostly 1 September; some start on a summer day, unless that would make them younger than startAge.
      let teachingStartDate = `${startYear}-09-01`;
      if (rng.chance(0.15)) {
        const summer = dayString(dayIndex(startYear, 7, 1) + rng.int(0, 61));
        if (summer.slice(5) >= birthDate.slice(5) || birthDate.slice(5) > '09-01') teachingStartDate = summer;
      }
      const years = p.age - startAge;
      const title = pickTitle(rng, years, stage, leader || isTdc);
      const backbone = pickBackbone(rng, years, isTdc ? 3 : leader ? 2 : 1);

      if (!leader && !isTdc) {
        if (rng.chance(HOMEROOM_SHARE[subject] ?? 0.08) && p.age < 56) roles.push('班主任');
        if (count >= 15 && years >= 8 && rng.chance(0.05)) roles.push('教研组长');
        if (count >= 20 && years >= 5 && rng.chance(0.02)) roles.push('年级组长');
      }

      let trainingStartYear: number | null = null;
      if (isTdc) {
        trainingStartYear = Math.min(refYear, startYear + rng.int(5, 15));
      } else if (backbone !== null && backbone !== 'school' && years >= 5 && rng.chance(0.3)) {
        trainingStartYear = Math.min(refYear, startYear + 3 + rng.int(0, Math.max(0, years - 3)));
      }

      let status: DemoTeacherStatus = 'active';
      if (!leader) {
        const r = rng.float();
        if (r < (p.gender === 'F' && p.age < 40 ? 0.04 : 0.01)) status = 'on_leave';
        else if (!isTdc && years >= 3 && r > 0.985) status = 'seconded';
      }

      const region =
        rng.chance(0.85) && unit.homeCounties.length > 0 ? rng.pick(unit.homeCounties) : rng.pick(gdCounties);
      batch.push({
        idNumber: makeId(region, p.birthDay, birthDate, p.gender),
        name: makeName(p.gender, p.age),
        gender: p.gender,
        birthDate,
        phone: `${rng.pick(PHONE_PREFIXES)}${String(phoneSuffix(index, phoneB, phoneD)).padStart(8, '0')}`,
        schoolKey: unit.org.key,
        stage,
        subject,
        title,
        backbone,
        teachingStartDate,
        trainingStartYear,
        rolesHeld: roles,
        status,
      });
      index++;
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

function pickStage(stages: string[], rng: Rng): string {
  // 九年一贯制: 60 % 小学; 完全中学: 45 % 初中.
  const first = itemAt(stages, 0);
  const second = itemAt(stages, 1);
  return rng.chance(first === '小学' ? 0.6 : 0.45) ? first : second;
}

function pickTitle(rng: Rng, years: number, stage: string, senior: boolean): string {
  if (years < 1) return '未定职级';
  const f = (TITLE_FACTOR[stage] ?? 1) * (senior ? 1.8 : 1);
  if (years >= 25 && rng.chance(0.004 * f)) return '正高级教师';
  if (years >= 12 && rng.chance(Math.min(0.85, (years - 11) * 0.035 * f))) return '高级教师';
  if (years >= 5 && rng.chance(Math.min(0.9, (years - 4) * 0.15))) return '一级教师';
  if (years <= 3 && rng.chance(stage === '学前教育' ? 0.1 : 0.02)) return '三级教师';
  return '二级教师';
}

function pickBackbone(rng: Rng, years: number, boost: number): string | null {
  if (years < 3) return null;
  const r = rng.float() / boost;
  for (const [level, cut] of BACKBONE_CUTS) if (r < cut) return level;
  return null;
}
